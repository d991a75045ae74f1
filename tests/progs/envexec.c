/*
 * envexec: execve passes an environment. The program execs itself with
 * one; the new image finds it in main's third argument, in environ and
 * through getenv. execv passes environ on, execle passes its own, a NULL
 * envp is an empty one, and a bad envp pointer fails with EFAULT leaving
 * the caller running. (argv[0] is the program's path, which differs
 * between the host and v6vm, so it is used but never printed.)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>

extern char **environ;

static void show(int argc, char **argv, char **envp)
{
	int i;
	char *g = getenv("GREETING");

	printf("stage %s:", argv[2]);
	for (i = 3; i < argc; i++)
		printf(" arg [%s]", argv[i]);
	printf("\n");
	for (i = 0; envp[i]; i++)
		printf("  env [%s]\n", envp[i]);
	printf("  %d variables, environ %s envp, GREETING %s\n", i,
	       environ == envp ? "is" : "is not", g ? g : "unset");
}

int main(int argc, char **argv, char **envp)
{
	static char long_value[600];
	char *env1[4], *env2[] = {"ONLY=this", 0};
	char *args[6];

	if (argc == 1) {
		memset(long_value, 'x', sizeof long_value - 1);
		memcpy(long_value, "LONG=", 5);
		env1[0] = "GREETING=hello";
		env1[1] = "EMPTY=";
		env1[2] = long_value;
		env1[3] = 0;
		args[0] = argv[0];
		args[1] = "show";
		args[2] = "1";
		args[3] = "two words";
		args[4] = 0;
		errno = 0;
		fflush(stdout);	/* exec discards what stdio holds */
		execve(argv[0], args, (char **)1);
		printf("a bad envp: errno %d\n", errno);
		fflush(stdout);
		execve(argv[0], args, env1);
		printf("execve: errno %d\n", errno);
		return 1;
	}
	show(argc, argv, envp);
	fflush(stdout);
	if (strcmp(argv[2], "1") == 0) {
		args[0] = argv[0];
		args[1] = "show";
		args[2] = "2";
		args[3] = 0;
		execv(argv[0], args);	/* environ goes on */
	} else if (strcmp(argv[2], "2") == 0) {
		execle(argv[0], argv[0], "show", "3", "x", "y", (char *)0, env2);
	} else if (strcmp(argv[2], "3") == 0) {
		args[0] = argv[0];
		args[1] = "show";
		args[2] = "4";
		args[3] = 0;
		execve(argv[0], args, 0);
	} else {
		return 0;
	}
	printf("exec: errno %d\n", errno);
	return 1;
}
