package main

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// No command writes over a book, however its path is spelled, even with
// --force: not the open book, not its companion files, not another book.
func TestNoCommandWritesOverABook(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	other := filepath.Join(dir, "other.db")
	makeBook(t, db)
	makeBook(t, other)
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o700); err != nil {
		t.Fatal(err)
	}
	targets := map[string]string{
		"the book":             db,
		"spelled ./sub/../":    filepath.Join(dir, "sub", "..", "book.db"),
		"its -wal":             db + "-wal",
		"its -shm":             db + "-shm",
		"its -journal":         db + "-journal",
		"another book":         other,
		"another book's -wal":  other + "-wal",
		"the book, no --force": db,
	}
	if runtime.GOOS != "windows" {
		link := filepath.Join(dir, "link.db")
		if err := os.Symlink(db, link); err != nil {
			t.Fatal(err)
		}
		targets["a symlink to it"] = link
		hard := filepath.Join(dir, "hard.xlsx")
		if err := os.Link(db, hard); err != nil {
			t.Fatal(err)
		}
		targets["a hard link to it"] = hard
	}
	before, otherBefore := fingerprint(t, db), fingerprint(t, other)
	for name, target := range targets {
		force := []string{"--force"}
		if strings.Contains(name, "no --force") {
			force = nil
		}
		for _, args := range [][]string{
			append([]string{"template", "-o", target}, force...),
			append([]string{"template", "--format", "csv", "-o", target}, force...),
			append([]string{"report", "status", "--format", "md", "-o", target}, force...),
			append([]string{"report", "registrations", "--format", "xlsx", "-o", target}, force...),
			{"backup", target},
		} {
			code, _, errs := cchc(t, append([]string{"--db", db}, args...)...)
			if code != 1 || !strings.Contains(errs, "không bao giờ ghi đè lên tệp dữ liệu") && !strings.Contains(errs, "đã có") {
				t.Errorf("%s: %v: exit %d, %s", name, args, code, errs)
			}
		}
	}
	if got := fingerprint(t, db); got != before {
		t.Errorf("the book changed: %s, was %s", got, before)
	}
	if got := fingerprint(t, other); got != otherBefore {
		t.Errorf("the other book changed: %s, was %s", got, otherBefore)
	}
	if code, _, errs := cchc(t, "--db", db, "check"); code != 0 {
		t.Errorf("check after the attempts: %s", errs)
	}
}

// `cchc template` keeps an existing file (an agency's filled-in copy)
// unless --force, and then replaces it whole with a private file.
func TestTemplateKeepsAnExistingFile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	filled := filepath.Join(dir, "mau-dang-ky.xlsx")
	if err := os.WriteFile(filled, []byte("the agency's filled-in list"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs := cchc(t, "--db", db, "template", "-o", filled)
	if code != 1 || !strings.Contains(errs, "đã có") || !strings.Contains(errs, "--force") {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if b, err := os.ReadFile(filled); err != nil || string(b) != "the agency's filled-in list" {
		t.Fatalf("the filled-in list changed: %q %v", b, err)
	}
	if code, _, errs := cchc(t, "--db", db, "template", "-o", filled, "--force"); code != 0 {
		t.Fatalf("--force: exit %d: %s", code, errs)
	}
	fi, err := os.Stat(filled)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
	b, err := os.ReadFile(filled)
	if err != nil || !strings.HasPrefix(string(b), "PK") {
		t.Errorf("not an xlsx: %q %v", b[:min(len(b), 8)], err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}
