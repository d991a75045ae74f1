/* exit: run the atexit functions, then end the process. */
#include <unistd.h>

#define NATEXIT 32

static void (*atexit_fns[NATEXIT])(void);
static int natexit;

/* __stdio_flush is set by stdio when it has buffered output to flush. */
void (*__stdio_flush)(void);

int atexit(void (*fn)(void))
{
	if (natexit >= NATEXIT)
		return -1;
	atexit_fns[natexit++] = fn;
	return 0;
}

void exit(int status)
{
	while (natexit > 0)
		atexit_fns[--natexit]();
	if (__stdio_flush)
		__stdio_flush();
	_exit(status);
}
