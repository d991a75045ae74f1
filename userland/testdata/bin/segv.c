/* segv: dies of SIGSEGV, for the shell's report of a killed command. */
int main(void)
{
	volatile int *p = 0;

	*p = 1;
	return 0;
}
