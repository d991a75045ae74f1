/*
 * ln: make a (hard) link.
 *
 *	ln from [to]
 *
 * Without "to", or if it is a directory, the link gets from's last name.
 */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/stat.h>

int link(const char *from, const char *to);	/* unistd.h on POSIX */

int main(int argc, char **argv)
{
	static char path[512];
	struct stat st;
	char *from, *to, *base;

	if (argc != 2 && argc != 3) {
		fprintf(stderr, "usage: ln from [to]\n");
		return 2;
	}
	from = argv[1];
	to = argc == 3 ? argv[2] : ".";
	base = strrchr(from, '/');
	base = base != NULL ? base + 1 : from;
	if (stat(to, &st) == 0 && S_ISDIR(st.st_mode)) {
		if (strlen(to) + strlen(base) + 2 > sizeof path) {
			fprintf(stderr, "ln: %s/%s: name too long\n", to, base);
			return 1;
		}
		sprintf(path, "%s/%s", to, base);
		to = path;
	}
	if (link(from, to) < 0) {
		fprintf(stderr, "ln: %s: %s\n", errno == EEXIST ? to : from, strerror(errno));
		return 1;
	}
	return 0;
}
