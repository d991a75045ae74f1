#ifndef _SCHED_H
#define _SCHED_H

/*
 * clone: a child that shares the caller's address space (CLONE_VM) or gets
 * a copy; with CLONE_VFORK the caller sleeps until the child execs or
 * exits. The low byte of flags is the signal the parent gets when the
 * child exits (SIGCHLD, or 0). The child runs fn(arg) on stack (the top of
 * the memory given for it) and exits with fn's result.
 */
#define CLONE_VM    0x00000100
#define CLONE_VFORK 0x00004000
#define CSIGNAL     0x000000FF

int clone(int (*fn)(void *), void *stack, int flags, void *arg);

#endif
