package store

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// leave makes the files a backup killed midway leaves: its hidden
// temporary file and the journal SQLite kept beside it, an hour old.
func leave(t *testing.T, dir string, names ...string) []string {
	t.Helper()
	old := time.Now().Add(-time.Hour)
	var paths []string
	for _, n := range names {
		p := filepath.Join(dir, n)
		if err := os.WriteFile(p, []byte("half a backup"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

func gone(t *testing.T, paths []string) {
	t.Helper()
	for _, p := range paths {
		if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s is still there (%v)", filepath.Base(p), err)
		}
	}
}

// A backup killed midway leaves hidden .tmp and -journal files: the next
// open of the book and the next backup clean them up.
func TestKilledBackupLeftoversAreCleanedUp(t *testing.T) {
	sqliteOnly(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "cchc.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	fatalIf(t, s.Close())
	atOpen := leave(t, dir, ".cchc-backup-2023-04-05.db.2817365.tmp", ".cchc-backup-2023-04-05.db.2817365.tmp-journal",
		".cchc-backup-2023-04-06.db.cchc-55.tmp", ".cchc-backup-2023-04-06.db.cchc-55.tmp-journal")
	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	gone(t, atOpen)

	elsewhere := t.TempDir()
	atBackup := leave(t, elsewhere, ".copy.db.991.tmp", ".copy.db.991.tmp-journal")
	if _, err := s.Backup(t.Context(), filepath.Join(elsewhere, "copy.db")); err != nil {
		t.Fatal(err)
	}
	gone(t, atBackup)
	entries, err := os.ReadDir(elsewhere)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Name() != "copy.db" {
		t.Errorf("in the backup's folder: %v", entries)
	}
}
