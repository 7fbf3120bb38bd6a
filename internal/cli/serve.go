package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"time"

	"github.com/entente/entente/internal/server"
)

var serveCmd = &Command{
	UsageLine: "serve [--addr 127.0.0.1:8080] [--data DIR] [--store FILE] [--token TOKEN | --token-file FILE]",
	Short:     "serve the HTTP API, the web application and the scenario store",
	Long: `Serve runs entente's HTTP server: the JSON API over the worlds and the models
(/api/openapi.json describes it; the JSON shapes are those of --format json),
the web application (alliance network by year, threats, map, burden chart,
scenario editor), and the scenario store, a SQLite file (--store) that keeps
every saved version of every scenario.

It binds to loopback by default. Writes (saving and deleting scenarios) need
the header "Authorization: Bearer TOKEN". The token is --token, or
$ENTENTE_TOKEN, or read from --token-file (default: "token" beside the
store), which is created with a random token, readable only by the user,
on first start. A non-loopback --addr is refused unless --token or
$ENTENTE_TOKEN is given; every API request then needs the token.

The historical worlds and panels read --data DIR (or $ENTENTE_DATA); without
it the server serves the embedded 2024 world and world files. SIGINT or
SIGTERM stop the server gracefully.`,
	Setup: func(fs *flag.FlagSet) RunFunc {
		d := server.DefaultConfig()
		addr := fs.String("addr", d.Addr, "listen `address` host:port (port 0 picks a free one)")
		data := fs.String("data", "", "data `dir`ectory (default $ENTENTE_DATA)")
		storeFile := fs.String("store", "", "scenario store `file` (default entente/scenarios.db in the user's config directory)")
		token := fs.String("token", "", "bearer `token` for writes (default $ENTENTE_TOKEN, else --token-file)")
		tokenFile := fs.String("token-file", "", "`file` holding the token, created on first start (default: token beside the store)")
		maxBody := fs.Int64("max-body", d.MaxBody, "largest request body in `bytes`")
		timeout := fs.Duration("timeout", d.RequestTimeout, "longest computation of one request (`duration`)")
		cache := fs.Int("world-cache", d.WorldCache, "read-only `worlds` kept in memory with their threat matrices (every year: about 550 MiB)")
		verbose := fs.Bool("v", false, "log every request")
		return func(ctx context.Context, env *Env, args []string) error {
			if len(args) > 0 {
				return usagef("serve takes no arguments")
			}
			cfg := d
			cfg.Addr, cfg.MaxBody, cfg.RequestTimeout, cfg.WorldCache = *addr, *maxBody, *timeout, *cache
			cfg.DataDir = *data
			if cfg.DataDir == "" {
				cfg.DataDir = env.Getenv("ENTENTE_DATA")
			}
			cfg.Token = *token
			if cfg.Token == "" {
				cfg.Token = env.Getenv("ENTENTE_TOKEN")
			}
			cfg.StorePath = *storeFile
			if cfg.StorePath == "" {
				dir, err := os.UserConfigDir()
				if err != nil {
					return usagef("no --store FILE and no user config directory: %v", err)
				}
				cfg.StorePath = filepath.Join(dir, "entente", "scenarios.db")
			}
			if err := os.MkdirAll(filepath.Dir(cfg.StorePath), 0o700); err != nil {
				return err
			}
			cfg.TokenFile = *tokenFile
			if cfg.TokenFile == "" {
				cfg.TokenFile = server.TokenFile(cfg.StorePath)
			}
			level := slog.LevelInfo
			if *verbose {
				level = slog.LevelDebug
			}
			cfg.Logger = slog.New(slog.NewTextHandler(env.Stderr, &slog.HandlerOptions{Level: level}))
			if err := cfg.Validate(); err != nil {
				return usagef("%v", err)
			}
			srv, err := server.New(cfg)
			if errors.Is(err, server.ErrNeedToken) {
				return usagef("--addr %s: %v", cfg.Addr, err)
			}
			if err != nil {
				return err
			}
			l, err := net.Listen("tcp", cfg.Addr)
			if err != nil {
				srv.Close()
				return err
			}
			cfg.Logger.Info("listening", "url", "http://"+l.Addr().String()+"/", "store", cfg.StorePath,
				"data", cfg.DataDir, "token_file", tokenNote(cfg), "started", time.Now().UTC().Format(time.RFC3339))
			fmt.Fprintf(env.Stderr, "entente serve: listening on http://%s/\n", l.Addr())
			return srv.Serve(ctx, l)
		}
	},
}

func init() { register(serveCmd) }

func tokenNote(cfg server.Config) string {
	if cfg.Token != "" {
		return "(token given)"
	}
	return cfg.TokenFile
}
