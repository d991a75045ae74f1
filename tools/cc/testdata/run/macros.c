#include <stdio.h>

#define N 4
#define SQUARE(x) ((x) * (x))
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define STR(x) #x
#define XSTR(x) STR(x)
#define CAT(a, b) a##b
#define LOG(fmt, ...) printf("[%d] " fmt "\n", __LINE__, __VA_ARGS__)
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#if N > 3 && defined(N)
#define BIG 1
#else
#define BIG 0
#endif

int CAT(my, var) = 42;

int main(void)
{
	int table[N] = {1, 2, 3, 4};
	printf("%d %d %d\n", SQUARE(N + 1), MAX(3, 9), BIG);
	printf("%s %s\n", STR(N + 1), XSTR(N + 1));
	printf("%d %d\n", myvar, ARRAY_SIZE(table));
	LOG("%d and %s", 5, "five");
#ifdef NOT_DEFINED
	printf("wrong\n");
#elif N == 4
	printf("right\n");
#endif
	printf("%s\n", __FILE__ + 0 != 0 ? "file" : "none");
	return 0;
}
