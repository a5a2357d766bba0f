package safefile_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"cchc/internal/lang"
	"cchc/internal/safefile"
	"cchc/internal/store"
)

func text(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// The open book is recognised by file identity too: a hard link to its
// write-ahead log under an innocent name is refused while it is open.
func TestGuardKnowsTheOpenBook(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "cchc.db")
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, p := range []string{path, path + "-wal", path + "-shm", path + "-journal", filepath.Join(dir, ".", "x", "..", "cchc.db-wal")} {
		if err := safefile.Guard(p); !errors.Is(err, safefile.ErrBook) {
			t.Errorf("%s: %v", p, err)
		}
	}
	if runtime.GOOS != "windows" {
		alias := filepath.Join(dir, "notes.txt")
		if err := os.Link(path+"-wal", alias); err != nil {
			t.Fatal(err)
		}
		err := safefile.WriteFile(alias, true, text("x"))
		if !errors.Is(err, safefile.ErrBook) {
			t.Fatalf("wrote over the book's log through a hard link: %v", err)
		}
		if msg := lang.Message(err, lang.EN); !strings.Contains(msg, "even when told to overwrite") {
			t.Errorf("message %q", msg)
		}
	}
	if err := safefile.Guard(filepath.Join(dir, "report.md")); err != nil {
		t.Errorf("a plain name beside the book: %v", err)
	}
}

// Another program's SQLite file in WAL mode, with an empty main file (a
// book being created), and stray journals are all left alone.
func TestGuardKnowsLiveDatabases(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "new.db")
	wal := []byte{0x37, 0x7f, 0x06, 0x82, 0, 0x2d, 0xe2, 0x18}
	journal := []byte{0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7}
	for name, data := range map[string][]byte{empty: nil, empty + "-wal": wal, filepath.Join(dir, "j"): journal} {
		if err := os.WriteFile(name, data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []string{empty, empty + "-wal", empty + "-shm", filepath.Join(dir, "j")} {
		if err := safefile.WriteFile(p, true, text("x")); !errors.Is(err, safefile.ErrBook) {
			t.Errorf("%s: %v", filepath.Base(p), err)
		}
	}
	if read(t, empty+"-wal") != string(wal) {
		t.Error("the log changed")
	}
}

// A full disk halfway through leaves the old file whole and no temporary
// file behind.
func TestFullDiskLeavesTheOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "mau-dang-ky.xlsx")
	if err := safefile.WriteFile(path, false, text("cũ")); err != nil {
		t.Fatal(err)
	}
	full := func(w io.Writer) error {
		io.WriteString(w, strings.Repeat("x", 1<<17)) // half a file, then the disk is full
		return &os.PathError{Op: "write", Path: path, Err: syscall.ENOSPC}
	}
	if err := safefile.WriteFile(path, true, full); err == nil {
		t.Fatal("a full disk went unnoticed")
	}
	if got := read(t, path); got != "cũ" {
		t.Errorf("the old file was changed: %q", got)
	}
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) != 1 {
		t.Errorf("left behind: %v %v", entries, err)
	}
}

// What a killed write left (its temporary file and the journal, -wal and
// -shm SQLite kept beside it) is removed by the next write in that folder;
// a write in progress elsewhere (even one that touches only its -wal for
// a while), and the clerk's own hidden files, are not touched.
func TestCleanStale(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-time.Hour)
	names := map[string]bool{ // name → removed
		".cchc-backup-2023-04-05.db.cchc-123.tmp":         true,
		".cchc-backup-2023-04-05.db.cchc-123.tmp-journal": true,
		".cchc-backup-2023-04-05.db.4567.tmp":             true, // earlier versions' names
		".cchc-backup-2023-04-05.db.4567.tmp-journal":     true,
		".bao-cao.xlsx.cchc-99.tmp":                       true,
		".copy.db.cchc-77.tmp":                            true, // a killed copy or demo
		".copy.db.cchc-77.tmp-wal":                        true,
		".copy.db.cchc-77.tmp-shm":                        true,
		".lost.db.cchc-78.tmp-wal":                        true,
		".in-progress.db.cchc-5.tmp":                      false, // touched just now
		".long-copy.db.cchc-6.tmp":                        false, // its -wal touched just now
		".long-copy.db.cchc-6.tmp-wal":                    false,
		".notes.tmp":                                      false,
		".notes.tmp-wal":                                  false,
		"x.db.123.tmp":                                    false,
	}
	for name := range names {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
		if name != ".in-progress.db.cchc-5.tmp" && name != ".long-copy.db.cchc-6.tmp-wal" {
			if err := os.Chtimes(p, old, old); err != nil {
				t.Fatal(err)
			}
		}
	}
	safefile.CleanStale(dir)
	for name, removed := range names {
		_, err := os.Stat(filepath.Join(dir, name))
		if gone := errors.Is(err, os.ErrNotExist); gone != removed {
			t.Errorf("%s: removed %v, want %v", name, gone, removed)
		}
	}
}
