package tests

import (
	"bytes"
	"regexp"
	"sync"
	"testing"

	"github.com/sebdah/goldie/v2"

	"v6vm/tools/boot"
	"v6vm/tools/build"
	"v6vm/tools/fs"
)

var (
	diskOnce sync.Once
	sysDisk  []byte
	diskErr  error
)

// session boots the whole system (init and /bin on a fresh disk) and types
// script at the shell, as `v6vm boot < script` does: each line arrives
// when the shell reads it. It returns the screen, the disk and the result.
func session(t *testing.T, script string, seed uint64) (string, []byte, *boot.Result) {
	t.Helper()
	system(t)
	diskOnce.Do(func() { sysDisk, diskErr = build.SystemDisk(src, 0) })
	if diskErr != nil {
		t.Fatal(diskErr)
	}
	disk := append([]byte(nil), sysDisk...)
	var out bytes.Buffer
	r, _, err := boot.Run(kernel, build.BootConfig{Cmdline: "/init"}, boot.Options{
		Console: &out, Disk: disk, Seed: seed, MaxInstructions: 2e9,
		Input: []byte(script), CloseInput: true, InputFlow: true})
	if err != nil {
		t.Fatal(err)
	}
	return out.String(), disk, r
}

// TestShellSessions types scripted sessions at the shell and compares the
// screens with reviewed golden transcripts; the disk is checked with fsck
// after each.
func TestShellSessions(t *testing.T) {
	sessions := []struct{ name, script string }{
		{"files", "echo hello > /tmp/greeting\ncat /tmp/greeting\necho again >> /tmp/greeting\ncat < /tmp/greeting\nwc -l /tmp/greeting\nls -l /tmp\nrm /tmp/greeting\nls /tmp\nexit\n"},
		{"pipes", "ls /bin | grep o | wc -l\necho one two three | wc -w\necho abc | cat | cat | wc -c\nexit\n"},
		{"dirs", "mkdir /tmp/a\ncd /tmp/a\npwd\nmkdir b\ncd b\npwd\ncd ..\nls\ncd /\npwd\nls /tmp/a\nexit\n"},
		// The background child reads /bin/sleep from the disk; without
		// the first sleep 1 (a typist's pause), ps may find it still
		// in exec, named sh.
		{"jobs", "sleep 5 &\nsleep 1\nps\nkill 3\nsleep 1\nps\nexit\n"},
		{"interrupt", "spin\n\003echo the shell is still here\nnosuchcommand\nexit\n"},
	}
	for _, s := range sessions {
		t.Run(s.name, func(t *testing.T) {
			screen, disk, r := session(t, s.script, 1)
			if r.Kind != boot.Shutdown || r.Status != 0 {
				t.Errorf("the session ended with %v", r)
			}
			if rep := fs.Check(disk); !rep.OK() {
				t.Errorf("fsck after the session: %s", rep)
			}
			screen = psCPU.ReplaceAllString(screen, "${1}  n")
			screen = psRunPri.ReplaceAllString(screen, "${1}   p")
			goldie.New(t).Assert(t, "session_"+s.name, []byte(screen))
		})
	}
}

// psCPU matches the p_cpu column of ps's lines, which moves whenever the
// kernel's or the programs' instruction counts do; the goldens keep the
// rest (pids, states, priorities, sizes, commands).
var psCPU = regexp.MustCompile(`(?m)^( +-?\d+ +-?\d+ [SWRZI] +-?\d+) +\d+`)

// psRunPri matches the priority of a process that is running or ready to
// run in user mode (PUSER + p_cpu/16 + nice: it moves with p_cpu); a
// sleeper's priority is the one it sleeps at, and the goldens keep it.
var psRunPri = regexp.MustCompile(`(?m)^( +-?\d+ +-?\d+ R) +(1\d\d)\b`)
