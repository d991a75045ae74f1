/* stdarg.h for tests: arguments are 4-byte stack slots above the last
 * named parameter, which lives in its incoming slot (cdecl, -O0 frames). */
#ifndef _STDARG_H
#define _STDARG_H
typedef char *va_list;
#define __va_size(t) ((sizeof(t) + 3) & ~3)
#define va_start(ap, last) ((ap) = (char *)&(last) + __va_size(last))
#define va_arg(ap, t) (*(t *)(((ap) += __va_size(t)) - __va_size(t)))
#define va_end(ap) ((void)0)
#define va_copy(d, s) ((d) = (s))
#endif
