/*
 * ls: list files and directories, sorted by name.
 *
 *	ls [-la] [name...]
 *
 * -l gives the mode, the number of links, the owner's uid, the size and
 * the name; -a includes names starting with '.'.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <sys/stat.h>
#include <dirent.h>

int lflag, aflag;
int status;

/* Names of one directory, grown as needed. */
char **names;
int nname, maxname;

void modestr(int m, char *s)
{
	char *rwx = "rwxrwxrwx";
	int i;

	s[0] = '-';
	if (S_ISDIR(m))
		s[0] = 'd';
	else if (S_ISCHR(m))
		s[0] = 'c';
	else if (S_ISBLK(m))
		s[0] = 'b';
	else if (S_ISFIFO(m))
		s[0] = 'p';
#ifdef S_ISLNK
	else if (S_ISLNK(m))
		s[0] = 'l';
#endif
	for (i = 0; i < 9; i++)
		s[i + 1] = m & (0400 >> i) ? rwx[i] : '-';
	s[10] = '\0';
}

/* show prints one entry: path is where to stat it, name what to print. */
void show(char *path, char *name)
{
	struct stat st;
	char mode[11];

	if (!lflag) {
		printf("%s\n", name);
		return;
	}
	if (stat(path, &st) < 0) {
		fprintf(stderr, "ls: %s: %s\n", path, strerror(errno));
		status = 1;
		return;
	}
	modestr(st.st_mode, mode);
	printf("%s %2d %4d %7ld %s\n", mode, (int)st.st_nlink, (int)st.st_uid,
		(long)st.st_size, name);
}

int cmp(const void *a, const void *b)
{
	return strcmp(*(char **)a, *(char **)b);
}

void listdir(char *dir)
{
	DIR *d;
	struct dirent *e;
	char *path;
	int i;

	if ((d = opendir(dir)) == NULL) {
		fprintf(stderr, "ls: %s: %s\n", dir, strerror(errno));
		status = 1;
		return;
	}
	nname = 0;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' && !aflag)
			continue;
		if (nname == maxname) {
			maxname = maxname ? 2 * maxname : 64;
			names = realloc(names, maxname * sizeof names[0]);
			if (names == NULL) {
				fprintf(stderr, "ls: out of memory\n");
				exit(1);
			}
		}
		if ((names[nname++] = strdup(e->d_name)) == NULL) {
			fprintf(stderr, "ls: out of memory\n");
			exit(1);
		}
	}
	closedir(d);
	qsort(names, nname, sizeof names[0], cmp);
	for (i = 0; i < nname; i++) {
		path = malloc(strlen(dir) + strlen(names[i]) + 2);
		if (path == NULL) {
			fprintf(stderr, "ls: out of memory\n");
			exit(1);
		}
		sprintf(path, "%s/%s", dir, names[i]);
		show(path, names[i]);
		free(path);
		free(names[i]);
	}
}

int main(int argc, char **argv)
{
	struct stat st;
	char *p;
	int i, first, nfile;

	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
		for (p = argv[i] + 1; *p; p++) {
			if (*p == 'l')
				lflag = 1;
			else if (*p == 'a')
				aflag = 1;
			else {
				fprintf(stderr, "usage: ls [-la] [name...]\n");
				return 2;
			}
		}
	}
	if (i == argc) {
		listdir(".");
		return status;
	}
	/* Sort the names, then list files first and directories after,
	 * each directory under a heading when there is more than one name. */
	qsort(argv + i, argc - i, sizeof argv[0], cmp);
	nfile = argc - i;
	first = 1;
	for (; i < argc; i++) {
		if (stat(argv[i], &st) < 0) {
			fprintf(stderr, "ls: %s: %s\n", argv[i], strerror(errno));
			status = 1;
			argv[i] = NULL;
		} else if (!S_ISDIR(st.st_mode)) {
			show(argv[i], argv[i]);
			first = 0;
			argv[i] = NULL;
		}
	}
	for (i = argc - nfile; i < argc; i++) {
		if (argv[i] == NULL)
			continue;
		if (nfile > 1)
			printf("%s%s:\n", first ? "" : "\n", argv[i]);
		first = 0;
		listdir(argv[i]);
	}
	return status;
}
