/*
 * init: process 1, exec'd by the kernel's icode with the boot command line
 * as arguments (V6++ runs its shell this way).
 *
 * Without arguments (v6vm boot), init runs the shell on the console and,
 * when the shell exits (exit, or the end of a scripted input), shuts the
 * system down. With arguments (v6vm run prog args...), init runs that one
 * program and reports its wait status to the host through
 * shutdown(1, status), which powers the machine off. Either way it reaps
 * every other child meanwhile: orphans are reparented to init.
 */
#include <unistd.h>
#include <sys/wait.h>

static void say(const char *s)
{
	int n = 0;
	while (s[n])
		n++;
	write(2, s, n);
}

int main(int argc, char **argv)
{
	int pid, w, status;

	if (argc < 2) {
		pid = fork();
		if (pid == 0) {
			char *sh[] = {"sh", 0};
			execve("/bin/sh", sh, 0);
			say("init: cannot exec /bin/sh\n");
			_exit(127);
		}
		while ((w = wait(&status)) != pid && w >= 0)
			;
		shutdown(0, 0);
	}
	pid = fork();
	if (pid < 0) {
		say("init: fork failed\n");
		shutdown(1, 127 << 8);
	}
	if (pid == 0) {
		execve(argv[1], argv + 1, 0);
		say("init: cannot exec ");
		say(argv[1]);
		say("\n");
		_exit(127);
	}
	for (;;) {
		w = wait(&status);
		if (w == pid)
			shutdown(1, status);
		if (w < 0)
			shutdown(1, 127 << 8);
	}
}
