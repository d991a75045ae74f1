/*
 * The exec family over execve: execv passes environ; the l forms gather
 * their arguments into an argv; the p forms search "/" then "/bin" for a
 * name without a slash, as the V6++ shell does.
 */
#include <errno.h>
#include <stdarg.h>
#include <string.h>
#include <unistd.h>

#define MAXARGS 64

int execv(const char *path, char *const argv[])
{
	return execve(path, argv, environ);
}

/* execvp tries each directory; errno is from the last attempt. */
int execvp(const char *file, char *const argv[])
{
	static const char *const dirs[] = {"/", "/bin/"};
	char buf[256];
	int i, n;

	if (strchr(file, '/'))
		return execve(file, argv, environ);
	n = strlen(file);
	for (i = 0; i < 2; i++) {
		if (strlen(dirs[i]) + n >= sizeof buf) {
			errno = ENOENT;
			return -1;
		}
		strcpy(buf, dirs[i]);
		strcat(buf, file);
		execve(buf, argv, environ);
	}
	return -1;
}

/* collect gathers the NULL-terminated argument list after arg into argv. */
static int collect(char **argv, const char *arg, va_list *ap)
{
	int n = 0;

	argv[n++] = (char *)arg;
	while (arg != NULL) {
		if (n >= MAXARGS) {
			errno = E2BIG;
			return -1;
		}
		arg = va_arg(*ap, const char *);
		argv[n++] = (char *)arg;
	}
	return 0;
}

int execl(const char *path, const char *arg, ...)
{
	char *argv[MAXARGS];
	va_list ap;

	va_start(ap, arg);
	if (collect(argv, arg, &ap) < 0)
		return -1;
	va_end(ap);
	return execve(path, argv, environ);
}

int execlp(const char *file, const char *arg, ...)
{
	char *argv[MAXARGS];
	va_list ap;

	va_start(ap, arg);
	if (collect(argv, arg, &ap) < 0)
		return -1;
	va_end(ap);
	return execvp(file, argv);
}

/* execle: the environment follows the NULL that ends the arguments. */
int execle(const char *path, const char *arg, ...)
{
	char *argv[MAXARGS];
	char **envp;
	va_list ap;

	va_start(ap, arg);
	if (collect(argv, arg, &ap) < 0)
		return -1;
	envp = va_arg(ap, char **);
	va_end(ap);
	return execve(path, argv, envp);
}
