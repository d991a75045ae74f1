package explore

import (
	"fmt"
	"io"
	"strings"
)

// phaseList is an outcome's phases of one period, as ranges: the first
// few, and how many more (a report line stays readable; Ranges has all).
func (r *Report) phaseList(oc *Outcome, period uint32) string {
	const shown = 6
	var rs []string
	ranges := r.Ranges(oc, period)
	for i, p := range ranges {
		if i == shown {
			rs = append(rs, fmt.Sprintf("... %d more", len(ranges)-shown))
			break
		}
		if p[0] == p[1] {
			rs = append(rs, fmt.Sprint(p[0]))
		} else {
			rs = append(rs, fmt.Sprintf("%d-%d", p[0], p[1]))
		}
	}
	return strings.Join(rs, ", ")
}

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
		if r.Systematic && len(r.Periods) == 1 {
			fmt.Fprintf(w, "smallest phase %d (phases %s of %d)", oc.First.Phase, r.phaseList(oc, r.Periods[0]), r.Periods[0])
		} else if r.Systematic {
			fmt.Fprintf(w, "smallest period %d, phase %d", oc.First.Period, oc.First.Phase)
			var ps []string
			for _, period := range r.Periods {
				if l := r.phaseList(oc, period); l != "" {
					ps = append(ps, fmt.Sprintf("%d: %s", period, l))
				}
			}
			fmt.Fprintf(w, " (periods %s)", strings.Join(ps, "; "))
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
