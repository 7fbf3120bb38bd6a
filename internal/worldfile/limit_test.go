package worldfile

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A world file over MaxSize is refused before it is read; a cancelled
// context stops the load.
func TestLoadLimits(t *testing.T) {
	p := filepath.Join(t.TempDir(), "big.yaml")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	f.Truncate(MaxSize + 1) // sparse: nothing is written
	f.Close()
	if _, err := Load(p); err == nil || !strings.Contains(err.Error(), "more than the limit") {
		t.Errorf("Load of %d bytes: err = %v", MaxSize+1, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	os.Truncate(p, 10)
	if _, err := LoadContext(ctx, p); err == nil || !strings.Contains(err.Error(), "canceled") {
		t.Errorf("LoadContext with a cancelled context: err = %v", err)
	}
}
