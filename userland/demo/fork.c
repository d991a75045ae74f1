/*
 * fork.c: fork returns twice. The parent gets the child's pid, the child 0
 * -- both from the same call, each through its own copy of the kernel
 * stack (NewProc copies it; Swtch's "return 1" leaves the child's copy).
 */
#include <unistd.h>
#include <sys/wait.h>

static void putn(int n)
{
	char buf[12];
	int i = sizeof buf;
	unsigned u = n < 0 ? -n : n;

	do {
		buf[--i] = '0' + u % 10;
		u /= 10;
	} while (u);
	if (n < 0)
		buf[--i] = '-';
	write(1, buf + i, sizeof buf - i);
}

static void say(const char *s)
{
	int n = 0;

	while (s[n])
		n++;
	write(1, s, n);
}

int main(void)
{
	int pid = fork();
	int status;

	if (pid == 0) {
		say("child: fork returned 0, my pid is ");
		putn(getpid());
		say("\n");
		return 7;
	}
	say("parent: fork returned ");
	putn(pid);
	say("\n");
	say("parent: wait returned ");
	putn(wait(&status));
	say(", exit status ");
	putn(WEXITSTATUS(status));
	say("\n");
	return 0;
}
