package server

import (
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente/entente/internal/testenv"
)

// benchServe measures the handler alone (no network) on one request.
func benchServe(b *testing.B, method, target, body string) {
	dir := testenv.DataDir(b)
	cfg := DefaultConfig()
	cfg.StorePath = filepath.Join(b.TempDir(), "s.db")
	cfg.Token = testToken
	cfg.DataDir = dir
	s, err := New(cfg)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	h := s.Handler()
	do := func() {
		req := httptest.NewRequest(method, target, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+testToken)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code >= 300 {
			b.Fatalf("%s %s: %d %s", method, target, rec.Code, rec.Body)
		}
	}
	do() // load the data
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		do()
	}
}

func BenchmarkWorld(b *testing.B) {
	for _, q := range []string{"", "?year=1914", "?year=2016"} {
		b.Run("q="+q, func(b *testing.B) { benchServe(b, "GET", "/api/world"+q, "") })
	}
}

func BenchmarkThreat(b *testing.B) {
	for _, q := range []string{"?state=2&top=10", "?year=2016&state=2&top=10"} {
		b.Run("q="+q, func(b *testing.B) { benchServe(b, "GET", "/api/threat"+q, "") })
	}
}

func BenchmarkSave(b *testing.B) {
	benchServe(b, http.MethodPost, "/api/scenarios", `{"name":"b","edits":[{"op":"set_milex","state":2,"value":9e11}]}`)
}
