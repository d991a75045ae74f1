// args: start
/*
 * The exec family re-running this program: execl, execv, execlp and
 * execvp (with a slash in the name, so no search) and execle; each stage
 * prints its arguments and executes the next one.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char *v[] = {argv[0], "execv", "with", "three", NULL};
	char *vp[] = {argv[0], "execvp", NULL};
	char *env[] = {NULL};
	int i;

	setbuf(stdout, NULL);
	printf("argc %d:", argc);
	for (i = 1; i < argc; i++)
		printf(" [%s]", argv[i]);
	printf(" argv[argc] %s\n", argv[argc] == NULL ? "NULL" : "set");
	if (argc < 2)
		return 1;
	if (strcmp(argv[1], "start") == 0)
		execl(argv[0], argv[0], "execl", "", "two words", (char *)0);
	else if (strcmp(argv[1], "execl") == 0)
		execv(argv[0], v);
	else if (strcmp(argv[1], "execv") == 0)
		execlp(argv[0], argv[0], "execlp", (char *)0);
	else if (strcmp(argv[1], "execlp") == 0)
		execvp(argv[0], vp);
	else if (strcmp(argv[1], "execvp") == 0)
		execle(argv[0], argv[0], "execle", (char *)0, env);
	else if (strcmp(argv[1], "execle") == 0)
		return 42;
	printf("exec failed: %s\n", strerror(errno));
	return 1;
}
