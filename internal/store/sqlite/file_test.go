package sqlite

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
)

// newBook makes a file with the whole schema and no rows.
func newBook(t *testing.T) (*sql.DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "cchc.db")
	m := Migrations()
	want := m[len(m)-1].Version
	if _, err := Prepare(path, false, want); err != nil {
		t.Fatal(err)
	}
	db, err := Open(path, ReadWrite)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	none := func(bool) error { return nil }
	if err := Migrate(context.Background(), db, path, false, want, none, func() error { return nil }, func(*sql.Tx) error { return nil }); err != nil {
		t.Fatal(err)
	}
	return db, path
}

// countingQuerier counts the statements run through it.
type countingQuerier struct {
	q Querier
	n int
}

func (c *countingQuerier) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	c.n++
	return c.q.QueryRowContext(ctx, query, args...)
}

// The header is read in one statement, so in one snapshot: a commit by
// another process between reads made a new book look foreign.
func TestHeaderIsOneSnapshot(t *testing.T) {
	db, path := newBook(t)
	q := &countingQuerier{q: db}
	version, appID, tables, err := Header(context.Background(), q, path)
	if err != nil || q.n != 1 {
		t.Fatalf("header took %d statements: %v", q.n, err)
	}
	if m := Migrations(); version != m[len(m)-1].Version || appID != ApplicationID || tables == 0 {
		t.Fatalf("header = %d %d %d", version, appID, tables)
	}
}
