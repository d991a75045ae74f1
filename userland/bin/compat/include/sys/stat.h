#ifndef _SYS_STAT_H
#define _SYS_STAT_H

/* A stand-in (see ../../README) until the file system's own header. */
#include <sys/types.h>

struct stat {
	int st_dev;
	int st_ino;
	mode_t st_mode;
	short st_nlink;
	short st_uid;
	short st_gid;
	int st_rdev;
	off_t st_size;
	time_t st_atime;
	time_t st_mtime;
};

#define S_IFMT 0170000
#define S_IFDIR 0040000
#define S_IFCHR 0020000
#define S_IFBLK 0060000
#define S_IFREG 0100000
#define S_IFIFO 0010000
#define S_ISDIR(m) (((m) & S_IFMT) == S_IFDIR)
#define S_ISCHR(m) (((m) & S_IFMT) == S_IFCHR)
#define S_ISBLK(m) (((m) & S_IFMT) == S_IFBLK)
#define S_ISREG(m) (((m) & S_IFMT) == S_IFREG)
#define S_ISFIFO(m) (((m) & S_IFMT) == S_IFIFO)

int stat(const char *path, struct stat *st);
int fstat(int fd, struct stat *st);
int mkdir(const char *path, mode_t mode);
int mknod(const char *path, mode_t mode, int dev);

#endif
