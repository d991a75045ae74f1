package exe

import (
	"errors"
	"reflect"
	"testing"
)

func sample() *File {
	return &File{
		Entry: 0x1000, TextAddr: 0x1000, DataAddr: 0x2000, BssSize: 0x40, LoadAddr: 0x1000,
		Text: []byte{1, 2, 3, 4, 5}, Data: []byte{9, 8, 7},
		Syms: []Sym{
			{Name: "main", Value: 0x1000, Size: 4, Kind: SymFunc, Global: true},
			{Name: "helper", Value: 0x1004, Size: 1, Kind: SymFunc},
			{Name: "counter", Value: 0x2000, Size: 4, Kind: SymObject, Global: true},
		},
		Lines: []Line{{0x1000, "main.c", 3}, {0x1002, "main.c", 4}, {0x1004, "helper.s", 10}},
	}
}

func TestRoundTrip(t *testing.T) {
	f := sample()
	g, err := Parse(f.Marshal())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(f, g) {
		t.Fatalf("round trip changed the file:\n got %+v\nwant %+v", g, f)
	}
	if s := g.Symbolize(0x1002); s != "main+0x2" {
		t.Errorf("Symbolize(0x1002) = %q", s)
	}
	if s := g.Symbolize(0x1004); s != "helper" {
		t.Errorf("Symbolize(0x1004) = %q", s)
	}
	if s := g.Symbolize(0x1005); s != "" {
		t.Errorf("Symbolize(0x1005) past helper's size = %q, want nothing", s)
	}
	if file, line, ok := g.LineAt(0x1003); !ok || file != "main.c" || line != 4 {
		t.Errorf("LineAt(0x1003) = %s:%d %v", file, line, ok)
	}
	if _, _, ok := g.LineAt(0xfff); ok {
		t.Errorf("LineAt before the first entry found a line")
	}
}

func TestCorrupt(t *testing.T) {
	good := sample().Marshal()
	cases := []struct {
		name   string
		mutate func(b []byte) []byte
		offset int
	}{
		{"short", func(b []byte) []byte { return b[:10] }, 10},
		{"magic", func(b []byte) []byte { b[0] = 'X'; return b }, 0},
		{"version", func(b []byte) []byte { b[4] = 9; return b }, 4},
		{"text size", func(b []byte) []byte { b[18] = 0xff; return b }, 16},
		{"truncated strings", func(b []byte) []byte { return b[:len(b)-3] }, 52},
		{"symbol name", func(b []byte) []byte { off := le32(b[36:]); b[off+3] = 0x7f; return b }, -1},
		{"symbol kind", func(b []byte) []byte { off := le32(b[36:]); b[off+12] = 99; return b }, -1},
	}
	for _, c := range cases {
		b := c.mutate(append([]byte(nil), good...))
		_, err := Parse(b)
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("%s: Parse = %v, want an *Error", c.name, err)
			continue
		}
		if c.offset >= 0 && e.Offset != c.offset {
			t.Errorf("%s: error %q at offset %d, want %d", c.name, err, e.Offset, c.offset)
		}
	}
}

func le32(b []byte) uint32 {
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}

// FuzzParse: no input makes Parse panic, and what parses re-marshals to
// something that parses to the same file.
func FuzzParse(f *testing.F) {
	f.Add(sample().Marshal())
	f.Add([]byte("V6VX"))
	f.Fuzz(func(t *testing.T, b []byte) {
		x, err := Parse(b)
		if err != nil {
			return
		}
		y, err := Parse(x.Marshal())
		if err != nil {
			t.Fatalf("re-marshalled file does not parse: %v", err)
		}
		if len(x.Text) != len(y.Text) || len(x.Syms) != len(y.Syms) || len(x.Lines) != len(y.Lines) {
			t.Fatalf("re-marshalled file differs")
		}
	})
}
