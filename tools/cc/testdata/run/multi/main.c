#include <stdio.h>
#include "shared.h"

int total;

int main(void)
{
	bump(0, 3);
	bump(1, helper(4) + twice(0));
	bump(0, 2);
	printf("%s=%d %s=%d total=%d\n", counters[0].name, counters[0].hits, counters[1].name, counters[1].hits, total);
	return 0;
}
