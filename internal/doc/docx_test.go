package doc

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"

	"cchc/internal/lang"
)

// docxBody is the document.xml of d written as docx.
func docxBody(t *testing.T, d *Document) string {
	t.Helper()
	var buf bytes.Buffer
	if err := d.WriteDOCX(&buf); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name != "word/document.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		defer rc.Close()
		b, err := io.ReadAll(rc)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	t.Fatal("no word/document.xml")
	return ""
}

// A docx whose document.xml would pass MaxDOCXBody stops with a message
// naming what to write instead: Word would not open it.
func TestDOCXOverWordsLimit(t *testing.T) {
	defer func(n int64) { MaxDOCXBody = n }(MaxDOCXBody)
	MaxDOCXBody = 50_000
	var rows []Row
	for range 400 {
		rows = append(rows, Row{Cells: []string{"1", "Mô hình một cửa thân thiện"}})
	}
	d := &Document{Blocks: []Block{&Table{Columns: []Column{{Title: "STT"}, {Title: "Tên"}}, Rows: HeldRows(rows)}}}
	err := d.WriteDOCX(io.Discard)
	if err == nil || !strings.Contains(lang.Message(err, lang.VI), "xlsx") || !strings.Contains(lang.Message(err, lang.EN), "Word") {
		t.Fatalf("a document.xml over the limit: %v", err)
	}
	d.Blocks = []Block{&Table{Columns: []Column{{Title: "STT"}, {Title: "Tên"}}, Rows: HeldRows(rows[:10])}}
	if err := d.WriteDOCX(io.Discard); err != nil {
		t.Fatalf("a short one: %v", err)
	}
}
