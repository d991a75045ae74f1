/*
 * C interfaces over file-system calls whose kernel form differs: getcwd
 * over __getcwd, which returns the path's length.
 */
#include <unistd.h>

int __getcwd(char *buf, size_t size);

char *getcwd(char *buf, size_t size)
{
	if (__getcwd(buf, size) < 0)
		return NULL;
	return buf;
}
