// Package store keeps saved scenarios in SQLite (modernc.org/sqlite, pure
// Go, so the entente binary stays static).
//
// A scenario is a JSON document (a base world, an optional world file and
// edits; internal/server gives it meaning) with a name and an author. Every
// save adds a version; earlier versions are kept and can be read back.
//
// Durability: the database runs in WAL mode with synchronous=FULL, and each
// save is one transaction that commits before Save returns. A save that
// returned without error therefore survives the process being killed at
// any moment after it (kill -9) and a restart: SQLite replays the WAL on
// open. The schema is versioned: migrations are numbered and each runs in
// its own transaction, recorded in schema_migrations.
package store

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	_ "modernc.org/sqlite" // the "sqlite" driver
)

// ErrNotFound is returned for a scenario or version that does not exist.
var ErrNotFound = errors.New("not found")

// ErrConflict is returned by Save when the caller's base version is not the
// scenario's latest (someone saved in between).
var ErrConflict = errors.New("version conflict")

// Meta describes a scenario without its body.
type Meta struct {
	ID      string    `json:"id"`
	Name    string    `json:"name"`
	Author  string    `json:"author"`
	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
	Version int       `json:"version"`
}

// Version describes one saved version of a scenario.
type Version struct {
	Version int       `json:"version"`
	Saved   time.Time `json:"saved"`
	Name    string    `json:"name"`
	Author  string    `json:"author"`
	SHA256  string    `json:"sha256"`
	Size    int       `json:"size"`
}

// Scenario is a scenario at one version, with its body.
type Scenario struct {
	Meta
	Body []byte `json:"-"`
	// SHA256 is the hex SHA-256 of Body as stored.
	SHA256 string `json:"sha256"`
}

// Store is a scenario store. Its methods are safe for concurrent use.
type Store struct {
	db  *sql.DB
	now func() time.Time
}

// Open opens (creating if needed) the store in the SQLite file path and
// brings its schema up to date.
func Open(path string) (*Store, error) {
	// Scenarios are the user's own: create the file readable by the user
	// only (SQLite gives its WAL and shared-memory files the same mode).
	if f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600); err != nil {
		return nil, fmt.Errorf("store: %w", err)
	} else {
		f.Close()
	}
	dsn := "file:" + path + "?_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_pragma=busy_timeout(10000)&_pragma=foreign_keys(ON)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	// One writer at a time is SQLite's rule; a small pool serves readers.
	db.SetMaxOpenConns(4)
	s := &Store{db: db, now: func() time.Time { return time.Now().UTC() }}
	if err := s.migrate(context.Background()); err != nil {
		db.Close()
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// migrations are the schema changes in order; migration i+1 is
// migrations[i]. Never edit one that has shipped: append a new one.
var migrations = []string{
	`CREATE TABLE scenarios (
		id      TEXT PRIMARY KEY,
		name    TEXT NOT NULL,
		author  TEXT NOT NULL,
		created TEXT NOT NULL,
		updated TEXT NOT NULL,
		version INTEGER NOT NULL
	);
	CREATE TABLE versions (
		scenario TEXT NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
		version  INTEGER NOT NULL,
		saved    TEXT NOT NULL,
		name     TEXT NOT NULL,
		author   TEXT NOT NULL,
		sha256   TEXT NOT NULL,
		body     BLOB NOT NULL,
		PRIMARY KEY (scenario, version)
	);`,
}

// SchemaVersion is the schema version Open brings a store to.
func SchemaVersion() int { return len(migrations) }

func (s *Store) migrate(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied TEXT NOT NULL)`); err != nil {
		return err
	}
	for i, m := range migrations {
		v := i + 1
		err := s.tx(ctx, func(tx *sql.Tx) error {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_migrations WHERE version = ?`, v).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return nil
			}
			if _, err := tx.ExecContext(ctx, m); err != nil {
				return fmt.Errorf("migration %d: %w", v, err)
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, applied) VALUES (?, ?)`, v, s.now().Format(time.RFC3339Nano))
			return err
		})
		if err != nil {
			return err
		}
	}
	var max int
	if err := s.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&max); err != nil {
		return err
	}
	if max > len(migrations) {
		return fmt.Errorf("schema version %d is newer than this entente's %d", max, len(migrations))
	}
	return nil
}

func (s *Store) tx(ctx context.Context, f func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := f(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// NewID returns a fresh random scenario id (16 hex digits).
func NewID() string {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err) // crypto/rand does not fail on supported platforms
	}
	return hex.EncodeToString(b[:])
}

// Save stores body as a new version of scenario id, creating the scenario
// when id is empty (a new id is made) or unknown. base, when positive, is
// the version the caller edited: Save fails with ErrConflict unless it is
// still the latest. The save is one transaction, committed (and synced)
// before Save returns.
func (s *Store) Save(ctx context.Context, id, name, author string, base int, body []byte) (Meta, error) {
	if id == "" {
		id = NewID()
	}
	sum := sha256.Sum256(body)
	hexSum := hex.EncodeToString(sum[:])
	now := s.now()
	ts := now.Format(time.RFC3339Nano)
	var m Meta
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var cur int
		var created string
		err := tx.QueryRowContext(ctx, `SELECT version, created FROM scenarios WHERE id = ?`, id).Scan(&cur, &created)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			if base > 0 {
				return fmt.Errorf("scenario %s: %w", id, ErrNotFound)
			}
			created = ts
			if _, err := tx.ExecContext(ctx, `INSERT INTO scenarios (id, name, author, created, updated, version) VALUES (?, ?, ?, ?, ?, 1)`,
				id, name, author, ts, ts); err != nil {
				return err
			}
		case err != nil:
			return err
		default:
			if base > 0 && base != cur {
				return fmt.Errorf("scenario %s is at version %d, not %d: %w", id, cur, base, ErrConflict)
			}
			if _, err := tx.ExecContext(ctx, `UPDATE scenarios SET name = ?, author = ?, updated = ?, version = ? WHERE id = ?`,
				name, author, ts, cur+1, id); err != nil {
				return err
			}
		}
		v := cur + 1
		if _, err := tx.ExecContext(ctx, `INSERT INTO versions (scenario, version, saved, name, author, sha256, body) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			id, v, ts, name, author, hexSum, body); err != nil {
			return err
		}
		c, _ := time.Parse(time.RFC3339Nano, created)
		m = Meta{ID: id, Name: name, Author: author, Created: c, Updated: now, Version: v}
		return nil
	})
	if err != nil {
		return Meta{}, err
	}
	return m, nil
}

