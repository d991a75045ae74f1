package explore

import (
	"fmt"
	"io"
	"strings"
)

// Write prints the report: each distinct outcome with its count, its share
// of the runs and the smallest seed (or phase) that reproduces it, then
// its output, indented. It depends only on the runs' results.
func (r *Report) Write(w io.Writer) {
	what := "outputs"
	if r.ByEvents {
		what = "switch sequences"
	}
	fmt.Fprintf(w, "%d runs, %d distinct %s\n", r.Runs, len(r.Outcomes), what)
	for i, oc := range r.Outcomes {
		fmt.Fprintf(w, "\n#%d  %d runs  %.1f%%  ", i+1, oc.Count, 100*float64(oc.Count)/float64(max(r.Runs, 1)))
		if r.Systematic {
			fmt.Fprintf(w, "smallest phase %d", oc.First.Phase)
			var rs []string
			for _, p := range r.Ranges(oc) {
				if p[0] == p[1] {
					rs = append(rs, fmt.Sprint(p[0]))
				} else {
					rs = append(rs, fmt.Sprintf("%d-%d", p[0], p[1]))
				}
			}
			fmt.Fprintf(w, " (phases %s of %d)", strings.Join(rs, ", "), r.Period)
		} else {
			fmt.Fprintf(w, "smallest seed %d", oc.First.Seed)
		}
		if oc.End != "" {
			fmt.Fprintf(w, "  [%s]", oc.End)
		}
		fmt.Fprintln(w)
		if r.Replay != nil {
			fmt.Fprintf(w, "    replay: %s\n", r.Replay(oc.First))
		}
		if r.ByEvents {
			fmt.Fprintf(w, "    switches: %s\n", switches(oc.Switches, r.calls))
			if oc.Outputs > 1 {
				fmt.Fprintf(w, "    %d different outputs; the smallest seed's:\n", oc.Outputs)
			} else {
				fmt.Fprintf(w, "    output of the smallest:\n")
			}
		}
		out := oc.Output
		if out == "" {
			fmt.Fprintf(w, "    (no output)\n")
		}
		for _, l := range strings.SplitAfter(out, "\n") {
			if l == "" {
				continue
			}
			if !strings.HasSuffix(l, "\n") {
				l += "  (no newline)\n"
			}
			fmt.Fprintf(w, "    | %s", l)
		}
	}
}

func switches(ss []Switch, calls map[int]string) string {
	var parts []string
	for _, s := range ss {
		parts = append(parts, s.describe(calls))
	}
	return strings.Join(parts, ", ")
}
