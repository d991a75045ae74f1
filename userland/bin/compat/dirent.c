/*
 * opendir, readdir, closedir over V6++'s directories: a directory is a
 * file of 32-byte entries (int inode number, 28-byte name padded with
 * NULs); a free slot has inode 0.
 */
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <dirent.h>

struct __dir {
	int fd;
	struct dirent ent;	/* one more byte: a 28-byte name ends in a NUL */
	char nul;
};

DIR *opendir(const char *path)
{
	DIR *d;
	int fd;

	if ((fd = open(path, O_RDONLY)) < 0)
		return NULL;
	if ((d = malloc(sizeof *d)) == NULL) {
		close(fd);
		return NULL;
	}
	d->fd = fd;
	d->nul = '\0';
	return d;
}

struct dirent *readdir(DIR *d)
{
	while (read(d->fd, &d->ent, 32) == 32) {
		if (d->ent.d_ino != 0)
			return &d->ent;
	}
	return NULL;
}

int closedir(DIR *d)
{
	int r;

	r = close(d->fd);
	free(d);
	return r;
}
