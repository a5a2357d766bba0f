package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cchc/internal/pgtest"
)

// reports is every report of a book's campaigns in text, csv and json,
// with the history, the campaigns and the agencies: what a copy must
// print byte for byte as its source does.
func reports(t *testing.T, db string) map[string]string {
	t.Helper()
	out := map[string]string{}
	run := func(args ...string) {
		t.Helper()
		code, stdout, stderr := cchc(t, append([]string{"--db", db}, args...)...)
		if code != 0 {
			t.Fatalf("%v on %s: exit %d: %s", args, db, code, stderr)
		}
		out[strings.Join(args, " ")] = stdout
	}
	run("campaign", "list")
	run("history", "--limit", "0")
	run("--lang", "en", "history", "--limit", "0")
	// the first campaign, the last of the old map and the first of the new
	// (internal/store's copy test compares every row of every table)
	for _, year := range []string{"2021", "2023", "2026"} {
		asOf := "15/04/" + year
		for _, f := range []string{"text", "csv", "json"} {
			run("status", "--campaign", year, "--as-of", asOf, "--format", f)
			for _, kind := range []string{"status", "missing", "registrations", "results"} {
				run("report", kind, "--campaign", year, "--as-of", asOf, "--format", f)
			}
			if f != "csv" {
				run("report", "reminder", "--campaign", year, "--as-of", asOf, "--format", f)
			}
		}
		run("agency", "list", "--campaign", year, "--format", "json")
	}
	return out
}

// sameReports fails the test where a book prints otherwise than want,
// the reports of another.
func sameReports(t *testing.T, want map[string]string, db string) {
	t.Helper()
	got := reports(t, db)
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s differs on %s:\n%s\n-- vs --\n%s", k, db, v, got[k])
		}
	}
}

// checked runs cchc check on a book, which must be clean; on a shared
// book it does not speak of a file.
func checked(t *testing.T, db string) {
	t.Helper()
	code, out, errs := cchc(t, "--db", db, "check")
	if code != 0 || !strings.Contains(out, ": ổn (") || strings.Contains(out, "tệp") == strings.HasPrefix(db, "postgres://") {
		t.Errorf("check %s: exit %d\n%s%s", db, code, out, errs)
	}
}

// demoWithHistory makes the province demo in dir with history to copy: a
// rename undone (#10 undone by #11) and, when another is true, a second
// rename.
func demoWithHistory(t *testing.T, dir string, another bool) string {
	t.Helper()
	src := filepath.Join(dir, "demo.db")
	if code, _, errs := cchc(t, "demo", "--db", src); code != 0 {
		t.Fatal(errs)
	}
	edits := [][]string{
		{"agency", "rename", "Sở Y tế", "--to", "Sở Y tế tỉnh", "--campaign", "2023"},
		{"undo", "10"},
	}
	if another {
		edits = append(edits, []string{"agency", "rename", "Sở Tư pháp", "--to", "Sở Tư pháp tỉnh", "--campaign", "2023"})
	}
	for _, args := range edits {
		if code, _, errs := cchc(t, append([]string{"--db", src}, args...)...); code != 0 {
			t.Fatalf("%v: %s", args, errs)
		}
	}
	return src
}

func TestCopyGivesTheSameReports(t *testing.T) {
	t.Setenv("CCHC_TODAY", "01/12/2026")
	dir := t.TempDir()
	// history to copy: a rename, undone (#10 undone by #11), and another
	src := demoWithHistory(t, dir, true)
	dst := filepath.Join(dir, "copy.db")
	code, out, errs := cchc(t, "copy", src, dst)
	if code != 0 || !strings.HasPrefix(out, fmt.Sprintf("Đã chép sổ dữ liệu %s sang %s: 4 đợt đăng ký; ", src, dst)) {
		t.Fatalf("copy: exit %d\n%s%s", code, out, errs)
	}
	sameReports(t, reports(t, src), dst)
	checked(t, src)
	checked(t, dst)
	// never over a book, and the English says so
	code, out, errs = cchc(t, "--lang", "en", "copy", src, dst)
	if code != exitFailure || out != "" || !strings.Contains(errs, "The book was not copied to "+dst) || !strings.Contains(errs, "already holds a book") {
		t.Errorf("copy over a book: exit %d\n%s%s", code, out, errs)
	}
	for _, args := range [][]string{{"copy"}, {"copy", src}, {"copy", src, dst, "third"}} {
		if code, _, errs := cchc(t, args...); code != exitUsage || !strings.Contains(errs, "cchc copy TỪ SANG") {
			t.Errorf("%v: exit %d: %s", args, code, errs)
		}
	}
	if code, _, errs := cchc(t, "copy", filepath.Join(dir, "none.db"), filepath.Join(dir, "x.db")); code != exitFailure || !strings.Contains(errs, "Không có sổ dữ liệu nào ở") {
		t.Errorf("copy of nothing: exit %d: %s", code, errs)
	}
}

