package doc

import (
	"archive/zip"
	"bytes"
	"io"
	"testing"
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
