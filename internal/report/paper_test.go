package report

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"cchc/internal/campaign"
	"cchc/internal/compliance"
	"cchc/internal/doc"
	"cchc/internal/lang"
	"cchc/internal/vndate"
)

// A group running over pages is named again at the top of each page it
// continues on: in the pdf "I. … (tiếp theo)", in the docx as a header
// row of the group's own table, which Word repeats. (Numbering restarts in
// each group: a page of rows 23–27 said nothing of its group.)
func TestGroupSaidOnEachPage(t *testing.T) {
	fresh := regexp.MustCompile(`(?m)^\s*[IVX]+\. .*\(\d+\)\s*$`)
	for _, l := range []lang.Lang{lang.VI, lang.EN} {
		r := manyRegistrations(150)
		r.Lang = l
		pages := pdfText(t, render(t, r, "pdf"))
		if len(pages) < 4 {
			t.Fatalf("%s: %d pages, want a list over several", l, len(pages))
		}
		cont := l.T("(tiếp theo)", "(continued)")
		for i, p := range pages[1:] {
			if strings.TrimSpace(p) == "" {
				continue
			}
			if !strings.Contains(p, cont) && !fresh.MatchString(p) {
				t.Errorf("%s: page %d names no group:\n%s", l, i+2, p)
			}
		}
		x := docxPart(t, render(t, r, "docx"), "word/document.xml")
		bands := regexp.MustCompile(`<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:tcW w:w="\d+" w:type="dxa"/><w:gridSpan `).FindAllString(x, -1)
		if len(bands) != 3 {
			t.Errorf("%s: %d groups' bands repeat as header rows in the docx, want 3", l, len(bands))
		}
	}
}

// STT is as wide as the largest number of the list, in pdf and docx:
// "41064" once printed as "4106" over "4".
func TestNumberFitsItsColumn(t *testing.T) {
	tab := &doc.Table{Columns: []doc.Column{{Title: "STT", Width: 7, Align: doc.Centre, Least: "41064"}, {Title: "Tên", Width: 134}},
		Rows: doc.HeldRows([]doc.Row{{Cells: []string{"41064", "Mô hình một cửa"}}})}
	d := &doc.Document{Lang: "vi", Landscape: true, Blocks: []doc.Block{tab}}
	var pdf, docx strings.Builder
	if err := d.WritePDF(&pdf); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(pdfText(t, []byte(pdf.String())), ""); !strings.Contains(got, "41064") {
		t.Errorf("the pdf cuts 41064:\n%s", got)
	}
	if err := d.WriteDOCX(&docx); err != nil {
		t.Fatal(err)
	}
	x := docxPart(t, []byte(docx.String()), "word/document.xml")
	m := regexp.MustCompile(`<w:gridCol w:w="(\d+)"/>`).FindStringSubmatch(x)
	need := doc.NewMeasure().Width("41064", true, false, doc.TableSize)*20 + 2*85 // twips
	if m == nil || float64(atoi(m[1])) < need {
		t.Errorf("the docx's STT column is %v twips, 41064 needs %.0f", m, need)
	}
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}

// Printed by Chromium with its default settings, the html's margins hold
// only the page number: no date, title or file address. The line saying
// how to turn a browser's headers off is on the screen only.
func TestBrowserDefaultsPrintNothingInTheMargins(t *testing.T) {
	chromium := browser(t)
	st, _ := openBook(t)
	dir := t.TempDir()
	html, pdf := filepath.Join(dir, "r.html"), filepath.Join(dir, "r.pdf")
	data := render(t, build(t, st, KindStatus, lang.VI), "html")
	if !regexp.MustCompile(`(?s)@media screen \{ \.howto \{ display: block;.*class="howto">Khi in`).Match(data) {
		t.Error("no screen-only line on turning off the browser's headers and footers")
	}
	if err := os.WriteFile(html, data, 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--user-data-dir="+t.TempDir(), "--print-to-pdf="+pdf, "file://"+html).CombinedOutput()
	if err != nil {
		t.Fatalf("chromium: %v\n%s", err, out)
	}
	text, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"file://", "Khi in", " PM", " AM"} {
		if strings.Contains(string(text), bad) {
			t.Errorf("the printout holds %q:\n%s", bad, text)
		}
	}
	for i, p := range strings.Split(string(text), "\f")[1:] {
		if f := strings.Fields(p); len(f) > 0 && f[0] != strconv.Itoa(i+2) {
			t.Errorf("page %d starts with %q, not its number", i+2, f[0])
		}
	}
}

// A docx Word could not open is refused before anything is written, with
// a word on what to write instead; the longest accepted stays under 25 MB
// of document.xml.
func TestDOCXWordCanOpen(t *testing.T) {
	var b strings.Builder
	err := manyRegistrations(MaxDOCXRows+1).Write(&b, "docx")
	if err == nil || !strings.Contains(err.Error(), "xlsx") || b.Len() != 0 {
		t.Fatalf("a list of %d as docx: %v, %d bytes written; want refused, naming xlsx", MaxDOCXRows+1, err, b.Len())
	}
	data := render(t, manyRegistrations(MaxDOCXRows), "docx")
	if n := len(docxPart(t, data, "word/document.xml")); n > 25_000_000 {
		t.Errorf("the longest docx accepted has %d bytes of document.xml, over 25 MB", n)
	}
}

// However long the table of what agencies owe, the letter's last page
// never holds only the closing line and the signature: the closing
// paragraphs go over the page together, and the table's last row with
// them (pdf); in the docx they and the table's last row keep with next.
func TestReminderLastPageNotJustTheSignature(t *testing.T) {
	c := deputyReminder(vndate.Of(2023, 4, 15), vndate.Of(2023, 4, 5)).Campaign
	var agencies []compliance.Agency
	for n := 1; n <= 45; n++ {
		agencies = append(agencies, compliance.Agency{ID: int64(n), Name: "Sở số " + itoa(n), Group: campaign.Department})
		r := Reminder{Campaign: c, Summary: compliance.Judge(c, agencies, nil, vndate.Of(2023, 4, 5)), Lang: lang.VI, ReplyBy: vndate.Of(2023, 4, 15)}
		pages := pdfText(t, render(t, r, "pdf"))
		last := ""
		for i := len(pages) - 1; i >= 0 && strings.TrimSpace(last) == ""; i-- {
			last = pages[i]
		}
		if len(pages) > 1 && !strings.Contains(last, "Sở số ") {
			t.Errorf("%d agencies: the last page holds no row of the table:\n%s", n, last)
		}
		if n == 45 {
			x := docxPart(t, render(t, r, "docx"), "word/document.xml")
			end := x[strings.LastIndex(x, "Sở số 45"):]
			closing := regexp.MustCompile(`<w:p><w:pPr>(<w:keepNext/>)?[^\n]*?quan tâm, phối hợp`).FindStringSubmatch(end)
			if !strings.Contains(end[:strings.Index(end, "</w:tr>")], "<w:keepNext/>") || closing == nil || closing[1] == "" {
				t.Errorf("the docx's last row and closing are not kept with the signer:\n%s", end)
			}
		}
	}
}
