#ifndef _DIRENT_H
#define _DIRENT_H

/* A stand-in (see ../README) until the C library has directories:
 * V6++'s directory entry is 32 bytes, an inode number and a name. */
struct dirent {
	int d_ino;
	char d_name[28];
};

typedef struct __dir DIR;

DIR *opendir(const char *path);
struct dirent *readdir(DIR *d);
int closedir(DIR *d);

#endif
