#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H

typedef int pid_t;
typedef unsigned int size_t;
typedef int ssize_t;
typedef int off_t;
typedef int time_t;
typedef unsigned short mode_t;
typedef int uid_t;
typedef int gid_t;

#endif
