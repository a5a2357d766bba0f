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

// totalsDocument is tables of 1 to 40 rows, each with its total: the
// totals fall at every height of a page, its top too.
func totalsDocument() *doc.Document {
	d := &doc.Document{Title: "Tổng", Lang: "vi", Landscape: true}
	for n := 1; n <= 40; n++ {
		var rows []doc.Row
		for i := 1; i <= n; i++ {
			rows = append(rows, doc.Row{Cells: []string{itoa(i), "Cơ quan " + itoa(i)}})
		}
		rows = append(rows, doc.Row{Cells: []string{"", "Tổng cộng " + itoa(n)}, Total: true})
		d.Blocks = append(d.Blocks, &doc.Table{Columns: []doc.Column{{Title: "STT", Width: 1}, {Title: "Cơ quan, đơn vị", Width: 6}},
			Rows: doc.HeldRows(rows)})
	}
	return d
}

// totalAlone fails when a page's first row, under the repeated header,
// is a total: the rows it sums stayed on the page before.
func totalAlone(t *testing.T, pages []string, what string) {
	t.Helper()
	for i, page := range pages {
		lines := strings.Split(page, "\n")
		for j, l := range lines {
			if !strings.Contains(l, "Cơ quan, đơn vị") {
				continue
			}
			for _, next := range lines[j+1:] {
				if strings.TrimSpace(next) == "" {
					continue
				}
				if strings.HasPrefix(strings.TrimSpace(next), "Tổng cộng") {
					t.Errorf("%s: page %d starts with %q alone", what, i+1, strings.TrimSpace(next))
				}
				break
			}
			break
		}
	}
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

	bandAlone(t, printHTML(t, d), "html printed by Chromium")
}

// printHTML prints the document's html with Chromium and reads its pages
// back.
func printHTML(t *testing.T, d *doc.Document) []string {
	t.Helper()
	chromium := browser(t)
	dir := t.TempDir()
	html := filepath.Join(dir, "d.html")
	var h strings.Builder
	if err := d.WriteHTML(&h); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(html, []byte(h.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	printed := filepath.Join(dir, "d.pdf")
	printPDF(t, chromium, html, printed)
	out, err := exec.Command(needTool(t, "pdftotext"), "-layout", printed, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return strings.Split(string(out), "\f")
}

// A total is never alone at the top of a page: the row above it goes
// over with it (pdf: laid out so; html: break-before: avoid; docx: the
// row above keeps with the next).
func TestTotalKeptWithTheRowAbove(t *testing.T) {
	d := totalsDocument()
	var pdf strings.Builder
	if err := d.WritePDF(&pdf); err != nil {
		t.Fatal(err)
	}
	pages := pdfText(t, []byte(pdf.String()))
	if len(pages) < 10 {
		t.Fatalf("%d pages: the tables should take more", len(pages))
	}
	totalAlone(t, pages, "pdf")

	var docx strings.Builder
	if err := d.WriteDOCX(&docx); err != nil {
		t.Fatal(err)
	}
	rows := strings.Split(docxPart(t, []byte(docx.String()), "word/document.xml"), "<w:tr>")
	for i, row := range rows[1:] {
		if strings.Contains(row, "Tổng cộng") && !strings.Contains(rows[i], "<w:keepNext/>") {
			t.Fatalf("docx: the row above a total does not keep with it: %.200s", rows[i])
		}
	}
	totalAlone(t, printHTML(t, d), "html printed by Chromium")
}
