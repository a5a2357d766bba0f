package main

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestReportCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "cchc.db")

	code, out, errs := cchc(t, "--db", db, "report", "missing", "--as-of", "05/04/2023")
	if code != 0 || !strings.Contains(out, "Huyện Đức Thọ") || !strings.Contains(out, "quá hạn 12 ngày") {
		t.Fatalf("missing: exit %d\n%s%s", code, out, errs)
	}
	// A spreadsheet never goes to the terminal: bad usage, with a hint.
	code, out, errs = cchc(t, "--db", db, "report", "status", "--format", "xlsx")
	if code != exitUsage || out != "" || !strings.Contains(errs, "-o tinh-hinh.xlsx") {
		t.Errorf("xlsx to stdout: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	for _, args := range [][]string{
		{"report"}, {"report", "weekly"}, {"report", "reminder", "--format", "xlsx", "-o", "x.xlsx"},
		{"report", "status", "--format", "pdf"}, {"report", "status", "--as-of", "31/02/2023"},
	} {
		if code, _, errs := cchc(t, append([]string{"--db", db}, args...)...); code != exitUsage || errs == "" {
			t.Errorf("%q: exit %d, stderr %q", args, code, errs)
		}
	}

	path := filepath.Join(dir, "cong-van.html")
	code, _, errs = cchc(t, "--db", db, "report", "reminder", "--as-of", "05/04/2023", "--format", "html", "-o", path)
	if code != 0 || !strings.Contains(errs, path) {
		t.Fatalf("reminder -o: exit %d, %s", code, errs)
	}
	page := readFile(t, path)
	if !strings.Contains(page, "Hà Tĩnh, ngày 05 tháng 4 năm 2023") {
		t.Error("the letter lacks its dated line")
	}
	// An existing file is kept without --force: exit 1, a message, the file unchanged.
	code, _, errs = cchc(t, "--db", db, "report", "status", "--format", "html", "-o", path)
	if code != exitFailure || !strings.Contains(errs, "--force") {
		t.Errorf("overwrite without --force: exit %d, %q", code, errs)
	}
	if readFile(t, path) != page {
		t.Error("the existing file changed")
	}
	code, _, errs = cchc(t, "--db", db, "report", "status", "--format", "html", "-o", path, "--force")
	if code != 0 || !strings.Contains(readFile(t, path), "TÌNH HÌNH ĐĂNG KÝ") {
		t.Errorf("--force: exit %d, %s", code, errs)
	}
	code, out, _ = cchc(t, "--db", db, "--lang", "en", "report", "--help")
	if code != 0 || !strings.Contains(out, "Usage: cchc report KIND") {
		t.Errorf("help: %d %q", code, out)
	}
	code, out, _ = cchc(t, "--db", db, "help", "report")
	if code != 0 || !strings.Contains(out, "Cách dùng: cchc report LOẠI") {
		t.Errorf("help: %d %q", code, out)
	}
}

// --reply-by puts the new deadline into the reminder; a bad day or another
// report is bad usage, a deadline not after the letter is refused.
func TestReportReminderReplyBy(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cchc.db")
	code, out, errs := cchc(t, "--db", db, "report", "reminder", "--as-of", "05/04/2023", "--reply-by", "15/04/2023", "--format", "md")
	if code != 0 || !strings.Contains(out, "gửi về Sở Nội vụ trước ngày 15/04/2023.") {
		t.Fatalf("reminder --reply-by: exit %d\n%s%s", code, out, errs)
	}
	for _, args := range [][]string{
		{"report", "reminder", "--reply-by", "31/04/2023"}, {"report", "status", "--reply-by", "15/04/2023"},
	} {
		if code, _, errs := cchc(t, append([]string{"--db", db}, args...)...); code != exitUsage || errs == "" {
			t.Errorf("%q: exit %d, stderr %q", args, code, errs)
		}
	}
	code, _, errs = cchc(t, "--db", db, "report", "reminder", "--as-of", "05/04/2023", "--reply-by", "01/04/2023")
	if code != exitFailure || !strings.Contains(errs, "phải sau ngày của công văn đôn đốc") {
		t.Errorf("a deadline before the letter: exit %d, %q", code, errs)
	}
}

// A file's extension and its format agree: a PDF is never named .docx (it
// would stand in place of the Word draft), and -o alone says the format.
func TestReportFormatFollowsTheFileName(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "cchc.db")
	draft := filepath.Join(dir, "tinh-hinh.docx")
	if code, _, errs := cchc(t, "--db", db, "report", "status", "-o", draft); code != 0 {
		t.Fatalf("status -o .docx: exit %d, %s", code, errs)
	}
	word := readFile(t, draft)
	if !strings.HasPrefix(word, "PK") {
		t.Fatalf("-o x.docx without --format did not write a Word file: %q…", word[:min(len(word), 20)])
	}
	code, out, errs := cchc(t, "--db", db, "report", "status", "--format", "pdf", "-o", draft, "--force")
	if code != exitUsage || out != "" || !strings.Contains(errs, ".docx") || !strings.Contains(errs, "tinh-hinh.pdf") {
		t.Errorf("--format pdf -o x.docx: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if readFile(t, draft) != word {
		t.Error("the Word draft changed")
	}
	sheet := filepath.Join(dir, "tinh-hinh.xlsx")
	if code, _, errs := cchc(t, "--db", db, "--lang", "en", "report", "status", "-o", sheet); code != 0 || !strings.HasPrefix(readFile(t, sheet), "PK") {
		t.Errorf("-o x.xlsx: exit %d, %s", code, errs)
	}
	if code, _, errs := cchc(t, "--db", db, "--lang", "en", "report", "status", "--format", "csv", "-o", filepath.Join(dir, "a.xlsx")); code != exitUsage || !strings.Contains(errs, "ends in .xlsx but the format is csv") {
		t.Errorf("--format csv -o a.xlsx: exit %d, %s", code, errs)
	}
	// No extension, or one cchc does not write: the format is the clerk's word.
	if code, out, errs := cchc(t, "--db", db, "report", "status", "--format", "md", "-o", filepath.Join(dir, "ghi-chu.txt")); code != 0 {
		t.Errorf("md into .txt: exit %d, %s%s", code, out, errs)
	}
}
