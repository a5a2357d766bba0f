package main

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// foreignLog is the write-ahead log of another database as a program
// killed while it had that database open leaves it: many pages, page 1
// (the schema) among them.
func foreignLog(t *testing.T) []byte {
	t.Helper()
	p := filepath.Join(t.TempDir(), "other.db")
	db, err := sql.Open("sqlite", "file:"+filepath.ToSlash(p)+"?_pragma=journal_mode(WAL)&_pragma=wal_autocheckpoint(0)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, q := range []string{
		`CREATE TABLE t(x)`,
		`WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c WHERE i < 400) INSERT INTO t SELECT randomblob(2000) FROM c`,
		`CREATE TABLE agency(id, name)`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	log, err := os.ReadFile(p + "-wal")
	if err != nil || len(log) < 100_000 {
		t.Fatalf("the other database's log: %d bytes, %v", len(log), err)
	}
	return log
}

// Another database's -wal, -shm or -journal left at a name that backup,
// copy, demo or a new book then writes is moved aside (named in the
// message, in both languages, and kept), never replayed into the new file:
// each result opens, passes check, and the log is still there under its
// dated name.
func TestStaleSidecarsAreMovedAside(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	makeBook(t, db)
	log := foreignLog(t)
	for _, c := range []struct {
		name   string
		target string
		args   []string
	}{
		{"backup", "backup.db", []string{"--db", db, "backup"}},
		{"backup, English", "backup-en.db", []string{"--lang", "en", "--db", db, "backup"}},
		{"copy", "copy.db", []string{"copy", db}},
		{"demo", "demo.db", []string{"demo", "--db"}},
		{"new book", "new.db", []string{"check", "--db"}},
	} {
		target := filepath.Join(dir, c.target)
		for _, suffix := range []string{"-wal", "-journal"} {
			if err := os.WriteFile(target+suffix, log, 0o600); err != nil {
				t.Fatal(err)
			}
		}
		code, _, errs := cchc(t, append(c.args, target)...)
		if code != 0 {
			t.Errorf("%s: exit %d: %s", c.name, code, errs)
			continue
		}
		want := "còn tệp nhật ký của một cơ sở dữ liệu khác"
		if strings.Contains(c.name, "English") {
			want = "lay the log files of another database"
		}
		if !strings.Contains(errs, want) || !strings.Contains(errs, target+"-wal.stale-") || !strings.Contains(errs, target+"-journal.stale-") {
			t.Errorf("%s: the clerk was not told what was moved where: %q", c.name, errs)
		}
		if code, out, errs := cchc(t, "--db", target, "check"); code != 0 {
			t.Errorf("%s: the result does not pass check: %s%s", c.name, out, errs)
		}
		kept, err := filepath.Glob(target + "-wal.stale-*")
		if err != nil || len(kept) != 1 || readFile(t, kept[0]) != string(log) {
			t.Errorf("%s: the other database's log was not kept aside: %v %v", c.name, kept, err)
		}
	}
}
