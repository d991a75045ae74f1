/*
 * The printf family. Everything goes through format, which writes into
 * a sink: a caller's buffer (sprintf, snprintf) or a 1 KiB buffer on the
 * stack that is written to a descriptor once at the end (printf,
 * fprintf). That single write is V6++'s behaviour and what the fork
 * demos rely on: each printf call reaches the console in one piece, so
 * processes interleave call by call, never in the middle of a line.
 * Only output longer than the buffer takes more than one write.
 */
#include <stdarg.h>
#include <stdio.h>
#include <unistd.h>

#define PBUFSIZ 1024

struct sink {
	char *buf;
	int cap;	/* bytes buf can hold; for snprintf the last is the NUL */
	int len;	/* bytes in buf */
	int total;	/* bytes produced, the return value */
	int fd;		/* >= 0: write buf there when it fills up */
};

static void flushsink(struct sink *s)
{
	if (s->fd >= 0 && s->len > 0)
		write(s->fd, s->buf, s->len);
	s->len = 0;
}

static void put(struct sink *s, int c)
{
	s->total++;
	if (s->len >= s->cap) {
		if (s->fd < 0)
			return;	/* snprintf: count what does not fit */
		flushsink(s);
	}
	s->buf[s->len++] = c;
}

static void putn(struct sink *s, int c, int n)
{
	while (n-- > 0)
		put(s, c);
}

/* Flags of one conversion. */
#define F_LEFT  1
#define F_PLUS  2
#define F_SPACE 4
#define F_ZERO  8
#define F_ALT   16

/*
 * number formats an unsigned value with a sign or prefix, honouring
 * width, precision (minimum digits; it disables the 0 flag) and flags.
 */
static void number(struct sink *s, unsigned v, int base, int upper,
	const char *prefix, int flags, int width, int prec)
{
	char digits[16];
	const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	int n = 0, zeros, plen, pad;

	while (v != 0) {
		digits[n++] = set[v % base];
		v /= base;
	}
	if (prec < 0)
		prec = 1;	/* the default: at least one digit, so 0 prints "0" */
	zeros = prec > n ? prec - n : 0;
	/* %#o: the first digit must be 0; %#.0o of 0 prints "0" too */
	if (base == 8 && (flags & F_ALT) && zeros == 0 && (n == 0 || digits[n - 1] != '0'))
		zeros = 1;
	plen = 0;
	while (prefix[plen])
		plen++;
	pad = width - plen - zeros - n;
	if (!(flags & F_LEFT) && !(flags & F_ZERO))
		putn(s, ' ', pad);
	while (*prefix)
		put(s, *prefix++);
	if (!(flags & F_LEFT) && (flags & F_ZERO))
		putn(s, '0', pad);
	putn(s, '0', zeros);
	while (n > 0)
		put(s, digits[--n]);
	if (flags & F_LEFT)
		putn(s, ' ', pad);
}

/* str writes n bytes of p in a field of the given width. */
static void str(struct sink *s, const char *p, int n, int flags, int width)
{
	int pad = width - n;

	if (!(flags & F_LEFT))
		putn(s, ' ', pad);
	while (n-- > 0)
		put(s, *p++);
	if (flags & F_LEFT)
		putn(s, ' ', pad);
}

