package store

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
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
		// TestPostgreSQLRun shows the skip, with its reason, in go test's
		// output; a -run that leaves it out must still fail under CI.
		if tooltest.Strict() {
			fmt.Println("FAIL: store: under CI a PostgreSQL server is required (" + pgtest.Env + ")")
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

// TestPostgreSQLRun says whether this binary's tests run again on
// PostgreSQL once they have run on SQLite (TestMain does it): without a
// server it is a skip that go test shows, with its reason.
func TestPostgreSQLRun(t *testing.T) {
	switch {
	case onPostgres:
		t.Skip("this is the PostgreSQL run")
	case os.Getenv(pgtest.Env) == "" && tooltest.Strict():
		t.Fatal("under CI a PostgreSQL server is required: set " + pgtest.Env)
	case os.Getenv(pgtest.Env) == "":
		t.Skip("the PostgreSQL run of the store's tests is skipped: set " + pgtest.Env +
			" (eval \"$(.ci/pg start /tmp/cchc-pg)\" starts a server)" + tooltest.OnWindows)
	}
	t.Log("the store's tests run again on PostgreSQL after this run (" + backendEnv + "=postgres)")
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

// TestPostgreSQLSkipIsShown: without a server, go test -v shows the
// PostgreSQL run as a skip with its reason, not a line go test hides.
func TestPostgreSQLSkipIsShown(t *testing.T) {
	if onPostgres {
		t.Skip("this is the PostgreSQL run")
	}
	out, failed := tooltest.Rerun(t, "TestPostgreSQLRun", pgtest.Env+"=", "CI=", backendEnv+"=")
	if failed {
		t.Fatalf("without a server and outside CI the run must pass:\n%s", out)
	}
	for _, want := range []string{"--- SKIP: TestPostgreSQLRun", "set " + pgtest.Env} {
		if !strings.Contains(out, want) {
			t.Errorf("go test -v does not show %q:\n%s", want, out)
		}
	}
	if runtime.GOOS == "windows" {
		return // CI's Windows suite has no server by design (tooltest.Strict)
	}
	out, failed = tooltest.Rerun(t, "TestPostgreSQLRun", pgtest.Env+"=", "CI=true", backendEnv+"=")
	if !failed || !strings.Contains(out, "--- FAIL: TestPostgreSQLRun") {
		t.Errorf("under CI without a server the run must fail:\n%s", out)
	}
}
