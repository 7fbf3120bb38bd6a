package report

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/entente/entente/internal/worldfile"
	"github.com/entente/entente/world"
)

func defaultReport(t *testing.T) (*world.World, *Report) {
	t.Helper()
	w, err := worldfile.Default()
	if err != nil {
		t.Fatal(err)
	}
	r, err := Build(w)
	if err != nil {
		t.Fatal(err)
	}
	return w, r
}

func TestPrint(t *testing.T) {
	_, r := defaultReport(t)
	var b bytes.Buffer
	if err := Write(&b, r, "text"); err != nil {
		t.Fatal(err)
	}
	t.Log(b.String())
	_ = json.Marshal
	_ = math.NaN
	_ = strings.Contains
}
