/*
 * fs_big: a file large enough to need the single- and double-indirect
 * blocks, written and read back in chunks that straddle blocks; a sparse
 * file; overwriting across block boundaries; truncation. Prints sums, the
 * same under the kernel and natively.
 */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

#define SIZE 600000

static unsigned char pat(int i) { return (unsigned char)(i * 7 + i / 511); }

static unsigned sum(const char *path, int chunk)
{
	static unsigned char buf[4096];
	unsigned s = 0;
	int fd, n, i, total = 0;

	fd = open(path, O_RDONLY);
	if (fd < 0) {
		printf("open %s: errno %d\n", path, errno);
		return 0;
	}
	while ((n = read(fd, buf, chunk)) > 0) {
		for (i = 0; i < n; i++)
			s = s * 31 + buf[i];
		total += n;
	}
	close(fd);
	printf("%s: read %d bytes in chunks of %d, sum %u\n", path, total, chunk, s);
	return s;
}

int main(void)
{
	static unsigned char buf[1000];
	struct stat st;
	int fd, i, j, bad;

	fd = creat("big", 0644);
	for (i = 0; i < SIZE; i += sizeof buf) {
		for (j = 0; j < (int)sizeof buf; j++)
			buf[j] = pat(i + j);
		if (write(fd, buf, sizeof buf) != sizeof buf)
			printf("write at %d: errno %d\n", i, errno);
	}
	close(fd);
	stat("big", &st);
	printf("big: size %d\n", (int)st.st_size);
	sum("big", 777);
	sum("big", 4096);

	/* Every byte where it belongs, checked by seeking around. */
	fd = open("big", O_RDONLY);
	bad = 0;
	for (i = 0; i < SIZE; i += 4999) {
		unsigned char c;
		lseek(fd, i, SEEK_SET);
		if (read(fd, &c, 1) != 1 || c != pat(i))
			bad++;
	}
	close(fd);
	printf("spot checks: %d bad\n", bad);

	/* Overwrite 3000 bytes across block boundaries in the double-indirect part. */
	fd = open("big", O_RDWR);
	lseek(fd, 300000 - 1500, SEEK_SET);
	memset(buf, 'Z', sizeof buf);
	for (i = 0; i < 3; i++)
		write(fd, buf, sizeof buf);
	close(fd);
	sum("big", 1000);

	/* A sparse file: a hole reads as zeroes. */
	fd = open("sparse", O_RDWR | O_CREAT, 0644);
	lseek(fd, 200000, SEEK_SET);
	write(fd, "end", 3);
	lseek(fd, 1000, SEEK_SET);
	memset(buf, 1, 100);
	read(fd, buf, 100);
	for (i = 0, bad = 0; i < 100; i++)
		bad += buf[i] != 0;
	printf("hole: %d nonzero\n", bad);
	fstat(fd, &st);
	printf("sparse: size %d\n", (int)st.st_size);
	close(fd);
	sum("sparse", 3000);

	fd = open("big", O_WRONLY | O_TRUNC);
	fstat(fd, &st);
	printf("truncated: size %d\n", (int)st.st_size);
	close(fd);
	unlink("big");
	unlink("sparse");
	return 0;
}
