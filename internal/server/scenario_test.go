package server

import (
	"testing"

	"github.com/entente/entente/internal/worldfile"
)

// TestSetHostilityBothWays: set_hostility sets the pair's hostility both
// ways, replacing a direction the world file codes apart (Taiwan's toward
// China in the embedded world).
func TestSetHostilityBothWays(t *testing.T) {
	w, err := worldfile.Default()
	if err != nil {
		t.Fatal(err)
	}
	if r := w.Relation(710, 713); r.Toward == nil || r.HostilityFrom(713) == r.HostilityFrom(710) {
		t.Fatalf("the embedded world codes China–Taiwan both ways alike (%v, %v); the test needs a directed pair",
			r.HostilityFrom(710), r.HostilityFrom(713))
	}
	v := 0.9
	if err := apply(w, Edit{Op: "set_hostility", State: 713, Other: 710, Value: &v}, false); err != nil {
		t.Fatal(err)
	}
	r := w.Relation(710, 713)
	if r.HostilityFrom(710).Float() != v || r.HostilityFrom(713).Float() != v {
		t.Errorf("after set_hostility 0.9: China toward Taiwan %v, Taiwan toward China %v, want 0.9 both",
			r.HostilityFrom(710), r.HostilityFrom(713))
	}
}