// Get returns scenario id at version (the latest when version is 0).
func (s *Store) Get(ctx context.Context, id string, version int) (*Scenario, error) {
	var sc Scenario
	var created, saved string
	err := s.db.QueryRowContext(ctx, `SELECT s.id, v.name, v.author, s.created, v.saved, v.version, v.sha256, v.body
		FROM scenarios s JOIN versions v ON v.scenario = s.id
		WHERE s.id = ? AND v.version = CASE WHEN ? > 0 THEN ? ELSE s.version END`, id, version, version).
		Scan(&sc.ID, &sc.Name, &sc.Author, &created, &saved, &sc.Version, &sc.SHA256, &sc.Body)
	if errors.Is(err, sql.ErrNoRows) {
		if version > 0 {
			return nil, fmt.Errorf("scenario %s version %d: %w", id, version, ErrNotFound)
		}
		return nil, fmt.Errorf("scenario %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	sc.Created, _ = time.Parse(time.RFC3339Nano, created)
	sc.Updated, _ = time.Parse(time.RFC3339Nano, saved)
	return &sc, nil
}

// List returns every scenario's latest metadata, most recently saved first.
func (s *Store) List(ctx context.Context) ([]Meta, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, author, created, updated, version FROM scenarios ORDER BY updated DESC, id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Meta{}
	for rows.Next() {
		var m Meta
		var created, updated string
		if err := rows.Scan(&m.ID, &m.Name, &m.Author, &created, &updated, &m.Version); err != nil {
			return nil, err
		}
		m.Created, _ = time.Parse(time.RFC3339Nano, created)
		m.Updated, _ = time.Parse(time.RFC3339Nano, updated)
		out = append(out, m)
	}
	return out, rows.Err()
}

// Versions returns the version history of scenario id, oldest first.
func (s *Store) Versions(ctx context.Context, id string) ([]Version, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT version, saved, name, author, sha256, length(body) FROM versions WHERE scenario = ? ORDER BY version`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Version{}
	for rows.Next() {
		var v Version
		var saved string
		if err := rows.Scan(&v.Version, &saved, &v.Name, &v.Author, &v.SHA256, &v.Size); err != nil {
			return nil, err
		}
		v.Saved, _ = time.Parse(time.RFC3339Nano, saved)
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("scenario %s: %w", id, ErrNotFound)
	}
	return out, nil
}

// Delete removes scenario id and its history.
func (s *Store) Delete(ctx context.Context, id string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM versions WHERE scenario = ?`, id); err != nil {
			return err
		}
		r, err := tx.ExecContext(ctx, `DELETE FROM scenarios WHERE id = ?`, id)
		if err != nil {
			return err
		}
		if n, _ := r.RowsAffected(); n == 0 {
			return fmt.Errorf("scenario %s: %w", id, ErrNotFound)
		}
		return nil
	})
}

// Check runs SQLite's integrity check and reports any problem it finds.
func (s *Store) Check(ctx context.Context) error {
	rows, err := s.db.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return err
	}
	defer rows.Close()
	var probs []string
	for rows.Next() {
		var msg string
		if err := rows.Scan(&msg); err != nil {
			return err
		}
		if msg != "ok" {
			probs = append(probs, msg)
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if len(probs) > 0 {
		return fmt.Errorf("integrity check: %s", strings.Join(probs, "; "))
	}
	return nil
}
