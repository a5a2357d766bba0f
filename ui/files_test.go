package ui

import (
	"archive/zip"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cchc/internal/book"
	"cchc/internal/lang"
)

// A registration's reading view lists its files and its letter's; s saves
// the selected one elsewhere, byte for byte, never over a file.
func TestRegistrationFilesAreShownAndSaved(t *testing.T) {
	st := seeded(t)
	ctx := context.Background()
	reg := registrationNamed(t, st, "Khám bệnh không giấy tờ")
	letterPDF := []byte("%PDF-1.7\ncông văn\n")
	planPDF := []byte("%PDF-1.7\nkế hoạch\n")
	if _, err := st.Attach(ctx, reg.SubmissionID, 0, book.NewFile{Name: "Công văn 57.pdf", Content: letterPDF}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Attach(ctx, 0, reg.ID, book.NewFile{Name: "Kế hoạch.pdf", Content: planPDF}); err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	h := newHarness(t, st, lang.VI, 100, 40)
	h.keys("4", "/", "khám", "enter", "enter")
	v := h.view()
	if !strings.Contains(v, "Tệp kèm (2)") || !strings.Contains(v, "▸ Công văn 57.pdf (20 byte, văn bản)") || !strings.Contains(v, "Kế hoạch.pdf (") {
		t.Fatalf("read view:\n%s", v)
	}
	h.keys("f")
	if v = h.view(); !strings.Contains(v, "▸ Kế hoạch.pdf") {
		t.Fatalf("f did not select the next file:\n%s", v)
	}
	h.keys("s")
	if v = h.view(); !strings.Contains(v, "Lưu ra tệp: Kế hoạch.pdf") {
		t.Fatalf("save asks no name:\n%s", v)
	}
	h.keys("enter")
	if got, err := os.ReadFile("Kế hoạch.pdf"); err != nil || !bytes.Equal(got, planPDF) {
		t.Fatalf("saved %q, %v\n%s", got, err, h.view())
	}
	if v = h.view(); !strings.Contains(oneSpaced(v), "Đã lưu tệp ra") {
		t.Errorf("no note:\n%s", v)
	}
	// again: asked before the file there is written over; no keeps it
	h.keys("s", "enter")
	if v = h.view(); !strings.Contains(oneSpaced(v), "đã có. Ghi đè?") || strings.Contains(v, "--force") {
		t.Errorf("overwrote or did not ask:\n%s", v)
	}
	h.keys("n")
	if got, _ := os.ReadFile(filepath.Join(".", "Kế hoạch.pdf")); !bytes.Equal(got, planPDF) {
		t.Error("the file saved first was changed")
	}
	h.keys("esc")
	if v = h.view(); strings.Contains(v, "Lưu ra tệp:") {
		t.Errorf("esc left the question:\n%s", v)
	}
}

// ctrl+g on the report screen writes the campaign's dossier beside the
// reports, asking before it writes over one.
func TestReportsScreenWritesTheDossier(t *testing.T) {
	st := seeded(t)
	dir := t.TempDir()
	t.Chdir(dir)
	h := newHarness(t, st, lang.VI, 100, 30)
	h.keys("6", "ctrl+g")
	path := filepath.Join(dir, "HO-SO-2023.zip")
	if v := h.view(); !strings.Contains(oneSpaced(v), "Đã ghi: "+path) {
		t.Fatalf("not written:\n%s", v)
	}
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	zr.Close()
	if strings.Join(names, " ") != "DANH-SACH-MO-HINH.xlsx BAO-CAO-KET-QUA.docx MUC-LUC.xlsx" {
		t.Errorf("dossier holds %q", names)
	}
	h.keys("ctrl+g")
	if !strings.Contains(h.view(), "Tệp HO-SO-2023.zip đã có. Ghi đè?") {
		t.Fatalf("no overwrite question:\n%s", h.view())
	}
	h.keys("y")
	if v := h.view(); !strings.Contains(oneSpaced(v), "Đã ghi: "+path) {
		t.Fatalf("not written again:\n%s", v)
	}
}
