package tests

import (
	"bufio"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/sebdah/goldie/v2"

	"v6vm/tools/boot"
	"v6vm/tools/build"
	"v6vm/tools/trace"
)

// traced is a run with every event recorded, printed as text and as JSON.
type traced struct {
	out          string
	text, json   bytes.Buffer
	events       []trace.Event
	snap         *trace.StackSnapshot
	icount       uint64
	sourceOutput string
}

func traceRun(t *testing.T, name string, seed uint64, stacksAt string, args ...string) *traced {
	t.Helper()
	system(t)
	prog := program(t, name)
	tr := &traced{}
	rec := &trace.Recorder{}
	tracer, err := trace.New(kinfo, src, []string{"all"}, trace.Text(&tr.text), trace.JSON(&tr.json), rec)
	if err != nil {
		t.Fatal(err)
	}
	if stacksAt != "" {
		sel, err := trace.ParseStackSelector(stacksAt)
		if err != nil {
			t.Fatal(err)
		}
		tracer.SnapshotAt(sel)
	}
	var out bytes.Buffer
	cfg := build.BootConfig{
		Cmdline: strings.Join(append([]string{"/init", "/" + name}, args...), " "),
		Files:   []build.BootFile{{Name: "/init", Exe: initProg}, {Name: "/" + name, Exe: prog}},
	}
	r, m, err := boot.Run(kernel, cfg, boot.Options{Console: &out, Seed: seed, MaxInstructions: 200_000_000, Hooks: tracer.Hooks()})
	if err != nil || r.Kind != boot.Program {
		t.Fatalf("%v %v", r, err)
	}
	tracer.Flush(m)
	tr.out, tr.events, tr.snap, tr.icount = out.String(), rec.Events, tracer.Snapshot(), r.Icount
	return tr
}

// TestTraceJSONIsText: the JSON lines parse, one per event, and rendering
// each parsed event as text gives the text trace exactly.
func TestTraceJSONIsText(t *testing.T) {
	mix := findRaceMix(t)
	tr := traceRun(t, "race", mix.child, "", mix.n)
	var b strings.Builder
	n := 0
	sc := bufio.NewScanner(&tr.json)
	sc.Buffer(nil, 1<<20)
	kinds := map[trace.Kind]int{}
	for sc.Scan() {
		var e trace.Event
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatalf("line %d: %v\n%s", n+1, err, sc.Text())
		}
		b.WriteString(trace.FormatText(&e))
		kinds[e.Kind]++
		n++
	}
	if n != len(tr.events) {
		t.Errorf("%d JSON lines for %d events", n, len(tr.events))
	}
	if b.String() != tr.text.String() {
		t.Errorf("JSON rendered as text differs from the text trace:\n%s\n---\n%s", b.String(), tr.text.String())
	}
	for _, k := range []trace.Kind{trace.KSelect, trace.KSwitchIn, trace.KSyscall, trace.KExit, trace.KExec, trace.KTick, trace.KOutput, trace.KSleep, trace.KWakeup} {
		if kinds[k] == 0 {
			t.Errorf("no %s events: %v", k, kinds)
		}
	}
}

// TestTraceOutputInTime: the program's output lines are events, in time
// order among the others: each comes before its write returns, and
// together they are the console output.
func TestTraceOutputInTime(t *testing.T) {
	mix := findRaceMix(t)
	tr := traceRun(t, "race", mix.child, "", mix.n)
	var lines []string
	var last uint64
	for i, e := range tr.events {
		if e.Time < last && e.Kind != trace.KOutput {
			t.Errorf("event %d (%s) at %d after one at %d", i, e.Kind, e.Time, last)
		}
		last = max(last, e.Time)
		if e.Kind != trace.KOutput {
			continue
		}
		lines = append(lines, e.Output.Text+"\n")
		ok := false
		for _, f := range tr.events[i+1:] {
			if f.Kind == trace.KSyscall && f.Pid == e.Pid {
				ok = f.Syscall.Name == "write" && f.Syscall.Start < e.Time
				break
			}
		}
		if !ok {
			t.Errorf("output %q of pid %d is not inside a write", e.Output.Text, e.Pid)
		}
	}
	if strings.Join(lines, "") != tr.out {
		t.Errorf("output events %q, console %q", lines, tr.out)
	}
	if !strings.Contains(tr.text.String(), `output    [3 race] "child"`) {
		t.Errorf("the text trace lacks the child's line:\n%s", tr.text.String())
	}
}

