/*
 * fs_many: many files in one directory (whose entries then need more
 * blocks than the direct ones), removed and made again in a different
 * order, so that freed inodes, blocks and directory slots are reused.
 */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

#define N 200

static void name(char *s, int i) { sprintf(s, "dir/file%03d", i); }

int main(void)
{
	char path[40], buf[100];
	struct stat st;
	int i, fd, n, bad = 0, total = 0;

	mkdir("dir", 0755);
	for (i = 0; i < N; i++) {
		name(path, i);
		fd = creat(path, 0644);
		if (fd < 0) {
			printf("creat %s: errno %d\n", path, errno);
			return 1;
		}
		n = sprintf(buf, "this is %s, %d\n", path, i * i);
		write(fd, buf, n);
		close(fd);
	}
	stat("dir", &st);
	printf("dir nlink %d\n", (int)st.st_nlink);
	for (i = N - 1; i >= 0; i--) {
		char want[100];
		name(path, i);
		fd = open(path, O_RDONLY);
		n = read(fd, buf, sizeof buf - 1);
		buf[n < 0 ? 0 : n] = 0;
		close(fd);
		sprintf(want, "this is %s, %d\n", path, i * i);
		if (strcmp(buf, want) != 0)
			bad++;
		total += n;
	}
	printf("read back %d bytes, %d wrong\n", total, bad);
	for (i = 0; i < N; i += 2) {
		name(path, i);
		if (unlink(path) < 0)
			printf("unlink %s: errno %d\n", path, errno);
	}
	for (i = 0, n = 0; i < N; i++) {
		name(path, i);
		if (stat(path, &st) == 0)
			n++;
	}
	printf("after removing the even ones: %d left\n", n);
	for (i = 0; i < N; i += 2) {
		name(path, i);
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
		if (fd < 0)
			printf("again %s: errno %d\n", path, errno);
		write(fd, "new\n", 4);
		close(fd);
	}
	for (i = 0, n = 0, total = 0; i < N; i++) {
		name(path, i);
		if (stat(path, &st) == 0) {
			n++;
			total += st.st_size;
		}
	}
	printf("made again: %d files, %d bytes\n", n, total);
	for (i = 0; i < N; i++) {
		name(path, i);
		unlink(path);
	}
	printf("rmdir: %d\n", rmdir("dir"));
	return 0;
}
