package report

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"cchc/internal/doc"
)

// bandsDocument is a table of groups of 1 to 30 rows, each under its
// band: the bands fall at every height of a page, its foot too.
func bandsDocument() *doc.Document {
	var rows []doc.Row
	for g := 1; g <= 30; g++ {
		rows = append(rows, doc.Row{Cells: []string{Roman(g) + ". NHÓM " + itoa(g)}, Band: true})
		for i := 1; i <= g; i++ {
			rows = append(rows, doc.Row{Cells: []string{itoa(i), "Cơ quan " + itoa(i) + " của nhóm " + itoa(g)}})
		}
	}
	return &doc.Document{Title: "Nhóm", Lang: "vi", Landscape: true, Blocks: []doc.Block{&doc.Table{
		Columns: []doc.Column{{Title: "STT", Width: 1}, {Title: "Cơ quan, đơn vị", Width: 6}}, Rows: doc.HeldRows(rows)}}}
}

var bandLine = regexp.MustCompile(`^\s*[IVXLC]+\. NHÓM \d+\s*$`)

// bandAlone fails when a page of the printed text ends with a band: its
// group's first row went over the page without it.
func bandAlone(t *testing.T, pages []string, what string) {
	t.Helper()
	checked := 0
	for i, page := range pages {
		var last string
		for _, l := range strings.Split(page, "\n") {
			if s := strings.TrimSpace(l); s != "" && !regexp.MustCompile(`^\d+$`).MatchString(s) {
				last = l
			}
		}
		if last == "" {
			continue
		}
		checked++
		if bandLine.MatchString(last) {
			t.Errorf("%s: page %d ends with the band %q, its first row on the next page", what, i+1, strings.TrimSpace(last))
		}
	}
	if checked < 5 {
		t.Fatalf("%s: %d pages read back, the table should take more", what, checked)
	}
}

// A group's band is never left alone at the foot of a page: on paper it
// goes over with its group's first row (pdf: cchc lays it out; html:
// break-after: avoid, printed by Chromium; docx: keep with next, which
// Word and LibreOffice honour across table rows).
func TestBandKeptWithItsFirstRow(t *testing.T) {
	d := bandsDocument()
	var pdf strings.Builder
	if err := d.WritePDF(&pdf); err != nil {
		t.Fatal(err)
	}
	bandAlone(t, pdfText(t, []byte(pdf.String())), "pdf")

	var docx strings.Builder
	if err := d.WriteDOCX(&docx); err != nil {
		t.Fatal(err)
	}
	body := docxPart(t, []byte(docx.String()), "word/document.xml")
	for _, row := range strings.Split(body, "<w:tr>")[1:] {
		if strings.Contains(row, ". NHÓM ") && !strings.Contains(row, "<w:keepNext/>") {
			t.Fatalf("docx: a band does not keep with the next row: %.200s", row)
		}
	}

	chromium := browser(t)
	dir := t.TempDir()
	html := filepath.Join(dir, "bands.html")
	var h strings.Builder
	if err := d.WriteHTML(&h); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(html, []byte(h.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	printed := filepath.Join(dir, "bands.pdf")
	printPDF(t, chromium, html, printed)
	out, err := exec.Command(needTool(t, "pdftotext"), "-layout", printed, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	bandAlone(t, strings.Split(string(out), "\f"), "html printed by Chromium")
}
