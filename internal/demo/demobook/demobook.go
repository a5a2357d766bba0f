// Package demobook makes a demo book (cchc demo --db FILE|postgres://…):
// the generator of package demo, on a book made for it.
package demobook

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"time"

	"cchc/internal/book"
	"cchc/internal/demo"
	"cchc/internal/lang"
	"cchc/internal/location"
	"cchc/internal/safefile"
	"cchc/internal/store"
	"cchc/internal/store/sqlite"
)

// Create makes the book at path and fills it. The file must not exist, be
// empty, or be a book nobody has worked in yet: data a clerk typed is never
// mixed with made-up data. When filling fails, or the demo is killed, no
// new book is left at path (Make).
func Create(ctx context.Context, path string, scale demo.Scale, seed uint64) (demo.Stats, error) {
	return CreateTimes(ctx, path, scale, seed, 1)
}

// CreateTimes is Create with the latest national campaign made times as
// big (see demo.Fill).
func CreateTimes(ctx context.Context, path string, scale demo.Scale, seed uint64, times int) (demo.Stats, error) {
	return Make(ctx, path, scale, seed, times, nil)
}

// Make is CreateTimes that tells aside of the leftover logs of another
// database moved away from a new file's name (store.Options.Aside).
//
// A new file is made whole under a temporary name beside path and put in
// place at the end (safefile.Create), so that a demo killed midway leaves
// no book at path, and the next demo there works. An empty file at path
// is taken for a new one. A book nobody has worked in yet is filled where
// it is, as a PostgreSQL database is.
func Make(ctx context.Context, path string, scale demo.Scale, seed uint64, times int, aside func(*lang.Error)) (demo.Stats, error) {
	fill := func(path string) (demo.Stats, error) {
		return demo.Fill(ctx, func(now func() time.Time) (book.Book, error) {
			st, err := store.Open(path, store.Options{Now: now, Aside: aside})
			if err != nil {
				return nil, err // not a nil *store.Store in a non-nil book.Book
			}
			return st, nil
		}, scale, seed, times)
	}
	if location.IsPostgres(path) {
		stats, err := fill(path)
		if err == nil {
			settle(ctx, path)
		}
		return stats, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return demo.Stats{}, sqlite.BadPath(err, path)
	}
	if !takeEmpty(abs) {
		if _, err := os.Lstat(abs); err == nil {
			return fill(abs)
		}
	}
	moved, err := sqlite.ClearSidecars(abs)
	if note := sqlite.AsideNote(abs, moved); note != nil && aside != nil {
		aside(note)
	}
	if err != nil {
		return demo.Stats{}, err
	}
	var stats demo.Stats
	err = safefile.Create(abs, false, func(tmp string) error {
		stats, err = fill(tmp)
		return err
	})
	switch {
	case errors.Is(err, safefile.ErrExists):
		return demo.Stats{}, book.FileThere(safefile.ErrExists, abs)
	case err != nil:
		return demo.Stats{}, err
	}
	return stats, nil
}

// takeEmpty removes an empty file at path with no log beside it (a new
// file the clerk made for the demo: nothing is lost), so that the demo is
// made as a new file; it reports whether it did.
func takeEmpty(path string) bool {
	fi, err := os.Lstat(path)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != 0 {
		return false
	}
	for _, suffix := range safefile.Companions {
		if _, err := os.Lstat(path + suffix); err == nil {
			return false // another program may be making a database there
		}
	}
	return os.Remove(path) == nil
}

// settle gives a demo made on PostgreSQL its planner's statistics at once,
// as cchc copy does, so that it is as quick from its first command as a
// copied book (a demo writes every row one by one, as a copy does).
func settle(ctx context.Context, path string) {
	st, err := store.Open(path, store.Options{})
	if err != nil {
		return // the demo is whole: the server settles it later
	}
	st.Settle(ctx)
	st.Close()
}
