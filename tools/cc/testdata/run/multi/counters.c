#include "shared.h"

struct counter counters[2] = {{0, "left"}, {0, "right"}};
static int calls;

void bump(int which, int by)
{
	counters[which].hits += helper(by) - 1;
	total += twice(by) / 2;
	calls++;
}
