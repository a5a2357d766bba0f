package store

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cchc/internal/book"
	"cchc/internal/store/sqlite"
)

// bookWithBackup is a book holding "Trước" and, after its backup (returned),
// "Sau".
func bookWithBackup(t *testing.T) (*Store, string) {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "cchc.db"), Options{Now: fixedNow, User: "Lan"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := addOne(t, s, "Trước"); err != nil {
		t.Fatal(err)
	}
	b, err := s.Backup(context.Background(), filepath.Join(t.TempDir(), "sao-luu.db"))
	if err != nil {
		t.Fatal(err)
	}
	if err := addOne(t, s, "Sau"); err != nil {
		t.Fatal(err)
	}
	return s, b
}

func countTitled(t *testing.T, s *Store, title string) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM registration WHERE title = ?`, title).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// The book open (as the TUI has it, with its watch connection) is taken
// back to a backup: the book before is saved beside it, the content is
// the backup's, the history says so (and undo refuses it), and the store
// goes on writing, its own restore not taken for an overwrite.
func TestRestoreBackup(t *testing.T) {
	sqliteOnly(t)
	ctx := context.Background()
	s, backup := bookWithBackup(t)
	if _, err := s.DataVersion(ctx); err != nil { // the watch connection, as in the TUI
		t.Fatal(err)
	}
	before, err := os.Stat(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	r, err := s.RestoreBackup(ctx, backup)
	if err != nil {
		t.Fatal(err)
	}
	if after, err := os.Stat(s.Path()); err != nil || !os.SameFile(before, after) {
		t.Fatalf("the book's file was replaced, not written through SQLite (%v)", err)
	}
	if r.From != backup || !strings.HasPrefix(filepath.Base(r.Saved), "cchc-before-restore-") || filepath.Dir(r.Saved) != filepath.Dir(s.Path()) {
		t.Fatalf("restored = %+v", r)
	}
	if countTitled(t, s, "Trước") != 1 || countTitled(t, s, "Sau") != 0 {
		t.Fatal("the book is not the backup")
	}
	if titled(t, r.Saved, "Sau") != 1 {
		t.Fatal("the book before the restore was not saved")
	}
	changes, err := s.History(ctx, book.HistoryQuery{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := changes[0].BackupRestore(); !ok || got != r || changes[0].Who != "Lan" {
		t.Fatalf("history: %+v", changes[0])
	}
	if _, err := s.Undo(ctx, changes[0].ID); err == nil || !strings.Contains(messageOf(err), r.Saved) || !strings.Contains(messageOf(err), "cchc restore") {
		t.Fatalf("undo of a restore: %v", err)
	}
	if err := s.CheckBook(); err != nil {
		t.Fatalf("its own restore taken for an overwrite: %v", err)
	}
	if err := addOne(t, s, "Sau khi khôi phục"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DataVersion(ctx); err != nil {
		t.Fatal(err)
	}
	problems, err := s.Check(ctx)
	if err != nil || len(problems) > 0 {
		t.Fatalf("check: %v %v", problems, err)
	}
	if err := s.Close(); err != nil || s.SetAside() != "" {
		t.Fatalf("close: %v %q", err, s.SetAside())
	}
	if titled(t, s.Path(), "Sau khi khôi phục") != 1 {
		t.Fatal("the write after the restore is lost")
	}
}

// Another program with the book open (here another store, as a second
// window would): the restore is refused, saying so, before anything is
// written, not even the backup of the book.
func TestRestoreRefusedWhileTheBookIsOpenElsewhere(t *testing.T) {
	sqliteOnly(t)
	ctx := context.Background()
	s, backup := bookWithBackup(t)
	other, err := Open(s.Path(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if countTitled(t, other, "Sau") != 1 {
		t.Fatal("the other window does not see the book")
	}
	_, err = s.RestoreBackup(ctx, backup)
	if err == nil || !strings.Contains(messageOf(err), "đang được mở ở chương trình khác") {
		t.Fatalf("restore while open elsewhere: %v", err)
	}
	if countTitled(t, s, "Sau") != 1 {
		t.Fatal("the book was changed")
	}
	if m, _ := filepath.Glob(filepath.Join(filepath.Dir(s.Path()), "*before-restore*")); len(m) > 0 {
		t.Fatalf("written before refusing: %v", m)
	}
}

// A backup that is damaged, not a cchc book, newer than this program or
// the book itself is refused before anything is written.
func TestRestoreChecksTheBackupFirst(t *testing.T) {
	sqliteOnly(t)
	ctx := context.Background()
	s, backup := bookWithBackup(t)
	data, err := os.ReadFile(backup)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	damaged := filepath.Join(dir, "hong.db")
	bad := append([]byte{}, data...)
	for i := 4096 * 3; i < 4096*4 && i < len(bad); i++ {
		bad[i] = 0x55 // a page of the tables garbled
	}
	newer := filepath.Join(dir, "moi.db")
	foreign := filepath.Join(dir, "khac.db")
	for _, f := range []struct {
		name string
		data []byte
	}{{damaged, bad}, {newer, data}, {foreign, []byte("not a database at all, but long enough to be read as one")}} {
		if err := os.WriteFile(f.name, f.data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	db, err := sql.Open("sqlite", sqlite.DSN(newer, sqlite.ReadWrite))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`PRAGMA user_version = 999`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	for name, want := range map[string]string{damaged: "bị hỏng", newer: "phiên bản cchc mới hơn", foreign: "không phải tệp dữ liệu cchc",
		s.Path(): "chính sổ dữ liệu", filepath.Join(dir, "khong-co.db"): "Không đọc được bản sao lưu"} {
		_, err := s.RestoreBackup(ctx, name)
		if err == nil || !strings.Contains(messageOf(err), want) {
			t.Errorf("%s: %v, want %q", filepath.Base(name), err, want)
		}
	}
	if countTitled(t, s, "Sau") != 1 {
		t.Fatal("the book was changed")
	}
}

// Where there is no book yet (an empty PostgreSQL database, a SQLite file
// not there) the backup fills it, through cchc copy's machinery, with the
// restore in its history; a book there is never filled over.
func TestRestoreIntoWhereNoBookIs(t *testing.T) {
	ctx := context.Background()
	_, backup := bookWithBackup(t)
	target := testBook(t)
	r, counts, err := RestoreInto(ctx, backup, target, Options{Now: fixedNow, User: "Lan"})
	if err != nil {
		t.Fatal(err)
	}
	if r.From != backup || r.Saved != "" || counts["registration"] != 1 {
		t.Fatalf("restored %+v, %v", r, counts)
	}
	s, err := Open(target, Options{MustExist: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if countTitled(t, s, "Trước") != 1 || countTitled(t, s, "Sau") != 0 {
		t.Fatal("the new book is not the backup")
	}
	changes, err := s.History(ctx, book.HistoryQuery{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := changes[0].BackupRestore(); !ok || got != r {
		t.Fatalf("history: %+v", changes[0])
	}
	if _, err := s.RestoreBackup(ctx, backup); onPostgres && (err == nil || !strings.Contains(messageOf(err), "cơ sở dữ liệu trống")) {
		t.Fatalf("a shared book restored in place: %v", err)
	}
	if _, _, err := RestoreInto(ctx, backup, target, Options{Now: fixedNow}); err == nil || !strings.Contains(messageOf(err), "đã là một sổ dữ liệu") {
		t.Fatalf("a book filled over: %v", err)
	}
}
