package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A URL that is not postgres:// (a typo among them) is refused, in the
// clerk's language, and never taken for a file name: nothing is created.
// No message shows the password the value holds.
func TestDBValueNeverMistakenForAFile(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, db := range []string{"postgress://cchc:s3cret@db/cchc", "mysql://cchc:s3cret@db/cchc", "host=db password=s3cret dbname=cchc"} {
		for _, args := range [][]string{{"status"}, {"--lang", "en", "status"}, {"demo"}, {"history"}} {
			code, out, errs := cchc(t, append([]string{"--db", db}, args...)...)
			if code != exitFailure || out != "" || strings.Contains(errs, "s3cret") ||
				!strings.Contains(errs, "postgres://") || (args[0] == "--lang") != strings.Contains(errs, "nothing was opened") {
				t.Errorf("--db %s %v: exit %d\n%s%s", db, args, code, out, errs)
			}
		}
	}
	t.Setenv("CCHC_DB", "postgress://cchc:s3cret@db/cchc")
	if code, _, errs := cchc(t, "status"); code != exitFailure || !strings.Contains(errs, "postgress://cchc:xxxxx@db/cchc") {
		t.Errorf("CCHC_DB: exit %d: %s", code, errs)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) > 0 {
		t.Errorf("files made: %v", entries)
	}
}

// version names the book the other commands open, password hidden.
func TestVersionNamesTheBook(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cchc.db")
	for db, want := range map[string]string{
		db: "sổ dữ liệu: " + db + "\n",
		"postgres://cchc:s3cret@db.so-noi-vu/cchc?sslmode=verify-full": "sổ dữ liệu: postgres://cchc:xxxxx@db.so-noi-vu/cchc?sslmode=verify-full\n",
	} {
		code, out, errs := cchc(t, "--db", db, "version")
		if code != 0 || !strings.HasPrefix(out, "cchc ") || !strings.HasSuffix(out, want) {
			t.Errorf("--db %s version: exit %d\n%s%s", db, code, out, errs)
		}
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("version created the book")
	}
}
