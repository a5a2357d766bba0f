package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestHistoryBackupAndCheckCommands(t *testing.T) {
	t.Setenv("CCHC_USER", "Chị Lan")
	dir := t.TempDir()
	db := filepath.Join(dir, "cchc.db")
	book(t, db)
	other := write(t, filepath.Join(dir, "tp.csv"), []byte(goodCSV))
	if code, _, errs := cchc(t, "--db", db, "import", "registrations", other, "--agency", "Sở Tư pháp", "--received", "02/03/2023"); code != 0 {
		t.Fatal(errs)
	}
	code, out, errs := cchc(t, "--db", db, "history")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 2 || !strings.Contains(lines[0], "Chị Lan") || !strings.Contains(lines[0], "Nhập từ tệp: 1 mô hình, 1 văn bản") {
		t.Fatalf("history (%d): %s%s", code, out, errs)
	}
	if _, out, _ := cchc(t, "--db", db, "history", "--agency", "tu phap"); strings.Count(out, "\n") != 1 || !strings.HasPrefix(out, "#2 ") {
		t.Fatalf("history --agency tu phap:\n%s", out)
	}
	if _, out, _ := cchc(t, "--db", db, "--lang", "en", "history", "--limit", "1"); !strings.Contains(out, "Import from a file") || strings.Count(out, "\n") != 1 {
		t.Fatalf("history --limit 1 --lang en:\n%s", out)
	}
	code, out, _ = cchc(t, "--db", db, "backup")
	if code != 0 || !strings.Contains(out, "Đã sao lưu vào "+filepath.Join(dir, "cchc-backup-")) {
		t.Fatalf("backup: %s", out)
	}
	backup := strings.TrimSpace(strings.TrimPrefix(out, "Đã sao lưu vào "))
	if _, out, _ := cchc(t, "--db", backup, "history"); !strings.Contains(out, "Nhập từ tệp") {
		t.Fatalf("the backup has no history:\n%s", out)
	}
	if code, out, _ := cchc(t, "--db", db, "check"); code != 0 || !strings.Contains(out, "ổn") {
		t.Fatalf("check: %d %s", code, out)
	}
	if _, err := os.Stat(backup); err != nil {
		t.Fatal(err)
	}
}
