/*
 * Streams without buffers, as in V6++: every output call is one write,
 * and input is read a byte at a time (the console hands out at most one
 * line per read anyway). A buffer would make fork duplicate pending output
 * and hide the interleaving the demos are meant to show.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define F_EOF 1
#define F_ERR 2

static FILE files[3] = {
	{0, 0, EOF},
	{1, 0, EOF},
	{2, 0, EOF},
};

FILE *stdin = &files[0];
FILE *stdout = &files[1];
FILE *stderr = &files[2];

/* out writes n bytes to f, noting a failure in the stream. */
static int out(FILE *f, const void *p, int n)
{
	if (write(f->fd, p, n) != n) {
		f->flags |= F_ERR;
		return EOF;
	}
	return n;
}

int fputc(int c, FILE *f)
{
	unsigned char ch = c;

	if (out(f, &ch, 1) == EOF)
		return EOF;
	return ch;
}

int putc(int c, FILE *f)
{
	return fputc(c, f);
}

int putchar(int c)
{
	return fputc(c, stdout);
}

int fputs(const char *s, FILE *f)
{
	int n = strlen(s);

	if (n == 0)
		return 0;
	return out(f, s, n) == EOF ? EOF : 0;
}

/* puts adds the newline in the same write, so the line stays whole. */
int puts(const char *s)
{
	char buf[BUFSIZ];
	int n = strlen(s);

	if (n < BUFSIZ) {
		memcpy(buf, s, n);
		buf[n] = '\n';
		return out(stdout, buf, n + 1) == EOF ? EOF : n + 1;
	}
	if (out(stdout, s, n) == EOF || out(stdout, "\n", 1) == EOF)
		return EOF;
	return n + 1;
}

size_t fwrite(const void *p, size_t size, size_t n, FILE *f)
{
	int want = size * n;
	int got;

	if (want == 0)
		return 0;
	got = write(f->fd, p, want);
	if (got < 0) {
		f->flags |= F_ERR;
		return 0;
	}
	return got / size;
}

int fgetc(FILE *f)
{
	unsigned char c;
	int n;

	if (f->unget != EOF) {
		n = f->unget;
		f->unget = EOF;
		return n;
	}
	/*
	 * End of file sticks until clearerr, as C (and glibc) say: on the
	 * console, another read would wait for more input after a ^D.
	 */
	if (f->flags & F_EOF)
		return EOF;
	n = read(f->fd, &c, 1);
	if (n == 1)
		return c;
	f->flags |= n == 0 ? F_EOF : F_ERR;
	return EOF;
}

int getc(FILE *f)
{
	return fgetc(f);
}

int getchar(void)
{
	return fgetc(stdin);
}

int ungetc(int c, FILE *f)
{
	if (c == EOF || f->unget != EOF)
		return EOF;
	f->unget = (unsigned char)c;
	f->flags &= ~F_EOF;
	return f->unget;
}

/* fgets reads up to a newline (kept) or n-1 bytes; NULL at end of file
 * with nothing read, or on an error. */
char *fgets(char *buf, int n, FILE *f)
{
	int i = 0, c;

	if (n <= 0)
		return NULL;
	while (i < n - 1) {
		c = fgetc(f);
		if (c == EOF) {
			if (i == 0 || (f->flags & F_ERR))
				return NULL;
			break;
		}
		buf[i++] = c;
		if (c == '\n')
			break;
	}
	buf[i] = 0;
	return buf;
}

size_t fread(void *p, size_t size, size_t n, FILE *f)
{
	unsigned char *q = p;
	int want = size * n, i, c;

	for (i = 0; i < want; i++) {
		c = fgetc(f);
		if (c == EOF)
			break;
		q[i] = c;
	}
	return size ? i / size : 0;
}

int feof(FILE *f)
{
	return (f->flags & F_EOF) != 0;
}

int ferror(FILE *f)
{
	return (f->flags & F_ERR) != 0;
}

void clearerr(FILE *f)
{
	f->flags = 0;
}

int fileno(FILE *f)
{
	return f->fd;
}

/* Nothing is ever buffered: these exist so portable programs compile. */
int fflush(FILE *f)
{
	return 0;
}

void setbuf(FILE *f, char *buf)
{
}

int setvbuf(FILE *f, char *buf, int mode, size_t size)
{
	return 0;
}

/* perror: "s: message\n" on stderr, in one write. */
void perror(const char *s)
{
	if (s && *s)
		fprintf(stderr, "%s: %s\n", s, strerror(errno));
	else
		fprintf(stderr, "%s\n", strerror(errno));
}
