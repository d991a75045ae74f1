/*
 * Every combination of flags, width, precision and conversion on a set of
 * values, with the format built at run time: the broad sweep.
 */
#include <stdio.h>
#include <limits.h>
#include <string.h>

int main(void)
{
	const char *flags[] = {"", "-", "+", " ", "0", "#", "-+", "+0", " 0", "#0", "-#", "- 0"};
	const char *widths[] = {"", "1", "6", "13"};
	const char *precs[] = {"", ".", ".0", ".1", ".5", ".11"};
	const char *convs = "diuxXo";
	int vals[] = {0, 1, -1, 42, -42, 255, 4096, INT_MAX, INT_MIN, 65535, -100000};
	char fmt[64], buf[128];
	int f, w, p, c, v, n, total = 0;

	for (c = 0; convs[c]; c++)
		for (f = 0; f < 12; f++)
			for (w = 0; w < 4; w++)
				for (p = 0; p < 6; p++) {
					sprintf(fmt, "%%%s%s%s%c", flags[f], widths[w], precs[p], convs[c]);
					printf("%-10s", fmt);
					for (v = 0; v < 11; v++) {
						n = snprintf(buf, sizeof buf, fmt, vals[v]);
						total += n;
						printf("|%s", buf);
					}
					printf("|\n");
				}
	printf("total %d\n", total);
	return 0;
}
