#ifndef _STDIO_H
#define _STDIO_H

#include <stdarg.h>

#ifndef _SIZE_T
#define _SIZE_T
typedef unsigned int size_t;
#endif

#ifndef NULL
#define NULL ((void *)0)
#endif

#define EOF (-1)
#define BUFSIZ 1024

/*
 * Streams are unbuffered, as in V6++: printf formats into a buffer and
 * makes exactly one write per call, so the output of several processes
 * interleaves call by call. A FILE only names the descriptor and keeps
 * the end-of-file and error flags and one pushed-back character.
 */
typedef struct __file {
	int fd;
	int flags;
	int unget;	/* ungetc'd character, or EOF */
} FILE;

extern FILE *stdin;
extern FILE *stdout;
extern FILE *stderr;

int printf(const char *fmt, ...);
int fprintf(FILE *f, const char *fmt, ...);
int dprintf(int fd, const char *fmt, ...);
int sprintf(char *buf, const char *fmt, ...);
int snprintf(char *buf, size_t n, const char *fmt, ...);
int vprintf(const char *fmt, va_list ap);
int vfprintf(FILE *f, const char *fmt, va_list ap);
int vdprintf(int fd, const char *fmt, va_list ap);
int vsprintf(char *buf, const char *fmt, va_list ap);
int vsnprintf(char *buf, size_t n, const char *fmt, va_list ap);

int putchar(int c);
int puts(const char *s);
int fputs(const char *s, FILE *f);
int fputc(int c, FILE *f);
int putc(int c, FILE *f);
size_t fwrite(const void *p, size_t size, size_t n, FILE *f);

int getchar(void);
int fgetc(FILE *f);
int getc(FILE *f);
int ungetc(int c, FILE *f);
char *fgets(char *buf, int n, FILE *f);
size_t fread(void *p, size_t size, size_t n, FILE *f);

int feof(FILE *f);
int ferror(FILE *f);
void clearerr(FILE *f);
int fileno(FILE *f);
int fflush(FILE *f);
void setbuf(FILE *f, char *buf);
int setvbuf(FILE *f, char *buf, int mode, size_t size);

#define _IOFBF 0
#define _IOLBF 1
#define _IONBF 2

void perror(const char *s);

#endif
