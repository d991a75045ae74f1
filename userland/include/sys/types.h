#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H

/* Basic system types. int and long are both 32 bits on v6vm. */

#ifndef _SIZE_T
#define _SIZE_T
typedef unsigned int size_t;
#endif

typedef int pid_t;
typedef int ssize_t;
typedef int off_t;
#ifndef _TIME_T
#define _TIME_T
typedef int time_t;
#endif
#ifndef _CLOCK_T
#define _CLOCK_T
typedef int clock_t;
#endif
typedef unsigned short mode_t;
typedef int uid_t;
typedef int gid_t;

#endif
