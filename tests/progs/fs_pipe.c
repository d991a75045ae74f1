/*
 * fs_pipe: pipes. Data in order through a pipe smaller than the
 * transfer (the writer blocks while it is full), end of file when the
 * last writer closes, EPIPE when no reader is left (with SIGPIPE
 * ignored), death by SIGPIPE otherwise, and no seeking.
 */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <signal.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/stat.h>

#define TOTAL 20000

int main(void)
{
	char buf[3000];
	int p[2], n, i, total, status;
	unsigned s;

	if (pipe(p) < 0) {
		printf("pipe: errno %d\n", errno);
		return 1;
	}
	{
		struct stat st;
		fstat(p[0], &st);
		printf("fifo %d\n", S_ISFIFO(st.st_mode));
	}
	printf("write %d\n", (int)write(p[1], "hello", 5));
	n = read(p[0], buf, sizeof buf);
	buf[n] = 0;
	printf("read %d: %s\n", n, buf);
	n = lseek(p[0], 0, SEEK_SET);
	printf("lseek: %d errno %d\n", n, errno);

	/* A child writes TOTAL bytes; the parent reads to end of file. */
	if (fork() == 0) {
		close(p[0]);
		for (i = 0; i < TOTAL; i += n) {
			int j, m = TOTAL - i < 2999 ? TOTAL - i : 2999;
			for (j = 0; j < m; j++)
				buf[j] = (char)(i + j);
			n = write(p[1], buf, m);
			if (n != m) {
				printf("child: short write %d\n", n);
				_exit(1);
			}
		}
		_exit(0);
	}
	close(p[1]);
	total = 0;
	s = 0;
	while ((n = read(p[0], buf, 1000)) > 0) {
		for (i = 0; i < n; i++)
			s = s * 31 + (unsigned char)buf[i];
		total += n;
	}
	wait(&status);
	printf("got %d bytes, sum %u, then read %d (end of file); child status %d\n", total, s, n, status);
	close(p[0]);

	/* No reader: EPIPE with SIGPIPE ignored. */
	pipe(p);
	close(p[0]);
	signal(SIGPIPE, SIG_IGN);
	errno = 0;
	n = write(p[1], "x", 1);
	printf("write with no reader: %d errno %d\n", n, errno);
	signal(SIGPIPE, SIG_DFL);

	/* No reader and SIGPIPE's default: the writer dies. */
	if (fork() == 0) {
		write(p[1], "x", 1);
		printf("child survived SIGPIPE\n");
		_exit(0);
	}
	wait(&status);
	printf("writer killed: %d by signal %d\n", WIFSIGNALED(status), WTERMSIG(status));
	close(p[1]);

	/* Two writers: end of file only after both close. */
	pipe(p);
	if (fork() == 0) {
		close(p[0]);
		write(p[1], "from child\n", 11);
		_exit(0);
	}
	write(p[1], "from parent\n", 12);
	close(p[1]);
	wait(&status);
	total = 0;
	while ((n = read(p[0], buf + total, 100)) > 0)
		total += n;
	printf("two writers: %d bytes\n", total);
	close(p[0]);
	return 0;
}
