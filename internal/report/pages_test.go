package report

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"cchc/internal/book"
	"cchc/internal/demo"
	"cchc/internal/demo/demobook"
	"cchc/internal/lang"
	"cchc/internal/store"
	"cchc/internal/tooltest"
	"cchc/internal/vndate"
)

// demoBook is the province demo book (seed 1), as `cchc demo` makes it.
func demoBook(t *testing.T) book.Book {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.db")
	if _, err := demobook.Create(context.Background(), path, demo.Province, 1); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(path, store.Options{AllowReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// demoRegistrations is the demo's list of a year, all of it.
func demoRegistrations(t *testing.T, st book.Book, year int, l lang.Lang) Report {
	t.Helper()
	rep, err := Build(context.Background(), st, Request{Kind: KindRegistrations, Format: "pdf", Year: year, AsOf: vndate.Of(year, 12, 31), Lang: l})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// pageCount is the number of pages of a PDF file, as pdfinfo says.
func pageCount(t *testing.T, path string) int {
	t.Helper()
	out, err := exec.Command(needTool(t, "pdfinfo"), path).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v", path, err)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if f := strings.Fields(line); len(f) == 2 && f[0] == "Pages:" {
			n, err := strconv.Atoi(f[1])
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
	}
	t.Fatalf("pdfinfo gives no page count:\n%s", out)
	return 0
}

// demoPages is the most pages the 2026 demo registrations (185) may take
// on A4 landscape at 12 pt (issue 25: 24 in cchc's pdf, 25 through
// LibreOffice before rows could break across pages).
const demoPages = 18

// The 2026 demo registrations fit in 18 pages of cchc's pdf, in both
// languages, with every word of every cell read back whole.
func TestRegistrationsFitTheirPages(t *testing.T) {
	st := demoBook(t)
	for _, l := range []lang.Lang{lang.VI, lang.EN} {
		rep := demoRegistrations(t, st, 2026, l)
		path := filepath.Join(t.TempDir(), "r.pdf")
		data := render(t, rep, "pdf")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		if n := pageCount(t, path); n > demoPages {
			t.Errorf("%s: the 2026 demo registrations take %d pages, want at most %d", l, n, demoPages)
		}
		// nothing cut: every word of the free text is read back whole
		trim := func(w string) string { return strings.Trim(w, ",.;:()\"") }
		read := map[string]bool{}
		for _, w := range strings.Fields(strings.Join(pdfText(t, data), " ")) {
			read[trim(w)] = true
		}
		var list struct{ Registrations []jsonRegistration }
		if err := json.Unmarshal(render(t, rep, "json"), &list); err != nil {
			t.Fatal(err)
		}
		if len(list.Registrations) != 185 {
			t.Fatalf("%s: %d registrations in the 2026 demo, want 185", l, len(list.Registrations))
		}
		for _, r := range list.Registrations {
			for _, w := range strings.Fields(strings.Join([]string{r.Title, r.Lead, r.Partners, r.Timeline, r.ExpectedResult, r.Note}, " ")) {
				if w = trim(w); w != "" && !read[w] {
					t.Errorf("%s: %q (registration %d) is not read back whole from the pdf", l, w, r.ID)
				}
			}
		}
	}
}

// Through LibreOffice, the docx of the 2026 demo registrations fits in
// 18 pages too, in both languages. LibreOffice is given the fonts cchc
// embeds in its pdf (Liberation Serif 2, the metrics of Times New Roman
// with every Vietnamese letter), as Word on Windows has Times New Roman:
// Debian's fonts-liberation 1.07 lacks "ế" and "ả", which LibreOffice
// then takes from DejaVu Serif, a wider font, and wraps more.
func TestRegistrationsDOCXFitTheirPages(t *testing.T) {
	st := demoBook(t)
	var docs []docxFile
	for _, l := range []lang.Lang{lang.VI, lang.EN} {
		docs = append(docs, docxFile{"r-" + l.String(), render(t, demoRegistrations(t, st, 2026, l), "docx")})
	}
	for i, pdf := range libreOffice(t, docs) {
		if n := pageCount(t, pdf); n > demoPages {
			t.Errorf("%s: LibreOffice lays the 2026 demo registrations out on %d pages, want at most %d", docs[i].name, n, demoPages)
		}
	}
}

type docxFile struct {
	name string
	data []byte
}

// libreOffice lays docx files out as Word would, with cchc's embedded
// fonts (this machine's Liberation Serif may lack Vietnamese letters),
// and gives the paths of the PDFs it prints.
func libreOffice(t *testing.T, docs []docxFile) []string {
	t.Helper()
	soffice := tooltest.Need(t, "lay out the docx reports as Word would (Debian: libreoffice-writer-nogui)", "soffice", "libreoffice")
	fonts, err := filepath.Abs(filepath.Join("..", "doc", "fonts"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	conf := filepath.Join(dir, "fonts.conf")
	if err := os.WriteFile(conf, []byte(`<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>`+
		`<dir>`+fonts+`</dir><cachedir>`+filepath.Join(dir, "cache")+`</cachedir>`+
		`<include ignore_missing="yes">/etc/fonts/conf.d</include></fontconfig>`), 0o600); err != nil {
		t.Fatal(err)
	}
	var files, pdfs []string
	for _, d := range docs {
		path := filepath.Join(dir, d.name+".docx")
		if err := os.WriteFile(path, d.data, 0o600); err != nil {
			t.Fatal(err)
		}
		files, pdfs = append(files, path), append(pdfs, filepath.Join(dir, d.name+".pdf"))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	// a profile of its own: another soffice running would take the files
	cmd := exec.CommandContext(ctx, soffice, append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"),
		"--headless", "--convert-to", "pdf", "--outdir", dir}, files...)...)
	cmd.Env = append(os.Environ(), "FONTCONFIG_FILE="+conf)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	return pdfs
}

// Laid out by LibreOffice, the demo's signed docx (the reminder and the
// results, both languages, 2023 and 2026) never leave the signer alone
// on the last page, nor a page holding nothing but its number (the
// paragraph Word needs after the last table, pushed over a full page).
func TestDOCXSignedPagesInLibreOffice(t *testing.T) {
	st := demoBook(t)
	var docs []docxFile
	for _, kind := range []string{KindReminder, KindResults} {
		for _, l := range []lang.Lang{lang.VI, lang.EN} {
			for _, year := range []int{2023, 2026} {
				req := Request{Kind: kind, Format: "docx", Year: year, AsOf: vndate.Of(year, 12, 31), Lang: l}
				if kind == KindReminder {
					req.AsOf, req.ReplyBy = vndate.Of(year, 4, 5), vndate.Of(year, 4, 15)
				}
				rep, err := Build(context.Background(), st, req)
				if err != nil {
					t.Fatal(err)
				}
				docs = append(docs, docxFile{fmt.Sprintf("%s-%d-%s", kind, year, l), render(t, rep, "docx")})
			}
		}
	}
	row := regexp.MustCompile(`(?m)^\s*[0-9]+\s+\pL|Chưa có\.|None yet\.`)
	text := regexp.MustCompile(`(?m)^\s*\S.*\pL`)
	for i, pdf := range libreOffice(t, docs) {
		data, err := os.ReadFile(pdf)
		if err != nil {
			t.Fatal(err)
		}
		pages := pdfText(t, data)
		pages = pages[:len(pages)-1] // pdftotext ends each page with a form feed
		for n, page := range pages {
			if !text.MatchString(page) {
				t.Errorf("%s: page %d holds nothing but its number", docs[i].name, n+1)
			}
		}
		if last := pages[len(pages)-1]; len(pages) > 1 && !row.MatchString(last) {
			t.Errorf("%s: the signer is alone on the last page:\n%s", docs[i].name, last)
		}
	}
}

// However long the table of a signed report (the results), its last page
// never holds the signer alone: the table's last row goes over the page
// with the signer (pdf); in the docx it is kept with the next.
func TestSignedReportSignerNotAlone(t *testing.T) {
	c := deputyReminder(vndate.Of(2023, 4, 15), vndate.Of(2023, 4, 5)).Campaign
	for n := 1; n <= 40; n++ {
		tab := Table{Columns: []Column{{Title: "STT", Type: NumberCell, Width: 6}, {Title: "Cơ quan, đơn vị", Width: 60}, {Title: "Số mô hình", Type: NumberCell, Width: 12}}}
		for i := 1; i <= n; i++ {
			tab.Add(itoa(i), "Đơn vị số "+itoa(i), itoa(i%3))
		}
		s := Sheet{Name: "Kết quả", Head: letterhead(c, lang.VI), Title: "Kết quả thực hiện", Tables: []Table{tab},
			Notes: []string{"Ghi chú dưới bảng."}, PlaceDate: "Hà Tĩnh, ngày 31 tháng 12 năm 2023", Signer: signerOf(c, []string{"Như trên"})}
		var b strings.Builder
		if err := s.Document().WritePDF(&b); err != nil {
			t.Fatal(err)
		}
		pages := pdfText(t, []byte(b.String()))
		last := ""
		for i := len(pages) - 1; i >= 0 && strings.TrimSpace(last) == ""; i-- {
			last = pages[i]
		}
		if len(pages) > 1 && strings.Contains(last, "PHÓ GIÁM ĐỐC") && !strings.Contains(last, "Đơn vị số ") {
			t.Errorf("%d rows: the signer is alone on the last page:\n%s", n, last)
		}
		if n == 40 {
			var d strings.Builder
			if err := s.Document().WriteDOCX(&d); err != nil {
				t.Fatal(err)
			}
			x := docxPart(t, []byte(d.String()), "word/document.xml")
			end := x[strings.LastIndex(x, "Đơn vị số 40"):]
			if !strings.Contains(end[:strings.Index(end, "</w:tr>")], "<w:keepNext/>") {
				t.Errorf("the docx's last row is not kept with the signer:\n%s", end)
			}
		}
	}
}

// Printed from a browser, a group's heading is said again at the top of
// each page it runs onto: each group is a table of its own whose <thead>
// (which a browser repeats on every page) holds the columns' titles and
// the group's band.
func TestHTMLGroupHeadRepeats(t *testing.T) {
	x := string(render(t, manyRegistrations(150), "html"))
	heads := regexp.MustCompile(`(?s)<thead>(.*?)</thead>`).FindAllStringSubmatch(x, -1)
	bands := strings.Count(x, `<tr class="band">`)
	if bands != 3 || len(heads) != bands {
		t.Fatalf("%d bands and %d table heads, want 3 groups each in the head of its table:\n%.3000s", bands, len(heads), x)
	}
	for i, h := range heads {
		if !regexp.MustCompile(`^<tr><th>STT</th>.*</tr><tr class="band"><td colspan="9">` + Roman(i+1) + `\. `).MatchString(h[1]) {
			t.Errorf("table %d's head is not the columns' titles over its group's band: %s", i+1, h[1])
		}
	}
}

// In every docx kind, language and demo year, the paragraphs above the
// signer are kept with it down from the table's last row (or the "None
// yet." said instead): the paragraph Word needs after a table keeps too,
// or LibreOffice leaves the signer alone on the last page.
func TestDOCXSignerKeptWithTable(t *testing.T) {
	st := demoBook(t)
	top := regexp.MustCompile(`(?s)<w:tbl>.*?</w:tbl>|<w:p>.*?</w:p>`)
	for _, kind := range []string{KindStatus, KindMissing, KindRegistrations, KindReminder, KindResults} {
		for _, l := range []lang.Lang{lang.VI, lang.EN} {
			for _, year := range []int{2023, 2026} {
				req := Request{Kind: kind, Format: "docx", Year: year, AsOf: vndate.Of(year, 12, 31), Lang: l}
				if kind == KindReminder {
					req.AsOf, req.ReplyBy = vndate.Of(year, 4, 5), vndate.Of(year, 4, 15)
				}
				rep, err := Build(context.Background(), st, req)
				if err != nil {
					t.Fatal(err)
				}
				x := docxPart(t, render(t, rep, "docx"), "word/document.xml")
				parts := top.FindAllString(x, -1)
				sig := -1
				for i, p := range parts {
					if strings.HasPrefix(p, "<w:tbl>") {
						sig = i
					}
				}
				if sig < 0 || !strings.Contains(parts[sig], l.T("Nơi nhận:", "Copies to:")) {
					continue // a list, not signed
				}
				name := fmt.Sprintf("%s %d %s", kind, year, l)
				held := false
				for i := sig - 1; i >= 0 && !held; i-- {
					p := parts[i]
					if strings.HasPrefix(p, "<w:tbl>") {
						rows := strings.Split(p, "<w:tr>")
						held = strings.Contains(rows[len(rows)-1], "<w:keepNext/>")
						if !held {
							t.Errorf("%s: the table's last row above the signer is not kept with it", name)
						}
						break
					}
					if !strings.Contains(p, "<w:keepNext/>") {
						t.Errorf("%s: a paragraph between the table and the signer is not kept with what follows: %.300s", name, p)
						break
					}
					held = strings.Contains(p, l.T("Chưa có.", "None yet."))
				}
				if !held {
					t.Errorf("%s: nothing of the table is kept with the signer", name)
				}
			}
		}
	}
}

// The quota's note under a list goes over a page with the table's last
// rows, never alone on the last page (pdf; the docx keeps the last row
// with it).
func TestNoteNotAloneOnPage(t *testing.T) {
	st := demoBook(t)
	row := regexp.MustCompile(`(?m)^\s*[0-9]+\s+\pL`)
	for _, kind := range []string{KindStatus, KindMissing} {
		for _, l := range []lang.Lang{lang.VI, lang.EN} {
			for _, year := range []int{2023, 2026} {
				rep, err := Build(context.Background(), st, Request{Kind: kind, Format: "pdf", Year: year, AsOf: vndate.Of(year, 12, 31), Lang: l})
				if err != nil {
					t.Fatal(err)
				}
				note := l.T("Chỉ tiêu tối thiểu: số mô hình", "Minimum: the least")
				for i, page := range pdfText(t, render(t, rep, "pdf")) {
					if strings.Contains(page, note) && !row.MatchString(page) {
						t.Errorf("%s %d %s: page %d holds the note without a row of the table:\n%s", kind, year, l, i+1, page)
					}
				}
				x := docxPart(t, render(t, rep, "docx"), "word/document.xml")
				end := x[:strings.Index(x, note)]
				rows := strings.Split(end[:strings.LastIndex(end, "</w:tbl>")], "<w:tr>")
				if !strings.Contains(rows[len(rows)-1], "<w:keepNext/>") {
					t.Errorf("%s %d %s: the docx's last row is not kept with the note", kind, year, l)
				}
			}
		}
	}
}

// The reminder's short table of what each agency owes is one table in
// the docx and html, its groups bands in it: one header, no seam between
// groups (a long list has a table per group instead).
func TestReminderOneTable(t *testing.T) {
	st := demoBook(t)
	for _, l := range []lang.Lang{lang.VI, lang.EN} {
		rep, err := Build(context.Background(), st, Request{Kind: KindReminder, Format: "docx", Year: 2023, AsOf: vndate.Of(2023, 4, 5), ReplyBy: vndate.Of(2023, 4, 15), Lang: l})
		if err != nil {
			t.Fatal(err)
		}
		x := docxPart(t, render(t, rep, "docx"), "word/document.xml")
		if n := strings.Count(x, "<w:tblHeader/>"); n != 1 {
			t.Errorf("%s docx: %d header rows, want the one table's", l, n)
		}
		h := string(render(t, rep, "html"))
		if n, bands := strings.Count(h, "<thead>"), strings.Count(h, `<tr class="band">`); n != 1 || bands < 2 {
			t.Errorf("%s html: %d table heads and %d bands, want one head over the groups' bands", l, n, bands)
		}
	}
}

// The status report's columns are fitted to their content, as the
// registrations' are: the short numeric columns as wide as their titles'
// words, so that "Số cơ quan" and "Chưa đăng ký" hold on one line and the
// 2023 demo list takes two pages, not three.
func TestStatusColumnsFitted(t *testing.T) {
	st := demoBook(t)
	rep, err := Build(context.Background(), st, Request{Kind: KindStatus, Format: "pdf", Year: 2023, AsOf: vndate.Of(2023, 12, 31), Lang: lang.VI})
	if err != nil {
		t.Fatal(err)
	}
	pages := pdfText(t, render(t, rep, "pdf"))
	if n := len(pages) - 1; n > 2 { // pdftotext ends each page with a form feed
		t.Errorf("the 2023 demo status takes %d pages, want 2", n)
	}
	for _, title := range []string{"Số cơ quan", "Chưa đăng ký", "Nộp muộn"} {
		if !strings.Contains(pages[0], title) {
			t.Errorf("%q wraps in the summary's header:\n%s", title, pages[0])
		}
	}
}

// The results are a báo cáo (Nghị định 30/2020/NĐ-CP): its number left
// blank for the office, "Số:        /BC-SNV" after the issuer's
// abbreviation, and the type "BÁO CÁO" above the title, which says
// what it reports, in every format.
func TestResultsIsABaoCao(t *testing.T) {
	st := demoBook(t)
	for _, l := range []lang.Lang{lang.VI, lang.EN} {
		rep, err := Build(context.Background(), st, Request{Kind: KindResults, Format: "pdf", Year: 2023, AsOf: vndate.Of(2023, 12, 31), Lang: l})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range []string{"pdf", "docx", "html", "md", "text"} {
			out := render(t, rep, f)
			var x string
			switch f {
			case "pdf":
				x = pdfText(t, out)[0]
			case "docx":
				x = docxPart(t, out, "word/document.xml")
			default:
				x = string(out)
			}
			kind, title := l.T("BÁO CÁO", "REPORT"), l.T("Kết quả thực hiện mô hình", "Results of the administrative-reform")
			k, n := strings.Index(x, kind), strings.Index(x, title)
			if k < 0 || n < 0 || k > n {
				t.Errorf("%s %s: want %q above %q:\n%.1500s", l, f, kind, title, x)
			}
			if !strings.Contains(x, "/BC-SNV") {
				t.Errorf("%s %s: no number /BC-SNV:\n%.1500s", l, f, x)
			}
		}
	}
}
