/* dirlist: list a V6++ directory file with compat/dirent.c, name and inode. */
#include <stdio.h>
#include <dirent.h>

int main(int argc, char **argv)
{
	struct dirent *e;
	DIR *d;

	if (argc != 2 || (d = opendir(argv[1])) == NULL) {
		perror("dirlist");
		return 1;
	}
	while ((e = readdir(d)) != NULL)
		printf("%d %s\n", (int)e->d_ino, e->d_name);
	return closedir(d) != 0;
}
