/*
 * fs_share: processes sharing files. Three children append records to one
 * file opened with O_APPEND, at the same time; every record arrives whole.
 * A descriptor inherited across fork shares its offset.
 */
#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/stat.h>

#define RECS 40
#define RECLEN 100

int main(void)
{
	char rec[RECLEN + 1], buf[RECLEN];
	int fd, c, i, n, count[3] = {0, 0, 0}, bad = 0, status;
	struct stat st;

	close(creat("log", 0644));
	for (c = 0; c < 3; c++) {
		if (fork() == 0) {
			fd = open("log", O_WRONLY | O_APPEND);
			for (i = 0; i < RECS; i++) {
				memset(rec, 'a' + c, RECLEN);
				rec[RECLEN - 1] = '\n';
				write(fd, rec, RECLEN);
			}
			_exit(0);
		}
	}
	for (c = 0; c < 3; c++)
		wait(&status);
	stat("log", &st);
	printf("log: %d bytes\n", (int)st.st_size);
	fd = open("log", O_RDONLY);
	while ((n = read(fd, buf, RECLEN)) == RECLEN) {
		for (i = 1; i < RECLEN - 1; i++)
			if (buf[i] != buf[0])
				break;
		if (i < RECLEN - 1 || buf[0] < 'a' || buf[0] > 'c')
			bad++;
		else
			count[buf[0] - 'a']++;
	}
	close(fd);
	printf("records: %d %d %d, %d torn\n", count[0], count[1], count[2], bad);

	/* A shared offset: parent and child write in turn through one fd. */
	fd = creat("shared", 0644);
	if (fork() == 0) {
		write(fd, "child ", 6);
		_exit(0);
	}
	wait(&status);
	write(fd, "parent\n", 7);
	close(fd);
	fd = open("shared", O_RDONLY);
	n = read(fd, buf, sizeof buf);
	buf[n] = 0;
	printf("shared: %s", buf);
	close(fd);
	unlink("shared");
	unlink("log");
	return 0;
}
