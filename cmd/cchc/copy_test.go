package main

import (
	"fmt"
	"net/url"
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
// rename undone (the change after the demo's undone by the next) and, when
// another is true, a second rename.
func demoWithHistory(t *testing.T, dir string, another bool) string {
	t.Helper()
	src := filepath.Join(dir, "demo.db")
	if code, _, errs := cchc(t, "demo", "--db", src); code != 0 {
		t.Fatal(errs)
	}
	edits := [][]string{
		{"agency", "rename", "Sở Y tế", "--to", "Sở Y tế tỉnh", "--campaign", "2023"},
		{"undo", fmt.Sprint(lastChange(t, src) + 1)},
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
	// history to copy: a rename, undone, and another
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
	u, err := url.Parse(pg)
	if err != nil {
		t.Fatal(err)
	}
	// named after the database (over a unix socket, no server), not the clerk's own book
	saved := "Đã sao lưu vào " + filepath.Join(cfg, "cchc", "postgres-"+strings.TrimPrefix(u.Path, "/")+"-backup-") // and the day
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
	// new work on the shared book takes new numbers: undo #n is #n's
	n := lastChange(t, pg) + 1
	if code, out, errs := cchc(t, "--db", pg, "agency", "rename", "Sở Tư pháp", "--to", "Sở Tư pháp tỉnh", "--campaign", "2023"); code != 0 {
		t.Fatalf("rename on PostgreSQL: %s%s", out, errs)
	}
	if code, out, errs := cchc(t, "--db", pg, "undo", fmt.Sprint(n)); code != 0 || !strings.Contains(out, fmt.Sprintf("#%d: Đổi tên «Sở Tư pháp» thành «Sở Tư pháp tỉnh»", n)) {
		t.Fatalf("undo on PostgreSQL: exit %d\n%s%s", code, out, errs)
	}
	checked(t, pg)
}

// A target that is there already is refused for what it is, in both
// languages, and left as it was: the book itself, its companions (even
// before SQLite makes them), another book's, a stray write-ahead log, a
// folder, a text file.
func TestCopyNamesWhatIsThere(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "a.db")
	other := filepath.Join(dir, "b.db")
	for _, db := range []string{src, other} {
		if code, _, errs := cchc(t, "--db", db, "campaign", "list"); code != 0 { // makes the book
			t.Fatal(errs)
		}
	}
	text := filepath.Join(dir, "notes.txt")
	stray := filepath.Join(dir, "stray.log")
	folder := filepath.Join(dir, "folder")
	for _, f := range []struct {
		name string
		body []byte
	}{{text, []byte("ghi chú\n")}, {stray, []byte{0x37, 0x7f, 0x06, 0x82, 0, 0, 0, 0}}} {
		if err := os.WriteFile(f.name, f.body, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	cases := []struct{ to, vi, en string }{
		{src, "là chính sổ đang chép (TỪ và SANG là một)", "is the very book being copied (FROM and TO are the same)"},
		{filepath.Join(dir, "folder", "..", "a.db"), "là chính sổ đang chép", "is the very book being copied"},
		{src + "-wal", "là tệp đi kèm của chính sổ đang chép " + src + " (SQLite", "is a companion file of the very book being copied, " + src + " (SQLite"},
		{other + "-shm", "là tệp đi kèm của sổ dữ liệu " + other + " (SQLite", "is a companion file of the book " + other + " (SQLite"},
		{other, "đã là một sổ dữ liệu", "already holds a book"},
		{stray, "là nhật ký ghi (WAL hoặc journal) của một cơ sở dữ liệu SQLite, không phải một sổ", "is the write-ahead log or journal of a SQLite database, not a book"},
		{folder, "là một thư mục, không phải tệp; đặt tên một tệp chưa có trong đó, ví dụ " + filepath.Join(folder, "cchc.db"),
			"is a folder, not a file; name a file that does not exist yet in it, e.g. " + filepath.Join(folder, "cchc.db")},
		{text, "là một tệp đã có, không phải sổ dữ liệu; không chép đè lên", "is an existing file that is not a book; it is not copied over"},
	}
	for _, c := range cases {
		for _, l := range []struct{ lang, want string }{{"vi", c.vi}, {"en", c.en}} {
			code, out, errs := cchc(t, "--lang", l.lang, "copy", src, c.to)
			if code != exitFailure || out != "" || !strings.Contains(errs, l.want) || (strings.Contains(errs, "đã là một sổ") || strings.Contains(errs, "already holds a book")) != (c.to == other) {
				t.Errorf("copy onto %s (%s): exit %d\n%s%s, want …%s…", c.to, l.lang, code, out, errs, l.want)
			}
		}
	}
	if body, err := os.ReadFile(text); err != nil || string(body) != "ghi chú\n" {
		t.Errorf("the text file changed: %q %v", body, err)
	}
	for _, name := range []string{src + "-wal", other + "-shm"} {
		if _, err := os.Lstat(name); err == nil {
			t.Errorf("%s was made", name)
		}
	}
	if entries, err := os.ReadDir(folder); err != nil || len(entries) != 0 {
		t.Errorf("the folder: %v %v", entries, err)
	}
}

// lastChange is the number of the book's latest change in its history.
func lastChange(t *testing.T, db string) int {
	t.Helper()
	var n int
	if _, err := fmt.Sscanf(output(t, "--db", db, "history", "--limit", "1"), "#%d", &n); err != nil || n == 0 {
		t.Fatalf("history of %s: %v", db, err)
	}
	return n
}
