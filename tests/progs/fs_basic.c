/*
 * fs_basic: files from creat to unlink, directories, links, seek and
 * append, and the errors of each, printed so that the output is the same
 * under the kernel and natively (tests/fs_test.go runs both).
 */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

static void check(const char *what, int r)
{
	if (r < 0)
		printf("%s: -1 errno %d\n", what, errno);
	else
		printf("%s: %d\n", what, r);
}

static void show(const char *path)
{
	struct stat st;

	if (stat(path, &st) < 0) {
		printf("stat %s: errno %d\n", path, errno);
		return;
	}
	printf("stat %s: %s size %d nlink %d perm %o\n", path,
	       S_ISDIR(st.st_mode) ? "dir" : S_ISREG(st.st_mode) ? "file" : "other",
	       S_ISDIR(st.st_mode) ? 0 : (int)st.st_size, (int)st.st_nlink, (int)(st.st_mode & 0777));
}

int main(void)
{
	char buf[100];
	int fd, fd2, n;

	fd = creat("f1", 0644);
	check("creat f1", fd >= 0 ? 0 : -1);
	check("write", write(fd, "hello, world\n", 13));
	check("write", write(fd, "second line\n", 12));
	check("read on write-only", read(fd, buf, 10));
	close(fd);
	show("f1");

	fd = open("f1", O_RDONLY);
	n = read(fd, buf, sizeof buf);
	buf[n > 0 ? n : 0] = 0;
	printf("read %d: %s", n, buf);
	check("read at end", read(fd, buf, 10));
	check("lseek 7", lseek(fd, 7, SEEK_SET));
	n = read(fd, buf, 5);
	buf[n] = 0;
	printf("after seek: %s\n", buf);
	check("lseek cur -3", lseek(fd, -3, SEEK_CUR));
	check("lseek end", lseek(fd, 0, SEEK_END));
	check("lseek negative", lseek(fd, -100, SEEK_SET));
	check("write on read-only", write(fd, "x", 1));
	close(fd);

	/* Overwrite in the middle, then append. */
	fd = open("f1", O_RDWR);
	lseek(fd, 7, SEEK_SET);
	write(fd, "WORLD", 5);
	close(fd);
	fd = open("f1", O_WRONLY | O_APPEND);
	lseek(fd, 0, SEEK_SET);
	write(fd, "appended\n", 9);
	close(fd);
	fd = open("f1", O_RDONLY);
	n = read(fd, buf, sizeof buf);
	buf[n] = 0;
	printf("now %d: %s", n, buf);
	close(fd);

	/* Truncation, exclusive creation. */
	check("open O_EXCL existing", open("f1", O_WRONLY | O_CREAT | O_EXCL, 0644));
	fd = open("f1", O_WRONLY | O_TRUNC);
	close(fd);
	show("f1");

	/* Links. */
	check("link", link("f1", "f2"));
	show("f1");
	check("link onto existing", link("f1", "f2"));
	fd = open("f2", O_WRONLY);
	write(fd, "via f2\n", 7);
	close(fd);
	fd = open("f1", O_RDONLY);
	n = read(fd, buf, sizeof buf);
	buf[n] = 0;
	printf("f1 has %d: %s", n, buf);
	check("unlink f1", unlink("f1"));
	show("f2");
	/* An open file outlives its last name. */
	check("unlink f2", unlink("f2"));
	lseek(fd, 0, SEEK_SET);
	n = read(fd, buf, sizeof buf);
	printf("read after unlink: %d\n", n);
	close(fd);
	check("open unlinked", open("f2", O_RDONLY));
	check("unlink again", unlink("f2"));

	/* Directories. */
	check("mkdir d", mkdir("d", 0755));
	check("mkdir d again", mkdir("d", 0755));
	check("mkdir d/e", mkdir("d/e", 0755));
	show("d");
	fd = creat("d/e/g", 0600);
	write(fd, "deep\n", 5);
	close(fd);
	show("d/e/g");
	show("d/e/../e/./g");
	check("open missing dir", open("nodir/x", O_RDONLY));
	check("file as dir", open("d/e/g/x", O_RDONLY));
	check("creat in file", creat("d/e/g/x", 0644));
	check("open dir for writing", open("d", O_WRONLY));
	check("unlink dir", unlink("d/e"));
	check("rmdir nonempty", rmdir("d"));
	check("chdir d/e", chdir("d/e"));
	fd = open("g", O_RDONLY);
	n = read(fd, buf, sizeof buf);
	buf[n] = 0;
	printf("relative g: %s", buf);
	close(fd);
	check("chdir file", chdir("g"));
	check("chdir ../..", chdir("../.."));
	show("d/e/g");
	check("unlink g", unlink("d/e/g"));
	check("rmdir d/e", rmdir("d/e"));
	show("d");
	check("rmdir d", rmdir("d"));
	show("d");

	/* Descriptors. */
	check("close bad", close(99));
	check("read bad", read(42, buf, 1));
	fd = creat("f3", 0644);
	fd2 = dup(fd);
	write(fd, "ab", 2);
	write(fd2, "cd", 2);
	close(fd);
	close(fd2);
	show("f3");
	unlink("f3");
	check("empty name", open("", O_RDONLY));
	{
		char longpath[300];
		memset(longpath, 'a', sizeof longpath - 1);
		longpath[sizeof longpath - 1] = 0;
		check("300-byte path", open(longpath, O_RDONLY));
	}
	return 0;
}
