/*
 * <string.h>: plain byte loops. Comparisons treat bytes as unsigned char,
 * as C requires, whatever the signedness of char.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *memcpy(void *d, const void *s, size_t n)
{
	char *p = d;
	const char *q = s;

	while (n-- > 0)
		*p++ = *q++;
	return d;
}

/* memmove copies backwards when the destination overlaps the source's end. */
void *memmove(void *d, const void *s, size_t n)
{
	char *p = d;
	const char *q = s;

	if (p < q || p >= q + n) {
		while (n-- > 0)
			*p++ = *q++;
	} else {
		p += n;
		q += n;
		while (n-- > 0)
			*--p = *--q;
	}
	return d;
}

void *memset(void *d, int c, size_t n)
{
	unsigned char *p = d;

	while (n-- > 0)
		*p++ = c;
	return d;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *p = a, *q = b;

	for (; n > 0; n--, p++, q++)
		if (*p != *q)
			return *p - *q;
	return 0;
}

void *memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	for (; n > 0; n--, p++)
		if (*p == (unsigned char)c)
			return (void *)p;
	return NULL;
}

size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return p - s;
}

char *strcpy(char *d, const char *s)
{
	char *r = d;

	while ((*d++ = *s++) != 0)
		;
	return r;
}

/* strncpy pads with NULs to n bytes and does not terminate a long source. */
char *strncpy(char *d, const char *s, size_t n)
{
	char *r = d;

	for (; n > 0 && *s; n--)
		*d++ = *s++;
	for (; n > 0; n--)
		*d++ = 0;
	return r;
}

char *strcat(char *d, const char *s)
{
	strcpy(d + strlen(d), s);
	return d;
}

/* strncat appends at most n bytes and always terminates. */
char *strncat(char *d, const char *s, size_t n)
{
	char *p = d + strlen(d);

	for (; n > 0 && *s; n--)
		*p++ = *s++;
	*p = 0;
	return d;
}

int strcmp(const char *a, const char *b)
{
	const unsigned char *p = (const unsigned char *)a;
	const unsigned char *q = (const unsigned char *)b;

	while (*p && *p == *q)
		p++, q++;
	return *p - *q;
}

int strncmp(const char *a, const char *b, size_t n)
{
	const unsigned char *p = (const unsigned char *)a;
	const unsigned char *q = (const unsigned char *)b;

	for (; n > 0; n--, p++, q++)
		if (*p != *q || *p == 0)
			return *p - *q;
	return 0;
}

/* strchr finds c, which may be the terminating NUL. */
char *strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (*s == 0)
			return NULL;
	}
}

char *strrchr(const char *s, int c)
{
	const char *r = NULL;

	for (;; s++) {
		if (*s == (char)c)
			r = s;
		if (*s == 0)
			return (char *)r;
	}
}

char *strstr(const char *s, const char *sub)
{
	size_t n = strlen(sub);

	for (; *s; s++)
		if (strncmp(s, sub, n) == 0)
			return (char *)s;
	return n == 0 ? (char *)s : NULL;
}

size_t strspn(const char *s, const char *accept)
{
	size_t n = 0;

	while (s[n] && strchr(accept, s[n]))
		n++;
	return n;
}

size_t strcspn(const char *s, const char *reject)
{
	size_t n = 0;

	while (s[n] && !strchr(reject, s[n]))
		n++;
	return n;
}

char *strpbrk(const char *s, const char *accept)
{
	s += strcspn(s, accept);
	return *s ? (char *)s : NULL;
}

char *strtok(char *s, const char *delim)
{
	static char *next;
	char *tok;

	if (s == NULL)
		s = next;
	if (s == NULL)
		return NULL;
	s += strspn(s, delim);
	if (*s == 0) {
		next = NULL;
		return NULL;
	}
	tok = s;
	s += strcspn(s, delim);
	if (*s) {
		*s = 0;
		next = s + 1;
	} else
		next = NULL;
	return tok;
}

char *strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = malloc(n);

	if (d != NULL)
		memcpy(d, s, n);
	return d;
}

/* The messages are glibc's, so programs print the same on Linux. */
static const char *const messages[] = {
	"Success",
	"Operation not permitted",		/* EPERM */
	"No such file or directory",		/* ENOENT */
	"No such process",			/* ESRCH */
	"Interrupted system call",		/* EINTR */
	"Input/output error",			/* EIO */
	"No such device or address",		/* ENXIO */
	"Argument list too long",		/* E2BIG */
	"Exec format error",			/* ENOEXEC */
	"Bad file descriptor",			/* EBADF */
	"No child processes",			/* ECHILD */
	"Resource temporarily unavailable",	/* EAGAIN */
	"Cannot allocate memory",		/* ENOMEM */
	"Permission denied",			/* EACCES */
	"Bad address",				/* EFAULT */
	"Block device required",		/* 15 */
	"Device or resource busy",		/* EBUSY */
	"File exists",				/* EEXIST */
	"Invalid cross-device link",		/* 18 */
	"No such device",			/* 19 */
	"Not a directory",			/* ENOTDIR */
	"Is a directory",			/* EISDIR */
	"Invalid argument",			/* EINVAL */
	"Too many open files in system",	/* ENFILE */
	"Too many open files",			/* EMFILE */
	"Inappropriate ioctl for device",	/* ENOTTY */
	"Text file busy",			/* 26 */
	"File too large",			/* EFBIG */
	"No space left on device",		/* ENOSPC */
	"Illegal seek",				/* ESPIPE */
	"Read-only file system",		/* 30 */
	"Too many links",			/* 31 */
	"Broken pipe",				/* EPIPE */
	"Numerical argument out of domain",	/* EDOM */
	"Numerical result out of range",	/* ERANGE */
};

char *strerror(int err)
{
	static char unknown[32];

	if (err >= 0 && err < (int)(sizeof messages / sizeof messages[0]))
		return (char *)messages[err];
	if (err == ENOSYS)
		return "Function not implemented";
	snprintf(unknown, sizeof unknown, "Unknown error %d", err);
	return unknown;
}
