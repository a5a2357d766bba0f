package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"cchc/internal/lang"

	"codeberg.org/go-pdf/fpdf"
)

// The import screen reads a text PDF as it reads a Word file, and refuses
// a scan, whole, in both languages, with what to do instead.
func TestImportAPDF(t *testing.T) {
	st := seeded(t)
	h := newHarness(t, st, lang.VI, 100, 30)
	reply := filepath.Join("..", "internal", "importer", "testdata", "pdf", "so-y-te.pdf")
	h.keys("2", "i", reply, "ctrl+s")
	if v := h.view(); !strings.Contains(v, "Sẽ thêm 6 mô hình của Sở Y tế; bỏ qua 0 trùng; 0 lỗi") || !strings.Contains(v, "Một cửa điện tử ngành y tế") {
		t.Fatalf("preview:\n%s", v)
	}
	h.keys("ctrl+s")
	if !strings.Contains(h.view(), "Đã thêm 6 mô hình của Sở Y tế") {
		t.Fatalf("after writing:\n%s", h.view())
	}

	scan := filepath.Join(t.TempDir(), "scan.pdf")
	f := fpdf.New("P", "mm", "A4", "")
	f.AddPage()
	f.Rect(20, 20, 170, 250, "F")
	if err := f.OutputFileAndClose(scan); err != nil {
		t.Fatal(err)
	}
	for _, l := range []lang.Lang{lang.VI, lang.EN} {
		h := newHarness(t, seeded(t), l, 72, 20)
		h.keys("2", "i", scan, "ctrl+s")
		want := l.T("hãy đính kèm tệp vào văn bản và gõ các mô hình, sáng kiến vào cchc, hoặc đề nghị cơ quan, đơn vị gửi tệp Word (.docx) hay Excel (.xlsx)",
			"attach it to the letter and type the registrations into cchc, or ask the agency for its Word (.docx) or Excel (.xlsx) file")
		if s := oneSpaced(h.view()); !strings.Contains(s, want) {
			t.Fatalf("%s: a scan:\n%s", l, h.view())
		}
	}
}
