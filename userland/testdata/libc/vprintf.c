/* The v forms, called from the program's own variadic functions. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int logf_(const char *tag, const char *fmt, ...)
{
	va_list ap;
	int n;

	printf("[%s] ", tag);
	va_start(ap, fmt);
	n = vprintf(fmt, ap);
	va_end(ap);
	return n;
}

static char *fmtstr(char *buf, int size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return buf;
}

static int tofile(FILE *f, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfprintf(f, fmt, ap);
	va_end(ap);
	return n;
}

static int tosbuf(char *buf, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsprintf(buf, fmt, ap);
	va_end(ap);
	return n;
}

int main(void)
{
	char buf[64], small[8];
	int n;

	n = logf_("info", "%d apples and %s\n", 3, "pears");
	printf("n=%d\n", n);
	printf("%s|\n", fmtstr(buf, sizeof buf, "%x-%o-%c", 255, 8, 'q'));
	printf("%s|\n", fmtstr(small, sizeof small, "%s", "truncated string"));
	n = tofile(stdout, "vfprintf %5s %-3d|\n", "ok", 7);
	printf("n=%d\n", n);
	n = tosbuf(buf, "%d+%d=%d", 2, 2, 4);
	printf("%s %d %d\n", buf, n, (int)strlen(buf));
	return 0;
}
