#ifndef _SYS_STAT_H
#define _SYS_STAT_H

#include <sys/types.h>

/* What stat and fstat store (kernel/nami.go Stat). The mode is POSIX's:
 * V6++'s disk modes have the same type and permission bits, with its
 * IALLOC bit standing for S_IFREG. */
struct stat {
	int st_dev;
	int st_ino;
	unsigned int st_mode;
	int st_nlink;
	int st_uid;
	int st_gid;
	int st_rdev;
	off_t st_size;
	time_t st_atime;
	time_t st_mtime;
	time_t st_ctime;
};

#define S_IFMT 0170000
#define S_IFREG 0100000
#define S_IFDIR 0040000
#define S_IFCHR 0020000
#define S_IFBLK 0060000
#define S_IFIFO 0010000
#define S_ISREG(m) (((m) & S_IFMT) == S_IFREG)
#define S_ISDIR(m) (((m) & S_IFMT) == S_IFDIR)
#define S_ISCHR(m) (((m) & S_IFMT) == S_IFCHR)
#define S_ISBLK(m) (((m) & S_IFMT) == S_IFBLK)
#define S_ISFIFO(m) (((m) & S_IFMT) == S_IFIFO)

#define S_IRWXU 0700
#define S_IRUSR 0400
#define S_IWUSR 0200
#define S_IXUSR 0100

/* System calls (kernel/syscalls.tab). */
int stat(const char *path, struct stat *st);
int fstat(int fd, struct stat *st);
int mkdir(const char *path, mode_t mode);
int mknod(const char *path, mode_t mode, int dev);

#endif
