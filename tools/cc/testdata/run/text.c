#include <stdio.h>
#include <stdarg.h>
#include <string.h>

int my_atoi(const char *s)
{
	int n = 0, neg = 0;
	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	while (*s >= '0' && *s <= '9')
		n = n * 10 + (*s++ - '0');
	return neg ? -n : n;
}

void reverse(char *s)
{
	char *e = s + strlen(s) - 1;
	while (s < e) {
		char t = *s;
		*s++ = *e;
		*e-- = t;
	}
}

/* format writes a tiny subset of printf into buf: %d and %s. */
int format(char *buf, const char *fmt, ...)
{
	va_list ap;
	char *out = buf;
	va_start(ap, fmt);
	while (*fmt) {
		if (*fmt != '%') {
			*out++ = *fmt++;
			continue;
		}
		fmt++;
		if (*fmt == 'd') {
			int v = va_arg(ap, int);
			char digits[12];
			int n = 0;
			unsigned u = v < 0 ? -(unsigned)v : v;
			do
				digits[n++] = '0' + u % 10;
			while (u /= 10);
			if (v < 0)
				*out++ = '-';
			while (n)
				*out++ = digits[--n];
		} else if (*fmt == 's') {
			const char *s = va_arg(ap, const char *);
			while (*s)
				*out++ = *s++;
		}
		fmt++;
	}
	*out = 0;
	va_end(ap);
	return out - buf;
}

int words(const char *s)
{
	int n = 0, in = 0;
	for (; *s; s++) {
		if (*s == ' ' || *s == '\n' || *s == '\t')
			in = 0;
		else if (!in) {
			in = 1;
			n++;
		}
	}
	return n;
}

int main(void)
{
	char buf[64], line[] = "  the quick\tbrown fox\n jumps  ";
	int n;

	printf("%d %d %d %d\n", my_atoi("42"), my_atoi("  -17x"), my_atoi("+8"), my_atoi("junk"));
	strcpy(buf, "stressed");
	reverse(buf);
	printf("%s\n", buf);
	n = format(buf, "pid=%d name=%s delta=%d", 123, "init", -45);
	printf("%s (%d)\n", buf, n);
	printf("%d words\n", words(line));
	{
		char *p = line, *tok[8];
		int k = 0, i;
		while (*p) {
			while (*p == ' ' || *p == '\t' || *p == '\n')
				*p++ = 0;
			if (*p)
				tok[k++] = p;
			while (*p && *p != ' ' && *p != '\t' && *p != '\n')
				p++;
		}
		for (i = 0; i < k; i++)
			printf("[%s]", tok[i]);
		printf("\n");
	}
	return 0;
}
