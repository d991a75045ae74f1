/* stdio.h for bare-metal tests: just what testdata/rt provides. */
#ifndef _STDIO_H
#define _STDIO_H
int putchar(int c);
int puts(const char *s);
int printf(const char *fmt, ...);
#endif
