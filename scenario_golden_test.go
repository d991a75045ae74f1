package main

import (
	"regexp"
	"strings"
	"testing"

	"github.com/sebdah/goldie/v2"
)

// TestScenarioGoldens keeps, for each shipped scenario, the trace a lecture
// shows (its trace classes and the program's output, from the program's
// first event on) and the outcomes of explore over seeds 1-20, as reviewed
// golden files. Instruction counts, addresses and kernel source positions
// are left out, so that only a change in what the kernel decides (an
// event, a switch, its reason, an output, its order) changes a golden.
func TestScenarioGoldens(t *testing.T) {
	for _, sc := range scenarios(t) {
		t.Run(sc.Name(), func(t *testing.T) {
			events := strings.Join(append(append([]string(nil), sc.Trace...), "output"), ",")
			status, out := runCaptured(t, "trace", "--trace", events, sc.Path)
			if status != 0 {
				t.Fatalf("v6vm trace %s: status %d", sc.Path, status)
			}
			status, rep := runCaptured(t, "explore", sc.Path, "--seeds", "1-20")
			if status != 0 {
				t.Fatalf("v6vm explore %s: status %d", sc.Path, status)
			}
			g := "trace:\n" + normaliseTrace(out, sc.Name()) + "\nexplore --seeds 1-20:\n" + normaliseExplore(rep)
			goldie.New(t).Assert(t, "scenario_"+sc.Name(), []byte(g))
		})
	}
}

var (
	traceTime  = regexp.MustCompile(`(?m)^\s*\d+ {2}`)
	traceFrame = regexp.MustCompile(`(#\d+ \S+?)\+0x[0-9a-f]+\s+\S+:\d+`)
	traceHex   = regexp.MustCompile(`0x[0-9a-f]+`)
	exploreHdr = regexp.MustCompile(`^#\d+ +\d+ runs +[\d.]+% +smallest seed \d+`)
)

// normaliseTrace keeps a trace from the first event of the program, pid 2
// after its exec, and drops what moves with any edit of the kernel.
func normaliseTrace(s, name string) string {
	if i := strings.Index(s, "[2 "+name+"]"); i >= 0 {
		if j := strings.LastIndex(s[:i], "\n"); j >= 0 {
			s = s[j+1:]
		}
	}
	s = traceTime.ReplaceAllString(s, "")
	s = traceFrame.ReplaceAllString(s, "$1")
	return traceHex.ReplaceAllString(s, "0x…")
}

// normaliseExplore keeps each outcome's rank and output.
func normaliseExplore(s string) string {
	var b strings.Builder
	for _, l := range strings.Split(s, "\n") {
		switch {
		case exploreHdr.MatchString(l):
			b.WriteString(strings.Fields(l)[0] + "\n")
		case strings.HasPrefix(strings.TrimSpace(l), "|"), strings.Contains(l, "distinct"):
			b.WriteString(l + "\n")
		}
	}
	return b.String()
}
