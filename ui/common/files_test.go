package common_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"cchc/internal/book"
	"cchc/ui/common"
	"cchc/ui/uitest"
)

// fileBook is KeptFiles' FileBook: one file kept, and those attached.
type fileBook struct {
	attached []book.NewFile
	to       [][2]int64 // letter, registration
	removed  []int64
}

func (b *fileBook) Attach(_ context.Context, letter, reg int64, f book.NewFile) (int64, error) {
	b.attached, b.to = append(b.attached, f), append(b.to, [2]int64{letter, reg})
	return 8, nil
}
func (b *fileBook) FileContent(_ context.Context, id int64, w io.Writer) (book.FileRow, error) {
	if id != 3 {
		return book.FileRow{}, book.FileNotFound(id)
	}
	_, err := io.WriteString(w, "%PDF-1.7\n")
	return book.FileRow{ID: 3, Name: "57-SYT-VP.pdf"}, err
}
func (b *fileBook) FilesStored(context.Context) (int64, error) { return 4096, nil }
func (b *fileBook) RemoveFile(_ context.Context, id int64) (book.FileRow, error) {
	if id != 3 || len(b.removed) > 0 { // once: then it is gone, as when another clerk was first
		return book.FileRow{}, book.FileGone(id)
	}
	b.removed = append(b.removed, id)
	return book.FileRow{ID: 3, Name: "57-SYT-VP.pdf"}, nil
}

// driveFiles drives v as a screen does: its keys through the book b.
func driveFiles(t *testing.T, c *common.Context, b *fileBook, v *common.KeptFiles) *uitest.Driver {
	return uitest.Drive(t, func(msg tea.Msg) tea.Cmd {
		if k, ok := msg.(tea.KeyMsg); ok {
			_, cmd := v.Key(c, b, k)
			return cmd
		}
		_, cmd := v.Update(c, msg)
		return cmd
	})
}

