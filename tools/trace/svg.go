package trace

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
)

// svg writes a self-contained SVG document: no scripts, no external fonts
// or styles, large type for a projector.
type svg struct {
	b    bytes.Buffer
	w, h int
}

func esc(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

func (s *svg) f(format string, args ...any) { fmt.Fprintf(&s.b, format, args...) }

func (s *svg) text(x, y float64, size int, anchor, fill, weight, str string) {
	s.f(`<text x="%.1f" y="%.1f" font-size="%d" text-anchor="%s" fill="%s" font-weight="%s">%s</text>`+"\n",
		x, y, size, anchor, fill, weight, esc(str))
}

func (s *svg) rect(x, y, w, h float64, fill, stroke string, title string) {
	s.f(`<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s" stroke="%s">`, x, y, w, h, fill, stroke)
	if title != "" {
		s.f(`<title>%s</title>`, esc(title))
	}
	s.f("</rect>\n")
}

func (s *svg) line(x1, y1, x2, y2 float64, stroke string, width float64, dash string) {
	d := ""
	if dash != "" {
		d = fmt.Sprintf(` stroke-dasharray="%s"`, dash)
	}
	s.f(`<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="%.1f"%s/>`+"\n", x1, y1, x2, y2, stroke, width, d)
}

func (s *svg) writeTo(w io.Writer, title string) error {
	_, err := fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="DejaVu Sans Mono, Menlo, Consolas, monospace">
<title>%s</title>
<rect x="0" y="0" width="%d" height="%d" fill="white"/>
%s</svg>
`, s.w, s.h, s.w, s.h, esc(title), s.w, s.h, s.b.String())
	return err
}

// Colours: one per process, strong enough to read on a projector.
var laneColours = []string{"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#b07aa1", "#76b7b2", "#edc948", "#9c755f", "#ff9da7", "#bab0ac"}

// Timeline draws which process ran when, one lane per pid, from the
// events of a whole run (a Recorder's, with every class on), between the
// instruction counts from and end (0: the last event): system calls (a bar
// from entry to return and the call), sleeps, wakeups, output lines, exits
// on the lanes; clock ticks along the time axis and each second's
// recomputation across all lanes.
func Timeline(w io.Writer, title string, events []Event, from, end uint64) error {
	if end == 0 && len(events) > 0 {
		end = events[len(events)-1].Time
	}
	// The events before from only tell who was running at from.
	first := sort.Search(len(events), func(i int) bool { return events[i].Time >= from })
	running, since := int32(0), from
	for _, e := range events[:first] {
		switch e.Kind {
		case KSelect:
			running = 0
		case KSwitchIn:
			running = e.Pid
		}
	}
	events = events[first:]
	pids := map[int32]string{}
	note := func(pid int32, comm string) {
		if c, ok := pids[pid]; !ok || (c == "" && comm != "") || (comm != "" && comm != c && pid != 0) {
			pids[pid] = comm
		}
	}
	note(0, "swapper")
	note(running, "")
	for _, e := range events {
		if e.Kind == KIdle || e.Kind == KClock {
			continue
		}
		note(e.Pid, e.Comm)
		if e.Select != nil {
			note(e.Select.Chose.Pid, e.Select.Chose.Comm)
		}
	}
	var order []int32
	for p := range pids {
		order = append(order, p)
	}
	sort.Slice(order, func(i, j int) bool { return order[i] < order[j] })
	lane := map[int32]int{}
	for i, p := range order {
		lane[p] = i
	}
	const (
		left, right = 190.0, 40.0
		top         = 70.0
		laneH       = 110.0
		barTop      = 40.0
		barH        = 26.0
		width       = 1600
	)
	s := &svg{w: width, h: int(top + laneH*float64(len(order)) + 110)}
	span := float64(max(end-min(from, end), 1))
	x := func(t uint64) float64 { return left + (float64(width)-left-right)*float64(t-from)/span }
	y := func(pid int32) float64 { return top + laneH*float64(lane[pid]) }
	bottom := top + laneH*float64(len(order))

	s.text(20, 36, 24, "start", "#222", "bold", title)
	for _, p := range order {
		yy := y(p)
		if lane[p]%2 == 1 {
			s.rect(0, yy, width, laneH, "#f4f4f4", "none", "")
		}
		s.text(16, yy+laneH/2+6, 18, "start", "#222", "bold", strings.TrimSpace(fmt.Sprintf("pid %d %s", p, pids[p])))
	}
	// Who ran when.
	idle := false
	bar := func(pid int32, from, to uint64, what string) {
		if to <= from {
			return
		}
		c := laneColours[lane[pid]%len(laneColours)]
		s.rect(x(from), y(pid)+barTop, max(x(to)-x(from), 1), barH, c, "none",
			fmt.Sprintf("pid %d %s %d-%d", pid, what, from, to))
	}
	for _, e := range events {
		switch e.Kind {
		case KSelect:
			if !idle {
				bar(running, since, e.Time, "runs")
			}
			idle = false
			running, since = 0, e.Time
		case KSwitchIn:
			if !idle {
				bar(running, since, e.Time, "runs")
			}
			idle = false
			running, since = e.Pid, e.Time
		case KIdle:
			bar(running, since, e.Time, "runs")
			idle = true
			s.rect(x(e.Time), y(0)+barTop, 4, barH, "#ccc", "none", "idle")
		}
	}
	if !idle {
		bar(running, since, end, "runs")
	}
	// Marks on the lanes. Labels stagger in four rows so that
	// neighbours do not overprint each other.
	lastLabel := map[int32][4]float64{}
	label := func(pid int32, t uint64, str, colour string) {
		xx := x(t)
		rows := lastLabel[pid]
		row := 0
		for r := 0; r < 4; r++ {
			if rows[r] == 0 || xx-rows[r] > float64(len(str))*8+12 {
				row = r
				break
			}
			row = -1
		}
		if row < 0 {
			return // too crowded: the mark stays, its title names it
		}
		rows[row] = xx
		lastLabel[pid] = rows
		// Above the bar, below it, and a row further out of each.
		yy := y(pid) + [4]float64{16, laneH - 8, 32, laneH - 24}[row]
		if xx+3+float64(len(str))*8.5 > float64(width)-4 {
			s.text(xx-3, yy, 14, "end", colour, "normal", str) // at the right edge
		} else {
			s.text(xx+3, yy, 14, "start", colour, "normal", str)
		}
	}
	for _, e := range events {
		yy := y(e.Pid)
		switch e.Kind {
		case KSyscall:
			sc := e.Syscall
			if sc.Start > 0 && sc.Start < e.Time {
				s.rect(x(sc.Start), yy+barTop-6, max(x(e.Time)-x(sc.Start), 1), 5, "#333", "none",
					fmt.Sprintf("in %s %d-%d", sc.Name, sc.Start, e.Time))
			}
			s.f("<g><title>%s</title>", esc(strings.TrimSpace(FormatText(&e))))
			s.line(x(e.Time), yy+barTop-8, x(e.Time), yy+barTop+barH+8, "#222", 2, "")
			s.f("</g>\n")
			res := fmt.Sprint(sc.Result)
			if sc.Errno != 0 {
				res = fmt.Sprintf("-1 E%d", sc.Errno)
			}
			label(e.Pid, e.Time, fmt.Sprintf("%s=%s", sc.Name, res), "#222")
		case KSleep:
			s.text(x(e.Time), yy+barTop-2, 16, "middle", "#7b3294", "bold", "z")
			label(e.Pid, e.Time, "sleep "+e.Sleep.ChanName, "#7b3294")
		case KWakeup:
			s.text(x(e.Time), yy+barTop+barH+16, 16, "middle", "#008837", "bold", "↑")
			label(e.Pid, e.Time, "wakeup", "#008837")
		case KOutput:
			s.rect(x(e.Time)-5, yy+barTop+barH/2-5, 10, 10, "#d7191c", "none", e.Output.Text)
			label(e.Pid, e.Time, fmt.Sprintf("%q", e.Output.Text), "#d7191c")
		case KExit:
			s.text(x(e.Time), yy+barTop+barH/2+6, 18, "middle", "#000", "bold", "✕")
			label(e.Pid, e.Time, fmt.Sprintf("exit %d", e.Exit.Status>>8&0xFF), "#000")
		case KExec:
			label(e.Pid, e.Time, "exec "+e.Comm, "#2c7bb6")
		case KSignal, KFault:
			label(e.Pid, e.Time, fmt.Sprintf("%s %d", e.Kind, e.Signal.Number), "#d7191c")
		}
	}
	// The time axis: ticks, seconds, instruction counts.
	s.line(left, bottom+10, float64(width)-right, bottom+10, "#222", 1.5, "")
	for _, e := range events {
		switch e.Kind {
		case KTick:
			s.line(x(e.Time), bottom+4, x(e.Time), bottom+16, "#555", 1, "")
		case KClock:
			s.line(x(e.Time), top, x(e.Time), bottom+22, "#555", 1.5, "6,4")
			s.text(x(e.Time), bottom+40, 15, "middle", "#222", "bold", fmt.Sprintf("second %d", e.Clock.Second))
		}
	}
	step := niceStep(span / 8)
	for t := math.Ceil(float64(from)/step) * step; t <= float64(from)+span; t += step {
		xx := x(uint64(t))
		s.line(xx, bottom+10, xx, bottom+26, "#222", 1, "")
		s.text(xx, bottom+62, 14, "middle", "#444", "normal", fmt.Sprintf("%gk", t/1000))
	}
	s.text(left, bottom+90, 14, "start", "#444", "normal",
		"time in instructions executed; short marks under the axis are clock ticks; bars: running; thin dark bars: inside a system call")
	return s.writeTo(w, title)
}

func niceStep(v float64) float64 {
	p := 1.0
	for p*10 <= v {
		p *= 10
	}
	for _, m := range []float64{1, 2, 5, 10} {
		if p*m >= v {
			return p * m
		}
	}
	return p * 10
}