// SQLite → PostgreSQL → SQLite: the three books print the same, check
// clean, and the shared one goes on taking work with its ids in step.
func TestCopyRoundTripThroughPostgreSQL(t *testing.T) {
	t.Setenv("CCHC_TODAY", "01/12/2026")
	dir := t.TempDir()
	src := demoWithHistory(t, dir, false)
	pg := pgtest.Fresh(t)
	code, out, errs := cchc(t, "copy", src, pg)
	if code != 0 || !strings.Contains(out, "4 đợt đăng ký; ") || strings.Contains(out, "@/") && !strings.Contains(out, "xxxxx") {
		t.Fatalf("copy to PostgreSQL: exit %d\n%s%s", code, out, errs)
	}
	back := filepath.Join(dir, "back.db")
	if code, out, errs := cchc(t, "copy", pg, back); code != 0 {
		t.Fatalf("copy back: exit %d\n%s%s", code, out, errs)
	}
	// cchc backup of the shared book is a SQLite book too, by default in
	// the clerk's configuration folder
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
	t.Setenv("HOME", dir)
	t.Setenv("AppData", filepath.Join(dir, "config"))
	code, out, errs = cchc(t, "--db", pg, "backup")
	cfg, err := os.UserConfigDir()
	if err != nil {
		t.Fatal(err)
	}
	saved := "Đã sao lưu vào " + filepath.Join(cfg, "cchc", "cchc-backup-") // and the day
	if code != 0 || !strings.HasPrefix(out, saved) || !strings.HasSuffix(out, ".db\n") {
		t.Fatalf("backup of the shared book: exit %d\n%q%s, want %q…", code, out, errs, saved)
	}
	snapshot := strings.TrimSuffix(strings.TrimPrefix(out, "Đã sao lưu vào "), "\n")
	want := reports(t, src)
	for _, db := range []string{pg, back, snapshot} {
		sameReports(t, want, db)
	}
	for _, db := range []string{src, pg, back, snapshot} {
		checked(t, db)
	}
	// a database that holds a book is refused, and left as it was
	before := output(t, "--db", pg, "history", "--limit", "0")
	if code, _, errs := cchc(t, "--lang", "en", "copy", back, pg); code != exitFailure || !strings.Contains(errs, "already holds a book") {
		t.Errorf("copy over the shared book: exit %d: %s", code, errs)
	}
	if after := output(t, "--db", pg, "history", "--limit", "0"); after != before || before == "" {
		t.Errorf("the shared book changed:\n%s\n-- after --\n%s", before, after)
	}
	// new work on the shared book takes new numbers: undo #12 is #12's
	if code, out, errs := cchc(t, "--db", pg, "agency", "rename", "Sở Tư pháp", "--to", "Sở Tư pháp tỉnh", "--campaign", "2023"); code != 0 {
		t.Fatalf("rename on PostgreSQL: %s%s", out, errs)
	}
	if code, out, errs := cchc(t, "--db", pg, "undo", "12"); code != 0 || !strings.Contains(out, "#12: Đổi tên «Sở Tư pháp» thành «Sở Tư pháp tỉnh»") {
		t.Fatalf("undo on PostgreSQL: exit %d\n%s%s", code, out, errs)
	}
	checked(t, pg)
}
