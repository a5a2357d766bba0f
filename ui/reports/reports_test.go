package reports

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cchc/internal/vndate"
	"cchc/ui/common"
	"cchc/ui/uitest"
)

func show(t *testing.T) (*Model, *uitest.Driver, string) {
	src := uitest.Small(uitest.Row(5, "Khám bệnh không giấy tờ", uitest.Health, "57/SYT-VP", vndate.Of(2023, 3, 22)))
	d := uitest.Data(t, src)
	c := uitest.Context(d)
	c.Folder = t.TempDir()
	m := New(c, src)
	return m, uitest.Show(t, m, d, 100, 30), c.Folder
}

// ctrl+s writes the report chosen, read from the screen's book, into the
// clerk's folder; once more, it asks before writing over it.
func TestReportWrittenFromTheBook(t *testing.T) {
	_, d, dir := show(t)
	d.Keys("ctrl+s")
	note, ok := uitest.Last[common.NoteMsg](d)
	if !ok || !strings.HasPrefix(note.Note, "Đã ghi "+dir) {
		t.Fatalf("the root was sent %v", d.Seen)
	}
	path := strings.TrimPrefix(note.Note, "Đã ghi ")
	got, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(got), "Sở Y tế") {
		t.Fatalf("%s reads (%v):\n%s", path, err, got)
	}
	d.Seen = nil
	d.Keys("ctrl+s")
	if q, ok := uitest.Last[common.ConfirmMsg](d); !ok || q.Question != "Tệp "+filepath.Base(path)+" đã có. Ghi đè?" {
		t.Fatalf("the root was sent %v", d.Seen)
	}
	d.Yes()
	if _, ok := uitest.Last[common.NoteMsg](d); !ok {
		t.Fatalf("the root was sent %v", d.Seen)
	}
}

// ctrl+g writes the campaign's dossier from the same book.
func TestDossierWrittenFromTheBook(t *testing.T) {
	_, d, dir := show(t)
	d.Keys("ctrl+g")
	path := filepath.Join(dir, "HO-SO-2023.zip")
	if note, ok := uitest.Last[common.NoteMsg](d); !ok || note.Note != "Đã ghi "+path {
		t.Fatalf("the root was sent %v", d.Seen)
	}
	if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
		t.Fatalf("the dossier: %v", err)
	}
}

// The file name follows the report chosen unless the clerk changed it:
// keys pressed in it that leave it as it was, or emptying it, do not.
func TestFileNameFollowsTheReportUntilChanged(t *testing.T) {
	m, d, dir := show(t)
	name := func() string { return m.form.Field(fFile).Value() }
	d.Keys("tab", "tab", "tab", "x", "backspace") // into the name and back as it was
	d.Keys("shift+tab", "shift+tab", "shift+tab", "right", "right", "right", "right")
	if want := filepath.Join(dir, "ket-qua-thuc-hien-2023."); !strings.HasPrefix(name(), want) {
		t.Fatalf("the results report is to be written to %q, not %q", name(), want)
	}
	d.Keys("tab", "tab", "tab", "ctrl+u") // emptied
	d.Keys("shift+tab", "shift+tab", "shift+tab", "left", "left")
	if want := filepath.Join(dir, "danh-sach-dang-ky-2023."); !strings.HasPrefix(name(), want) {
		t.Fatalf("an emptied name became %q, not %q", name(), want)
	}
	d.Keys("tab", "tab", "tab", "ctrl+u", "ctrl+s") // emptied, then written: the name suggested
	note, ok := uitest.Last[common.NoteMsg](d)
	if want := "Đã ghi " + filepath.Join(dir, "danh-sach-dang-ky-2023."); !ok || !strings.HasPrefix(note.Note, want) {
		t.Fatalf("the root was sent %#v, not %q\n%s", d.Seen, want, m.View())
	}
	// a name the clerk did change stays (its extension follows the format)
	d.Keys("ctrl+u", "bao-cao.txt", "shift+tab", "shift+tab", "shift+tab", "right")
	if name() != "bao-cao.txt" {
		t.Fatalf("the name typed became %q", name())
	}
}

// The name suggested says the day the report is of when it is not today
// (so that a report of 01/03 never goes over today's), and the question
// before writing over a file names it.
func TestFileNameSaysTheDayAsOf(t *testing.T) {
	m, d, dir := show(t)
	name := func() string { return m.form.Field(fFile).Value() }
	if want := filepath.Join(dir, "tinh-hinh-2023.txt"); name() != want { // as of today
		t.Fatalf("the name suggested is %q, not %q", name(), want)
	}
	d.Keys("tab", "tab", "ctrl+u", "01/03/2023")
	want := filepath.Join(dir, "tinh-hinh-2023-den-01-03-2023.txt")
	if name() != want {
		t.Fatalf("as of 01/03/2023 the name suggested is %q, not %q", name(), want)
	}
	d.Keys("ctrl+s")
	if _, err := os.Stat(want); err != nil {
		t.Fatalf("not written: %v\n%s", err, m.View())
	}
	d.Seen = nil
	d.Keys("ctrl+s")
	if q, ok := uitest.Last[common.ConfirmMsg](d); !ok || q.Question != "Tệp tinh-hinh-2023-den-01-03-2023.txt đã có. Ghi đè?" {
		t.Fatalf("the root was sent %v", d.Seen)
	}
	d.Keys("ctrl+u", "27/03/2023") // today again
	if want := filepath.Join(dir, "tinh-hinh-2023.txt"); name() != want {
		t.Fatalf("as of today again the name suggested is %q, not %q", name(), want)
	}
}
