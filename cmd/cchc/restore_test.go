package main

import (
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"cchc/internal/pgtest"
)

// cchc restore BACKUP takes a book back to a backup (saving the book
// before beside it), and fills an empty PostgreSQL database; bad usage
// exits 2, a refused restore 1, and a password is never shown.
func TestRestoreCommand(t *testing.T) {
	t.Setenv("CCHC_USER", "Chị Lan")
	dir := t.TempDir()
	db := filepath.Join(dir, "cchc.db")
	makeBook(t, db)
	backup := filepath.Join(dir, "sao-luu.db")
	if code, _, errs := cchc(t, "--db", db, "backup", backup); code != 0 {
		t.Fatal(errs)
	}
	if code, _, errs := cchc(t, "--db", db, "agency", "rename", "Sở Tư pháp", "--to", "Sở Tư pháp mới"); code != 0 {
		t.Fatal(errs)
	}
	code, out, errs := cchc(t, "--db", db, "restore", backup)
	if code != 0 || !strings.Contains(out, "Đã khôi phục sổ dữ liệu "+db+" từ bản sao lưu "+backup) ||
		!strings.Contains(out, filepath.Join(dir, "cchc-before-restore-")) {
		t.Fatalf("restore (%d): %s%s", code, out, errs)
	}
	if out := output(t, "--db", db, "history", "--limit", "1"); !strings.Contains(out, "Chị Lan") || !strings.Contains(out, "Khôi phục sổ dữ liệu từ bản sao lưu "+backup) {
		t.Fatalf("history:\n%s", out)
	}
	if out := output(t, "--db", db, "agency", "list"); strings.Contains(out, "Sở Tư pháp mới") || !strings.Contains(out, "Sở Tư pháp") {
		t.Fatalf("not the backup's agencies:\n%s", out)
	}
	if code, _, _ := cchc(t, "--db", db, "check"); code != 0 {
		t.Fatal("check after the restore")
	}
	if code, _, errs := cchc(t, "--db", db, "restore"); code != 2 || !strings.Contains(errs, "cchc restore BẢN-SAO-LƯU") {
		t.Fatalf("no backup named: %d %s", code, errs)
	}
	if code, _, errs := cchc(t, "--db", db, "restore", filepath.Join(dir, "khong-co.db")); code != 1 || !strings.Contains(errs, "Không đọc được bản sao lưu") {
		t.Fatalf("a missing backup: %d %s", code, errs)
	}

	t.Run("postgres", func(t *testing.T) {
		dsn := pgtest.Fresh(t)
		u, err := url.Parse(dsn)
		if err != nil {
			t.Fatal(err)
		}
		password, _ := u.User.Password()
		code, out, errs := cchc(t, "--db", dsn, "--lang", "en", "restore", backup)
		if code != 0 || !strings.Contains(out, "Restored the book") || !strings.Contains(out, "from the backup "+backup) {
			t.Fatalf("restore into an empty database (%d): %s%s", code, out, errs)
		}
		if out := output(t, "--db", dsn, "history", "--limit", "1"); !strings.Contains(out, "Khôi phục sổ dữ liệu từ bản sao lưu") {
			t.Fatalf("history:\n%s", out)
		}
		code, out, errs = cchc(t, "--db", dsn, "restore", backup)
		if code != 1 || !strings.Contains(errs, "đã là một sổ dữ liệu") {
			t.Fatalf("restore over a shared book: %d %s", code, errs)
		}
		if password != "" && strings.Contains(out+errs, password) {
			t.Fatal("the password was shown")
		}
	})
}
