/*
 * shutdown: write everything to disk, then halt the machine (V6++'s
 * shutdown program). Only for v6vm: the host's shutdown() is a socket call.
 */
#include <stdio.h>
#include <unistd.h>

void sync(void);
int shutdown(int how, int status);	/* unistd.h: 0 halts */

int main(void)
{
	sync();
	shutdown(0, 0);
	perror("shutdown");
	return 1;
}
