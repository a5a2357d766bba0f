package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"testing"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/files"
	"cchc/internal/lang"
	"cchc/internal/vndate"
)

// samplePDF starts as a PDF does and holds bytes no text encoding keeps.
var samplePDF = append([]byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), 0, 1, 2, 0xff, 0xfe, '\n')

func historyCount(t *testing.T, s *Store) int {
	t.Helper()
	h, err := s.History(context.Background(), book.HistoryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	return len(h)
}

func TestFilesAreKeptOnceAndComeBackByteForByte(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	c := campaignOf(t, s, 2023)
	reg := recordOne(t, s, c, "Sở Y tế", "Một cửa điện tử")
	letter := registrationOf(t, s, reg).SubmissionID
	a, err := s.Attach(ctx, letter, 0, book.NewFile{Name: "C:\\Văn bản\\..\\Công văn 12\x07.pdf", Content: samplePDF})
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.Attach(ctx, 0, reg, book.NewFile{Name: "quyết định.pdf", Content: samplePDF})
	if err != nil {
		t.Fatal(err)
	}
	if stored, err := s.FilesStored(ctx); err != nil || stored != int64(len(samplePDF)) {
		t.Errorf("stored = %d, %v; want %d: the same content is kept once", stored, err, len(samplePDF))
	}
	list, err := s.Files(ctx, book.FilesQuery{CampaignID: c.ID})
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(samplePDF)
	if len(list) != 2 || list[0].ID != a || list[1].ID != b {
		t.Fatalf("files = %+v", list)
	}
	f := list[0]
	if f.Name != "Công văn 12.pdf" || f.LetterID != letter || f.RegistrationID != 0 || f.Agency != "Sở Y tế" ||
		f.SHA256 != hex.EncodeToString(sum[:]) || f.Size != int64(len(samplePDF)) || f.LetterNumber != "12/SYT" {
		t.Errorf("letter's file = %+v", f)
	}
	if g := list[1]; g.RegistrationID != reg || g.LetterID != 0 || g.Title != "Một cửa điện tử" {
		t.Errorf("registration's file = %+v", g)
	}
	var buf bytes.Buffer
	if _, err := s.FileContent(ctx, b, &buf); err != nil || !bytes.Equal(buf.Bytes(), samplePDF) {
		t.Errorf("content = %q, %v", buf.Bytes(), err)
	}
	if _, err := s.FileContent(ctx, 999, &buf); !errors.Is(err, book.ErrNotFound) {
		t.Errorf("file 999: %v", err)
	}
	if other, err := s.Files(ctx, book.FilesQuery{CampaignID: c.ID, AgencyID: agencyByName(t, s, c, "Sở Tư pháp").ID}); err != nil || len(other) != 0 {
		t.Errorf("another agency's files = %v, %v", other, err)
	}
	if problems, err := s.Check(ctx); err != nil || len(problems) != 0 {
		t.Errorf("check = %v, %v", problems, err)
	}
}

func TestAttachRefusesAndChangesNothing(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	c := campaignOf(t, s, 2023)
	reg := recordOne(t, s, c, "Sở Y tế", "Một cửa điện tử")
	before := historyCount(t, s)
	big := make([]byte, files.MaxSize+1)
	copy(big, "%PDF-")
	for _, tc := range []struct {
		name       string
		letter, rg int64
		f          book.NewFile
		say        string
	}{
		{"a Word file named .pdf", 0, reg, book.NewFile{Name: "cv.pdf", Content: []byte("PK\x03\x04rest")}, "không phải tệp PDF"},
		{"a program named .docx", 0, reg, book.NewFile{Name: "ds.docx", Content: []byte("MZ\x90\x00")}, "không phải tệp DOCX"},
		{"a kind not kept", 0, reg, book.NewFile{Name: "setup.exe", Content: []byte("MZ\x90\x00")}, "chỉ lưu các loại tệp"},
		{"too big", 0, reg, book.NewFile{Name: "to.pdf", Content: big}, "quá giới hạn 25 MB"},
		{"no name", 0, reg, book.NewFile{Name: "\x01/", Content: samplePDF}, "không có tên"},
		{"no such registration", 0, 999, book.NewFile{Name: "a.pdf", Content: samplePDF}, "Không có mô hình số 999"},
		{"no such letter", 999, 0, book.NewFile{Name: "a.pdf", Content: samplePDF}, "Không có văn bản số 999"},
	} {
		_, err := s.Attach(ctx, tc.letter, tc.rg, tc.f)
		if msg := lang.Message(err, lang.VI); err == nil || !strings.Contains(msg, tc.say) {
			t.Errorf("%s: %v, want %q", tc.name, msg, tc.say)
		}
	}
	if n := historyCount(t, s); n != before {
		t.Errorf("history %d → %d", before, n)
	}
	if stored, _ := s.FilesStored(ctx); stored != 0 {
		t.Errorf("stored %d", stored)
	}
}

// A file goes with its registration to the trash and comes back with it;
// an attachment is undone like any change.
func TestFilesFollowTheirRecord(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	c := campaignOf(t, s, 2023)
	reg := recordOne(t, s, c, "Sở Y tế", "Một cửa điện tử")
	letter := registrationOf(t, s, reg).SubmissionID
	if _, err := s.Attach(ctx, letter, 0, book.NewFile{Name: "cv.pdf", Content: samplePDF}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Attach(ctx, 0, reg, book.NewFile{Name: "ds.csv", Content: []byte("STT,Tên\n1,Một\n")}); err != nil {
		t.Fatal(err)
	}
	count := func() int {
		t.Helper()
		l, err := s.Files(ctx, book.FilesQuery{CampaignID: c.ID})
		if err != nil {
			t.Fatal(err)
		}
		return len(l)
	}
	if err := s.DeleteRegistration(ctx, reg, registrationOf(t, s, reg).Version); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 0 {
		t.Fatalf("%d files left after their letter went to the trash", n)
	}
	trash, err := s.Trash(ctx, c.ID)
	if err != nil || len(trash) != 1 {
		t.Fatalf("trash = %v, %v", trash, err)
	}
	if _, err := s.Restore(ctx, trash[0].ItemID); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 2 {
		t.Fatalf("%d files back from the trash, want 2", n)
	}
	// undone: the file goes, its content stays for an undo of the undo
	id, err := s.Attach(ctx, 0, registrationsOf(t, s, c.ID)[0].ID, book.NewFile{Name: "bc.pdf", Content: append([]byte("%PDF-"), 9)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.UndoLast(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := s.FileContent(ctx, id, new(bytes.Buffer)); !errors.Is(err, book.ErrNotFound) {
		t.Errorf("an undone file is still there: %v", err)
	}
	if n := count(); n != 2 {
		t.Errorf("%d files after the undo, want 2", n)
	}
}

func TestCheckFindsADamagedFile(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	c := campaignOf(t, s, 2023)
	reg := recordOne(t, s, c, "Sở Y tế", "Một cửa điện tử")
	id, err := s.Attach(ctx, 0, reg, book.NewFile{Name: "cv.pdf", Content: samplePDF})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.ExecContext(ctx, `UPDATE file_blob SET content = ?`, []byte("%PDF-changed")); err != nil {
		t.Fatal(err)
	}
	problems, err := s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) != 1 || !strings.Contains(problems[0].VI, "Tệp số") || !strings.Contains(problems[0].VI, "cv.pdf") {
		t.Errorf("check = %v (file %d)", problems, id)
	}
}

func TestImportKeepsItsFileWithTheLetter(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	c := campaignOf(t, s, 2023)
	a := agencyByName(t, s, c, "Sở Y tế")
	file := &book.NewFile{Name: "dang-ky.csv", Content: []byte("STT,Tên\n1,Một\n")}
	letters := []book.ImportLetter{{Submission: campaign.Submission{CampaignID: c.ID, AgencyID: a.ID, Received: vndate.Of(2023, 3, 1)},
		Items: []book.ImportItem{{Line: 2, Registration: sampleReg("Một")}}, File: file}}
	if _, err := s.ImportRegistrations(ctx, letters, true); err != nil {
		t.Fatal(err)
	}
	if stored, _ := s.FilesStored(ctx); stored != 0 {
		t.Fatalf("a dry run kept %d bytes", stored)
	}
	out, err := s.ImportRegistrations(ctx, letters, false)
	if err != nil {
		t.Fatal(err)
	}
	list, err := s.Files(ctx, book.FilesQuery{})
	if err != nil || len(list) != 1 || list[0].LetterID != out[0].SubmissionID || list[0].Name != "dang-ky.csv" {
		t.Fatalf("files = %+v, %v", list, err)
	}
	// the same file again adds nothing, and keeps nothing more
	if out, err = s.ImportRegistrations(ctx, letters, false); err != nil || out[0].SubmissionID != 0 {
		t.Fatal(out, err)
	}
	if list, _ = s.Files(ctx, book.FilesQuery{}); len(list) != 1 {
		t.Errorf("files = %+v", list)
	}
}

// A file attached by mistake is taken away in one change that the history
// names and undo reverses; its content stays while anything refers to it.
func TestRemoveFileIsOneChangeUndone(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	c := campaignOf(t, s, 2023)
	reg := recordOne(t, s, c, "Sở Y tế", "Một cửa điện tử")
	letter := registrationOf(t, s, reg).SubmissionID
	kept, err := s.Attach(ctx, letter, 0, book.NewFile{Name: "cv.pdf", Content: samplePDF})
	if err != nil {
		t.Fatal(err)
	}
	wrong, err := s.Attach(ctx, 0, reg, book.NewFile{Name: "nhầm.pdf", Content: samplePDF}) // the same content
	if err != nil {
		t.Fatal(err)
	}
	before := historyCount(t, s)
	f, err := s.RemoveFile(ctx, wrong)
	if err != nil {
		t.Fatal(err)
	}
	if f.ID != wrong || f.Name != "nhầm.pdf" || f.RegistrationID != reg || f.Agency != "Sở Y tế" {
		t.Errorf("removed = %+v", f)
	}
	list, err := s.Files(ctx, book.FilesQuery{CampaignID: c.ID})
	if err != nil || len(list) != 1 || list[0].ID != kept {
		t.Fatalf("files after the remove = %+v, %v", list, err)
	}
	var buf bytes.Buffer
	if _, err := s.FileContent(ctx, kept, &buf); err != nil || !bytes.Equal(buf.Bytes(), samplePDF) {
		t.Errorf("the other file sharing its content: %q, %v", buf.Bytes(), err)
	}
	if stored, err := s.FilesStored(ctx); err != nil || stored != int64(len(samplePDF)) {
		t.Errorf("stored = %d, %v", stored, err)
	}
	h, err := s.History(ctx, book.HistoryQuery{Limit: 1})
	if err != nil || historyCount(t, s) != before+1 {
		t.Fatalf("history = %v, %v", h, err)
	}
	if got := h[0].Summary(lang.VI); got != "Bỏ tệp «nhầm.pdf» của Sở Y tế" {
		t.Errorf("history says %q", got)
	}
	if got := h[0].Summary(lang.EN); got != "Removed file «nhầm.pdf» from Sở Y tế" {
		t.Errorf("history says %q", got)
	}
	// removed again (another clerk was first): told, nothing changed
	if _, err := s.RemoveFile(ctx, wrong); !errors.Is(err, book.ErrNotFound) || !strings.Contains(lang.Message(err, lang.VI), "không còn trong sổ") {
		t.Errorf("removed twice: %v", err)
	}
	if n := historyCount(t, s); n != before+1 {
		t.Errorf("%d changes after a refused remove, want %d", n, before+1)
	}
	// undone by its number, as after reopening the book: back, same content
	if _, err := s.Undo(ctx, h[0].ID); err != nil {
		t.Fatal(err)
	}
	buf.Reset()
	if back, err := s.FileContent(ctx, wrong, &buf); err != nil || !bytes.Equal(buf.Bytes(), samplePDF) || back.RegistrationID != reg || back.Name != "nhầm.pdf" {
		t.Errorf("undone: %+v %q, %v", back, buf.Bytes(), err)
	}
	// removed alone, its content is kept for the undo
	if _, err := s.RemoveFile(ctx, kept); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RemoveFile(ctx, wrong); err != nil {
		t.Fatal(err)
	}
	if stored, err := s.FilesStored(ctx); err != nil || stored != int64(len(samplePDF)) {
		t.Errorf("stored = %d, %v: the content goes while the history refers to it", stored, err)
	}
	if _, err := s.UndoLast(ctx); err != nil {
		t.Fatal(err)
	}
	buf.Reset()
	if _, err := s.FileContent(ctx, wrong, &buf); err != nil || !bytes.Equal(buf.Bytes(), samplePDF) {
		t.Errorf("back after the undo: %q, %v", buf.Bytes(), err)
	}
	if problems, err := s.Check(ctx); err != nil || len(problems) != 0 {
		t.Errorf("check = %v, %v", problems, err)
	}
}