// A letter's files are saved out and attached to through the screen's
// book: s writes the kept bytes where the clerk says, a (tab: to the
// registration) keeps a file read from disk.
func TestKeptFilesThroughTheScreensBook(t *testing.T) {
	c := uitest.Context(uitest.Data(t, uitest.Small()))
	b := &fileBook{}
	var v common.KeptFiles
	v.Show([]book.FileRow{{ID: 3, Name: "57-SYT-VP.pdf", Size: 9, LetterID: 2}}, 2, "57/SYT-VP", 5, "Khám bệnh không giấy tờ")
	d := driveFiles(t, c, b, &v)
	dir := t.TempDir()
	out := filepath.Join(dir, "ban-sao.pdf")
	d.Keys("s", "ctrl+u", out, "enter")
	if got, err := os.ReadFile(out); err != nil || string(got) != "%PDF-1.7\n" {
		t.Fatalf("saved %q (%v); the root was sent %v", got, err, d.Seen)
	}

	in := filepath.Join(dir, "bao-cao.pdf")
	if err := os.WriteFile(in, []byte("%PDF-1.7\nbáo cáo\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	d.Keys("a", "tab", in, "enter")
	if len(b.attached) != 1 || b.attached[0].Name != "bao-cao.pdf" || b.to[0] != [2]int64{0, 5} {
		t.Fatalf("attached %v to %v:\n%s", b.attached, b.to, strings.Join(v.Lines(c, 100), "\n"))
	}
	if note := d.Changed(); !strings.HasPrefix(note, "Đã lưu tệp số 8: bao-cao.pdf") {
		t.Fatalf("told %q", note)
	}
}

// Saving over a file there asks, in the clerk's words (no command-line
// flag), and writes over it only on yes.
func TestKeptFileSavedOverAsks(t *testing.T) {
	c := uitest.Context(uitest.Data(t, uitest.Small()))
	b := &fileBook{}
	var v common.KeptFiles
	v.Show([]book.FileRow{{ID: 3, Name: "57-SYT-VP.pdf", Size: 9, LetterID: 2}}, 2, "57/SYT-VP", 5, "Khám bệnh không giấy tờ")
	d := driveFiles(t, c, b, &v)
	out := filepath.Join(t.TempDir(), "ban-sao.pdf")
	if err := os.WriteFile(out, []byte("cũ"), 0o600); err != nil {
		t.Fatal(err)
	}
	d.Keys("s", "ctrl+u", out, "enter")
	q, ok := uitest.Last[common.ConfirmMsg](d)
	if !ok || q.Question != "Tệp "+out+" đã có. Ghi đè?" {
		t.Fatalf("the root was sent %v; the screen says %q", d.Seen, strings.Join(v.Lines(c, 100), "\n"))
	}
	if got, _ := os.ReadFile(out); string(got) != "cũ" {
		t.Fatalf("written over before the answer: %q", got)
	}
	d.Yes()
	if got, err := os.ReadFile(out); err != nil || string(got) != "%PDF-1.7\n" {
		t.Fatalf("after yes: %q (%v)", got, err)
	}
}

// r asks, naming the file and its letter, before removing it through the
// screen's book; one already gone is told in words and the list read again.
func TestKeptFileRemovedAsksFirst(t *testing.T) {
	c := uitest.Context(uitest.Data(t, uitest.Small()))
	b := &fileBook{}
	var v common.KeptFiles
	v.Show([]book.FileRow{{ID: 3, Name: "57-SYT-VP.pdf", Size: 9, LetterID: 2, LetterNumber: "57/SYT-VP"}}, 2, "57/SYT-VP", 5, "Khám bệnh không giấy tờ")
	told := false
	for _, k := range v.Keys(c) {
		told = told || k.Help().Key == "r" && k.Help().Desc == "bỏ tệp"
	}
	if !told {
		t.Errorf("the keys do not tell r: %v", v.Keys(c))
	}
	d := driveFiles(t, c, b, &v)
	d.Keys("r")
	q, ok := uitest.Last[common.ConfirmMsg](d)
	if !ok || q.Question != "Bỏ tệp «57-SYT-VP.pdf» khỏi văn bản 57/SYT-VP?" {
		t.Fatalf("the root was sent %v", d.Seen)
	}
	if len(b.removed) != 0 {
		t.Fatal("removed before the answer")
	}
	d.Yes()
	if len(b.removed) != 1 {
		t.Fatalf("not removed; the root was sent %v", d.Seen)
	}
	if note := d.Changed(); note != "Đã bỏ tệp «57-SYT-VP.pdf» khỏi văn bản 57/SYT-VP (u: hoàn tác)" {
		t.Fatalf("told %q", note)
	}
	d.Keys("r")
	d.Yes()
	if _, ok := uitest.Last[common.ReloadMsg](d); !ok {
		t.Errorf("a file gone meanwhile: the list is not read again (%v)", d.Seen)
	}
	if got := strings.Join(v.Lines(c, 200), "\n"); !strings.Contains(got, "Tệp số 3 không còn trong sổ") {
		t.Errorf("a file gone meanwhile is not told:\n%s", got)
	}
}

// A path that was refused is not blamed once the clerk types another:
// the message said of "khong-co.pdf" went as soon as the path changed.
func TestAttachErrorGoesWhenThePathChanges(t *testing.T) {
	c := uitest.Context(uitest.Data(t, uitest.Small()))
	var v common.KeptFiles
	v.Show(nil, 2, "57/SYT-VP", 5, "Khám bệnh không giấy tờ")
	d := driveFiles(t, c, &fileBook{}, &v)
	missing := filepath.Join(t.TempDir(), "khong-co.pdf")
	d.Keys("a", missing, "enter")
	if !strings.Contains(strings.Join(v.Lines(c, 100), "\n"), "khong-co.pdf") {
		t.Fatalf("the missing file is not told:\n%s", strings.Join(v.Lines(c, 100), "\n"))
	}
	d.Keys("ctrl+u", "x")
	if got := strings.Join(v.Lines(c, 100), "\n"); strings.Contains(got, "khong-co.pdf") {
		t.Fatalf("the error of the path before is still shown:\n%s", got)
	}
}

// a with no letter to attach to says so instead of doing nothing.
func TestAttachWithNoLetterSaysWhy(t *testing.T) {
	c := uitest.Context(uitest.Data(t, uitest.Small()))
	var v common.KeptFiles
	v.Show(nil, 0, "", 0, "")
	d := driveFiles(t, c, &fileBook{}, &v)
	d.Keys("a")
	if got := strings.Join(v.Lines(c, 100), "\n"); !strings.Contains(got, "Chưa có văn bản nào để đính kèm tệp") {
		t.Fatalf("a with no letter:\n%q", got)
	}
}
