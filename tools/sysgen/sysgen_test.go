package sysgen

import (
	"os"
	"strings"
	"testing"
)

// TestGeneratedUpToDate: the committed kernel dispatch and user stubs are
// exactly what the list generates.
func TestGeneratedUpToDate(t *testing.T) {
	text, err := os.ReadFile("../../kernel/syscalls.tab")
	if err != nil {
		t.Fatal(err)
	}
	calls, err := Parse(string(text))
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		"../../kernel/sysent.go":        Kernel(calls),
		"../../userland/lib/syscalls.s": User(calls),
	} {
		got, err := os.ReadFile(path)
		if err != nil || string(got) != want {
			t.Errorf("%s is not what kernel/syscalls.tab generates; run: go generate ./tools/sysgen", path)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, bad := range []string{
		"1 exit 1",                      // no handler
		"1 exit 1 Rexit\n1 fork 0 Fork", // number twice
		"1 exit 1 Rexit\n2 exit 0 Fork", // name twice
		"300 big 0 Big",                 // number out of range
		"5 many 6 Many",                 // too many arguments
	} {
		if _, err := Parse(bad); err == nil || !strings.Contains(err.Error(), "syscalls.tab:") {
			t.Errorf("Parse(%q) = %v, want a positioned error", bad, err)
		}
	}
}

func TestStubSavesCalleeSavedRegisters(t *testing.T) {
	s := User([]Call{{Num: 4, Name: "write", Args: 3}})
	for _, want := range []string{"push ebx", "mov ebx, [esp+8]", "mov ecx, [esp+12]", "mov edx, [esp+16]", "mov eax, 4", "int 0x80", "pop ebx", "js __syscall_error"} {
		if !strings.Contains(s, want) {
			t.Errorf("write stub lacks %q:\n%s", want, s)
		}
	}
}
