/*
 * fs_random: a long run of pseudo-random file operations (a fixed LCG, so
 * the same run everywhere) on a few files in a few directories: writes
 * and reads at random offsets and sizes, across block and index-block
 * boundaries, appends, truncations, links, unlinks, renames by link and
 * unlink. It prints what each read returned as a running sum, so that any
 * difference from the host shows.
 */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

#define NF 6
#define OPS 1500

static unsigned seed = 12345;

static unsigned rnd(unsigned n)
{
	seed = seed * 1103515245 + 12345;
	return (seed >> 8) % n;
}

static char *names[NF] = {"a", "b", "d1/c", "d1/d", "d1/d2/e", "d1/d2/f"};
static char buf[9000];

int main(int argc, char **argv)
{
	unsigned sum = 0;
	int i, j, fd, n, off, len, errs = 0;
	struct stat st;

	if (argc > 1)
		seed = (unsigned)argv[1][0] * 7919;
	mkdir("d1", 0755);
	mkdir("d1/d2", 0755);
	for (i = 0; i < OPS; i++) {
		char *name = names[rnd(NF)];
		int op = rnd(10);

		switch (op) {
		case 0:
		case 1:
		case 2: /* write at a random offset */
			fd = open(name, O_WRONLY | O_CREAT, 0644);
			off = rnd(4) == 0 ? rnd(200000) : rnd(9000);
			len = 1 + rnd(sizeof buf - 1);
			for (j = 0; j < len; j++)
				buf[j] = (char)(i + j * 3);
			lseek(fd, off, SEEK_SET);
			n = write(fd, buf, len);
			sum = sum * 3 + n;
			close(fd);
			break;
		case 3:
		case 4:
		case 5: /* read at a random offset */
			fd = open(name, O_RDONLY);
			if (fd < 0) {
				sum = sum * 3 + errno;
				break;
			}
			lseek(fd, rnd(12000), SEEK_SET);
			n = read(fd, buf, 1 + rnd(sizeof buf - 1));
			for (j = 0; j < n; j++)
				sum = sum * 31 + (unsigned char)buf[j];
			sum += n;
			close(fd);
			break;
		case 6: /* append */
			fd = open(name, O_WRONLY | O_CREAT | O_APPEND, 0644);
			n = write(fd, "appended line\n", 14);
			sum = sum * 3 + n;
			close(fd);
			break;
		case 7: /* truncate or remove */
			if (rnd(2)) {
				fd = open(name, O_WRONLY | O_TRUNC);
				sum = sum * 3 + (fd >= 0);
				if (fd >= 0)
					close(fd);
			} else {
				sum = sum * 3 + (unlink(name) == 0 ? 1 : errno);
			}
			break;
		case 8: /* move to another name: link, unlink */
			j = rnd(NF);
			if (names[j] == name)
				break;
			unlink(names[j]);
			if (link(name, names[j]) == 0)
				unlink(name);
			else
				sum = sum * 3 + errno;
			break;
		case 9: /* stat */
			if (stat(name, &st) == 0)
				sum = sum * 7 + st.st_size + st.st_nlink * 1000;
			else
				sum = sum * 7 + errno;
			break;
		}
		if (i % 250 == 249)
			printf("after %d operations: sum %u\n", i + 1, sum);
	}
	for (i = 0; i < NF; i++) {
		if (stat(names[i], &st) == 0)
			printf("%s: %d bytes\n", names[i], (int)st.st_size);
		unlink(names[i]);
	}
	i = rmdir("d1/d2");
	j = rmdir("d1");
	printf("rmdir: %d %d\n", i, j);
	return errs;
}
