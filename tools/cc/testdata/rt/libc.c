/* A minimal libc for bare-metal tests, compiled by cc itself. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int puts(const char *s)
{
	while (*s)
		putchar(*s++);
	putchar('\n');
	return 0;
}

size_t strlen(const char *s)
{
	const char *p = s;
	while (*p)
		p++;
	return p - s;
}

int strcmp(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (unsigned char)*a - (unsigned char)*b;
}

char *strcpy(char *d, const char *s)
{
	char *r = d;
	while ((*d++ = *s++) != 0)
		;
	return r;
}

void *memset(void *d, int c, size_t n)
{
	unsigned char *p = d;
	while (n--)
		*p++ = c;
	return d;
}

void *memcpy(void *d, const void *s, size_t n)
{
	unsigned char *p = d;
	const unsigned char *q = s;
	while (n--)
		*p++ = *q++;
	return d;
}

/* pad writes s (n bytes) in a field of width w. */
static int pad(const char *s, int n, int w, int left, char fill)
{
	int out = 0;
	if (fill == '0' && (*s == '-') && n > 0 && !left) {
		putchar(*s++);
		n--, w--, out++;
	}
	if (!left)
		for (; w > n; w--, out++)
			putchar(fill);
	for (int i = 0; i < n; i++, out++)
		putchar(s[i]);
	for (; w > n; w--, out++)
		putchar(' ');
	return out;
}

/* utoa writes v in base b into the end of buf and returns the start. */
static char *utoa(char *end, unsigned v, unsigned b, int upper)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	*--end = 0;
	do {
		*--end = digits[v % b];
		v /= b;
	} while (v);
	return end;
}

int printf(const char *fmt, ...)
{
	va_list ap;
	char buf[40];
	int n = 0;
	va_start(ap, fmt);
	for (; *fmt; fmt++) {
		int left = 0, w = 0;
		char fill = ' ';
		char *s;
		if (*fmt != '%') {
			putchar(*fmt);
			n++;
			continue;
		}
		fmt++;
		for (; *fmt == '-' || *fmt == '0'; fmt++)
			if (*fmt == '-')
				left = 1;
			else
				fill = '0';
		for (; *fmt >= '0' && *fmt <= '9'; fmt++)
			w = w * 10 + *fmt - '0';
		while (*fmt == 'l' || *fmt == 'h')
			fmt++;
		switch (*fmt) {
		case 'd':
		case 'i': {
			int v = va_arg(ap, int);
			s = utoa(buf + sizeof buf, v < 0 ? -(unsigned)v : v, 10, 0);
			if (v < 0)
				*--s = '-';
			break;
		}
		case 'u':
			s = utoa(buf + sizeof buf, va_arg(ap, unsigned), 10, 0);
			break;
		case 'x':
		case 'X':
			s = utoa(buf + sizeof buf, va_arg(ap, unsigned), 16, *fmt == 'X');
			break;
		case 'o':
			s = utoa(buf + sizeof buf, va_arg(ap, unsigned), 8, 0);
			break;
		case 'c':
			buf[0] = va_arg(ap, int);
			n += pad(buf, 1, w, left, ' ');
			continue;
		case 's':
			s = va_arg(ap, char *);
			n += pad(s, strlen(s), w, left, ' ');
			continue;
		case '%':
			putchar('%');
			n++;
			continue;
		default:
			return -1;
		}
		n += pad(s, strlen(s), w, left, left ? ' ' : fill);
	}
	va_end(ap);
	return n;
}
