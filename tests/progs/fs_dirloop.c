/*
 * fs_dirloop: an attempt to make a directory loop -- a hard link to a
 * directory inside itself -- is refused, and the tree stays a tree (fsck
 * checks it afterwards).
 */
#include <stdio.h>
#include <errno.h>
#include <unistd.h>
#include <sys/stat.h>

int main(void)
{
	int r;

	mkdir("/tmp/a", 0755);
	mkdir("/tmp/a/b", 0755);
	errno = 0;
	r = link("/tmp/a", "/tmp/a/b/up");
	printf("link of a directory into itself: %d, %s\n", r, errno == EPERM ? "EPERM" : "other error");
	errno = 0;
	r = link("/tmp/a/b", "/tmp/b2");
	printf("link of a directory elsewhere: %d, %s\n", r, errno == EPERM ? "EPERM" : "other error");
	r = rmdir("/tmp/a/b") | rmdir("/tmp/a");
	printf("removed: %d\n", r);
	return 0;
}
