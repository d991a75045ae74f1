/*
 * fs_cwd: getcwd climbs .. to the root, naming each directory.
 */
#include <stdio.h>
#include <errno.h>
#include <unistd.h>
#include <sys/stat.h>

static void show(void)
{
	char buf[128];

	if (getcwd(buf, sizeof buf) == NULL)
		printf("getcwd: errno %d\n", errno);
	else
		printf("cwd %s\n", buf);
}

int main(void)
{
	char small[4];

	show();
	mkdir("/tmp/a", 0755);
	mkdir("/tmp/a/bee", 0755);
	chdir("/tmp/a/bee");
	show();
	chdir("..");
	show();
	chdir("../..");
	show();
	chdir("tmp/a/bee");
	printf("small buffer: %s errno %d\n", getcwd(small, sizeof small) ? "ok" : "NULL", errno);
	chdir("/");
	rmdir("/tmp/a/bee");
	rmdir("/tmp/a");
	return 0;
}
