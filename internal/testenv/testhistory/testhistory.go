// Package testhistory opens the history of the test data directory once
// per test binary, for the tests of the packages that read many years.
package testhistory

import (
	"sync"
	"testing"

	"github.com/entente/entente/history"
	"github.com/entente/entente/internal/testenv"
)

var (
	once sync.Once
	h    *history.History
	err  error
)

// Open returns the history of testenv.DataDir (checked against the
// catalogue), opened on the first call; it skips or fails the test as
// testenv.DataDir does when the data directory is missing.
func Open(t testing.TB) *history.History {
	t.Helper()
	dir := testenv.DataDir(t)
	once.Do(func() { h, err = history.Open(dir) })
	if err != nil {
		t.Fatal(err)
	}
	return h
}
