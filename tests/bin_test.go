package tests

// The programs of userland/bin under our kernel: built by
// build.UserPrograms, put in the boot image as /bin/NAME and run by init,
// the shell reading the console. The expected results are the ones the
// host tests (userland/bin_test.go) require of the same programs compiled
// by gcc. Programs that need files wait for the file system.

import (
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"

	"v6vm/tools/boot"
	"v6vm/tools/build"
	"v6vm/v6vm/exe"
)

var (
	binOnce  sync.Once
	binProgs map[string]*exe.File
	binErr   error
)

// binProgram returns userland/bin/NAME built for the kernel.
func binProgram(t testing.TB, name string) *exe.File {
	t.Helper()
	binOnce.Do(func() { binProgs, binErr = build.UserPrograms(src) })
	if binErr != nil {
		t.Fatalf("building userland/bin: %v", binErr)
	}
	f := binProgs[name]
	if f == nil {
		t.Fatalf("no program %s in userland/bin", name)
	}
	return f
}

// runBin boots with /bin/NAME for each of progs and runs the command line
// cmd (its first word a program of progs) under init, with input on the
// console. It returns the console and how the run ended.
func runBin(t testing.TB, input string, cmd []string, progs ...string) (string, *boot.Result) {
	t.Helper()
	system(t)
	files := []build.BootFile{{Name: "/init", Exe: initProg}}
	for _, p := range progs {
		files = append(files, build.BootFile{Name: "/bin/" + p, Exe: binProgram(t, p)})
	}
	cmd = append([]string{"/init", "/bin/" + cmd[0]}, cmd[1:]...)
	var out strings.Builder
	opt := boot.Options{Console: &out, MaxInstructions: 500_000_000, Input: []byte(input)}
	r, _, err := boot.Run(kernel, build.BootConfig{Cmdline: strings.Join(cmd, " "), Files: files}, opt)
	if err != nil {
		t.Fatal(err)
	}
	if r.Kind != boot.Program {
		t.Fatalf("%s: %v\nconsole:\n%s\nkernel log:\n%s%s", cmd[1], r, out.String(), r.Log, r.Backtrace)
	}
	return out.String(), r
}

// binHas reports whether the C library has a system call, by its stub.
func binHas(t testing.TB, call string) bool {
	b, err := os.ReadFile("../userland/lib/syscalls.s")
	if err != nil {
		t.Fatal(err)
	}
	return strings.Contains(string(b), "\n.globl "+call+"\n")
}

func TestBinSimple(t *testing.T) {
	for _, c := range []struct {
		cmd  []string
		out  string
		code int
	}{
		{[]string{"echo", "hello,", "world"}, "hello, world\n", 0},
		{[]string{"echo", "-n", "x"}, "x", 0},
		{[]string{"true"}, "", 0},
		{[]string{"false"}, "", 1},
		{[]string{"sleep", "1"}, "", 0},
		{[]string{"sleep", "x"}, "sleep: bad number: x\n", 2},
		{[]string{"kill", "-99", "1"}, "kill: bad signal: 99\n", 2},
		{[]string{"kill", "99"}, "kill: 99: No such process\n", 1},
		{[]string{"sigtest"}, "child: handler got signal 10\nparent: first child exited with 0\nparent: second child killed by signal 15\n", 0},
		{[]string{"malloc"}, "a: block a, b: 999 bytes of 'b'\nthe heap grew: yes\nfreed block reused: yes\nrealloc to 5000: far into c\n", 0},
	} {
		out, r := runBin(t, "", c.cmd, c.cmd[0])
		if out != c.out || r.ExitCode() != c.code {
			t.Errorf("%s: console %q status %d, want %q status %d", strings.Join(c.cmd, " "), out, r.ExitCode(), c.out, c.code)
		}
	}
}

func TestBinForks(t *testing.T) {
	out, r := runBin(t, "", []string{"forks"}, "forks")
	// init is 1 and forks 2, so the children are 3, 4, 5.
	want := "parent 2\n" +
		"child 1: pid 3, parent 2\nparent: child 3 exited with 1 (expected pid 3: yes)\n" +
		"child 2: pid 4, parent 2\nparent: child 4 exited with 2 (expected pid 4: yes)\n" +
		"child 3: pid 5, parent 2\nparent: child 5 exited with 3 (expected pid 5: yes)\n"
	if out != want || r.ExitCode() != 0 {
		t.Errorf("forks: console %q status %d, want %q", out, r.ExitCode(), want)
	}
}

func TestBinPs(t *testing.T) {
	out, _ := runBin(t, "", []string{"ps"}, "ps")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	re := regexp.MustCompile(`^ +([0-9]+) +(-?[0-9]+) ([SWRIZT]) +(-?[0-9]+) +[0-9]+ +[0-9]+ +[0-9]+ (\S+)$`)
	var rows []string
	for _, l := range lines[1:] {
		m := re.FindStringSubmatch(l)
		if m == nil {
			t.Fatalf("ps: line %q is not pid ppid state pri cpu nice size command\n%s", l, out)
		}
		rows = append(rows, m[1]+" "+m[2]+" "+m[3]+" "+m[5])
	}
	// Process 0 sleeps, init waits for ps, and ps runs.
	want := []string{"0 -1 S swapper", "1 0 W init", "2 1 R ps"}
	if len(lines) < 1 || !strings.HasPrefix(lines[0], "  PID  PPID S") || strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Errorf("ps:\n%s\nwant rows %q", out, want)
	}
}

