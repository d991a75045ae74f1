/* fs_quiet: exits with status 6, for fs_exec's concurrent execs. */
int main(void)
{
	return 6;
}
