package main

import (
	"io"
	"os"
	"strings"
	"testing"
)

// runCaptured runs the v6vm command in-process and returns its exit status
// and standard output.
func runCaptured(t *testing.T, args ...string) (int, string) {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	saved := os.Stdout
	os.Stdout = w
	done := make(chan string)
	go func() {
		b, _ := io.ReadAll(r)
		done <- string(b)
	}()
	status := run(args)
	os.Stdout = saved
	w.Close()
	return status, <-done
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
	status, out := runCaptured(t, fields[3:]...)
	// The parent and the child may print in either order; each says what
	// fork returned to it.
	for _, want := range []string{"child:  fork returned 0", "parent: fork returned ", "exit status 7"} {
		if !strings.Contains(out, want) {
			t.Errorf("%s: output lacks %q:\n%s", strings.TrimSpace(cmd), want, out)
		}
	}
	if status != 0 {
		t.Errorf("%s: exit status %d, want 0", strings.TrimSpace(cmd), status)
	}
}

func TestHelpListsCommands(t *testing.T) {
	for _, name := range []string{"asm", "dis", "exec", "run", "cc", "kgo"} {
		if _, ok := commands[name]; !ok {
			t.Errorf("command %q is not registered", name)
		}
	}
	if status := run([]string{"no-such-command"}); status != 2 {
		t.Errorf("unknown command: status %d, want 2", status)
	}
}
