/*
 * fs_exec: exec from the file system. The program execs itself (its text
 * is then freed and loaded again from the same inode), a copy of itself
 * made by reading and writing the file, and files that are not
 * executables.
 */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/stat.h>

int main(int argc, char **argv)
{
	static char buf[4096];
	char *args[4];
	int in, out, n, status;

	if (argc > 1 && strcmp(argv[1], "quiet") == 0)
		return 5;
	if (argc > 1) {
		printf("running as %s with %s\n", argv[0], argv[1]);
		if (strcmp(argv[1], "self") == 0) {
			args[0] = "/fs_exec";
			args[1] = "again";
			args[2] = 0;
			execve(args[0], args, 0);
			printf("exec again: errno %d\n", errno);
		}
		return strcmp(argv[1], "last") == 0 ? 0 : 3;
	}
	if (fork() == 0) {
		args[0] = "/fs_exec";
		args[1] = "self";
		args[2] = 0;
		execve(args[0], args, 0);
		_exit(100);
	}
	wait(&status);
	printf("child status %d\n", WEXITSTATUS(status));

	/* A copy, made through the file system. */
	in = open("/fs_exec", O_RDONLY);
	out = creat("/tmp/copy", 0755);
	while ((n = read(in, buf, sizeof buf)) > 0)
		write(out, buf, n);
	close(in);
	close(out);
	if (fork() == 0) {
		args[0] = "/tmp/copy";
		args[1] = "copy";
		args[2] = 0;
		execve(args[0], args, 0);
		_exit(100);
	}
	wait(&status);
	printf("copy status %d\n", WEXITSTATUS(status));

	/* Texts read in while others are: the copy and another program, each
	 * exec'd twice at once, so that execs of the same file and of
	 * different files overlap on the disk. */
	for (n = 0; n < 4; n++) {
		if (fork() == 0) {
			args[0] = n % 2 ? "/tmp/copy" : "/fs_quiet";
			args[1] = "quiet";
			args[2] = 0;
			execve(args[0], args, 0);
			_exit(100);
		}
	}
	for (n = 0, in = 0; n < 4; n++) {
		wait(&status);
		in += WEXITSTATUS(status) == 5 ? 1 : WEXITSTATUS(status) == 6 ? 10 : 100;
	}
	printf("concurrent execs: %d (2 of each ran: 22)\n", in);

	out = creat("/tmp/text", 0755);
	write(out, "#!not an executable\n", 20);
	close(out);
	args[0] = "/tmp/text";
	args[1] = 0;
	printf("exec text: %d errno %d\n", execve(args[0], args, 0), errno);
	creat("/tmp/noexec", 0644);
	printf("exec without x: %d errno %d\n", execve("/tmp/noexec", args, 0), errno);
	printf("exec a directory: %d errno %d\n", execve("/tmp", args, 0), errno);
	printf("exec missing: %d errno %d\n", execve("/tmp/none", args, 0), errno);
	unlink("/tmp/copy");
	unlink("/tmp/text");
	unlink("/tmp/noexec");
	n = open("/fs_exec", O_WRONLY);
	printf("open a running program for writing: %d errno %d\n", n, errno);
	n = open("/fs_exec", O_RDONLY);
	printf("for reading: %d\n", n >= 0);
	close(n);
	printf("mknod a directory: %d errno %d\n", mknod("/tmp/dir", 040755, 0), errno);
	/* The only user of this text execs the same file. */
	args[0] = "/fs_exec";
	args[1] = "last";
	args[2] = 0;
	execve(args[0], args, 0);
	printf("exec last: errno %d\n", errno);
	return 0;
}
