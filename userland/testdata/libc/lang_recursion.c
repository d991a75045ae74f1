/* Recursion: Ackermann, mutual recursion, and a recursive permutation
 * generator. */
#include <stdio.h>
#include <string.h>

static int ack(int m, int n)
{
	if (m == 0)
		return n + 1;
	if (n == 0)
		return ack(m - 1, 1);
	return ack(m - 1, ack(m, n - 1));
}

static int is_odd(int n);
static int is_even(int n) { return n == 0 ? 1 : is_odd(n - 1); }
static int is_odd(int n) { return n == 0 ? 0 : is_even(n - 1); }

static int count;

static void permute(char *s, int k, int n)
{
	int i;
	char t;

	if (k == n) {
		if (count++ < 8)
			printf("%s\n", s);
		return;
	}
	for (i = k; i < n; i++) {
		t = s[k]; s[k] = s[i]; s[i] = t;
		permute(s, k + 1, n);
		t = s[k]; s[k] = s[i]; s[i] = t;
	}
}

int main(void)
{
	char s[] = "abcd";

	printf("ack(2,3) = %d, ack(3,3) = %d\n", ack(2, 3), ack(3, 3));
	printf("even(10) %d odd(7) %d\n", is_even(10), is_odd(7));
	permute(s, 0, strlen(s));
	printf("%d permutations\n", count);
	return 0;
}
