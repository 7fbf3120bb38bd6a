package cli

import (
	"bytes"
	"testing"
)

// TestProgress: a task's lines share one terminal line, a new task starts
// a new one, lines within a tenth of a second are skipped unless final,
// and a nil progress (not a terminal) draws nothing.
func TestProgress(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	p := &progress{w: &buf}
	p.draw("a", "a 1", false)
	p.draw("a", "a 2", false) // within 100 ms: skipped
	p.draw("a", "a 3", true)
	p.draw("b", "b 1", false)
	p.finish()
	p.finish()
	if got, want := buf.String(), "\ra 1\x1b[K\ra 3\x1b[K\n\rb 1\x1b[K\n"; got != want {
		t.Errorf("drew %q, want %q", got, want)
	}
	var none *progress
	none.draw("a", "x", true)
	none.finish()
	if newProgress(&buf) != nil {
		t.Errorf("a buffer is not a terminal")
	}
}