// svgTexts parses an SVG document with encoding/xml and returns its text
// elements' contents, in order.
func svgTexts(t *testing.T, doc []byte) []string {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(doc))
	var texts []string
	inText, root := false, ""
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if root == "" {
				root = tok.Name.Local
				if tok.Name.Space != "http://www.w3.org/2000/svg" {
					t.Errorf("root element in namespace %q", tok.Name.Space)
				}
			}
			inText = tok.Name.Local == "text"
			if inText {
				texts = append(texts, "")
			}
		case xml.CharData:
			if inText {
				texts[len(texts)-1] += string(tok)
			}
		case xml.EndElement:
			inText = false
		}
	}
	if root != "svg" {
		t.Fatalf("root element %q", root)
	}
	return texts
}

// normalise keeps what a lesson needs of a picture's labels, dropping what
// every kernel edit moves: addresses, instruction counts, line numbers.
var (
	normHex  = regexp.MustCompile(`0x[0-9a-f]+`)
	normLine = regexp.MustCompile(`(\.(go|s)):\d+`)
	normNum  = regexp.MustCompile(`\b\d{3,}\b`)
	normAxis = regexp.MustCompile(`^\d+(\.\d+)?k$`)
)

func normalise(texts []string) []byte {
	var b bytes.Buffer
	for _, s := range texts {
		if normAxis.MatchString(s) {
			continue
		}
		s = normHex.ReplaceAllString(s, "0x…")
		s = normLine.ReplaceAllString(s, "$1")
		s = normNum.ReplaceAllString(s, "N")
		b.WriteString(s + "\n")
	}
	return b.Bytes()
}

func has(texts []string, want string) bool {
	for _, s := range texts {
		if strings.Contains(s, want) {
			return true
		}
	}
	return false
}

// TestTimelineSVG: the timeline of race.c (a seed where the child prints
// first) is XML, with a lane per process and the calls and output lines
// marked.
func TestTimelineSVG(t *testing.T) {
	mix := findRaceMix(t)
	tr := traceRun(t, "race", mix.child, "", mix.n)
	var doc bytes.Buffer
	if err := trace.Timeline(&doc, "race.c: the child first", tr.events, 0, tr.icount); err != nil {
		t.Fatal(err)
	}
	texts := svgTexts(t, doc.Bytes())
	for _, want := range []string{"pid 0 swapper", "pid 1 init", "pid 2 race", "pid 3 race",
		"fork=3", "fork=0", `"child"`, `"parent"`, "exec race", "wait=3", "exit 0"} {
		if !has(texts, want) {
			t.Errorf("the timeline lacks %q: %q", want, texts)
		}
	}
	goldie.New(t).Assert(t, "timeline_race_child_first", normalise(texts))

	// A window from the parent's fork to the child's exit shows those
	// two and nothing before (the exec) or after (the parent's wait).
	var forkAt, exitAt uint64
	for _, e := range tr.events {
		if e.Kind == trace.KSyscall && e.Syscall.Name == "fork" && e.Pid == 2 && forkAt == 0 {
			forkAt = e.Syscall.Start
		}
		if e.Kind == trace.KExit && e.Pid == 3 {
			exitAt = e.Time
		}
	}
	var shown []trace.Event
	for _, e := range tr.events {
		if e.Time <= exitAt {
			shown = append(shown, e)
		}
	}
	doc.Reset()
	if err := trace.Timeline(&doc, "window", shown, forkAt, exitAt); err != nil {
		t.Fatal(err)
	}
	texts = svgTexts(t, doc.Bytes())
	for _, want := range []string{"pid 2 race", "pid 3 race", "fork=0", "exit 0"} {
		if !has(texts, want) {
			t.Errorf("the window lacks %q: %q", want, texts)
		}
	}
	for _, not := range []string{"exec race", "wait=3"} {
		if has(texts, not) {
			t.Errorf("the window from %d to %d shows %q: %q", forkAt, exitAt, not, texts)
		}
	}
}

