#ifndef _STDARG_H
#define _STDARG_H

/*
 * Variable arguments, cdecl style: every argument occupies a 4-byte
 * multiple of stack slot above the last named parameter, and tools/cc
 * keeps that parameter in its incoming slot (as gcc -O0 does on i386),
 * so a va_list is just a pointer walking up the argument area.
 */
typedef char *va_list;
#define __va_size(t) ((sizeof(t) + 3) & ~3)
#define va_start(ap, last) ((ap) = (char *)&(last) + __va_size(last))
#define va_arg(ap, t) (*(t *)(((ap) += __va_size(t)) - __va_size(t)))
#define va_end(ap) ((void)0)
#define va_copy(d, s) ((d) = (s))
#define __va_copy(d, s) ((d) = (s))

#endif
