// Package demobook makes a demo book (cchc demo --db FILE|postgres://…):
// the generator of package demo, on a book made for it.
package demobook

import (
	"context"
	"errors"
	"os"
	"time"

	"cchc/internal/book"
	"cchc/internal/demo"
	"cchc/internal/location"
	"cchc/internal/store"
)

// Create makes the book at path and fills it. The file must not exist, be
// empty, or be a book nobody has worked in yet: data a clerk typed is never
// mixed with made-up data. When filling fails, a file that Create made is
// removed.
func Create(ctx context.Context, path string, scale demo.Scale, seed uint64) (demo.Stats, error) {
	return CreateTimes(ctx, path, scale, seed, 1)
}

// CreateTimes is Create with the latest national campaign made times as
// big (see demo.Fill).
func CreateTimes(ctx context.Context, path string, scale demo.Scale, seed uint64, times int) (demo.Stats, error) {
	_, statErr := os.Stat(path)
	made := errors.Is(statErr, os.ErrNotExist)
	if info, err := os.Stat(path); err == nil && info.Mode().IsRegular() && info.Size() == 0 {
		made = true
	}
	stats, err := demo.Fill(ctx, func(now func() time.Time) (book.Book, error) {
		st, err := store.Open(path, store.Options{Now: now})
		if err != nil {
			return nil, err // not a nil *store.Store in a non-nil book.Book
		}
		return st, nil
	}, scale, seed, times)
	if err == nil && location.IsPostgres(path) {
		settle(ctx, path)
	}
	if err != nil && made && !errors.Is(err, book.ErrNotNew) {
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(path + suffix)
		}
	}
	return stats, err
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
