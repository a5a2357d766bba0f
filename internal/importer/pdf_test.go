package importer

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cchc/internal/lang"
	"cchc/internal/vndate"

	"codeberg.org/go-pdf/fpdf"
)

// planRows is a plan's letter and rows, one a line, to compare two files'.
func planRows(t *testing.T, path string) []string {
	t.Helper()
	st, c := newBook(t)
	plan, err := PlanRegistrations(context.Background(), st, c, path, RegistrationOptions{Received: vndate.Of(2023, 3, 27), Today: today})
	if err != nil {
		t.Fatal(err)
	}
	out := []string{fmt.Sprintf("letter %q %s, %d errors: %s", plan.LetterNumber, plan.LetterDate, plan.Errors(), problems(plan.Problems))}
	for _, r := range plan.Rows {
		g := r.Registration
		out = append(out, strings.Join([]string{r.Agency.Name, r.Lead, g.Title, string(g.Kind), string(g.Area), g.Partners, g.Timeline, g.ExpectedResult, g.Note}, "|"))
	}
	return out
}

// A LibreOffice PDF of a Word reply imports the same registrations as the
// Word file, row by row: a commune's (title block in a table, numbering
// row, bands, signature table; its table with borders and without) and a
// department's (the Department's own template filled in, rows running
// onto the next page, the header repeated there), and the xlsx template
// filled in as Calc prints it, titles wrapping over five lines and more;
// and a commune's whose "Lĩnh vực" cells are merged down several rows
// (drawn once, at the top or in the middle): each row gets the area.
func TestPDFImportsLikeItsSource(t *testing.T) {
	for _, name := range []string{"xa-tung-anh.docx", "xa-tung-anh-khong-ke.docx", "xa-thien-loc-o-gop.docx", "so-y-te.docx", "so-tu-phap.xlsx"} {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join("testdata", "pdf")
			want := planRows(t, filepath.Join(dir, name))
			got := planRows(t, filepath.Join(dir, strings.TrimSuffix(name, filepath.Ext(name))+".pdf"))
			if len(want) < 4 || !strings.Contains(want[0], "0 errors") {
				t.Fatalf("the docx itself does not import:\n%s", strings.Join(want, "\n"))
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Fatalf("pdf:\n%s\n\ndocx:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// cchc's own PDFs (fpdf) draw text in a Type0 font, Identity-H, with a
// ToUnicode map: two-byte codes, widths from the CID font's W array.
func TestPDFType0IdentityH(t *testing.T) {
	_, c := newBook(t)
	dir := t.TempDir()
	var b bytes.Buffer
	if err := departmentDocument(c).WritePDF(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b.Bytes(), []byte("/Identity-H")) {
		t.Fatal("the PDF has no Identity-H font: the test tests nothing")
	}
	pdfPath := filepath.Join(dir, "so-y-te.pdf")
	if err := os.WriteFile(pdfPath, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	want := planRows(t, filepath.Join("testdata", "pdf", "so-y-te.docx"))
	if got := planRows(t, pdfPath); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("pdf:\n%s\n\ndocx:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A scan (pictures, no text) and a damaged PDF are refused with what to
// do, in both languages, and nothing is read.
func TestPDFScanAndDamagedAreRefused(t *testing.T) {
	dir := t.TempDir()
	f := fpdf.New("P", "mm", "A4", "")
	f.AddPage()
	f.Rect(20, 20, 170, 250, "F") // what a scanned page holds: no text
	scan := filepath.Join(dir, "scan.pdf")
	if err := f.OutputFileAndClose(scan); err != nil {
		t.Fatal(err)
	}
	_, err := ReadFile(scan)
	if vi, en := lang.Message(err, lang.VI), lang.Message(err, lang.EN); !strings.Contains(vi, "không có chữ") || !strings.Contains(vi, "gõ các mô hình") || !strings.Contains(vi, "tệp Word (.docx)") ||
		!strings.Contains(en, "has no text") || !strings.Contains(en, "type the registrations") {
		t.Fatalf("a scan: %v\n%s\n%s", err, vi, en)
	}
	data, err := os.ReadFile(filepath.Join("testdata", "pdf", "xa-tung-anh.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range map[string][]byte{"cut.pdf": data[:len(data)/2], "noise.pdf": []byte("%PDF-1.7\n\x00\x01garbage")} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := ReadFile(path); !strings.Contains(lang.Message(err, lang.VI), "Không đọc được tệp PDF") || !strings.Contains(lang.Message(err, lang.EN), "Cannot read the PDF") {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// Whatever the bytes, reading a PDF ends with grids or a message, never a
// panic (the library panics on some damaged files).
func FuzzReadPDF(f *testing.F) {
	for _, name := range []string{"xa-tung-anh.pdf", "so-y-te.pdf"} {
		data, err := os.ReadFile(filepath.Join("testdata", "pdf", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data[:min(len(data), 4096)])
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		grids, err := ReadPDF(data)
		if err == nil && len(grids) == 0 {
			t.Fatal("no grid and no error")
		}
		if err != nil && lang.Message(err, lang.VI) == "" {
			t.Fatal("an error with no message")
		}
	})
}
