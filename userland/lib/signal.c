/*
 * signal() over the kernel's __signal. The kernel jumps to a handler with
 * only the interrupted EIP and the signal number pushed, in the middle of
 * whatever code was running, so a C handler called directly would clobber
 * the caller-saved registers and the flags. Instead the kernel is given
 * __sigtramp (sigtramp.s), which saves them and calls the C handler kept
 * here in __sighandlers.
 */
#include <errno.h>
#include <signal.h>

int __signal(int sig, void *handler);
void __sigtramp(void);

sighandler_t __sighandlers[NSIG];

sighandler_t signal(int sig, sighandler_t handler)
{
	sighandler_t prev;
	void *k = (void *)handler;
	int old;

	if (sig <= 0 || sig >= NSIG) {
		errno = EINVAL;
		return SIG_ERR;
	}
	/* SIG_DFL and SIG_IGN are 0 and 1 to the kernel too */
	if (handler != SIG_DFL && handler != SIG_IGN)
		k = (void *)__sigtramp;
	prev = __sighandlers[sig];
	/*
	 * A signal pending on entry to a system call is delivered instead of
	 * running the call (EINTR). A handler reinstalling itself would then
	 * silently stay uninstalled, and the next signal would kill: retry.
	 */
	do
		old = __signal(sig, k);
	while (old == -1 && errno == EINTR);
	if (old == -1)
		return SIG_ERR;
	__sighandlers[sig] = handler;
	/*
	 * The kernel resets a delivered signal to SIG_DFL, so the table may be
	 * stale: what the kernel had decides.
	 */
	if (old != (int)__sigtramp)
		return (sighandler_t)old;
	return prev;
}
