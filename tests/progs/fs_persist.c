/*
 * fs_persist: `fs_persist write` leaves files behind; `fs_persist read`,
 * on a later boot of the same disk, prints them.
 */
#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

int main(int argc, char **argv)
{
	char buf[200];
	int fd, n, i;

	if (argc > 1 && strcmp(argv[1], "write") == 0) {
		mkdir("/keep", 0755);
		for (i = 0; i < 3; i++) {
			sprintf(buf, "/keep/file%d", i);
			fd = creat(buf, 0644);
			n = sprintf(buf, "contents of file %d\n", i);
			write(fd, buf, n);
			close(fd);
		}
		link("/keep/file0", "/keep/alias");
		unlink("/keep/file1");
		printf("written\n");
		return 0;
	}
	for (i = 0; i < 3; i++) {
		sprintf(buf, "/keep/file%d", i);
		fd = open(buf, O_RDONLY);
		if (fd < 0) {
			printf("%s: missing\n", buf);
			continue;
		}
		n = read(fd, buf, sizeof buf - 1);
		buf[n] = 0;
		printf("%s", buf);
		close(fd);
	}
	fd = open("/keep/alias", O_RDONLY);
	n = read(fd, buf, sizeof buf - 1);
	buf[n > 0 ? n : 0] = 0;
	printf("alias: %s", buf);
	return 0;
}
