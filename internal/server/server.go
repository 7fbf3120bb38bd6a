// Package server is entente's HTTP front end: a JSON API over the models and
// the data, the scenario store, and the embedded web application, on one
// standard net/http server.
//
// The API writes the same JSON shapes as the CLI's --format json (the
// result types of the model packages and internal/worldjson); errors are
// JSON objects {"code", "message"} and never carry a stack trace. The routes
// are listed once, in routes; /api/openapi.json describes them and a test
// checks the two agree.
//
// Security: the server binds to loopback unless a token is configured;
// writes (saving and deleting scenarios) need "Authorization: Bearer TOKEN";
// on a non-loopback address every API request needs it. Bodies are limited
// in size, requests in time, and heavy computations in number.
package server

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/entente/entente/history"
	"github.com/entente/entente/internal/store"
)

// Config configures a Server. DefaultConfig returns the defaults.
type Config struct {
	// Addr is the address to listen on, host:port. A host other than a
	// loopback address needs Token.
	Addr string
	// DataDir is the data directory of the historical worlds and panels;
	// empty serves only the embedded world and world files.
	DataDir string
	// StorePath is the SQLite file of the scenario store.
	StorePath string
	// Token is the bearer token writes need. Empty: read from TokenFile,
	// which is created with a fresh random token (mode 0600) when missing.
	Token     string
	TokenFile string
	// MaxBody is the largest request body accepted, in bytes.
	MaxBody int64
	// RequestTimeout bounds the time of one computation.
	RequestTimeout time.Duration
	// MaxJobs bounds the heavy computations (panels) run at once.
	MaxJobs int
	// WorldCache is how many read-only worlds (with their threat matrix
	// and JSON) are kept; the default holds every year of the data and
	// the embedded world, about 550 MiB once all are built.
	WorldCache int
	Logger     *slog.Logger
}

// DefaultConfig returns the configuration entente serve starts from.
func DefaultConfig() Config {
	return Config{Addr: "127.0.0.1:8080", MaxBody: 1 << 20, RequestTimeout: 60 * time.Second, MaxJobs: 2, WorldCache: 256}
}

// Validate checks c; its errors name the field.
func (c Config) Validate() error {
	if _, _, err := net.SplitHostPort(c.Addr); err != nil {
		return fmt.Errorf("addr %q: want host:port: %v", c.Addr, err)
	}
	if c.StorePath == "" {
		return errors.New("store: a file is required")
	}
	if c.MaxBody < 1024 {
		return fmt.Errorf("max body %d: want at least 1024 bytes", c.MaxBody)
	}
	if c.RequestTimeout <= 0 {
		return fmt.Errorf("request timeout %v: want > 0", c.RequestTimeout)
	}
	if c.MaxJobs < 1 {
		return fmt.Errorf("max jobs %d: want at least 1", c.MaxJobs)
	}
	if c.WorldCache < 1 {
		return fmt.Errorf("world cache %d: want at least 1", c.WorldCache)
	}
	return nil
}

// Loopback reports whether the host of addr is a loopback address
// ("localhost", 127.0.0.0/8, ::1). An empty host means every interface.
func Loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// ErrNeedToken is returned by New for a non-loopback address without a
// configured token.
var ErrNeedToken = errors.New("a non-loopback address needs a token (--token or $ENTENTE_TOKEN): reads and writes would otherwise be open to the network")

// Server is entente's HTTP server.
type Server struct {
	cfg      Config
	log      *slog.Logger
	store    *store.Store
	token    string
	loopback bool
	jobs     chan struct{}
	mux      *http.ServeMux

	worlds *worldCache

	histOnce sync.Once
	hist     *history.History
	histErr  error

	fc forecasts // fitted forecast models, per kind
}

// New opens the store, resolves the token and returns a server ready to
// Serve. A non-loopback Addr without cfg.Token is refused (ErrNeedToken).
func New(cfg Config) (*Server, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	loop := Loopback(cfg.Addr)
	if !loop && cfg.Token == "" {
		return nil, ErrNeedToken
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	token := cfg.Token
	if token == "" {
		var err error
		if token, err = loadOrCreateToken(cfg.TokenFile); err != nil {
			return nil, err
		}
	}
	st, err := store.Open(cfg.StorePath)
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, log: log, store: st, token: token, loopback: loop, jobs: make(chan struct{}, cfg.MaxJobs),
		worlds: newWorldCache(cfg.WorldCache)}
	s.mux = http.NewServeMux()
	for _, r := range s.routes() {
		s.mux.Handle(r.Method+" "+r.Path, s.wrap(r))
	}
	s.mux.Handle("GET /", s.static())
	return s, nil
}

// Close closes the store.
func (s *Server) Close() error { return s.store.Close() }

// Handler returns the server's handler: the routes behind the security
// headers, the request log and, on loopback, the check of the Host.
func (s *Server) Handler() http.Handler {
	h := securityHeaders(s.mux)
	if s.loopback {
		h = loopbackHosts(h)
	}
	return s.logRequests(h)
}

// Serve serves on l until ctx is done, then shuts down gracefully: it stops
// accepting, lets requests in flight finish (up to 10 s) and closes the
// store.
func (s *Server) Serve(ctx context.Context, l net.Listener) error {
	hs := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      s.cfg.RequestTimeout + 30*time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(l) }()
	select {
	case err := <-errc:
		s.Close()
		return err
	case <-ctx.Done():
	}
	s.log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err := hs.Shutdown(sctx)
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	return err
}

// TokenFile is the default token file: token beside the store.
func TokenFile(storePath string) string {
	return filepath.Join(filepath.Dir(storePath), "token")
}

// loadOrCreateToken reads the token in path, or writes a fresh random one
// there, readable by the user only.
func loadOrCreateToken(path string) (string, error) {
	if path == "" {
		return "", errors.New("token: no token and no token file")
	}
	b, err := os.ReadFile(path)
	if err == nil {
		t := strings.TrimSpace(string(b))
		if t == "" {
			return "", fmt.Errorf("token file %s is empty", path)
		}
		return t, nil
	}
	if !errors.Is(err, os.ErrNotExist) {
		return "", fmt.Errorf("token file: %w", err)
	}
	var raw [24]byte
	if _, err := rand.Read(raw[:]); err != nil {
		return "", err
	}
	t := hex.EncodeToString(raw[:])
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return "", fmt.Errorf("token file: %w", err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return "", fmt.Errorf("token file: %w", err)
	}
	if _, err := f.WriteString(t + "\n"); err != nil {
		f.Close()
		return "", fmt.Errorf("token file: %w", err)
	}
	if err := f.Close(); err != nil {
		return "", fmt.Errorf("token file: %w", err)
	}
	return t, nil
}

// history opens the data directory once, on first use.
func (s *Server) history() (*history.History, error) {
	if s.cfg.DataDir == "" {
		return nil, &apiError{Status: http.StatusNotFound, Code: "no_data",
			Message: "this server has no data directory: start it with --data DIR (or $ENTENTE_DATA) for the historical worlds and panels"}
	}
	s.histOnce.Do(func() { s.hist, s.histErr = history.Open(s.cfg.DataDir) })
	return s.hist, s.histErr
}
