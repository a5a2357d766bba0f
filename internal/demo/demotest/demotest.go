// Package demotest gives benchmarks a generated book, made once per test
// binary and only when a benchmark asks for it, so that `go test ./...`
// stays fast and `go test -bench . ./...` measures national-scale data.
package demotest

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"cchc/internal/demo"
	"cchc/internal/demo/demobook"
	"cchc/internal/pgtest"
	"cchc/internal/store"
)

// Seed of every benchmark book: the figures in BENCHMARKS.md are for it.
const Seed = 1

var (
	mu    sync.Mutex
	dir   string
	books = map[demo.Scale]string{}
)

// Book returns the path of a book of the given scale, generated on first
// use into a temporary folder that Cleanup removes. Setting
// $CCHC_BENCH_NATIONAL to a book made by `cchc demo --scale national
// --seed 1` skips generating the national one (about 20 s). Benchmarks
// must not write to the book.
func Book(tb testing.TB, scale demo.Scale) string {
	tb.Helper()
	mu.Lock()
	defer mu.Unlock()
	if p := books[scale]; p != "" {
		return p
	}
	if p := os.Getenv("CCHC_BENCH_NATIONAL"); scale == demo.National && p != "" {
		books[scale] = p
		return p
	}
	if dir == "" {
		d, err := os.MkdirTemp("", "cchc-bench-")
		if err != nil {
			tb.Fatal(err)
		}
		dir = d
	}
	p := filepath.Join(dir, string(scale)+".db")
	if _, err := demobook.Create(context.Background(), p, scale, Seed); err != nil {
		tb.Fatal(err)
	}
	books[scale] = p
	return p
}

// Grown returns the path of a national book whose latest campaign is
// times as big (see demo.Fill): 1 is Book's national book, and
// $CCHC_BENCH_NATIONAL_2X, $CCHC_BENCH_NATIONAL_4X, … name one already made
// by `cchc demo --scale national --seed 1 --times N` (generating 4× takes
// a few minutes).
func Grown(tb testing.TB, times int) string {
	tb.Helper()
	if times == 1 {
		return Book(tb, demo.National)
	}
	key := demo.Scale(fmt.Sprintf("%s-%dx", demo.National, times))
	if p := os.Getenv(fmt.Sprintf("CCHC_BENCH_NATIONAL_%dX", times)); p != "" {
		return p
	}
	d := Dir(tb)
	mu.Lock()
	defer mu.Unlock()
	if p := books[key]; p != "" {
		return p
	}
	p := filepath.Join(d, string(key)+".db")
	if _, err := demobook.CreateTimes(context.Background(), p, demo.National, Seed, times); err != nil {
		tb.Fatal(err)
	}
	books[key] = p
	return p
}

// Dir is the temporary folder of the generated books ("" before any),
// where benchmarks may also put their own files.
func Dir(tb testing.TB) string {
	tb.Helper()
	mu.Lock()
	defer mu.Unlock()
	if dir == "" {
		d, err := os.MkdirTemp("", "cchc-bench-")
		if err != nil {
			tb.Fatal(err)
		}
		dir = d
	}
	return dir
}

// Cleanup removes the generated books (and drops the PostgreSQL one);
// call it from TestMain after m.Run.
func Cleanup() {
	mu.Lock()
	defer mu.Unlock()
	for _, drop := range pgDrops {
		drop()
	}
	pgDrops = nil
	if dir != "" {
		os.RemoveAll(dir)
		dir = ""
	}
	books = map[demo.Scale]string{}
}

// PostgresEnv names a PostgreSQL database already holding the national
// book (`cchc copy country.db postgres://…` of a book made with --seed 1).
const PostgresEnv = "CCHC_BENCH_POSTGRES"

var (
	pgOnce  sync.Once
	pgBook  string
	pgErr   error
	pgDrops []func()
)

// Postgres returns the DSN of a PostgreSQL database holding the national
// book, for the benchmarks that run the same work on both engines:
// $CCHC_BENCH_POSTGRES, else a database made on the server of
// $CCHC_TEST_POSTGRES by copying Book's national book into it (about a
// minute), dropped by Cleanup. Without either the benchmark is skipped.
// Benchmarks must not write to it.
func Postgres(tb testing.TB) string {
	tb.Helper()
	if dsn := os.Getenv(PostgresEnv); dsn != "" {
		return dsn
	}
	server := os.Getenv(pgtest.Env)
	if server == "" {
		tb.Skipf("no PostgreSQL book: set %s to a database holding the national book, or %s to a server to copy it to", PostgresEnv, pgtest.Env)
	}
	national := Book(tb, demo.National)
	pgOnce.Do(func() { pgBook, pgErr = copyToPostgres(server, national) })
	if pgErr != nil {
		tb.Fatal(pgErr)
	}
	return pgBook
}

// copyToPostgres makes a new database on server and copies the book at
// path into it, as `cchc copy` does.
func copyToPostgres(server, path string) (string, error) {
	name := fmt.Sprintf("cchc_bench_national_%d", os.Getpid())
	admin, err := sql.Open("pgx", server)
	if err != nil {
		return "", err
	}
	defer admin.Close()
	if _, err := admin.Exec(`CREATE DATABASE ` + name + ` ENCODING 'UTF8' TEMPLATE template0`); err != nil {
		return "", fmt.Errorf("demotest: cannot create a database on the server of %s: %w", pgtest.Env, err)
	}
	mu.Lock()
	pgDrops = append(pgDrops, func() {
		if admin, err := sql.Open("pgx", server); err == nil {
			admin.Exec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`) // best effort: no test is left to fail
			admin.Close()
		}
	})
	mu.Unlock()
	dsn, err := pgtest.WithDatabase(server, name)
	if err != nil {
		return "", err
	}
	src, err := store.Open(path, store.Options{AllowReadOnly: true, MustExist: true})
	if err != nil {
		return "", err
	}
	defer src.Close()
	if _, err := store.Copy(context.Background(), src, dsn, store.Options{}); err != nil {
		return "", fmt.Errorf("demotest: copying the national book to PostgreSQL: %w", err)
	}
	return dsn, nil
}
