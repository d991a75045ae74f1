#include <stdio.h>

#define N 8

static int cols[N], solutions;

static int safe(int row, int col)
{
	int r;
	for (r = 0; r < row; r++) {
		int c = cols[r];
		if (c == col || c - col == r - row || c - col == row - r)
			return 0;
	}
	return 1;
}

static void queens(int row)
{
	int c;
	if (row == N) {
		solutions++;
		return;
	}
	for (c = 0; c < N; c++)
		if (safe(row, c)) {
			cols[row] = c;
			queens(row + 1);
		}
}

unsigned crc32(const char *s, int n)
{
	unsigned crc = 0xFFFFFFFF;
	int i, k;
	for (i = 0; i < n; i++) {
		crc ^= (unsigned char)s[i];
		for (k = 0; k < 8; k++)
			crc = crc & 1 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
	}
	return ~crc;
}

int gcd(int a, int b) { return b ? gcd(b, a % b) : a; }

int moves;
void hanoi(int n, char from, char to, char via)
{
	if (n == 0)
		return;
	hanoi(n - 1, from, via, to);
	if (n == 4)
		printf("move 4 %c->%c\n", from, to);
	moves++;
	hanoi(n - 1, via, to, from);
}

int main(void)
{
	char sieve[100];
	int i, j, count = 0;
	unsigned long long_free = 1;

	queens(0);
	printf("queens %d\n", solutions);
	for (i = 0; i < 100; i++)
		sieve[i] = i >= 2;
	for (i = 2; i * i < 100; i++)
		if (sieve[i])
			for (j = i * i; j < 100; j += i)
				sieve[j] = 0;
	for (i = 0; i < 100; i++)
		if (sieve[i]) {
			count++;
			if (i > 80)
				printf("%d ", i);
		}
	printf("primes %d\n", count);
	printf("crc %x %x\n", crc32("hello", 5), crc32("The quick brown fox", 19));
	printf("gcd %d %d\n", gcd(1071, 462), gcd(17, 5));
	hanoi(6, 'a', 'c', 'b');
	printf("moves %d\n", moves);
	for (i = 0; i < 31; i++)
		long_free *= 2;
	printf("%u\n", (unsigned)long_free);
	return solutions % 256;
}
