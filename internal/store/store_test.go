package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
)

func open(t *testing.T) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "s.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

func TestSaveVersionsReopen(t *testing.T) {
	ctx := context.Background()
	s, path := open(t)
	m, err := s.Save(ctx, "", "NATO without Turkey", "ana", 0, []byte(`{"v":1}`))
	if err != nil {
		t.Fatal(err)
	}
	if m.Version != 1 || len(m.ID) != 16 {
		t.Fatalf("first save: got %+v", m)
	}
	m2, err := s.Save(ctx, m.ID, "NATO without Turkey, 2", "ana", 1, []byte(`{"v":2}`))
	if err != nil {
		t.Fatal(err)
	}
	if m2.Version != 2 || !m2.Created.Equal(m.Created) {
		t.Fatalf("second save: got %+v, first %+v", m2, m)
	}
	if _, err := s.Save(ctx, m.ID, "stale", "bo", 1, []byte(`{}`)); !errors.Is(err, ErrConflict) {
		t.Fatalf("save on a stale version: got %v, want ErrConflict", err)
	}
	s.Close()

	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.Get(ctx, m.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	if string(got.Body) != `{"v":2}` || got.Version != 2 || got.Name != "NATO without Turkey, 2" {
		t.Errorf("latest after reopen: got %+v %s", got.Meta, got.Body)
	}
	old, err := s.Get(ctx, m.ID, 1)
	if err != nil || string(old.Body) != `{"v":1}` {
		t.Errorf("version 1: got %v %v", old, err)
	}
	vs, err := s.Versions(ctx, m.ID)
	if err != nil || len(vs) != 2 || vs[0].Version != 1 || vs[1].Version != 2 {
		t.Errorf("versions: got %+v %v", vs, err)
	}
	list, err := s.List(ctx)
	if err != nil || len(list) != 1 || list[0].Version != 2 {
		t.Errorf("list: got %+v %v", list, err)
	}
	if err := s.Delete(ctx, m.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get(ctx, m.ID, 0); !errors.Is(err, ErrNotFound) {
		t.Errorf("get after delete: got %v, want ErrNotFound", err)
	}
	if err := s.Delete(ctx, m.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete: got %v, want ErrNotFound", err)
	}
	if err := s.Check(ctx); err != nil {
		t.Error(err)
	}
}

func TestMigrationsRecorded(t *testing.T) {
	s, path := open(t)
	var n int
	if err := s.db.QueryRow(`SELECT MAX(version) FROM schema_migrations`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != SchemaVersion() {
		t.Errorf("schema version %d, want %d", n, SchemaVersion())
	}
	s.Close()
	// Reopening applies nothing twice.
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	var rows int
	s2.db.QueryRow(`SELECT COUNT(*) FROM schema_migrations`).Scan(&rows)
	if rows != SchemaVersion() {
		t.Errorf("%d migration rows after reopen, want %d", rows, SchemaVersion())
	}
	// A store from a newer entente is refused rather than misread.
	s2.db.Exec(`INSERT INTO schema_migrations (version, applied) VALUES (?, 'x')`, SchemaVersion()+1)
	s2.Close()
	if _, err := Open(path); err == nil {
		t.Error("opening a store with a newer schema: no error")
	}
}

func TestConcurrentSaves(t *testing.T) {
	ctx := context.Background()
	s, _ := open(t)
	m, err := s.Save(ctx, "", "shared", "a", 0, []byte("0"))
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 80)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 10; i++ {
				if _, err := s.Save(ctx, m.ID, "shared", "a", 0, []byte(fmt.Sprint(g, i))); err != nil {
					errs <- err
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	vs, err := s.Versions(ctx, m.ID)
	if err != nil || len(vs) != 81 {
		t.Fatalf("got %d versions (%v), want 81", len(vs), err)
	}
}
