package v6vm

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"v6vm/asm"
	"v6vm/v6vm/exe"
)

// e2eWant reads the expectations written in an e2e program's comments:
// "# want status: N" and one "# want output: TEXT" per console line.
func e2eWant(t *testing.T, src []byte) (status int, output string) {
	t.Helper()
	var out strings.Builder
	for _, line := range strings.Split(string(src), "\n") {
		if s, ok := strings.CutPrefix(line, "# want status: "); ok {
			n, err := strconv.Atoi(strings.TrimSpace(s))
			if err != nil {
				t.Fatalf("bad want status %q", s)
			}
			status = n
		}
		if s, ok := strings.CutPrefix(line, "# want output: "); ok {
			out.WriteString(s + "\n")
		}
	}
	return status, out.String()
}

// AssembleE2E assembles a testdata program into an executable.
func assembleFile(t *testing.T, path string) (*exe.File, []byte) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := asm.Assemble([]asm.Source{{Name: path, Text: src}}, asm.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return f, src
}

// TestE2E runs each testdata/e2e_*.s bare metal and checks its console
// output and exit status exactly.
func TestE2E(t *testing.T) {
	files, _ := filepath.Glob("testdata/e2e_*.s")
	if len(files) == 0 {
		t.Fatal("no e2e programs")
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			f, src := assembleFile(t, file)
			wantStatus, wantOut := e2eWant(t, src)
			var out bytes.Buffer
			m := New(Config{Console: &out, MaxInstructions: 1e6})
			var traps []TrapInfo
			m.SetHooks(Hooks{Trap: func(_ *Machine, ti TrapInfo) { traps = append(traps, ti) }})
			if err := m.Load(f); err != nil {
				t.Fatal(err)
			}
			status, err := m.Run()
			if err != nil || status != wantStatus || out.String() != wantOut {
				t.Fatalf("Run = %d, %v; output:\n%s\nwant %d, nil; output:\n%s", status, err, out.String(), wantStatus, wantOut)
			}
			if filepath.Base(file) == "e2e_user.s" {
				// The timer must have interrupted both modes, and every
				// system call came from user mode.
				var timerUser, timerKernel, syscalls int
				for _, ti := range traps {
					switch {
					case ti.Vector == 0x20 && ti.Kind == TrapInterrupt && ti.FromUser:
						timerUser++
					case ti.Vector == 0x20 && ti.Kind == TrapInterrupt:
						timerKernel++
					case ti.Vector == 0x80 && ti.Kind == TrapSoftware && ti.FromUser:
						syscalls++
					default:
						t.Errorf("unexpected trap %+v", ti)
					}
				}
				if timerUser+timerKernel < 5 || timerUser == 0 || syscalls < 5 {
					t.Errorf("timer ticks from user %d, from kernel %d, system calls %d", timerUser, timerKernel, syscalls)
				}
				t.Logf("timer ticks from user %d, from kernel %d, system calls %d", timerUser, timerKernel, syscalls)
			}
		})
	}
}
