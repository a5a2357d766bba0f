package ui

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"cchc/internal/book"
	"cchc/internal/lang"
)

// registrationNamed finds a registration of the seeded book by its title.
func registrationNamed(t *testing.T, st book.Book, title string) book.RegistrationRow {
	t.Helper()
	ctx := context.Background()
	c, err := st.Campaign(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := st.Registrations(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if r.Title == title {
			return r
		}
	}
	t.Fatalf("no registration %q", title)
	return book.RegistrationRow{}
}

func keptFiles(t *testing.T, st book.Book) []book.FileRow {
	t.Helper()
	list, err := st.Files(context.Background(), book.FilesQuery{})
	if err != nil {
		t.Fatal(err)
	}
	return list
}

// fakeViewer puts an xdg-open on PATH that copies the file it is given to
// the returned path, as a viewer would open it; "" on Windows, which opens
// files through ShellExecute (common.TestOpenFileGivesWindowsTheExactPath).
func fakeViewer(t *testing.T) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		return ""
	}
	dir := t.TempDir()
	seen := filepath.Join(dir, "seen")
	script := "#!/bin/sh\necho \"$1\" > '" + seen + ".path'\ncp \"$1\" '" + seen + "'\n"
	if err := os.WriteFile(filepath.Join(dir, "xdg-open"), []byte(script), 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))
	return seen
}

