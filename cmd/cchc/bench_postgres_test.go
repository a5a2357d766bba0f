package main

import (
	"io"
	"testing"

	"cchc/internal/demo"
	"cchc/internal/demo/demotest"
)

// Status on PostgreSQL at national scale within 2× of SQLite's (issue 17;
// figures in docs/performance.md, "PostgreSQL (issue 17)"): the same command on
// the same book, kept in a SQLite file and in a PostgreSQL database (see
// demotest.Postgres), one after the other in the same run.

// onBothEngines runs bench on the national book in SQLite (sub-benchmark
// sqlite), then in PostgreSQL (postgres; skipped without a server).
func onBothEngines(b *testing.B, bench func(b *testing.B, db string)) {
	b.Run("sqlite", func(b *testing.B) { bench(b, demotest.Book(b, demo.National)) })
	b.Run("postgres", func(b *testing.B) { bench(b, demotest.Postgres(b)) })
}

// `cchc status --format json`, the whole process. On PostgreSQL part of
// the work is the server's, on the same machine: MB-peak-rss is cchc's only.
func BenchmarkStatusNational(b *testing.B) {
	onBothEngines(b, func(b *testing.B, db string) {
		runProcess(b, cchcBinary(b), "--db", db, "status", "--format", "json", "--as-of", nationalAsOf)
	})
}

// The same in process: opening the book, reading and judging, the JSON.
func BenchmarkStatusNationalInProcess(b *testing.B) {
	onBothEngines(b, func(b *testing.B, db string) {
		for b.Loop() {
			if code := run([]string{"--db", db, "status", "--format", "json", "--as-of", nationalAsOf}, io.Discard, io.Discard); code != 0 {
				b.Fatal("exit", code)
			}
		}
	})
}
