/*
 * fs_table: more open files than the kernel's tables hold (100 open-file
 * structures, 100 in-core inodes): ten processes each open eleven
 * different files at once. The opens beyond the tables fail with ENFILE,
 * and once the files are closed everything works again.
 */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/wait.h>

#define KIDS 10
#define EACH 11

int main(void)
{
	char name[20];
	int results[2], go[2], i, k, fd, n, opened = 0, enfile = 0, other = 0, status;

	for (i = 0; i < KIDS * EACH; i++) {
		sprintf(name, "t%d", i);
		close(creat(name, 0644));
	}
	pipe(results);
	pipe(go);
	for (k = 0; k < KIDS; k++) {
		if (fork() == 0) {
			char r[3] = {0, 0, 0};
			close(go[1]);
			/* Descriptors 0-2 are the console, 3-6 the pipes: close
			 * the result pipe's read end and stdin to make room. */
			close(results[0]);
			close(0);
			for (i = 0; i < EACH; i++) {
				sprintf(name, "t%d", k * EACH + i);
				fd = open(name, O_RDONLY);
				if (fd >= 0)
					r[0]++;
				else if (errno == ENFILE)
					r[1]++;
				else
					r[2]++;
			}
			write(results[1], r, 3);
			read(go[0], r, 1); /* until the parent closes go */
			_exit(0);
		}
	}
	close(results[1]);
	close(go[0]);
	for (k = 0; k < KIDS; k++) {
		char r[3];
		if (read(results[0], r, 3) != 3)
			break;
		opened += r[0];
		enfile += r[1];
		other += r[2];
	}
	printf("%d opens: %d beyond the tables (ENFILE: %d), other errors %d\n",
	       opened + enfile + other, opened < KIDS * EACH, enfile > 0, other);
	close(go[1]);
	for (k = 0; k < KIDS; k++)
		wait(&status);
	fd = open("t0", O_RDONLY);
	printf("after: open %d\n", fd >= 0);
	close(fd);
	for (i = 0; i < KIDS * EACH; i++) {
		sprintf(name, "t%d", i);
		unlink(name);
	}
	return 0;
}
