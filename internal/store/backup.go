package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"cchc/internal/book"
	"cchc/internal/store/sqlite"
)

// Backup writes a consistent copy of the book to dest, which must not
// exist and is never a book, and returns dest's absolute path: a file's
// by VACUUM INTO (sqlite.Backup), a shared book's as a copy of it in a
// SQLite file.
func (s *Store) Backup(ctx context.Context, dest string) (string, error) {
	if s.d.Kind() != "sqlite" {
		// a shared book's backup is a SQLite book: a snapshot any PC opens
		abs, err := filepath.Abs(dest)
		if err != nil {
			return "", book.BadBackupPath(err, dest)
		}
		if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
			return "", book.NoBackupFolder(err, filepath.Dir(abs))
		}
		if _, err := Copy(ctx, s, abs, Options{Now: s.now, Aside: s.aside}); err != nil {
			return "", book.BackupFailed(err, abs)
		}
		return abs, nil
	}
	if err := s.CheckBook(); err != nil {
		return "", err // a new connection would read the file there now
	}
	return sqlite.BackupTelling(ctx, s.db, s.path, dest, s.aside)
}

// backupName is a dated file beside the book: cchc-sao-luu-2023-04-05.db,
// with the time added when that name is taken.
func (s *Store) backupName(tag string) string {
	dir, base := s.backupPlace()
	stem := strings.TrimSuffix(base, filepath.Ext(base))
	now := s.now()
	name := filepath.Join(dir, fmt.Sprintf("%s-%s-%s.db", stem, tag, now.Format("2006-01-02")))
	for i := 1; ; i++ {
		if _, err := os.Stat(name); err != nil {
			return name
		}
		name = filepath.Join(dir, fmt.Sprintf("%s-%s-%s-%d.db", stem, tag, now.Format("2006-01-02-150405"), i))
	}
}

// backupPlace is the folder of dated backups and the name they start
// from: the book's own, or for a shared book the clerk's configuration
// folder, where a book of one's own would be, and the shared book's name
// (sharedName), so that its backups are not taken for that book's.
func (s *Store) backupPlace() (dir, base string) {
	if s.d.Kind() != "sqlite" {
		if p, err := DefaultPath(); err == nil {
			dir = filepath.Dir(p)
		}
		return dir, s.shared + ".db" // without a configuration folder, the current one
	}
	return filepath.Split(s.path)
}

// DefaultBackupPath is where `cchc backup` writes without a file name.
func (s *Store) DefaultBackupPath() string { return s.backupName("backup") }

// BackedUpToday reports whether a dated backup of today is beside the book
// (the TUI offers one on quit otherwise).
func (s *Store) BackedUpToday() bool {
	dir, base := s.backupPlace()
	stem := strings.TrimSuffix(base, filepath.Ext(base))
	m, _ := filepath.Glob(filepath.Join(dir, stem+"-backup-"+s.now().Format("2006-01-02")+"*.db"))
	return len(m) > 0
}

// Changed receives when the server tells of a commit (PostgreSQL); nil on
// SQLite, whose DataVersion is polled.
func (s *Store) Changed() <-chan struct{} {
	if s.changes == nil {
		return nil
	}
	return s.changes.Changed()
}

// DataVersion changes whenever another connection (another clerk, or
// another part of this program) commits to the book. It is read on one
// dedicated connection, as SQLite counts per connection.
func (s *Store) DataVersion(ctx context.Context) (int64, error) {
	if s.changes != nil {
		return s.changes.Version(ctx), nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.watch == nil {
		c, err := s.db.Conn(ctx)
		if err != nil {
			return 0, s.explain(err)
		}
		s.watch = c
	}
	return sqlite.DataVersion(ctx, s.watch, s.path)
}

// Now is the store's clock (tests fix it).
func (s *Store) Now() time.Time { return s.now() }
