// Package pgtest gives each test a fresh PostgreSQL database of its own on
// the server named by $CCHC_TEST_POSTGRES (the DSN of a role that may
// create databases, and roles for Stranger; .ci/pg starts a throw-away one). Without it the test
// is skipped with a message, except under CI (CI=true) off Windows, where it fails:
// a CI machine without a server must not pass in silence.
package pgtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"cchc/internal/tooltest"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver "pgx"
)

// Env names the variable holding the test server's DSN.
const Env = "CCHC_TEST_POSTGRES"

// Server returns the DSN of the test server, or skips the test (fails it
// under CI) when none is given.
func Server(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv(Env)
	if dsn == "" {
		msg := "no PostgreSQL server for this test: set " + Env + " (eval \"$(.ci/pg start /tmp/cchc-pg)\" starts one)"
		if tooltest.Strict() {
			t.Fatal(msg)
		}
		t.Skip(msg + tooltest.OnWindows)
	}
	return dsn
}

// Fresh creates an empty database for the test, owned by the server's
// role, and returns its DSN; it is dropped when the test ends, whoever
// is still connected to it.
func Fresh(t testing.TB) string {
	t.Helper()
	server := Server(t)
	name := dbName(t.Name())
	admin, err := sql.Open("pgx", server)
	if err != nil {
		t.Fatalf("pgtest: %s: %v", Env, err)
	}
	defer admin.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+quote(name)+" ENCODING 'UTF8' TEMPLATE template0"); err != nil {
		t.Fatalf("pgtest: cannot create a test database on the server of %s: %v", Env, err)
	}
	cleanup(t, server, func(admin *sql.DB) {
		// FORCE cannot end the server's autovacuum worker (a role the test's
		// is not): a database it is cleaning is dropped once it is done
		for attempt := 1; ; attempt++ {
			_, err := admin.Exec("DROP DATABASE IF EXISTS " + quote(name) + " WITH (FORCE)")
			if err == nil {
				return
			}
			if attempt == 100 || !strings.Contains(err.Error(), "42501") {
				t.Errorf("pgtest: cannot drop the test database %s: %v", name, err)
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	})
	dsn, err := WithDatabase(server, name)
	if err != nil {
		t.Fatalf("pgtest: %s: %v", Env, err)
	}
	return dsn
}

// Stranger creates a role that may log in and do nothing more (no
// database of its own, no right to create one, nor tables where it is not
// the owner: a role an administrator made without giving it the book's
// database) and returns its name and password; it is dropped when the
// test ends. Ask for it before the databases it is to use (Fresh), so
// that they, and whatever it came to own in them, are dropped first. The
// server's role must be allowed to create roles (CREATEROLE, as .ci/pg
// gives it); the test is skipped otherwise, failed under CI.
func Stranger(t testing.TB) (name, password string) {
	t.Helper()
	server := Server(t)
	admin, err := sql.Open("pgx", server)
	if err != nil {
		t.Fatalf("pgtest: %s: %v", Env, err)
	}
	defer admin.Close()
	name = dbName(t.Name() + " stranger")
	var rnd [12]byte
	_, _ = rand.Read(rnd[:])
	password = hex.EncodeToString(rnd[:])
	// the server's role joins the new one, so that it may hand it a
	// database and drop the database again
	for _, q := range []string{
		"CREATE ROLE " + quote(name) + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '" + password + "'",
		"GRANT " + quote(name) + " TO CURRENT_USER",
	} {
		if _, err := admin.Exec(q); err != nil {
			msg := fmt.Sprintf("pgtest: the role of %s may not make a role without rights for this test (CREATEROLE, as .ci/pg gives it): %v", Env, err)
			if tooltest.Strict() {
				t.Fatal(msg)
			}
			t.Skip(msg + tooltest.OnWindows)
		}
	}
	cleanup(t, server, func(admin *sql.DB) {
		if _, err := admin.Exec("DROP ROLE IF EXISTS " + quote(name)); err != nil {
			t.Errorf("pgtest: cannot drop the test role %s: %v", name, err)
		}
	})
	return name, password
}

// Reader gives the role name (a Stranger) the rights of one who may only
// read the book at dsn: connect to its database, and SELECT on the tables
// of its schema as they are now (so make the book first). It returns dsn
// logging in as that role.
func Reader(t testing.TB, dsn, name, password string) string {
	t.Helper()
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	defer db.Close()
	for _, q := range []string{
		"DO $$ BEGIN EXECUTE format('GRANT CONNECT ON DATABASE %I TO " + strings.ReplaceAll(quote(name), "'", "''") + "', current_database()); END $$",
		"GRANT USAGE ON SCHEMA public TO " + quote(name),
		"GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + quote(name),
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("pgtest: cannot let %s read the book: %v", name, err)
		}
	}
	reader, err := WithRole(dsn, name, password)
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	return reader
}

// cleanup runs drop on the server when the test ends.
func cleanup(t testing.TB, server string, drop func(admin *sql.DB)) {
	t.Cleanup(func() {
		admin, err := sql.Open("pgx", server)
		if err != nil {
			t.Errorf("pgtest: %v", err)
			return
		}
		defer admin.Close()
		drop(admin)
	})
}

// WithRole returns dsn (a postgres:// URL) logging in as the role name
// with its password instead of its own.
func WithRole(dsn, name, password string) (string, error) {
	u, err := url.Parse(dsn)
	if err != nil || u.Scheme == "" {
		return "", fmt.Errorf("not a URL: %v", err)
	}
	u.User = url.UserPassword(name, password)
	q := u.Query()
	if q.Has("user") || q.Has("password") {
		q.Del("user")
		q.Del("password")
		u.RawQuery = q.Encode()
	}
	return u.String(), nil
}

// WithDatabase returns dsn (a postgres:// URL or key=value words) naming
// the database name instead of its own.
func WithDatabase(dsn, name string) (string, error) {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		u, err := url.Parse(dsn)
		if err != nil {
			return "", fmt.Errorf("not a URL: %w", err)
		}
		u.Path, u.RawPath = "/"+name, ""
		q := u.Query()
		if q.Has("dbname") || q.Has("database") {
			q.Del("dbname")
			q.Del("database")
			u.RawQuery = q.Encode()
		}
		return u.String(), nil
	}
	// in key=value words the last of a key wins
	return dsn + " dbname=" + name, nil
}

// dbName makes a database name from the test's name, unique on the server.
func dbName(test string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(test) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "_"):
			b.WriteByte('_')
		}
		if b.Len() >= 36 {
			break
		}
	}
	var rnd [5]byte
	_, _ = rand.Read(rnd[:]) // it never fails (crypto/rand)
	return "cchc_" + strings.Trim(b.String(), "_") + "_" + hex.EncodeToString(rnd[:])
}

func quote(ident string) string { return `"` + strings.ReplaceAll(ident, `"`, `""`) + `"` }
