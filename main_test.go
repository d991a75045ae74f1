package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCaptured runs the v6vm command in-process and returns its exit status
// and standard output.
func runCaptured(t *testing.T, args ...string) (int, string) {
	t.Helper()
	return runWithInput(t, "", args...)
}

// runWithInput is runCaptured with input on the command's standard input.
func runWithInput(t *testing.T, input string, args ...string) (int, string) {
	t.Helper()
	in, inw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		inw.Write([]byte(input))
		inw.Close()
	}()
	savedIn := os.Stdin
	os.Stdin = in
	defer func() { os.Stdin = savedIn }()
	var status int
	out := capture(t, &os.Stdout, func() { status = run(args) })
	return status, out
}

// capture returns what fn writes to *f (os.Stdout or os.Stderr).
func capture(t *testing.T, f **os.File, fn func()) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	saved := *f
	*f = w
	done := make(chan string)
	go func() {
		b, _ := io.ReadAll(r)
		done <- string(b)
	}()
	fn()
	*f = saved
	w.Close()
	return <-done
}

// TestReadmeFirstCommand runs the first command of the README, as a
// newcomer would type it, and checks what it prints.
func TestReadmeFirstCommand(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, _ := strings.Cut(string(readme), "```sh\n")
	line, _, _ := strings.Cut(rest, "\n")
	cmd, _, _ := strings.Cut(line, "#")
	fields := strings.Fields(cmd)
	if len(fields) < 3 || fields[0] != "go" || fields[1] != "run" || fields[2] != "." {
		t.Fatalf("README's first command is %q, not 'go run . ...'", line)
	}
	// A newcomer at the shell: one command, then exit.
	status, out := runWithInput(t, "echo hello from the shell\nexit\n", fields[3:]...)
	want := "[/]# echo hello from the shell\nhello from the shell\n[/]# exit\n"
	if status != 0 || out != want {
		t.Errorf("%s: status %d, screen:\n%s\nwant:\n%s", strings.TrimSpace(cmd), status, out, want)
	}
}

func TestHelpListsCommands(t *testing.T) {
	for _, name := range []string{"asm", "dis", "exec", "run", "cc", "kgo", "boot"} {
		if _, ok := commands[name]; !ok {
			t.Errorf("command %q is not registered", name)
		}
	}
	if status := run([]string{"no-such-command"}); status != 2 {
		t.Errorf("unknown command: status %d, want 2", status)
	}
}

