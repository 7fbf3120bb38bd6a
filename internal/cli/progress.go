package cli

import (
	"fmt"
	"io"
	"os"
	"time"

	"golang.org/x/term"
)

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// progress draws the progress of one task at a time on one terminal line,
// at most ten times a second: the one progress line of the commands (data
// get's downloads, panel's years). A nil *progress draws nothing, so
// callers need not check whether standard error is a terminal.
type progress struct {
	w     io.Writer
	task  string
	last  time.Time
	drawn bool
}

// newProgress returns a progress line on w, or nil when w is not a
// terminal.
func newProgress(w io.Writer) *progress {
	if !isTerminal(w) {
		return nil
	}
	return &progress{w: w}
}

// draw shows line as the progress of task, ending the previous task's line
// when task changes. It skips a line drawn within a tenth of a second of
// the last unless final is set.
func (p *progress) draw(task, line string, final bool) {
	if p == nil {
		return
	}
	if task != p.task {
		p.finish()
		p.task = task
	}
	if now := time.Now(); final || now.Sub(p.last) >= 100*time.Millisecond {
		p.last = now
		fmt.Fprintf(p.w, "\r%s\x1b[K", line)
		p.drawn = true
	}
}

// finish ends the current line; the next task's first line is drawn
// at once.
func (p *progress) finish() {
	if p == nil {
		return
	}
	if p.drawn {
		fmt.Fprintln(p.w)
	}
	p.drawn, p.task, p.last = false, "", time.Time{}
}
