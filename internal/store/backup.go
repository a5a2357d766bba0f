package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Backup writes a consistent copy of the book to dest, which must not
// exist and is never a book, and returns dest's absolute path: a file's
// by VACUUM INTO (sqlite.Backup), a shared book's as a copy of it in a
// SQLite file.
func (s *Store) Backup(ctx context.Context, dest string) (string, error) {
	return s.eng.Backup(ctx, dest)
}

// backupName is a dated file beside the book: cchc-sao-luu-2023-04-05.db,
// with the time added when that name is taken.
func (s *Store) backupName(tag string) string { return s.datedName(s.eng.BackupPlace(), tag) }

// datedName is a dated file beside place, named after it (Engine.BackupPlace).
func (s *Store) datedName(place, tag string) string {
	dir, base := filepath.Split(place)
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

// DefaultBackupPath is where `cchc backup` writes without a file name.
func (s *Store) DefaultBackupPath() string { return s.backupName("backup") }

// BackedUpToday reports whether a dated backup of today is beside the book
// (the TUI offers one on quit otherwise).
func (s *Store) BackedUpToday() bool {
	dir, base := filepath.Split(s.eng.BackupPlace())
	stem := strings.TrimSuffix(base, filepath.Ext(base))
	m, _ := filepath.Glob(filepath.Join(dir, stem+"-backup-"+s.now().Format("2006-01-02")+"*.db"))
	return len(m) > 0
}

// Changed receives when the server tells of a commit (PostgreSQL); nil on
// SQLite, whose DataVersion is polled.
func (s *Store) Changed() <-chan struct{} { return s.eng.Changed() }

// DataVersion changes whenever another connection (another clerk, or
// another part of this program) commits to the book.
func (s *Store) DataVersion(ctx context.Context) (int64, error) { return s.eng.DataVersion(ctx) }

// RescuePath is where Rescue suggests saving a book that is gone: beside
// where it was, else in the user's home folder.
func (s *Store) RescuePath() string {
	name := s.backupName("rescued")
	if fi, err := os.Stat(filepath.Dir(name)); err == nil && fi.IsDir() {
		return name
	}
	home, err := os.UserHomeDir()
	if err != nil {
		home = "."
	}
	return filepath.Join(home, filepath.Base(name))
}

// Rescue saves the book as this program has it open after its file was
// deleted or replaced, and returns where: to dest, or to the next free
// rescue name when dest was taken meanwhile (Engine.Rescue).
func (s *Store) Rescue(ctx context.Context, dest string) (string, error) {
	return s.eng.Rescue(ctx, dest, s.RescuePath)
}

// Now is the store's clock (tests fix it).
func (s *Store) Now() time.Time { return s.now() }