static int format(struct sink *s, const char *fmt, va_list ap)
{
	const char *p;
	int flags, width, prec, c, n, i, half;
	unsigned u;
	const char *prefix;

	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			put(s, *fmt);
			continue;
		}
		fmt++;
		flags = 0;
		for (;; fmt++) {
			if (*fmt == '-')
				flags |= F_LEFT;
			else if (*fmt == '+')
				flags |= F_PLUS;
			else if (*fmt == ' ')
				flags |= F_SPACE;
			else if (*fmt == '0')
				flags |= F_ZERO;
			else if (*fmt == '#')
				flags |= F_ALT;
			else
				break;
		}
		width = 0;
		if (*fmt == '*') {
			width = va_arg(ap, int);
			if (width < 0) {	/* a negative width is the - flag */
				flags |= F_LEFT;
				width = -width;
			}
			fmt++;
		} else {
			while (*fmt >= '0' && *fmt <= '9')
				width = width * 10 + *fmt++ - '0';
		}
		prec = -1;
		if (*fmt == '.') {
			fmt++;
			prec = 0;
			if (*fmt == '*') {
				prec = va_arg(ap, int);	/* negative: as if omitted */
				if (prec < 0)
					prec = -1;
				fmt++;
			} else {
				while (*fmt >= '0' && *fmt <= '9')
					prec = prec * 10 + *fmt++ - '0';
			}
		}
		if (flags & F_LEFT)
			flags &= ~F_ZERO;
		/*
		 * Length modifiers: int, long and the rest are 32 bits here
		 * (tools/cc has no long long), so only h and hh matter: the
		 * argument, promoted to int, is printed as a short or a char.
		 */
		half = 0;
		while (*fmt == 'h' || *fmt == 'l' || *fmt == 'z' || *fmt == 't' || *fmt == 'j')
			if (*fmt++ == 'h')
				half++;
		c = *fmt;
		switch (c) {
		case 'd':
		case 'i':
			n = va_arg(ap, int);
			if (half == 1)
				n = (short)n;
			else if (half > 1)
				n = (signed char)n;
			prefix = "";
			u = n;
			if (n < 0) {
				prefix = "-";
				u = -u;	/* unsigned negation: right for INT_MIN too */
			} else if (flags & F_PLUS)
				prefix = "+";
			else if (flags & F_SPACE)
				prefix = " ";
			if (prec >= 0)
				flags &= ~F_ZERO;
			number(s, u, 10, 0, prefix, flags, width, prec);
			break;
		case 'u':
		case 'o':
		case 'x':
		case 'X':
			u = va_arg(ap, unsigned);
			if (half == 1)
				u = (unsigned short)u;
			else if (half > 1)
				u = (unsigned char)u;
			prefix = "";
			if ((flags & F_ALT) && u != 0 && c == 'x')
				prefix = "0x";
			if ((flags & F_ALT) && u != 0 && c == 'X')
				prefix = "0X";
			if (prec >= 0)
				flags &= ~F_ZERO;
			number(s, u, c == 'u' ? 10 : c == 'o' ? 8 : 16, c == 'X', prefix,
				flags, width, prec);
			break;
		case 'p':
			/* as glibc: %#x, and "(nil)" for the null pointer */
			u = (unsigned)va_arg(ap, void *);
			if (u == 0)
				str(s, "(nil)", 5, flags, width);
			else
				number(s, u, 16, 0, "0x", flags & ~F_ZERO, width, -1);
			break;
		case 'c':
			{
				char ch = va_arg(ap, int);
				str(s, &ch, 1, flags, width);
			}
			break;
		case 's':
			p = va_arg(ap, const char *);
			if (p == NULL)
				p = "(null)";
			for (i = 0; (prec < 0 || i < prec) && p[i]; i++)
				;
			str(s, p, i, flags, width);
			break;
		case 'n':
			*va_arg(ap, int *) = s->total;
			break;
		case '%':
			put(s, '%');
			break;
		case 0:
			fmt--;	/* a lone % at the end: stop at the NUL */
			break;
		default:
			/* unknown: print it as written, like most libcs */
			put(s, '%');
			put(s, c);
			break;
		}
	}
	return s->total;
}

int vdprintf(int fd, const char *fmt, va_list ap)
{
	char buf[PBUFSIZ];
	struct sink s;
	int n;

	s.buf = buf;
	s.cap = PBUFSIZ;
	s.len = 0;
	s.total = 0;
	s.fd = fd;
	n = format(&s, fmt, ap);
	flushsink(&s);
	return n;
}

int vfprintf(FILE *f, const char *fmt, va_list ap)
{
	return vdprintf(f->fd, fmt, ap);
}

int vprintf(const char *fmt, va_list ap)
{
	return vdprintf(1, fmt, ap);
}

int vsnprintf(char *buf, size_t n, const char *fmt, va_list ap)
{
	struct sink s;
	int r;

	s.buf = buf;
	s.cap = n > 0 ? n - 1 : 0;	/* keep room for the NUL */
	s.len = 0;
	s.total = 0;
	s.fd = -1;
	r = format(&s, fmt, ap);
	if (n > 0)
		buf[s.len] = 0;
	return r;
}

int vsprintf(char *buf, const char *fmt, va_list ap)
{
	return vsnprintf(buf, 0x7FFFFFFF, fmt, ap);
}

int printf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vdprintf(1, fmt, ap);
	va_end(ap);
	return n;
}

int fprintf(FILE *f, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vdprintf(f->fd, fmt, ap);
	va_end(ap);
	return n;
}

int dprintf(int fd, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vdprintf(fd, fmt, ap);
	va_end(ap);
	return n;
}

int sprintf(char *buf, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, 0x7FFFFFFF, fmt, ap);
	va_end(ap);
	return n;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
