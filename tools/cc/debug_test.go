package cc

import (
	"fmt"
	"os"
	"testing"
)

func TestDebugFile(t *testing.T) {
	name := os.Getenv("CCFILE")
	if name == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(name)
	s, err := Compile(&Config{IncludeDirs: []string{"testdata/include"}}, name, string(b))
	if err != nil {
		t.Fatal(err)
	}
	fmt.Print(s)
}
