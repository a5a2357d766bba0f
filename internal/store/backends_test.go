package store

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"cchc/internal/pgtest"
	"cchc/internal/tooltest"
)

// One conformance suite: the store's tests run on SQLite, then the same
// test binary runs them again on PostgreSQL (CCHC_TEST_BACKEND=postgres),
// each test's book a fresh database on the server $CCHC_TEST_POSTGRES
// names. Without a server the second run is skipped with a message, and
// fails under CI=true. Tests of SQLite's file itself (its header, WAL,
// network shares, VACUUM INTO, files beside the book) say so with
// sqliteOnly and are skipped on PostgreSQL.

const backendEnv = "CCHC_TEST_BACKEND"

// onPostgres reports the PostgreSQL run.
var onPostgres = os.Getenv(backendEnv) == "postgres"

func TestMain(m *testing.M) {
	code := m.Run()
	if onPostgres || os.Getenv("CCHC_CHILD") != "" {
		os.Exit(code)
	}
	if os.Getenv(pgtest.Env) == "" {
		msg := "store: the PostgreSQL run of these tests was skipped: set " + pgtest.Env + " (eval \"$(.ci/pg start /tmp/cchc-pg)\" starts a server)"
		fmt.Println(msg + tooltest.OnWindows)
		if tooltest.Strict() {
			fmt.Println("FAIL: under CI a PostgreSQL server is required")
			code = max(code, 1)
		}
		os.Exit(code)
	}
	fmt.Println("store: the same tests on PostgreSQL")
	cmd := exec.Command(os.Args[0], os.Args[1:]...)
	cmd.Env = append(os.Environ(), backendEnv+"=postgres")
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		code = max(code, 1)
	}
	os.Exit(code)
}

// sqliteOnly skips a test of SQLite's file on the PostgreSQL run.
func sqliteOnly(t testing.TB) {
	t.Helper()
	if onPostgres {
		t.Skip("a test of the SQLite file itself")
	}
}

// testBook is where a test keeps a new book: a file in its folder, or on
// the PostgreSQL run a fresh database.
func testBook(t testing.TB) string {
	t.Helper()
	if onPostgres {
		return pgtest.Fresh(t)
	}
	return filepath.Join(t.TempDir(), "sub", "cchc.db")
}
