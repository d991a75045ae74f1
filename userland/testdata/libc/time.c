/* time() agrees with its argument and moves forward across sleep. */
#include <stdio.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
	time_t a, b, c;

	a = time(NULL);
	b = time(&c);
	/* the machine's clock starts where the boot configuration says */
	printf("same %d, sane %d\n", b == c, a >= 0);
	printf("sleep returns %u\n", sleep(1));
	c = time(NULL);
	printf("advanced %d, by at most 3 %d\n", c > a, c - a <= 3);
	return 0;
}
