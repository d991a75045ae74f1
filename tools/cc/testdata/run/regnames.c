/* C names the assembler would read as registers or keywords. */
#include <stdio.h>
int dx = 3, word = 4, AL = 5, cr0 = 6, ptr = 7, esp0 = 8;
char byte = 9;
int nop(int x) { return x + 1; }
int leave(void) { return 2; }
int ret(void) { return 1; }
int push(int a) { return a * 2; }
int main(void) { printf("%d\n", dx + word + AL + cr0 + ptr + esp0 + byte + nop(1) + leave() + ret() + push(3)); return 0; }
