package store

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A shared book's dated backups go to the clerk's configuration folder,
// named after its database (postgres.TestSharedBackupNames), never taken
// for those of the clerk's own book beside them.
func TestSharedBackupNames(t *testing.T) {
	if !onPostgres {
		t.Skip("no PostgreSQL to test with (CCHC_TEST_POSTGRES)")
	}
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	t.Setenv("HOME", dir)
	t.Setenv("AppData", dir)
	cfg, err := os.UserConfigDir()
	if err != nil {
		t.Fatal(err)
	}
	s := openTemp(t)
	u, err := url.Parse(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(cfg, "cchc", "postgres-"+strings.TrimPrefix(u.Path, "/")+"-backup-2023-04-05.db")
	if got := s.DefaultBackupPath(); got != want {
		t.Fatalf("default backup %s, want %s", got, want)
	}
	// the clerk's own book backed up today is not the shared one's backup
	if err := os.MkdirAll(filepath.Dir(want), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(cfg, "cchc", "cchc-backup-2023-04-05.db"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if s.BackedUpToday() {
		t.Fatal("the clerk's own backup taken for the shared book's")
	}
	if got, err := s.Backup(context.Background(), want); err != nil || got != want {
		t.Fatalf("backup: %s %v", got, err)
	}
	if !s.BackedUpToday() {
		t.Fatal("the shared book's backup of today not seen")
	}
}
