#ifndef _UNISTD_H
#define _UNISTD_H

#include <sys/types.h>

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

extern char **environ;

#endif
