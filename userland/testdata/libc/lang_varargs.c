/* A variadic function of our own with <stdarg.h>, and va_list passed on. */
#include <stdio.h>
#include <stdarg.h>

static int sum(int n, ...)
{
	va_list ap;
	int i, s = 0;

	va_start(ap, n);
	for (i = 0; i < n; i++)
		s += va_arg(ap, int);
	va_end(ap);
	return s;
}

static void logmsg(const char *tag, const char *fmt, ...)
{
	char buf[128];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	printf("[%s] %s\n", tag, buf);
}

int main(void)
{
	printf("sum() %d sum(1) %d sum(5) %d\n", sum(0), sum(1, 42), sum(5, 1, 2, 3, 4, 5));
	logmsg("info", "%d + %d = %d, %s", 2, 3, 5, "ok");
	logmsg("hex", "%#x %o %c", 255, 8, 'z');
	return 0;
}
