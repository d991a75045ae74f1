#ifndef _UNISTD_H
#define _UNISTD_H

#include <sys/types.h>

#ifndef NULL
#define NULL ((void *)0)
#endif

#define STDIN_FILENO 0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2

/* System calls (stubs generated from kernel/syscalls.tab). */
void _exit(int status);
pid_t fork(void);
ssize_t read(int fd, void *buf, size_t n);
ssize_t write(int fd, const void *buf, size_t n);
int close(int fd);
int execve(const char *path, char *const argv[], char *const envp[]);
pid_t getpid(void);
pid_t getppid(void);
int nice(int inc);
unsigned sleep(unsigned seconds);
int dup(int fd);
int dup2(int fd, int newfd);
int getswtch(void);
int shutdown(int how, int status);
int pipe(int fd[2]);
int link(const char *old, const char *new);
int unlink(const char *path);
int chdir(const char *path);
int rmdir(const char *path);
off_t lseek(int fd, off_t off, int whence);
void sync(void);

/* Library calls over them (userland/lib). */
int execv(const char *path, char *const argv[]);
int execl(const char *path, const char *arg, ...);
int execle(const char *path, const char *arg, ...);
int execlp(const char *file, const char *arg, ...);
int execvp(const char *file, char *const argv[]);
int brk(void *addr);
void *sbrk(int incr);
char *getcwd(char *buf, size_t size);

/* Declared for programs written against V6++; the kernel does not have
 * them yet, so using one fails at link time. */
pid_t vfork(void);

#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2

extern char **environ;

#endif