// TestCCLinksTheCLibrary: v6vm cc makes a program for the kernel (crt0 and
// the C library linked in), which v6vm run then runs.
func TestCCLinksTheCLibrary(t *testing.T) {
	dir := t.TempDir()
	src := dir + "/hello.c"
	if err := os.WriteFile(src, []byte("#include <stdio.h>\nint main(void) { printf(\"hi %d\\n\", 42); return 3; }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if status, _ := runCaptured(t, "cc", "-o", dir+"/hello", src); status != 0 {
		t.Fatalf("cc: status %d", status)
	}
	status, out := runCaptured(t, "run", dir+"/hello")
	if status != 3 || out != "hi 42\n" {
		t.Errorf("run hello: status %d, output %q; want 3 and \"hi 42\\n\"", status, out)
	}
}

// TestRunProfile: run --profile N prints the N busiest kernel functions
// and source lines on standard error, and the run itself is the same.
func TestRunProfile(t *testing.T) {
	var status int
	var out string
	prof := capture(t, &os.Stderr, func() {
		status, out = runCaptured(t, "run", "--profile", "8", "tests/progs/forkloop.c", "30")
	})
	plainStatus, plainOut := runCaptured(t, "run", "tests/progs/forkloop.c", "30")
	if status != plainStatus || out != plainOut {
		t.Errorf("with --profile: status %d, output %q; without: %d, %q", status, out, plainStatus, plainOut)
	}
	parts := strings.Split(prof, "\n\n")
	if len(parts) != 2 {
		t.Fatalf("want a function table and a line table, got:\n%s", prof)
	}
	for i, want := range []string{"function", "source line"} {
		lines := strings.Split(strings.TrimSpace(parts[i]), "\n")
		// The header, 8 rows, the total.
		if len(lines) != 10 || !strings.HasSuffix(lines[0], want) || !strings.HasSuffix(lines[9], "100.0%  total") {
			t.Errorf("table %d:\n%s", i, parts[i])
		}
	}
	if !strings.Contains(parts[0], "ProcessManager_Select") || !strings.Contains(parts[1], "kernel/proc.go:") {
		t.Errorf("a fork loop's profile without the scheduler:\n%s", prof)
	}
}

// TestRunReadsStandardInput: a pipe on standard input is the program's
// console input, not echoed, and its end is end of file.
func TestRunReadsStandardInput(t *testing.T) {
	src := filepath.Join(t.TempDir(), "count.c")
	prog := "#include <stdio.h>\nint main(void) { char b[64]; int n = 0; while (fgets(b, sizeof b, stdin)) n++; printf(\"%d lines\\n\", n); return n; }\n"
	if err := os.WriteFile(src, []byte(prog), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		input, out string
		status     int
	}{{"one\ntwo\nthree\n", "3 lines\n", 3}, {"", "0 lines\n", 0}, {"no newline", "1 lines\n", 1}} {
		status, out := runWithInput(t, c.input, "run", src)
		if status != c.status || out != c.out {
			t.Errorf("input %q: status %d, output %q; want %d, %q", c.input, status, out, c.status, c.out)
		}
	}
}

// TestExploreScenario: explore takes a scenario file's arguments, as run
// and trace do, so its outcomes are the ones the replay shows.
func TestExploreScenario(t *testing.T) {
	status, out := runCaptured(t, "explore", "examples/scenarios/childfirst.scn", "--seeds", "1-4")
	if status != 0 || strings.Contains(out, "killed") || !strings.Contains(out, "4 runs") {
		t.Errorf("status %d:\n%s", status, out)
	}
}

// TestRunProgramExecsCommands: the disk v6vm run boots has the system's
// commands, so a fork+exec demo can run /bin/echo.
func TestRunProgramExecsCommands(t *testing.T) {
	src := filepath.Join(t.TempDir(), "ex.c")
	prog := `#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>
int main(void) {
	int st;
	if (fork() == 0) {
		execl("/bin/echo", "echo", "hello from exec", (char *)0);
		_exit(127);
	}
	wait(&st);
	printf("child exited %d\n", WEXITSTATUS(st));
	return 0;
}
`
	if err := os.WriteFile(src, []byte(prog), 0o644); err != nil {
		t.Fatal(err)
	}
	status, out := runCaptured(t, "run", src)
	if status != 0 || out != "hello from exec\nchild exited 0\n" {
		t.Errorf("status %d, output %q", status, out)
	}
}

// TestRunLocalInclude: a program's #include "..." finds headers beside it,
// under run as under cc.
func TestRunLocalInclude(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"local.h": "#define GREETING \"hello from a local header\"\nstatic int twice(int x) { return 2 * x; }\n",
		"prog.c":  "#include <stdio.h>\n#include \"local.h\"\nint main(void) { printf(\"%s %d\\n\", GREETING, twice(21)); return 0; }\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	status, out := runCaptured(t, "run", filepath.Join(dir, "prog.c"))
	if status != 0 || out != "hello from a local header 42\n" {
		t.Errorf("status %d, output %q", status, out)
	}
}

// TestEventsIsTrace: --events is another name for --trace.
func TestEventsIsTrace(t *testing.T) {
	_, a := runCaptured(t, "trace", "--events", "exit", "tests/progs/forkloop.c", "2")
	_, b := runCaptured(t, "trace", "--trace", "exit", "tests/progs/forkloop.c", "2")
	if a != b || !strings.Contains(a, "exit") || strings.Contains(a, "syscall") {
		t.Errorf("--events exit:\n%s\n--trace exit:\n%s", a, b)
	}
}
