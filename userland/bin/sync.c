/* sync: write the kernel's modified buffers and superblock to disk. */
#include <unistd.h>

void sync(void);	/* unistd.h on POSIX; the file system's call */

int main(void)
{
	sync();
	return 0;
}
