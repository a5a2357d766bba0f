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
	makeBook(t, db)
	other := write(t, filepath.Join(dir, "tp.csv"), []byte(goodCSV))
	if code, _, errs := cchc(t, "--db", db, "import", "registrations", other, "--agency", "Sở Tư pháp", "--received", "02/03/2023"); code != 0 {
		t.Fatal(errs)
	}
	code, out, errs := cchc(t, "--db", db, "history")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 2 || !strings.Contains(lines[0], "Chị Lan") || !strings.Contains(lines[0], "Nhập từ tệp: 1 mô hình, 1 văn bản") {
		t.Fatalf("history (%d): %s%s", code, out, errs)
	}
	if out := output(t, "--db", db, "history", "--agency", "tu phap"); strings.Count(out, "\n") != 1 || !strings.HasPrefix(out, "#2 ") {
		t.Fatalf("history --agency tu phap:\n%s", out)
	}
	if out := output(t, "--db", db, "--lang", "en", "history", "--limit", "1"); !strings.Contains(out, "Import from a file") || strings.Count(out, "\n") != 1 {
		t.Fatalf("history --limit 1 --lang en:\n%s", out)
	}
	code, out, _ = cchc(t, "--db", db, "backup")
	if code != 0 || !strings.Contains(out, "Đã sao lưu vào "+filepath.Join(dir, "cchc-backup-")) {
		t.Fatalf("backup: %s", out)
	}
	backup := strings.TrimSpace(strings.TrimPrefix(out, "Đã sao lưu vào "))
	if out := output(t, "--db", backup, "history"); !strings.Contains(out, "Nhập từ tệp") {
		t.Fatalf("the backup has no history:\n%s", out)
	}
	if code, out, _ := cchc(t, "--db", db, "check"); code != 0 || !strings.Contains(out, "ổn") {
		t.Fatalf("check: %d %s", code, out)
	}
	if _, err := os.Stat(backup); err != nil {
		t.Fatal(err)
	}
}

// cchc undo N undoes change #N of the history, once; the numbers it is
// given are checked.
func TestUndoCommand(t *testing.T) {
	eachBackend(t, func(t *testing.T, db string) {
		dir := t.TempDir()
		makeBook(t, db)
		file := write(t, filepath.Join(dir, "tp.csv"), []byte(goodCSV))
		if code, _, errs := cchc(t, "--db", db, "import", "registrations", file, "--agency", "Sở Tư pháp", "--received", "02/03/2023"); code != 0 {
			t.Fatal(errs)
		}
		out := output(t, "--db", db, "history", "--limit", "1")
		number := strings.Fields(out)[0] // "#2"
		code, out, errs := cchc(t, "--db", db, "undo", number)
		if code != 0 || !strings.HasPrefix(out, "Đã hoàn tác thay đổi "+number+": Nhập từ tệp") {
			t.Fatalf("undo %s: %d %s%s", number, code, out, errs)
		}
		if out := output(t, "--db", db, "status", "--format", "json", "--as-of", "30/03/2023"); !strings.Contains(out, `"registrations": 0`) {
			t.Fatalf("the import is still counted:\n%s", out)
		}
		if code, _, errs := cchc(t, "--db", db, "undo", number); code != 1 || !strings.Contains(errs, "đã được hoàn tác rồi") {
			t.Fatalf("undo twice: %d %s", code, errs)
		}
		// undoing the undo names the change the undo had undone, not "#0"
		out = output(t, "--db", db, "history", "--limit", "1")
		undo := strings.Fields(out)[0]
		code, out, errs = cchc(t, "--db", db, "undo", undo)
		if want := "Đã hoàn tác thay đổi " + undo + ": Hoàn tác thay đổi " + number + ": "; code != 0 || !strings.HasPrefix(out, want) {
			t.Fatalf("undo the undo %s: %d %q%s, want %q", undo, code, out, errs, want)
		}
		if code, _, errs := cchc(t, "--db", db, "undo", "-1"); code != 2 || strings.Contains(errs, "--1") || !strings.Contains(errs, `"-1" không phải số thay đổi`) {
			t.Errorf("undo -1: exit %d, %q", code, errs)
		}
		for _, bad := range [][]string{{"undo"}, {"undo", "abc"}, {"undo", "0"}, {"undo", "1", "2"}} {
			if code, _, errs := cchc(t, append([]string{"--db", db}, bad...)...); code != 2 || errs == "" {
				t.Errorf("%v: exit %d, %q", bad, code, errs)
			}
		}
		if code, _, errs := cchc(t, "--db", db, "undo", "999"); code != 1 || !strings.Contains(errs, "Không tìm thấy thay đổi số 999") {
			t.Errorf("undo 999: %d %s", code, errs)
		}
	})
}
