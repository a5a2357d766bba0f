package pgtest

import (
	"context"
	"database/sql"
	"os"
	"runtime"
	"strings"
	"testing"

	"cchc/internal/tooltest"
)

// Without a server the test skips, and under CI=true it fails (but on
// Windows, whose suite has no server: tooltest.Strict); the verdict is read
// from a child run of this test binary.
func TestNoServerFailsUnderCI(t *testing.T) {
	if os.Getenv("PGTEST_CHILD") == "1" {
		Fresh(t)
		return
	}
	for ci, want := range map[string]string{"true": "--- FAIL", "": "--- SKIP"} {
		if runtime.GOOS == "windows" {
			want = "--- SKIP"
		}
		out, failed := tooltest.Rerun(t, "TestNoServerFailsUnderCI", "PGTEST_CHILD=1", "CI="+ci, Env+"=")
		if failed != (want == "--- FAIL") || !strings.Contains(out, want) || !strings.Contains(out, "no PostgreSQL server for this test: set "+Env) {
			t.Errorf("CI=%q: want %s, got (failed: %v)\n%s", ci, want, failed, out)
		}
	}
}

// A fresh database is empty, belongs to the test's role, and is gone once
// the test that asked for it ends, even with a connection left open.
func TestFreshIsEmptyAndDropped(t *testing.T) {
	server := Server(t)
	var name string
	var left *sql.DB
	t.Run("inner", func(t *testing.T) {
		dsn := Fresh(t)
		db, err := sql.Open("pgx", dsn)
		if err != nil {
			t.Fatal(err)
		}
		left = db
		var tables int
		if err := db.QueryRow("SELECT current_database(), count(*) FROM pg_tables WHERE schemaname = 'public'").Scan(&name, &tables); err != nil {
			t.Fatal(err)
		}
		if tables != 0 || !strings.HasPrefix(name, "cchc_testfreshisemptyanddropped_inner_") {
			t.Fatalf("database %s with %d tables", name, tables)
		}
		if _, err := db.Exec("CREATE TABLE t (x int)"); err != nil {
			t.Fatalf("the role cannot create a table in its database: %v", err)
		}
	})
	defer left.Close()
	admin, err := sql.Open("pgx", server)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	var n int
	if err := admin.QueryRowContext(context.Background(), "SELECT count(*) FROM pg_database WHERE datname = $1", name).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("database %s still there after its test", name)
	}
}

func TestWithDatabase(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://cchc:pw@/postgres?host=/tmp/x":       "postgres://cchc:pw@/other?host=/tmp/x",
		"postgresql://u@h:5/db?dbname=db&sslmode=verify": "postgresql://u@h:5/other?sslmode=verify",
		"host=/tmp/x user=cchc dbname=postgres":          "host=/tmp/x user=cchc dbname=postgres dbname=other",
	} {
		got, err := WithDatabase(in, "other")
		if err != nil || got != want {
			t.Errorf("WithDatabase(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}
