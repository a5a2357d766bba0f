package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"cchc/internal/tooltest"
)

// readOnlyBook makes a book in dir holding one registration, and a list
// to import in elsewhere; it returns the book and the list.
func readOnlyBook(t *testing.T, dir, elsewhere string) (db, list string) {
	t.Helper()
	t.Setenv("CCHC_TODAY", "25/03/2023")
	db = filepath.Join(dir, "cchc.db")
	list = write(t, filepath.Join(elsewhere, "list.csv"), []byte("Tên mô hình,Loại,Lĩnh vực\nMột cửa số,Mô hình,TTHC\n"))
	output(t, "--db", db, "import", "registrations", list, "--agency", "Sở Y tế", "--received", "20/03/2023")
	return db, list
}

// readOnlyPlaceWorks runs every command that reads on the book db, in a
// place that cannot be written, backing up into elsewhere: they work; a
// write is refused in both languages, and nothing beside the book is made.
func readOnlyPlaceWorks(t *testing.T, db, list, elsewhere string) {
	t.Helper()
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(elsewhere, "backup.db")
	for _, args := range [][]string{
		{"status"},
		{"check"},
		{"history"},
		{"report", "registrations", "--format", "csv"},
		{"backup", backup},
		{"import", "registrations", list, "--agency", "Đức Thọ", "--received", "20/03/2023", "--dry-run"},
	} {
		if code, out, errs := cchc(t, append([]string{"--db", db}, args...)...); code != 0 || out == "" {
			t.Errorf("%v: exit %d\n%s%s", args, code, out, errs)
		}
	}
	if n := registeredBy(t, backup, "Sở Y tế"); n != 1 {
		t.Errorf("the backup holds %d registrations of Sở Y tế, want 1", n)
	}
	for _, c := range []struct{ lang, want string }{
		{"vi", "Tệp dữ liệu " + db + " nằm ở nơi không ghi được (ổ chỉ đọc, USB chống ghi hoặc thư mục không có quyền ghi)"},
		{"en", "The database " + db + " is in a place that cannot be written (a read-only drive, a write-protected USB stick or a folder without write rights)"},
	} {
		for _, args := range [][]string{
			{"agency", "stop", "Sở Y tế"},
			{"import", "registrations", list, "--agency", "Đức Thọ", "--received", "20/03/2023"},
		} {
			code, out, errs := cchc(t, append([]string{"--lang", c.lang, "--db", db}, args...)...)
			if code != exitFailure || out != "" || !strings.Contains(errs, c.want) {
				t.Errorf("%s %v: exit %d\n%s%s", c.lang, args, code, out, errs)
			}
		}
	}
	if after, err := os.ReadFile(db); err != nil || !bytes.Equal(after, before) {
		t.Errorf("the book changed (%v)", err)
	}
	for _, side := range []string{"-wal", "-shm", "-journal"} {
		if _, err := os.Lstat(db + side); err == nil {
			t.Errorf("%s was made beside the book", side)
		}
	}
}

// A book in a folder the clerk may not write (a read-only archive copy)
// is read: SQLite can make no -shm there, so it is opened immutable.
func TestBookInAFolderThatCannotBeWritten(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("folder modes are a Unix matter")
	}
	if tooltest.Unprivileged(t) {
		return // run again as a user who is not root, who ignores file permissions
	}
	dir, elsewhere := t.TempDir(), t.TempDir()
	db, list := readOnlyBook(t, dir, elsewhere)
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	readOnlyPlaceWorks(t, db, list, elsewhere)
}
