package userland_test

// The programs of userland/bin on the host: each is compiled by gcc
// (-Wall -Werror) against the host's libc and run in a temporary
// directory, the shell running scripts. The expected results are what
// POSIX (or V6, where the two differ and the program says so) requires
// of the programs, computed here from the files the tests make, never
// recorded from a run. The same programs run under our kernel in
// tests/bin_test.go.

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
)

// binKernelOnly programs call what only v6vm has (getproc, shutdown(0, 0)):
// on the host they are compiled but not linked.
// init is the lead's and only for v6vm: it is not built here at all.
var binKernelOnly = map[string]bool{"ps": true, "shutdown": true}

var (
	binOnce sync.Once
	binOut  string
	binErr  error
)

// build compiles every program into a temporary directory, once.
func binBuild(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("gcc is not installed: the host tests of userland/bin need it")
	}
	binOnce.Do(func() {
		binOut, binErr = os.MkdirTemp("", "v6vm-bin")
		if binErr != nil {
			return
		}
		srcs, _ := filepath.Glob("bin/*.c")
		tests, _ := filepath.Glob("testdata/bin/*.c")
		var errs []string
		for _, src := range append(srcs, tests...) {
			name := strings.TrimSuffix(filepath.Base(src), ".c")
			if name == "init" {
				continue
			}
			args := []string{"-Wall", "-Werror", "-o", filepath.Join(binOut, name)}
			if binKernelOnly[name] {
				// sys/procinfo.h is ours; the host's headers come first.
				args = []string{"-Wall", "-Werror", "-c", "-idirafter", "include", "-o", filepath.Join(binOut, name+".o")}
			}
			if name == "sh" {
				args = append(args, `-DBINDIR="`+binOut+`"`)
			}
			out, err := exec.Command("gcc", append(args, src)...).CombinedOutput()
			if err != nil {
				errs = append(errs, fmt.Sprintf("gcc %s: %v\n%s", src, err, out))
			}
		}
		if len(errs) > 0 {
			binErr = fmt.Errorf("%s", strings.Join(errs, "\n"))
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binOut
}

func TestBuildAll(t *testing.T) {
	bin := binBuild(t)
	srcs, _ := filepath.Glob("bin/*.c")
	for _, src := range srcs {
		name := strings.TrimSuffix(filepath.Base(src), ".c")
		if name == "init" {
			continue
		}
		if binKernelOnly[name] {
			name += ".o"
		}
		if _, err := os.Stat(filepath.Join(bin, name)); err != nil {
			t.Error(err)
		}
	}
}

// binResult is how a command ended.
type binResult struct {
	out, err string
	code     int
}

// run runs program name with args in dir, with stdin as its input.
func binRun(t *testing.T, dir, stdin, name string, args ...string) binResult {
	t.Helper()
	bin := binBuild(t)
	path := name
	if !filepath.IsAbs(path) {
		path = filepath.Join(bin, name)
	}
	cmd := exec.Command(path, args...)
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb strings.Builder
	cmd.Stdout = &out
	cmd.Stderr = &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return binResult{out.String(), errb.String(), code}
}

// script runs a shell script from a file, as "sh file" does (no prompt).
func binScript(t *testing.T, dir, text string) binResult {
	t.Helper()
	f := filepath.Join(t.TempDir(), "script")
	if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return binRun(t, dir, "", "sh", f)
}

// tempDir is a new directory with its symbolic links resolved, so that it
// is what getcwd says.
func binTempDir(t *testing.T) string {
	d, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func binWrite(t *testing.T, path, text string, mode os.FileMode) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil { // whatever the umask
		t.Fatal(err)
	}
}

func binRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func binCheck(t *testing.T, what string, got binResult, out, errOut string, code int) {
	t.Helper()
	if got.out != out || got.err != errOut || got.code != code {
		t.Errorf("%s:\ngot  stdout %q stderr %q status %d\nwant stdout %q stderr %q status %d",
			what, got.out, got.err, got.code, out, errOut, code)
	}
}

func TestShellPipelines(t *testing.T) {
	d := binTempDir(t)
	binWrite(t, filepath.Join(d, "f"), "apple\nbanana\ncherry\navocado\n", 0o644)
	r := binScript(t, d, "echo hello big world | cat | wc -w\n"+
		"cat f | grep a | grep -v b\n"+
		"cat < f | head -n 3 | tail_is_not_needed_here_so | wc -l\n")
	// The third pipeline's middle command does not exist: the shell
	// reports it, and wc counts the nothing it got.
	binCheck(t, "pipelines", r, "      3\napple\navocado\n      0\n",
		"sh: tail_is_not_needed_here_so: not found\n", 0)

	r = binScript(t, d, "echo a b c | cat | cat | cat | cat | wc -c\n")
	binCheck(t, "five stages", r, "      6\n", "", 0)
}

func TestShellRedirection(t *testing.T) {
	d := binTempDir(t)
	r := binScript(t, d, "echo one > out; echo two >> out\n"+
		"cat < out > copy\n"+
		"echo three >>copy; wc -l <copy\n"+
		"echo replaced >out\n")
	binCheck(t, "redirection", r, "      3\n", "", 0)
	if got := binRead(t, filepath.Join(d, "copy")); got != "one\ntwo\nthree\n" {
		t.Errorf("copy = %q", got)
	}
	if got := binRead(t, filepath.Join(d, "out")); got != "replaced\n" {
		t.Errorf("out = %q, want > to truncate", got)
	}
	r = binScript(t, d, "cat < missing\necho after\n")
	binCheck(t, "missing input", r, "after\n", "sh: missing: No such file or directory\n", 0)
}

func TestShellBackground(t *testing.T) {
	d := binTempDir(t)
	// The background job writes a file; the foreground commands go on
	// meanwhile, and the next foreground wait reaps it.
	r := binScript(t, d, "echo bg > bgout &\necho fg\nsleep 1\ncat bgout\n")
	lines := strings.Split(r.out, "\n")
	if r.err != "" || r.code != 0 || len(lines) != 4 || lines[1] != "fg" || lines[2] != "bg" || lines[3] != "" {
		t.Fatalf("background: stdout %q stderr %q status %d", r.out, r.err, r.code)
	}
	if !regexp.MustCompile(`^[0-9]+$`).MatchString(lines[0]) {
		t.Errorf("background: first line %q is not the job's pid", lines[0])
	}

	// A background pipeline prints its last command's pid.
	r = binScript(t, d, "echo x y | wc -w > count &\nsleep 1\ncat count\n")
	if !regexp.MustCompile(`^[0-9]+\n      2\n$`).MatchString(r.out) || r.err != "" {
		t.Errorf("background pipeline: stdout %q stderr %q", r.out, r.err)
	}
}

func TestShellCdAndPrompt(t *testing.T) {
	d := binTempDir(t)
	r := binScript(t, d, "mkdir sub; cd sub\necho x > f\ncd ..\ncat sub/f\ncd sub; pwd; cd /; pwd\ncd nowhere\n")
	binCheck(t, "cd", r, "x\n"+d+"/sub\n/\n", "sh: nowhere: No such file or directory\n", 1)

	// On standard input the shell prompts with the current directory.
	r = binRun(t, d, "cd sub\npwd\ncd ../sub/./..\n", "sh")
	want := "[" + d + "]# [" + d + "/sub]# " + d + "/sub\n[" + d + "/sub]# [" + d + "]# "
	binCheck(t, "prompt", r, want, "", 0)
}

func TestShellWords(t *testing.T) {
	d := binTempDir(t)
	r := binScript(t, d, `args 'a  b' "c|d" e\;f "x\"y" 'it''s' # a comment
args one;args two # ; args three
   # a whole-line comment
args "" ''
`)
	binCheck(t, "words", r, "[a  b][c|d][e;f][x\"y][its]\n[one]\n[two]\n[][]\n", "", 0)

	r = binScript(t, d, "args 'open\necho next\n")
	binCheck(t, "unmatched quote", r, "next\n", "sh: unmatched quote\n", 0)
	r = binScript(t, d, "args | | args\necho ok\nargs >\n")
	binCheck(t, "syntax", r, "ok\n", "sh: syntax error: empty command\nsh: syntax error: missing file name\n", 0)
}

func TestShellStatus(t *testing.T) {
	d := binTempDir(t)
	r := binScript(t, d, "nosuch a b\necho still here\n")
	binCheck(t, "not found", r, "still here\n", "sh: nosuch: not found\n", 0)
	r = binScript(t, d, "nosuch\n")
	binCheck(t, "not found status", r, "", "sh: nosuch: not found\n", 127)
	r = binScript(t, d, "false\n")
	binCheck(t, "status of false", r, "", "", 1)
	r = binScript(t, d, "true; exit 3; echo not reached\n")
	binCheck(t, "exit", r, "", "", 3)
	r = binScript(t, d, "segv\necho after\n")
	binCheck(t, "killed", r, "after\n", "Killed by signal 11\n", 0)
}

func TestLs(t *testing.T) {
	d := binTempDir(t)
	binWrite(t, filepath.Join(d, "b"), "12345", 0o644)
	binWrite(t, filepath.Join(d, "a"), "", 0o755)
	binWrite(t, filepath.Join(d, ".hidden"), "x", 0o600)
	if err := os.Mkdir(filepath.Join(d, "dir"), 0o750); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(filepath.Join(d, "dir"), 0o750); err != nil {
		t.Fatal(err)
	}
	binWrite(t, filepath.Join(d, "dir", "z"), "zz", 0o640)
	if err := os.Link(filepath.Join(d, "b"), filepath.Join(d, "dir", "b2")); err != nil {
		t.Fatal(err)
	}

	binCheck(t, "ls", binRun(t, d, "", "ls"), "a\nb\ndir\n", "", 0)
	binCheck(t, "ls -a", binRun(t, d, "", "ls", "-a"), ".\n..\n.hidden\na\nb\ndir\n", "", 0)

	uid := os.Getuid()
	var dst syscall.Stat_t
	if err := syscall.Stat(filepath.Join(d, "dir"), &dst); err != nil {
		t.Fatal(err)
	}
	line := func(mode string, links, size int64, name string) string {
		return fmt.Sprintf("%s %2d %4d %7d %s\n", mode, links, uid, size, name)
	}
	want := line("-rwxr-xr-x", 1, 0, "a") + line("-rw-r--r--", 2, 5, "b") +
		line("drwxr-x---", 2, dst.Size, "dir")
	binCheck(t, "ls -l", binRun(t, d, "", "ls", "-l"), want, "", 0)

	want = line("-rw-r--r--", 2, 5, "b") + "\ndir:\n" + line("-rw-r--r--", 2, 5, "b2") + line("-rw-r-----", 1, 2, "z")
	binCheck(t, "ls -l file dir", binRun(t, d, "", "ls", "-l", "dir", "b"), want, "", 0)
	binCheck(t, "ls missing", binRun(t, d, "", "ls", "nope", "a"), "a\n", "ls: nope: No such file or directory\n", 1)
}

func TestCatEchoWc(t *testing.T) {
	d := binTempDir(t)
	binWrite(t, filepath.Join(d, "f"), "one two\nthree\n", 0o644)
	binWrite(t, filepath.Join(d, "g"), "  four\tfive six  \nseven", 0o644)
	binCheck(t, "cat", binRun(t, d, "in\n", "cat", "f", "-", "g"), "one two\nthree\nin\n  four\tfive six  \nseven", "", 0)
	binCheck(t, "cat missing", binRun(t, d, "", "cat", "nofile", "f"), "one two\nthree\n",
		"cat: nofile: No such file or directory\n", 1)
	binCheck(t, "echo", binRun(t, d, "", "echo", "a", "", "b  c"), "a  b  c\n", "", 0)
	binCheck(t, "echo -n", binRun(t, d, "", "echo", "-n", "x"), "x", "", 0)
	binCheck(t, "echo nothing", binRun(t, d, "", "echo"), "\n", "", 0)
	// f: 2 lines, 3 words, 14 bytes; g: 1 newline, 4 words, 23 bytes.
	binCheck(t, "wc", binRun(t, d, "", "wc", "f", "g"),
		"      2       3      14 f\n      1       4      23 g\n      3       7      37 total\n", "", 0)
	binCheck(t, "wc -l stdin", binRun(t, d, "a\nb\n", "wc", "-l"), "      2\n", "", 0)
	binCheck(t, "wc -wc", binRun(t, d, "", "wc", "-wc", "g"), "      4      23 g\n", "", 0)
	binCheck(t, "wc missing", binRun(t, d, "", "wc", "nofile"), "", "wc: nofile: No such file or directory\n", 1)
}

func TestGrepHead(t *testing.T) {
	d := binTempDir(t)
	binWrite(t, filepath.Join(d, "f"), "alpha\nbeta\ngamma\ndelta\nepsilon\n", 0o644)
	binWrite(t, filepath.Join(d, "g"), "ta da\nno\n", 0o644)
	binCheck(t, "grep", binRun(t, d, "", "grep", "ta", "f"), "beta\ndelta\n", "", 0)
	binCheck(t, "grep -v", binRun(t, d, "", "grep", "-v", "a", "f"), "epsilon\n", "", 0)
	binCheck(t, "grep -v none", binRun(t, d, "", "grep", "-v", "", "f"), "", "", 1) // "" is in every line
	binCheck(t, "grep -v some", binRun(t, d, "", "grep", "-v", "ta", "f"), "alpha\ngamma\nepsilon\n", "", 0)
	binCheck(t, "grep -c", binRun(t, d, "", "grep", "-c", "a", "f"), "4\n", "", 0)
	binCheck(t, "grep files", binRun(t, d, "", "grep", "ta", "f", "g"), "f:beta\nf:delta\ng:ta da\n", "", 0)
	binCheck(t, "grep -vc files", binRun(t, d, "", "grep", "-vc", "ta", "f", "g"), "f:3\ng:1\n", "", 0)
	binCheck(t, "grep none", binRun(t, d, "x\ny\n", "grep", "z"), "", "", 1)
	binCheck(t, "grep stdin", binRun(t, d, "xz\ny\nz", "grep", "z"), "xz\nz\n", "", 0)
	binCheck(t, "grep missing", binRun(t, d, "", "grep", "a", "nofile"), "", "grep: nofile: No such file or directory\n", 2)

	binCheck(t, "head -n", binRun(t, d, "", "head", "-n", "2", "f"), "alpha\nbeta\n", "", 0)
	binCheck(t, "head -3", binRun(t, d, "", "head", "-3", "f"), "alpha\nbeta\ngamma\n", "", 0)
	binCheck(t, "head files", binRun(t, d, "", "head", "-n1", "f", "g"), "==> f <==\nalpha\n\n==> g <==\nta da\n", "", 0)
	binCheck(t, "head stdin", binRun(t, d, "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n", "head"), "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n", "", 0)
	// The shell reads its input a line at a time and head a byte at a
	// time, so each leaves the rest of the shared input to the other.
	r := binRun(t, d, "head -n 1\nfrom input\necho after\n", "sh")
	binCheck(t, "shared input", r, "["+d+"]# from input\n["+d+"]# after\n["+d+"]# ", "", 0)
}

func TestFileUtilities(t *testing.T) {
	d := binTempDir(t)
	binWrite(t, filepath.Join(d, "f"), "data\n", 0o640)
	r := binScript(t, d, `cp f g; cat g
mkdir dir; cp f g dir; ls dir
mv g h; ls
mv h dir; ls dir
rm dir/f; ln f dir; ln f lnk; ls -l lnk
rm lnk dir/f; ls dir
rm dir
rmdir dir
rm dir/g dir/h; rmdir dir; ls
rm nofile; rm -f nofile
cp f f
mkdir f
rmdir nodir
`)
	want := "data\n" + "f\ng\n" + "dir\nf\nh\n" + "f\ng\nh\n" +
		fmt.Sprintf("-rw-r-----  3 %4d       5 lnk\n", os.Getuid()) + "g\nh\n" + "f\n"
	wantErr := "rm: dir: is a directory\n" +
		"rmdir: dir: Directory not empty\n" +
		"rm: nofile: No such file or directory\n" +
		"cp: f and f are the same file\n" +
		"mkdir: f: File exists\n" +
		"rmdir: nodir: No such file or directory\n"
	binCheck(t, "file utilities", r, want, wantErr, 1) // rmdir nodir failed last
	if got := binRead(t, filepath.Join(d, "f")); got != "data\n" {
		t.Errorf("f = %q after cp f f", got)
	}
	// cp gave the copy the source's mode; ln made a second link.
	st, err := os.Stat(filepath.Join(d, "f"))
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o640 {
		t.Errorf("f's mode %v", st.Mode())
	}
}

func TestLinkCount(t *testing.T) {
	d := binTempDir(t)
	binWrite(t, filepath.Join(d, "f"), "x", 0o644)
	binCheck(t, "ln", binRun(t, d, "", "ln", "f", "g"), "", "", 0)
	var st syscall.Stat_t
	if err := syscall.Stat(filepath.Join(d, "f"), &st); err != nil {
		t.Fatal(err)
	}
	if st.Nlink != 2 {
		t.Errorf("f has %d links after ln, want 2", st.Nlink)
	}
	binCheck(t, "ln exists", binRun(t, d, "", "ln", "f", "g"), "", "ln: g: File exists\n", 1)
	binCheck(t, "mv onto existing", binRun(t, d, "", "mv", "g", "f"), "", "mv: g and f are the same file\n", 1)
	binWrite(t, filepath.Join(d, "h"), "h", 0o644)
	binCheck(t, "mv replaces", binRun(t, d, "", "mv", "h", "g"), "", "", 0)
	if got := binRead(t, filepath.Join(d, "g")); got != "h" {
		t.Errorf("g = %q after mv h g", got)
	}
	if _, err := os.Stat(filepath.Join(d, "h")); !os.IsNotExist(err) {
		t.Errorf("h still exists after mv: %v", err)
	}
	binCheck(t, "mkdir rmdir", binRun(t, d, "", "mkdir", "x", "y"), "", "", 0)
	binCheck(t, "rmdir", binRun(t, d, "", "rmdir", "x", "y"), "", "", 0)
}

func TestProcesses(t *testing.T) {
	d := binTempDir(t)
	binCheck(t, "true", binRun(t, d, "", "true"), "", "", 0)
	binCheck(t, "false", binRun(t, d, "", "false"), "", "", 1)
	binCheck(t, "sleep", binRun(t, d, "", "sleep", "0"), "", "", 0)
	binCheck(t, "sleep bad", binRun(t, d, "", "sleep", "x"), "", "sleep: bad number: x\n", 2)
	binCheck(t, "kill bad", binRun(t, d, "", "kill", "-99", "1"), "", "kill: bad signal: 99\n", 2)
	binCheck(t, "kill none", binRun(t, d, "", "kill", "999999999"), "", "kill: 999999999: No such process\n", 1)
	// kill a background sleep.
	r := binScript(t, d, "sleep 5 &\n")
	pid := strings.TrimSpace(r.out)
	binCheck(t, "kill -9", binRun(t, d, "", "kill", "-9", pid), "", "", 0)

	r = binRun(t, d, "", "forks")
	re := regexp.MustCompile(`^parent [0-9]+\n` + strings.Repeat(`child [123]: pid ([0-9]+), parent [0-9]+\nparent: child ([0-9]+) exited with [123] \(expected pid [0-9]+: yes\)\n`, 3) + `$`)
	if !re.MatchString(r.out) || r.code != 0 {
		t.Errorf("forks: %q", r.out)
	}
	r = binRun(t, d, "", "pipetest")
	if !regexp.MustCompile(`^(message [123] from child [0-9]+\n){3}parent [0-9]+: read [0-9]+ bytes, then end of file\n$`).MatchString(r.out) {
		t.Errorf("pipetest: %q", r.out)
	}
	binCheck(t, "sigtest", binRun(t, d, "", "sigtest"),
		"child: handler got signal 10\nparent: first child exited with 0\nparent: second child killed by signal 15\n", "", 0)
	binCheck(t, "malloc", binRun(t, d, "", "malloc"),
		"a: block a, b: 999 bytes of 'b'\nthe heap grew: yes\nfreed block reused: yes\nrealloc to 5000: far into c\n", "", 0)
}

func TestLongEcho(t *testing.T) {
	d := binTempDir(t)
	long := strings.Repeat("x", 5000)
	binCheck(t, "echo long", binRun(t, d, "", "echo", "a", long, "b"), "a "+long+" b\n", "", 0)
}

func TestShellScriptFd(t *testing.T) {
	// A command run from "sh script" does not inherit the script's
	// descriptor: its first new descriptor is 3.
	d := binTempDir(t)
	binCheck(t, "script fd", binScript(t, d, "fd3\n"), "3\n", "", 0)
}

// TestCompatDirent reads a V6++ directory (32-byte entries: inode number,
// 28-byte name) with the stand-in readdir, compiled on the host against a
// plain file holding one.
func TestCompatDirent(t *testing.T) {
	binBuild(t)
	d := binTempDir(t)
	prog := filepath.Join(d, "dirlist")
	out, err := exec.Command("gcc", "-Wall", "-Werror", "-I", "bin/compat/include", "-o", prog,
		"testdata/bin/dirlist.c", "bin/compat/dirent.c").CombinedOutput()
	if err != nil {
		t.Fatalf("gcc: %v\n%s", err, out)
	}
	var dir []byte
	entry := func(ino uint32, name string) {
		e := make([]byte, 32)
		e[0], e[1], e[2], e[3] = byte(ino), byte(ino>>8), byte(ino>>16), byte(ino>>24)
		copy(e[4:], name)
		dir = append(dir, e...)
	}
	long := strings.Repeat("n", 28) // fills the name: no NUL in the entry
	entry(1, ".")
	entry(1, "..")
	entry(0, "removed")
	entry(300, long)
	entry(7, "f")
	binWrite(t, filepath.Join(d, "dir"), string(dir), 0o644)
	binCheck(t, "readdir", binRun(t, d, "", prog, "dir"), "1 .\n1 ..\n300 "+long+"\n7 f\n", "", 0)
}
