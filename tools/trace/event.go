package trace

// Event is one thing the kernel did, as data: when (virtual time, in
// instructions executed), what kind, which process it concerns, and the
// fields of its kind (exactly one of the pointers is set, none for idle and
// exec). Renderers turn events into text lines (Text) or JSON lines (JSON);
// pictures and sweeps read them directly.
type Event struct {
	Time uint64 `json:"time"`
	Kind Kind   `json:"kind"`
	// Pid is the process the event is about: for select the one giving
	// up the processor, for switch-in the one resuming, for wakeup the
	// one woken, for output the one that wrote; otherwise the running
	// process.
	Pid  int32  `json:"pid"`
	Comm string `json:"comm,omitempty"`

	Select  *Select  `json:"select,omitempty"`
	Stack   []Frame  `json:"stack,omitempty"` // switch-in: the core stack Swtch returns through
	Sleep   *Sleep   `json:"sleep,omitempty"`
	Wakeup  *Wakeup  `json:"wakeup,omitempty"`
	Syscall *Syscall `json:"syscall,omitempty"`
	Exit    *Exit    `json:"exit,omitempty"`
	Signal  *Signal  `json:"signal,omitempty"`
	Clock   *Clock   `json:"clock,omitempty"`
	Tick    *Tick    `json:"tick,omitempty"`
	Output  *Output  `json:"output,omitempty"`
	COW     *COW     `json:"cow,omitempty"`

	// Pgdir is, for a switch-in, the physical address of the page
	// directory the process runs in: the identity of its address space
	// (a vfork child and its parent share one).
	Pgdir uint32 `json:"pgdir,omitempty"`
}

// COW is a copy-on-write fault (the kernel's --cow fork): a write to a
// shared page, which is copied for the writer, or only made writable again
// when no one else uses it any more; or, with Table, a write through a
// shared page table (4 MiB of user space from Addr), which the writer
// copies, or takes back as the last user.
type COW struct {
	Addr   uint32 `json:"addr"` // the page's (or the table's first) user address
	Copied bool   `json:"copied"`
	Table  bool   `json:"table,omitempty"`
}

// Kind names an event kind.
type Kind string

// Event kinds.
const (
	KSelect   Kind = "select"    // a process gave up the processor and Select chose the next
	KSwitchIn Kind = "switch-in" // the chosen process resumes: Swtch returns 1 on its stack
	KIdle     Kind = "idle"      // nothing to run: Select halts until an interrupt
	KSleep    Kind = "sleep"
	KWakeup   Kind = "wakeup"
	KSyscall  Kind = "syscall" // a system call returns
	KExit     Kind = "exit"
	KExec     Kind = "exec"
	KSignal   Kind = "signal"
	KFault    Kind = "fault"
	KClock    Kind = "clock"  // the once-a-second recomputation
	KTick     Kind = "tick"   // a clock interrupt
	KOutput   Kind = "output" // a line the program wrote on the console
	KCOW      Kind = "cow"    // a copy-on-write fault
)

// ProcInfo is what an event shows of a process-table entry.
type ProcInfo struct {
	Pid  int32  `json:"pid"`
	Comm string `json:"comm,omitempty"`
	Stat string `json:"p_stat"`
	Pri  int32  `json:"p_pri"`
	Cpu  int32  `json:"p_cpu"`
	Nice int32  `json:"p_nice"`
}

// Select is a switch: why the running process left, the candidates in
// Select's scan order with their scheduling state, and the winner.
type Select struct {
	Why        string     `json:"why"`    // "sleeps", "gives way", "exits"
	Out        ProcInfo   `json:"out"`    // the process that called Swtch, when it did
	RunRun     int32      `json:"RunRun"` // when it called Swtch
	CurPri     int32      `json:"CurPri"` // likewise
	ScanFrom   int        `json:"scan_from"`
	Candidates []ProcInfo `json:"candidates"`
	Chose      ProcInfo   `json:"chose"`
	Ties       int        `json:"ties"` // candidates at the winner's p_pri
	Rule       string     `json:"rule"`
}

// Sleep is a process going to sleep on a channel.
type Sleep struct {
	Chan     uint32 `json:"chan"`
	ChanName string `json:"chan_name"` // the kernel symbol it points into
	Pri      int32  `json:"p_pri"`
}

// Wakeup is SetRun of a process: whether its priority beats the running one.
type Wakeup struct {
	Pri     int32 `json:"p_pri"`
	CurPri  int32 `json:"CurPri"`
	Preempt bool  `json:"preempt"` // p_pri < CurPri: RunRun++
}

// Syscall is a system call returning.
type Syscall struct {
	Num    int      `json:"num"`
	Name   string   `json:"name"`
	Args   []uint32 `json:"args"`
	Result int32    `json:"result"`
	Errno  int      `json:"errno,omitempty"`
	Start  uint64   `json:"start,omitempty"` // when the process entered it (0: unknown, e.g. a fork child)
}

// Exit is a process exiting.
type Exit struct {
	Status uint32 `json:"status"` // the wait status
}

// Signal is a signal delivered, or (for fault events) an exception taken.
type Signal struct {
	Number int `json:"number"`
}

// Clock is the once-a-second recomputation: every process's state after it.
type Clock struct {
	Second uint32     `json:"second"`
	Procs  []ProcInfo `json:"procs"`
}

// Tick is a clock interrupt.
type Tick struct {
	FromUser bool `json:"from_user"`
}

// Output is one line (or the unterminated rest) the program wrote.
type Output struct {
	Text string `json:"text"`
}

// A Sink receives events as the tracer makes them.
type Sink interface {
	Event(e *Event)
}

// Recorder keeps every event.
type Recorder struct {
	Events []Event
}

// Event implements Sink.
func (r *Recorder) Event(e *Event) { r.Events = append(r.Events, *e) }

// SinkFunc adapts a function to a Sink.
type SinkFunc func(e *Event)

// Event implements Sink.
func (f SinkFunc) Event(e *Event) { f(e) }
