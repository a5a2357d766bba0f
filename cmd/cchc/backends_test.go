package main

import (
	"path/filepath"
	"testing"

	"cchc/internal/pgtest"
)

// eachBackend runs test on a new book of each backend: a SQLite file (in
// a folder still to be made) and an empty PostgreSQL database (pgtest:
// skipped without a server, failed under CI).
func eachBackend(t *testing.T, test func(t *testing.T, db string)) {
	t.Run("sqlite", func(t *testing.T) { test(t, filepath.Join(t.TempDir(), "new", "cchc.db")) })
	t.Run("postgres", func(t *testing.T) { test(t, pgtest.Fresh(t)) })
}