// The shell reads the console: the console shows the prompt, the kernel's
// echo of each line as it is read, and the commands' output.
func TestBinShell(t *testing.T) {
	out, r := runBin(t, "echo hello   'big  world' # comment\nnosuch\nsigtest; true\nexit 3\n",
		[]string{"sh"}, "sh", "echo", "sigtest", "true")
	want := "[/]# echo hello   'big  world' # comment\nhello big  world\n" +
		"[/]# nosuch\nsh: nosuch: not found\n" +
		"[/]# sigtest; true\nchild: handler got signal 10\nparent: first child exited with 0\nparent: second child killed by signal 15\n" +
		"[/]# exit 3\n"
	if out != want || r.ExitCode() != 3 {
		t.Errorf("sh: console\n%q status %d, want\n%q status 3", out, r.ExitCode(), want)
	}
}

func TestBinShellEOF(t *testing.T) {
	// ^D at the start of a line is the end of the console's input.
	out, r := runBin(t, "false\n\x04", []string{"sh"}, "sh", "false")
	if want := "[/]# false\n[/]# "; out != want || r.ExitCode() != 1 {
		t.Errorf("sh: console %q status %d, want %q status 1", out, r.ExitCode(), want)
	}
}

func TestBinShellKilled(t *testing.T) {
	// kill -9 of the shell's own background job; the next foreground
	// wait reaps it and says how it died.
	out, r := runBin(t, "sleep 30 &\nkill -9 3\nsleep 1\nexit\n", []string{"sh"}, "sh", "sleep", "kill")
	// "exit" is typed ahead while sleep 1 runs, so its echo comes first.
	want := "[/]# sleep 30 &\n3\n[/]# kill -9 3\n3: Killed by signal 9\n[/]# sleep 1\nexit\n[/]# "
	if out != want || r.ExitCode() != 0 {
		t.Errorf("sh: console\n%q status %d, want\n%q", out, r.ExitCode(), want)
	}
}

func TestBinShellPipes(t *testing.T) {
	if !binHas(t, "pipe") {
		t.Skip("the kernel has no pipe yet")
	}
	out, _ := runBin(t, "", []string{"pipetest"}, "pipetest")
	if strings.HasPrefix(out, "pipetest: pipe:") {
		t.Skipf("pipe does not work yet under runBin (no disk?): %q", out)
	}
	if !regexp.MustCompile(`^(message [123] from child 3\n){3}parent 2: read 69 bytes, then end of file\n$`).MatchString(out) {
		t.Errorf("pipetest: %q", out)
	}
	out, r := runBin(t, "echo a b c | wc -w\necho one two | wc | wc -l\nexit\n",
		[]string{"sh"}, "sh", "echo", "wc")
	want := "[/]# echo a b c | wc -w\n      3\n[/]# echo one two | wc | wc -l\n      1\n[/]# exit\n"
	if out != want || r.ExitCode() != 0 {
		t.Errorf("sh: console\n%q status %d, want\n%q", out, r.ExitCode(), want)
	}
}

// TestBinFiles runs the file utilities once the kernel can make a file.
func TestBinFiles(t *testing.T) {
	if !binHas(t, "open") {
		t.Skip("the file system has not landed: the C library has no open")
	}
	probe := "echo x > /probe\ncat /probe\nexit\n"
	if out, _ := runBin(t, probe, []string{"sh"}, "sh", "echo", "cat"); !strings.Contains(out, "\nx\n") {
		t.Skipf("the file system does not work yet under runBin (no disk?): %q", out)
	}
	in := "mkdir /d; cd /d\necho one two > f; echo three >> f\ncat f | wc -l\ncp f g; ln g h; mv h i\nls -l\nrm f g i; cd /; rmdir d; ls d\nexit\n"
	out, _ := runBin(t, in, []string{"sh"}, "sh", "echo", "cat", "wc", "cp", "ln", "mv", "ls", "rm", "rmdir", "mkdir")
	for _, want := range []string{
		`\[/d\]# cat f \| wc -l\n      2\n`,
		`\n-rw-\S+  1 +0 +18 f\n`,
		`\n-rw-\S+  2 +0 +18 g\n`,
		`\n-rw-\S+  2 +0 +18 i\n`,
		`\nls: d: No such file or directory\n`,
	} {
		if !regexp.MustCompile(want).MatchString(out) {
			t.Errorf("files: console lacks %q:\n%s", want, out)
		}
	}
}

func TestBinShutdown(t *testing.T) {
	system(t)
	files := []build.BootFile{{Name: "/init", Exe: initProg}, {Name: "/bin/shutdown", Exe: binProgram(t, "shutdown")}}
	var out strings.Builder
	opt := boot.Options{Console: &out, MaxInstructions: 100_000_000}
	r, _, err := boot.Run(kernel, build.BootConfig{Cmdline: "/init /bin/shutdown", Files: files}, opt)
	if err != nil {
		t.Fatal(err)
	}
	if r.Kind != boot.Shutdown || r.Status != 0 || out.String() != "" {
		t.Errorf("shutdown: %v, console %q; want a halt with status 0", r, out.String())
	}
}
