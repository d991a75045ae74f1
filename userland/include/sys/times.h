#ifndef _SYS_TIMES_H
#define _SYS_TIMES_H

#include <sys/types.h>

/* Process times in clock ticks (HZ 120), as the kernel's Times fills them. */
struct tms {
	clock_t tms_utime;
	clock_t tms_stime;
	clock_t tms_cutime;
	clock_t tms_cstime;
};

clock_t times(struct tms *buf);

#endif