// TestStacksSVG: at the child's first switch-in (in a run where the child
// prints first), the picture shows the child on NewProc's frame (returning
// 1 into Fork, saved EAX still the call number) beside the parent, which
// gave way after its fork returned the child's pid (saved EAX 3).
func TestStacksSVG(t *testing.T) {
	mix := findRaceMix(t)
	tr := traceRun(t, "race", mix.child, "first swtch to pid 3", mix.n)
	if tr.snap == nil || len(tr.snap.Procs) != 2 {
		t.Fatalf("snapshot %+v", tr.snap)
	}
	child, parent := tr.snap.Procs[0], tr.snap.Procs[1]
	if child.Pid != 3 || parent.Pid != 2 || !child.Running || parent.Running {
		t.Fatalf("snapshot of %+v and %+v", child, parent)
	}
	ctrap, ptrap := child.Frames[len(child.Frames)-1].Trap, parent.Frames[len(parent.Frames)-1].Trap
	if ctrap == nil || ptrap == nil || ctrap.EAX != 2 || ptrap.EAX != 3 {
		t.Errorf("saved EAX: child %+v, parent %+v; want 2 (fork's number, to become 0) and 3 (the child's pid)", ctrap, ptrap)
	}
	if child.RsavEBP != child.Frames[0].EBP {
		t.Errorf("the child's u_rsav EBP %#x is not the frame Swtch runs on (%#x)", child.RsavEBP, child.Frames[0].EBP)
	}
	var doc bytes.Buffer
	if err := trace.StackPicture(&doc, tr.snap); err != nil {
		t.Fatal(err)
	}
	texts := svgTexts(t, doc.Bytes())
	for _, want := range []string{"pid 3 race (child)", "pid 2 race (parent)", "#0 ProcessManager_Swtch", "#1 ProcessManager_Fork",
		"SystemCallEntrance", "Swtch runs on ProcessManager_NewProc's frame", "u_rsav", "saved EAX", "CheckRunRun",
		"the child's fork() returns 0."} {
		if !has(texts, want) {
			t.Errorf("the picture lacks %q: %q", want, texts)
		}
	}
	goldie.New(t).Assert(t, "stacks_race_child_first_swtch_to_3", normalise(texts))
}

// BenchmarkTraceCost runs race.c with no tracer (the machine's hooks nil:
// what v6vm run and explore do) and with every event traced to text, to
// show what tracing costs when on; off, the kernel's trace points are two
// out instructions that no device answers.
func BenchmarkTraceCost(b *testing.B) {
	system(b)
	prog := program(b, "race")
	cfg := build.BootConfig{Cmdline: "/init /race " + findRaceMix(b).n,
		Files: []build.BootFile{{Name: "/init", Exe: initProg}, {Name: "/race", Exe: prog}}}
	for _, on := range []bool{false, true} {
		name := "off"
		if on {
			name = "all"
		}
		b.Run(name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				opt := boot.Options{Seed: uint64(i), MaxInstructions: 200_000_000}
				if on {
					tracer, err := trace.New(kinfo, src, []string{"all"}, trace.Text(io.Discard))
					if err != nil {
						b.Fatal(err)
					}
					opt.Hooks = tracer.Hooks()
				}
				if r, _, err := boot.Run(kernel, cfg, opt); err != nil || r.Kind != boot.Program {
					b.Fatal(r, err)
				}
			}
		})
	}
}

// TestStacksSVGVfork: the stack picture names each process's address space
// (its page directory): a vfork child's is its parent's, a fork child's is
// its own.
func TestStacksSVGVfork(t *testing.T) {
	for _, c := range []struct {
		pid  string
		same bool
	}{{"3", false}, {"4", true}} { // vforkshare: pid 3 is forked, 4 vforked
		tr := traceRun(t, "vforkshare", 1, "first swtch to pid "+c.pid)
		if tr.snap == nil || len(tr.snap.Procs) != 2 {
			t.Fatalf("pid %s: snapshot %+v", c.pid, tr.snap)
		}
		child, parent := tr.snap.Procs[0], tr.snap.Procs[1]
		if (child.Pgdir == parent.Pgdir) != c.same || child.Pgdir == 0 {
			t.Errorf("pid %s: page directories %#x and %#x", c.pid, child.Pgdir, parent.Pgdir)
		}
		var doc bytes.Buffer
		if err := trace.StackPicture(&doc, tr.snap); err != nil {
			t.Fatal(err)
		}
		shared := has(svgTexts(t, doc.Bytes()), fmt.Sprintf("the same as pid %d's", parent.Pid))
		if shared != c.same {
			t.Errorf("pid %s: the picture says the address space is shared: %v", c.pid, shared)
		}
	}
}
