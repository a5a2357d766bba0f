package doc

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"cchc/internal/lang"
	"cchc/internal/tooltest"
)

// handMade is a one-page PDF as another writer might lay it out: the
// catalog first, the page tree not object 1, the trailer naming /Info
// before /Root, and an information string that reads like a reference.
func handMade(title string) []byte {
	objs := []string{
		"<</Type /Catalog /Pages 2 0 R>>",
		"<</Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 200 200]>>",
		"<</Type /Page /Parent 2 0 R /Contents 4 0 R /Resources <<>> >>",
		"<</Length 5>>\nstream\nq Q\n\nendstream",
		"<</Title (" + title + ") /Producer (hand)>>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f\r\n", len(objs)+1)
	for _, o := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n\r\n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Info 5 0 R /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// Parts are read as a PDF reader reads them, not as one writer lays them
// out: parts laid out otherwise than fpdf does are joined, and text that
// looks like a reference ("3 0 R" in the title) is kept as it was.
func TestSpliceReadsPartsAsAPDFReaderDoes(t *testing.T) {
	info := tooltest.Need(t, "check the joined PDF (Debian: poppler-utils)", "pdfinfo")
	const title = "Danh sach 3 0 R va 5 0 R"
	var out bytes.Buffer
	s := newSplicer(&out)
	for range 3 {
		if err := s.add(handMade(title)); err != nil {
			t.Fatal(lang.Message(err, lang.EN))
		}
	}
	if err := s.close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "joined.pdf")
	if err := os.WriteFile(path, out.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd := exec.Command(info, path)
	cmd.Stderr = &stderr
	got, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Fatalf("pdfinfo: %v %s", err, stderr.String())
	}
	if !regexp.MustCompile(`(?m)^Title:\s+` + regexp.QuoteMeta(title) + `$`).Match(got) {
		t.Errorf("the title changed:\n%s", got)
	}
	if !regexp.MustCompile(`(?m)^Pages:\s+3$`).Match(got) {
		t.Errorf("not 3 pages:\n%s", got)
	}
}

// Joining parts as the national list is joined (29 parts of 1,000 pages):
// here three copies of one part of 1,000 pages of text, fpdf's own file.
func BenchmarkSplice(b *testing.B) {
	d := &Document{Title: "t", Lang: "vi"}
	for i := range 37_000 {
		d.Append(Text("Mô hình “Một cửa điện tử” số "+strconv.Itoa(i)+" ở xã Đức Thọ, ghi nhận việc tiếp dân lưu động", Left))
	}
	defer func(n int) { PartPages = n }(PartPages)
	PartPages = 1 << 20 // one part: fpdf's own file
	var part bytes.Buffer
	if err := d.WritePDF(&part); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(3 * int64(part.Len()))
	for b.Loop() {
		s := newSplicer(io.Discard)
		for range 3 {
			if err := s.add(part.Bytes()); err != nil {
				b.Fatal(err)
			}
		}
		if err := s.close(); err != nil {
			b.Fatal(err)
		}
		if len(s.kids) < 3*1000 {
			b.Fatalf("%d pages joined", len(s.kids))
		}
	}
}
