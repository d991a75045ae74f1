//go:build v6vm

package kernel

import "unsafe"

// Signal handler values in u_signal (V6++ keeps a user address or 0/1).
const (
	SIG_DFL = 0 // default: the process exits
	SIG_IGN = 1 // ignored
)

// IsSig reports whether the running process p has a signal to act on: a
// pending one that it does not ignore (Process::IsSig). An ignored one is
// dropped.
func (p *Process) IsSig() bool {
	sig := p.p_sig
	if sig == 0 {
		return false
	}
	h := GetUser().u_signal[sig]
	if h == SIG_IGN && sig != SIGKILL || h == SIG_DFL && sig == SIGCHLD {
		// Ignored; SIGCHLD (ours, from clone) is ignored by default,
		// as everywhere else.
		p.p_sig = 0
		return false
	}
	return true
}

// PSignal posts sig to p (Process::PSignal). p holds one pending signal; a
// pending SIGKILL is never replaced. A low-priority sleeper is woken so it
// can act on it, and a user priority is raised to PUSER so it acts soon.
func (p *Process) PSignal(sig int32) {
	if sig <= 0 || sig >= NSIG {
		return
	}
	if p.p_sig != SIGKILL {
		p.p_sig = sig
	}
	if p.p_pri > PUSER {
		p.p_pri = PUSER
	}
	if p.p_stat == SWAIT {
		p.SetRun()
	}
}

// PSig acts on the running process's pending signal (Process::PSig): with
// a handler, the user context is redirected into it — the interrupted EIP
// and the signal number are pushed on the user stack, so a plain `ret`
// after popping the number resumes — and the handler is reset (V6++ handlers
// are one-shot). Otherwise the process exits, killed by the signal.
func (p *Process) PSig(ctx *PtContext) {
	u := GetUser()
	sig := p.p_sig
	p.p_sig = 0
	tracePoint(TRACE_SIGNAL, uintptr(sig))
	handler := u.u_signal[sig]
	if handler != SIG_DFL && sig != SIGKILL {
		frame := [2]uint32{uint32(sig), ctx.eip}
		sp := ctx.esp - 8
		if CopyOut(uintptr(sp), uintptr(unsafe.Pointer(&frame)), 8) {
			ctx.esp = sp
			ctx.eip = uint32(handler)
			u.u_signal[sig] = SIG_DFL
			return
		}
		sig = SIGSEGV // no room on the user stack: as Linux, a forced SIGSEGV
	}
	ProcMgr.Exit(sig) // the wait status of a signal death is the number
}

// Ssig is the signal system call (ProcessManager::Ssig): set the handler
// of u_arg[0] to u_arg[1], returning the old one. SIGKILL cannot be caught.
func Ssig() {
	u := GetUser()
	sig := u.u_arg[0]
	if sig <= 0 || sig >= NSIG || sig == SIGKILL {
		u.u_error = EINVAL
		return
	}
	u.u_ar0.eax = uint32(u.u_signal[sig])
	u.u_signal[sig] = uintptr(u.u_arg[1])
	if u.u_procp.p_sig == sig {
		u.u_procp.p_sig = 0
	}
}

// Kill is the kill system call (ProcessManager::Kill): send u_arg[1] to
// process u_arg[0], or with pid 0 to every process but 0, 1 and the caller.
// Unlike V6++, a process may signal itself by pid (raise). Non-root needs
// the same uid.
func Kill() {
	u := GetUser()
	pid, sig := u.u_arg[0], u.u_arg[1]
	if sig < 0 || sig >= NSIG {
		u.u_error = EINVAL
		return
	}
	found := false
	for i := int32(0); i < ProcMgr.high; i++ {
		p := &ProcMgr.process[i]
		if p.p_stat == SNULL || p.p_stat == SZOMB {
			continue
		}
		if pid != 0 && p.p_pid != pid {
			continue
		}
		if pid == 0 && (i <= 1 || p == u.u_procp) {
			continue
		}
		if u.u_uid != 0 && int16(u.u_uid) != p.p_uid {
			continue
		}
		if p.p_pid == 1 && u.u_procp.p_pid != 1 {
			// init reaps orphans and reports to the host: like Linux,
			// the kernel does not let it be killed from outside.
			u.u_error = EPERM
			return
		}
		found = true
		if sig != 0 {
			p.PSignal(sig)
		}
	}
	if !found {
		u.u_error = ESRCH
	}
	u.u_ar0.eax = 0 // V6++ leaves the call number in EAX; C expects 0
}
