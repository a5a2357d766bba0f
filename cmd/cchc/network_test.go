package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// On a network share, commands that write are refused with what to do
// instead, and the status can still be read.
func TestCommandsOnANetworkShare(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	makeBook(t, db)
	before := fingerprint(t, db)
	fsType = func(string) (string, error) { return "cifs", nil }
	t.Cleanup(func() { fsType = nil })
	csv := write(t, filepath.Join(dir, "more.csv"), []byte(goodCSV))
	for _, args := range [][]string{
		importArgs(db, csv),
		{"--db", db, "campaign", "new", "--year", "2024", "--deadline", "29/03/2024"},
		{"--db", db, "undo", "1"},
		{"--db", filepath.Join(dir, "new.db"), "status"},
	} {
		code, _, errs := cchc(t, args...)
		if code != 1 || !strings.Contains(errs, "ổ mạng dùng chung. ") || !strings.Contains(errs, "PostgreSQL") {
			t.Errorf("%v: exit %d, %s", args, code, errs)
		}
	}
	if code, out, errs := cchc(t, "--db", db, "--lang", "en", "status"); code != 0 || !strings.Contains(out, "CAMPAIGN") {
		t.Errorf("reading: exit %d, %s %s", code, out, errs)
	}
	if got := fingerprint(t, db); got != before {
		t.Errorf("the book changed: %s, was %s", got, before)
	}
}
