/* puts, putchar, fputs, fputc, putc, fwrite and their results. */
#include <stdio.h>
#include <string.h>

int main(void)
{
	int r;
	char big[1500];

	r = puts("hello from puts");
	printf("puts: %d\n", r >= 0);
	r = putchar('A');
	putchar('\n');
	printf("putchar: %d\n", r);
	r = fputs("fputs without newline", stdout);
	putchar('\n');
	printf("fputs: %d\n", r >= 0);
	r = fputc('z', stdout);
	r += putc('y', stdout);
	fputc('\n', stdout);
	printf("fputc+putc: %d\n", r);
	r = fwrite("fwrite!\n", 1, 8, stdout);
	printf("fwrite: %d\n", r);
	r = fwrite("abcdef\n", 7, 1, stdout);
	printf("fwrite: %d\n", r);
	puts("");
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = 0;
	puts(big);	/* longer than any internal buffer */
	r = putchar(0x1FF);	/* converted to unsigned char */
	putchar('\n');
	printf("%d\n", r);
	fflush(stdout);
	return 0;
}
