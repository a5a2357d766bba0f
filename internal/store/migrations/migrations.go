// Package migrations is the one schema description both engines migrate
// from: NNNN_name.sql here for SQLite (every book since the first, step by
// step) and postgres/NNNN_name.sql for PostgreSQL, whose first step is the
// whole schema of the version PostgreSQL books start at (0007). A later
// change of the schema is written as both files under the same number (the
// PostgreSQL one a comment when it has nothing to do); the store's
// TestSchemasAgree and TestMigrationsPaired fail until they agree.
package migrations

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
)

//go:embed *.sql postgres/*.sql
var files embed.FS

// Step is one migration: its number, file name and SQL.
type Step struct {
	Version int
	Name    string
	SQL     string
}

// SQLite lists SQLite's steps in order.
func SQLite() []Step { return read(".") }

// PostgreSQL lists PostgreSQL's steps in order.
func PostgreSQL() []Step { return read("postgres") }

func read(dir string) []Step {
	entries, err := fs.ReadDir(files, dir)
	if err != nil {
		panic(err) // embedded at build time
	}
	var out []Step
	for _, e := range entries {
		if e.IsDir() || len(e.Name()) < 4 || e.Name()[len(e.Name())-4:] != ".sql" {
			continue
		}
		var v int
		if _, err := fmt.Sscanf(e.Name(), "%04d_", &v); err != nil {
			panic("migrations: a file without a number: " + e.Name())
		}
		b, err := fs.ReadFile(files, path.Join(dir, e.Name()))
		if err != nil {
			panic(err)
		}
		out = append(out, Step{v, e.Name(), string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	return out
}
