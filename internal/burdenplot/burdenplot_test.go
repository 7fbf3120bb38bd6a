package burdenplot

import (
	"bytes"
	"encoding/xml"
	"image/png"
	"strings"
	"testing"

	"github.com/entente/entente/burden"
	"github.com/entente/entente/world"
)

func TestScatter(t *testing.T) {
	var ms []burden.Member
	for i, n := range []string{"Big", "Mid & Co", "Small <x>", "Tiny"} {
		ms = append(ms, burden.Member{CCode: i + 1, Name: n, GDP: world.Known(float64(int(1000) >> (2 * i))), Burden: world.Known(float64(4 - i))})
	}
	r, err := burden.Test(ms, burden.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p, err := Scatter(r, "Test", "GDP", "burden")
	if err != nil {
		t.Fatal(err)
	}
	s, err := SVG(p, Width, Height)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(s, "<svg") || strings.Contains(s, "<x>") {
		t.Fatalf("want an escaped SVG element:\n%.300s", s)
	}
	if err := xml.Unmarshal([]byte(s), new(struct{})); err != nil {
		t.Fatalf("invalid SVG: %v", err)
	}
	for _, l := range []string{"Big", "Tiny", "least squares", "log10 GDP"} {
		if !strings.Contains(s, l) {
			t.Errorf("SVG lacks %q", l)
		}
	}
	var b bytes.Buffer
	if err := Write(&b, p, "png", Width, Height); err != nil {
		t.Fatal(err)
	}
	if _, err := png.Decode(&b); err != nil {
		t.Errorf("invalid PNG: %v", err)
	}
	if err := Write(&b, p, "gif", Width, Height); err == nil {
		t.Error("gif: want an error")
	}
}
