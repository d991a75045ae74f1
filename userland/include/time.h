#ifndef _TIME_H
#define _TIME_H

#include <sys/types.h>

#ifndef NULL
#define NULL ((void *)0)
#endif

#define CLOCKS_PER_SEC 120

time_t time(time_t *t);

#endif