// The agency's page shows, under its letters' registrations, the files of
// the selected one and of its letter; o opens one with the system's
// viewer, s saves it elsewhere, a attaches another to the letter (tab: to
// the registration) with the checks of cchc attach, undone by u.
func TestAgencyLettersShowTheirFiles(t *testing.T) {
	seen := fakeViewer(t)
	t.Setenv("TMPDIR", t.TempDir())
	st := seeded(t)
	ctx := context.Background()
	reg := registrationNamed(t, st, "Một cửa số")
	letterPDF := []byte("%PDF-1.7\ncông văn 88\n")
	if _, err := st.Attach(ctx, reg.SubmissionID, 0, book.NewFile{Name: "Công văn 88.pdf", Content: letterPDF}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Attach(ctx, 0, reg.ID, book.NewFile{Name: "Báo cáo một cửa số.pdf", Content: []byte("%PDF-1.7\nbáo cáo\n")}); err != nil {
		t.Fatal(err)
	}
	work := t.TempDir()
	t.Chdir(work)
	h := newHarness(t, st, lang.VI, 110, 34)
	h.keys("2", "/", "thanh pho ha tinh", "enter", "enter")
	v := h.view()
	if !strings.Contains(v, "Phường thông minh") || !strings.Contains(v, "Tệp kèm (1)") || !strings.Contains(v, "▸ Công văn 88.pdf (") {
		t.Fatalf("the first registration's letter file is not shown:\n%s", v)
	}
	// the letter's three registrations: on "Một cửa số", its own file too
	for i := 0; i < 3 && !strings.Contains(lineWith(h.view(), "›"), "Một cửa số"); i++ {
		h.keys("down")
	}
	if v = h.view(); !strings.Contains(v, "Tệp kèm (2)") || !strings.Contains(v, "Báo cáo một cửa số.pdf (") {
		t.Fatalf("the registration's own file is not shown:\n%s", v)
	}

	if seen != "" {
		h.keys("o")
		if got, err := os.ReadFile(seen); err != nil || !bytes.Equal(got, letterPDF) {
			t.Fatalf("the viewer got %q, %v\n%s", got, err, h.view())
		}
		opened, err := os.ReadFile(seen + ".path")
		if err != nil {
			t.Fatal(err)
		}
		copyPath := strings.TrimSpace(string(opened))
		if !strings.HasPrefix(copyPath, os.TempDir()) || filepath.Base(copyPath) != "Công văn 88.pdf" {
			t.Errorf("opened %q: want a copy under the file's own name in the temporary folder", copyPath)
		}
	}

	h.keys("s", "enter")
	if got, err := os.ReadFile(filepath.Join(work, "Công văn 88.pdf")); err != nil || !bytes.Equal(got, letterPDF) {
		t.Fatalf("saved %q, %v\n%s", got, err, h.view())
	}

	// a: attach, the path pasted as Windows' "Copy as path" gives it
	decision := filepath.Join(t.TempDir(), "Quyết định 15.pdf")
	if err := os.WriteFile(decision, []byte("%PDF-1.7\nquyết định\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	h.keys("a")
	if v = h.view(); !strings.Contains(v, "Đính kèm vào văn bản 88/UBND-NV") {
		t.Fatalf("a asks nothing:\n%s", v)
	}
	h.keys(`"` + decision + `"`)
	h.keys("enter")
	if v = h.view(); !strings.Contains(oneSpaced(v), "Đã lưu tệp số 3: Quyết định 15.pdf") || !strings.Contains(v, "Tệp kèm (3)") {
		t.Fatalf("not attached:\n%s", v)
	}
	kept := keptFiles(t, st)
	if len(kept) != 3 || kept[2].Name != "Quyết định 15.pdf" || kept[2].LetterID != reg.SubmissionID || kept[2].RegistrationID != 0 {
		t.Fatalf("kept %+v", kept)
	}
	// u takes it back, as it does cchc attach's
	h.keys("u", "y")
	if v = h.view(); len(keptFiles(t, st)) != 2 || !strings.Contains(v, "Tệp kèm (2)") {
		t.Fatalf("undo left %d files:\n%s", len(keptFiles(t, st)), v)
	}

	// tab: to the registration; a Word file named .pdf is refused, in
	// words, and nothing is kept
	fake := filepath.Join(t.TempDir(), "Báo cáo.pdf")
	if err := os.WriteFile(fake, []byte("PK\x03\x04 a docx"), 0o600); err != nil {
		t.Fatal(err)
	}
	h.keys("a", "tab")
	if v = h.view(); !strings.Contains(v, "Đính kèm vào mô hình «Một cửa số»") {
		t.Fatalf("tab did not turn to the registration:\n%s", v)
	}
	h.keys(fake, "enter")
	if v = oneSpaced(h.view()); !strings.Contains(v, "không phải tệp PDF") || len(keptFiles(t, st)) != 2 {
		t.Fatalf("a false PDF was not refused:\n%s", h.view())
	}
	h.keys("ctrl+u", decision, "enter")
	if kept = keptFiles(t, st); len(kept) != 3 || kept[2].RegistrationID != reg.ID || kept[2].LetterID != 0 {
		t.Fatalf("kept %+v\n%s", kept, h.view())
	}
	// esc leaves the question, then the page
	h.keys("a", "esc")
	if v = h.view(); strings.Contains(v, "Đính kèm vào") || !strings.Contains(v, "Thành phố Hà Tĩnh") {
		t.Fatalf("esc:\n%s", v)
	}
}

// A registration's reading view attaches too; in English, a missing file
// and one over the size limit are told, nothing kept.
func TestRegistrationAttachesAFile(t *testing.T) {
	st := seeded(t)
	reg := registrationNamed(t, st, "Khám bệnh không giấy tờ")
	h := newHarness(t, st, lang.EN, 100, 40)
	h.keys("4", "/", "khám", "enter", "enter", "a", "tab")
	if v := h.view(); !strings.Contains(v, "Attach to registration «Khám bệnh không giấy tờ»") {
		t.Fatalf("no question:\n%s", v)
	}
	dir := t.TempDir()
	h.keys(filepath.Join(dir, "none.pdf"), "enter")
	if v := oneSpaced(h.view()); !strings.Contains(v, "There is no file") {
		t.Fatalf("a missing file:\n%s", h.view())
	}
	big := filepath.Join(dir, "big.pdf")
	if err := os.WriteFile(big, append([]byte("%PDF-1.7\n"), make([]byte, 26<<20)...), 0o600); err != nil {
		t.Fatal(err)
	}
	h.keys("ctrl+u", big, "enter")
	if v := oneSpaced(h.view()); !strings.Contains(v, "over the limit of 25 MB") || len(keptFiles(t, st)) != 0 {
		t.Fatalf("a file over 25 MB:\n%s", h.view())
	}
	list := filepath.Join(dir, "Danh sách.csv")
	if err := os.WriteFile(list, []byte("STT,Tên\n1,Khám bệnh\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	h.keys("ctrl+u", list, "enter")
	kept := keptFiles(t, st)
	if len(kept) != 1 || kept[0].RegistrationID != reg.ID || !strings.Contains(h.view(), "Danh sách.csv (") {
		t.Fatalf("kept %+v\n%s", kept, h.view())
	}
}

// A file attached by mistake before cchc was opened (u has nothing of it
// to undo) is removed with r on the agency's page, asked first; the
// history names it and u brings it back, the same bytes.
func TestAgencyPageRemovesAFile(t *testing.T) {
	st := seeded(t)
	ctx := context.Background()
	reg := registrationNamed(t, st, "Một cửa số")
	wrong := []byte("%PDF-1.7\nnhầm\n")
	id, err := st.Attach(ctx, reg.SubmissionID, 0, book.NewFile{Name: "Nhầm.pdf", Content: wrong})
	if err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, st, lang.VI, 80, 24)
	h.keys("2", "/", "thanh pho ha tinh", "enter", "enter")
	if v := h.view(); !strings.Contains(v, "Nhầm.pdf (") {
		t.Fatalf("the file is not shown:\n%s", v)
	}
	h.keys("?")
	if v := h.view(); !strings.Contains(oneSpaced(v), "r bỏ tệp") {
		t.Fatalf("the help does not tell r:\n%s", v)
	}
	h.keys("esc")
	h.keys("r")
	if v := oneSpaced(h.view()); !strings.Contains(v, "Bỏ tệp «Nhầm.pdf» khỏi văn bản 88/UBND-NV?") || len(keptFiles(t, st)) != 1 {
		t.Fatalf("r does not ask first:\n%s", h.view())
	}
	h.keys("y")
	if v := oneSpaced(h.view()); len(keptFiles(t, st)) != 0 || strings.Contains(v, "Nhầm.pdf (") || !strings.Contains(v, "Đã bỏ tệp «Nhầm.pdf»") {
		t.Fatalf("not removed (%d files kept):\n%s", len(keptFiles(t, st)), h.view())
	}
	h.keys("h")
	if v := h.view(); !strings.Contains(v, "Bỏ tệp «Nhầm.pdf» của Thành phố Hà Tĩnh") {
		t.Fatalf("the history does not name it:\n%s", v)
	}
	h.keys("esc", "u", "y")
	var buf bytes.Buffer
	if _, err := st.FileContent(ctx, id, &buf); err != nil || !bytes.Equal(buf.Bytes(), wrong) || !strings.Contains(h.view(), "Nhầm.pdf (") {
		t.Fatalf("u did not bring it back (%q, %v):\n%s", buf.Bytes(), err, h.view())
	}
}

// The reading view removes a registration's own file, in English too.
func TestRegistrationRemovesAFile(t *testing.T) {
	st := seeded(t)
	reg := registrationNamed(t, st, "Khám bệnh không giấy tờ")
	if _, err := st.Attach(context.Background(), 0, reg.ID, book.NewFile{Name: "wrong.pdf", Content: []byte("%PDF-1.7\n")}); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, st, lang.EN, 72, 20)
	h.keys("4", "/", "khám", "enter", "enter")
	if v := h.view(); !strings.Contains(v, "wrong.pdf (") {
		t.Fatalf("no file:\n%s", v)
	}
	h.keys("r")
	if v := oneSpaced(h.view()); !strings.Contains(v, "Remove the file «wrong.pdf» from registration «Khám bệnh không giấy tờ»?") {
		t.Fatalf("r does not ask first:\n%s", h.view())
	}
	h.keys("y")
	if v := h.view(); len(keptFiles(t, st)) != 0 || strings.Contains(v, "wrong.pdf (") {
		t.Fatalf("not removed:\n%s", v)
	}
}

// On the page of an agency with no letter yet, a says why nothing can be
// attached instead of doing nothing.
func TestAgencyWithNoLetterSaysWhyNothingAttaches(t *testing.T) {
	h := newHarness(t, seeded(t), lang.VI, 80, 24)
	h.keys("2", "/", "so ngoai vu", "enter", "enter")
	if v := h.view(); !strings.Contains(v, "Chưa có mô hình, sáng kiến nào") {
		t.Fatalf("not the page of an agency with nothing registered:\n%s", v)
	}
	h.keys("a")
	if v := oneSpaced(h.view()); !strings.Contains(v, "Chưa có văn bản nào để đính kèm tệp") {
		t.Fatalf("a says nothing:\n%s", h.view())
	}
}

// A message of two lines under an agency's page takes its line from the
// list's padding, not from the selected registration's line above it.
func TestAgencyPageKeepsTheSelectedLineUnderALongMessage(t *testing.T) {
	st := seeded(t)
	reg := registrationNamed(t, st, "Chợ không tiền mặt")
	if _, err := st.Attach(context.Background(), 0, reg.ID, book.NewFile{Name: "Báo cáo kết quả thực hiện mô hình.pdf", Content: []byte("%PDF-1.7\nx\n")}); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, st, lang.VI, 80, 24)
	h.keys("2", "/", "thanh pho ha tinh", "enter", "enter", "r", "y")
	v := h.view()
	if !strings.Contains(oneSpaced(v), "Đã bỏ tệp «Báo cáo kết quả thực hiện mô hình.pdf» khỏi mô hình «Chợ không tiền mặt»") {
		t.Fatalf("not the two-line message the test is about:\n%s", v)
	}
	if !strings.Contains(oneSpaced(v), "chủ trì: Thành phố Hà Tĩnh") {
		t.Fatalf("the selected line is cut under the message:\n%s", v)
	}
}
