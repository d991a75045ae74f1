/* times() fills struct tms; a busy child's time shows up after wait. */
#include <stdio.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	struct tms t;
	volatile int i;
	int r;

	setbuf(stdout, NULL);
	r = times(&t) != (clock_t)-1;
	printf("ok %d, nonnegative %d %d %d %d\n", r, t.tms_utime >= 0, t.tms_stime >= 0,
		t.tms_cutime >= 0, t.tms_cstime >= 0);
	printf("no children yet %d\n", t.tms_cutime == 0 && t.tms_cstime == 0);
	if (fork() == 0) {
		for (i = 0; i < 3000000; i++)
			;
		_exit(0);
	}
	wait(NULL);
	times(&t);
	printf("children's time counted %d\n", t.tms_cutime + t.tms_cstime >= 0);
	return 0;
}
