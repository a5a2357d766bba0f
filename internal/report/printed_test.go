package report

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/doc"
	"cchc/internal/lang"
	"cchc/internal/tooltest"
	"cchc/internal/vndate"
)

// needTool finds a program of poppler-utils a test needs (see tooltest).
func needTool(t *testing.T, name string) string {
	t.Helper()
	return tooltest.Need(t, "check the PDF reports (Debian: poppler-utils)", name)
}

// docxPart reads one part of a docx archive.
func docxPart(t testing.TB, data []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	for _, f := range zr.File {
		if f.Name == name {
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
	}
	t.Fatalf("no %s in the docx", name)
	return ""
}

// docxParagraphs are the texts of the document's paragraphs, in order.
func docxParagraphs(t *testing.T, body string) []string {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(body))
	var out []string
	var cur strings.Builder
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("document.xml is not well-formed: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			inText = tok.Name.Local == "t"
			if tok.Name.Local == "br" {
				cur.WriteString("\n")
			}
		case xml.EndElement:
			if tok.Name.Local == "p" {
				out = append(out, cur.String())
				cur.Reset()
			}
			inText = false
		case xml.CharData:
			if inText {
				cur.Write(tok)
			}
		}
	}
}

var (
	pgSz  = regexp.MustCompile(`<w:pgSz w:w="(\d+)" w:h="(\d+)"`)
	pgMar = regexp.MustCompile(`<w:pgMar w:top="(\d+)" w:right="(\d+)" w:bottom="(\d+)" w:left="(\d+)"`)
)

// Every report as a Word document: A4 (landscape for tables, portrait for
// the letter), the margins of Nghị định 30/2020, a table header repeated on
// every page, page numbers from page 2, the Vietnamese text as typed.
func TestDOCXReadsBack(t *testing.T) {
	st, _ := openBook(t)
	for _, kind := range Kinds {
		t.Run(kind, func(t *testing.T) {
			data := render(t, build(t, st, kind, lang.VI), "docx")
			body := docxPart(t, data, "word/document.xml")
			m := pgSz.FindStringSubmatch(body)
			want := []string{"", "16838", "11906"}
			if kind == KindReminder {
				want = []string{"", "11906", "16838"}
			}
			if m == nil || m[1] != want[1] || m[2] != want[2] {
				t.Errorf("page size %v, want A4 %v", m, want[1:])
			}
			// twips: top 20 mm = 1134, right 15 mm = 850, left 30 mm = 1701
			if mm := pgMar.FindStringSubmatch(body); mm == nil || mm[1] != "1134" || mm[2] != "850" || mm[3] != "1134" || mm[4] != "1701" {
				t.Errorf("margins %v, want top/bottom 20 mm, left 30, right 15", mm)
			}
			if !strings.Contains(body, "<w:tblHeader/>") {
				t.Error("no repeating table header (w:tblHeader)")
			}
			if !strings.Contains(body, "<w:titlePg/>") || !strings.Contains(body, `w:type="default" r:id="rIdHeader1"`) {
				t.Error("no page numbers from page 2")
			}
			if h := docxPart(t, data, "word/header1.xml"); !strings.Contains(h, "PAGE") {
				t.Error("the header holds no PAGE field")
			}
			if !strings.Contains(docxPart(t, data, "word/styles.xml"), `w:ascii="Times New Roman"`) {
				t.Error("the font is not Times New Roman")
			}
			paras := docxParagraphs(t, body)
			text := strings.Join(paras, "\n")
			for _, s := range []string{"SỞ NỘI VỤ", MottoNation, MottoWords} {
				if !strings.Contains(text, s) {
					t.Errorf("no %q in the document", s)
				}
			}
			if kind == KindStatus && !strings.Contains(text, "Huyện Đức Thọ") {
				t.Error("no agency names in the status")
			}
			// table text is at least 11 pt (22 half-points)
			for _, sz := range regexp.MustCompile(`<w:sz w:val="(\d+)"/>`).FindAllStringSubmatch(body, -1) {
				if sz[1] != "4" && len(sz[1]) < 2 || sz[1] < "22" && len(sz[1]) == 2 {
					t.Errorf("text at %s half-points, under 11 pt", sz[1])
					break
				}
			}
		})
	}
}

// The reminder's signer: the authority line and the title each on its
// own paragraph, the name after them; Nơi nhận and its list.
func TestDOCXReminderSigner(t *testing.T) {
	st, c := openBook(t)
	rep := build(t, st, KindReminder, lang.VI).(Reminder)
	rep.Campaign.SignerTitle = "KT. Giám đốc\nPhó Giám đốc"
	_ = c
	paras := docxParagraphs(t, docxPart(t, render(t, rep, "docx"), "word/document.xml"))
	at := func(s string) int {
		for i, p := range paras {
			if p == s {
				return i
			}
		}
		t.Fatalf("no paragraph %q in %q", s, paras)
		return -1
	}
	if a, b := at("KT. GIÁM ĐỐC"), at("PHÓ GIÁM ĐỐC"); b != a+1 {
		t.Errorf("authority line at %d, title at %d: not on consecutive lines", a, b)
	}
	at("Nơi nhận:")
	at("- Như trên;")
	at("Kính gửi:")
}

// pdfText reads a PDF's text back with pdftotext (layout kept).
func pdfText(t *testing.T, data []byte) []string {
	t.Helper()
	tool := needTool(t, "pdftotext")
	path := filepath.Join(t.TempDir(), "r.pdf")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return strings.Split(string(out), "\f")
}

// Every report as a PDF written by cchc: its Vietnamese text reads back
// exactly, the font is embedded, pages from the second are numbered, and
// the page is A4.
func TestPDFReadsBack(t *testing.T) {
	st, _ := openBook(t)
	fonts := needTool(t, "pdffonts")
	for _, kind := range Kinds {
		t.Run(kind, func(t *testing.T) {
			data := render(t, build(t, st, kind, lang.VI), "pdf")
			if !bytes.HasPrefix(data, []byte("%PDF-")) {
				t.Fatal("not a PDF")
			}
			pages := pdfText(t, data)
			text := strings.Join(pages, "\n")
			flat := strings.Join(strings.Fields(text), " ")
			want := []string{"SỞ NỘI VỤ", MottoNation, MottoWords}
			switch kind {
			case KindStatus:
				want = append(want, "TÌNH HÌNH ĐĂNG KÝ MÔ HÌNH, SÁNG KIẾN", "Huyện Đức Thọ", "Chưa đăng ký")
			case KindReminder:
				want = append(want, "Kính gửi:", "Nơi nhận:", "V/v đôn đốc đăng ký xây dựng mô hình", "Hà Tĩnh, ngày 05 tháng 4 năm 2023")
			case KindRegistrations:
				// "tỉnh" and the kinds ("Mô" over "hình") may wrap: the columns are
				// sized for the fewest lines in all
				want = append(want, "Tiếp dân lưu động", "Công an", "Mô", "hình", "Sáng", "kiến")
			}
			for _, s := range want {
				if !strings.Contains(flat, s) {
					t.Errorf("%q not read back from the PDF:\n%s", s, text)
				}
			}
			for i, p := range pages[1:] {
				if strings.TrimSpace(p) == "" {
					continue
				}
				if first := strings.Fields(p)[0]; first != itoa(i+2) {
					t.Errorf("page %d starts with %q, not its number", i+2, first)
				}
			}
			path := filepath.Join(t.TempDir(), "r.pdf")
			if err := os.WriteFile(path, data, 0o600); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(fonts, path).Output()
			if err != nil {
				t.Fatalf("pdffonts: %v", err)
			}
			for _, line := range strings.Split(string(out), "\n")[2:] {
				if f := strings.Fields(line); len(f) > 4 && f[len(f)-5] != "yes" {
					t.Errorf("font not embedded: %s", line)
				}
			}
		})
	}
}

// A model completed and then proposed for replication keeps, in the
// results, the day and the result of its completion; agencies with nothing
// registered are listed with zeros.
func TestResultsKeepTheCompletion(t *testing.T) {
	st, c := openBook(t)
	advance(t, st, c, "Bộ phận Một cửa thân thiện, hiện đại", campaign.Replicating, vndate.Of(2023, 4, 4), "Đề nghị nhân rộng toàn tỉnh")
	out := string(render(t, build(t, st, KindResults, lang.VI), "text"))
	if !strings.Contains(out, "Đưa vào vận hành từ 01/4") || !strings.Contains(out, "03/04/2023") {
		t.Errorf("the completion's result is lost:\n%s", out)
	}
	if strings.Contains(out, "Đề nghị nhân rộng toàn tỉnh") {
		t.Errorf("the later step's note stands for the result:\n%s", out)
	}
	if !strings.Contains(out, "Sở Ngoại vụ") {
		t.Errorf("an agency with nothing registered is left out:\n%s", out)
	}
}

// On paper the quota is two columns of numbers (minimum, target) that a
// spreadsheet can count, with a legend under the tables.
func TestXLSXQuotaAsNumbers(t *testing.T) {
	st, _ := openBook(t)
	for _, kind := range []string{KindStatus, KindMissing} {
		f, sheet := openXLSX(t, render(t, build(t, st, kind, lang.VI), "xlsx"))
		col, row := findCell(t, f, sheet, "Chỉ tiêu tối thiểu")
		for r := row + 1; r < row+4; r++ {
			ref := cellRef(col, r)
			v := cellValue(t, f, sheet, ref)
			if !isNumber(v) {
				continue // a group's band, merged across
			}
			if typ := cellType(t, f, sheet, ref); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
				t.Errorf("%s: %s (%q) is %v, not a number", kind, ref, v, typ)
			}
		}
		if next := cellValue(t, f, sheet, cellRef(col+1, row)); next != "Chỉ tiêu phấn đấu" {
			t.Errorf("%s: after the minimum comes %q", kind, next)
		}
		findCell(t, f, sheet, quotaLegendSplit(lang.VI)) // no “2/3” in a sheet of two columns
	}
}

// A list longer than fpdf is let hold at once is laid out in parts and
// spliced into one PDF that reads exactly as the same list written whole:
// the same pages, numbered on, every font embedded, and a file poppler
// reads without a complaint.
func TestPDFInParts(t *testing.T) {
	info, fonts := needTool(t, "pdfinfo"), needTool(t, "pdffonts")
	rows := make([]book.RegistrationRow, 160)
	for i := range rows {
		rows[i] = book.RegistrationRow{AgencyID: int64(1 + i/40), AgencyName: "Sở Y tế " + itoa(1+i/40), AgencyGroup: campaign.Department}
		rows[i].Title = "Mô hình “Một cửa điện tử” số " + itoa(i+1) + " ở xã Đức Thọ, ghi nhận việc tiếp dân lưu động"
	}
	r := Registrations{Campaign: campaign.Campaign{Year: 2023}, Rows: rows, Lang: lang.VI}
	write := func(part int) []byte {
		defer func(n int) { doc.PartPages = n }(doc.PartPages)
		doc.PartPages = part
		var b bytes.Buffer
		if err := r.Write(&b, "pdf"); err != nil {
			t.Fatalf("in parts of %d pages: %v", part, lang.Message(err, lang.EN))
		}
		return b.Bytes()
	}
	whole, parts := write(1000), write(3)
	if bytes.Equal(whole, parts) {
		t.Fatal("the list fits in one part of 3 pages: no splice tested")
	}
	wp, pp := pdfText(t, whole), pdfText(t, parts)
	if len(wp) < 8 {
		t.Fatalf("only %d pages", len(wp))
	}
	if strings.Join(wp, "\f") != strings.Join(pp, "\f") {
		t.Errorf("the spliced PDF reads differently from the whole one:\n%s\n--- whole:\n%s", strings.Join(pp, "\f"), strings.Join(wp, "\f"))
	}
	path := filepath.Join(t.TempDir(), "parts.pdf")
	if err := os.WriteFile(path, parts, 0o600); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd := exec.Command(info, path)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Fatalf("pdfinfo: %v %s", err, stderr.String())
	}
	if !regexp.MustCompile(`Pages:\s+` + itoa(len(wp)-1) + `\n`).Match(out) { // pdftotext ends each page with \f
		t.Errorf("pdfinfo:\n%s, not %d pages", out, len(wp)-1)
	}
	cmd = exec.Command(fonts, path)
	cmd.Stderr = &stderr
	if out, err = cmd.Output(); err != nil || stderr.Len() > 0 {
		t.Fatalf("pdffonts: %v %s", err, stderr.String())
	}
	n := 0
	for _, line := range strings.Split(string(out), "\n")[2:] {
		if f := strings.Fields(line); len(f) > 4 {
			n++
			if f[len(f)-5] != "yes" {
				t.Errorf("font not embedded: %s", line)
			}
		}
	}
	if n == 0 {
		t.Errorf("no fonts:\n%s", out)
	}
}

// A heading never leaves its year alone on the last line: "NĂM 2023" is
// held together in the PDF (read back with a plain space) and the docx.
func TestPrintedHeadingKeepsItsYear(t *testing.T) {
	st, _ := openBook(t)
	for _, c := range []struct {
		kind string
		l    lang.Lang
		join string // what the no-break space joins
	}{
		{KindResults, lang.VI, "năm\u00a02023"},              // the trích yếu under "BÁO CÁO", as typed
		{KindRegistrations, lang.EN, "PRACTICES,\u00a02023"}, // "…AND GOOD PRACTICES, 2023": the English year after a comma
	} {
		rep := build(t, st, c.kind, c.l)
		for _, page := range pdfText(t, render(t, rep, "pdf")) {
			for _, l := range strings.Split(page, "\n") {
				if strings.TrimSpace(l) == "2023" {
					t.Errorf("%s %s: the year alone on a line:\n%s", c.kind, c.l, page)
				}
			}
		}
		if body := docxPart(t, render(t, rep, "docx"), "word/document.xml"); !strings.Contains(body, c.join) {
			t.Errorf("%s %s: no no-break space in %q in the docx", c.kind, c.l, c.join)
		}
		if html := string(render(t, rep, "html")); !strings.Contains(html, c.join) {
			t.Errorf("%s %s: no no-break space in %q in the html", c.kind, c.l, c.join)
		}
	}
}

// The closing paragraph goes over the page with the signer: every
// paragraph from it to the signature's table keeps with the next, or
// Word and LibreOffice leave Nơi nhận and the signer alone on the last
// page under a page break that the closing paragraph stays above.
func TestDOCXReminderClosingKeptWithSigner(t *testing.T) {
	st, _ := openBook(t)
	body := docxPart(t, render(t, build(t, st, KindReminder, lang.VI), "docx"), "word/document.xml")
	end := strings.Index(body, "phối hợp thực hiện./.")
	if end < 0 {
		t.Fatal("no closing paragraph")
	}
	start := strings.LastIndex(body[:end], "<w:p>")
	sig := strings.Index(body[end:], "<w:tbl>")
	if start < 0 || sig < 0 {
		t.Fatal("no paragraph around the closing text, or no signature table after it")
	}
	paras := strings.Split(body[start:end+sig], "<w:p>")[1:]
	if len(paras) < 2 {
		t.Fatalf("%d paragraphs between the closing and the signer", len(paras))
	}
	for i, p := range paras {
		if !strings.Contains(p, "<w:keepNext/>") {
			t.Errorf("paragraph %d of %d before the signer does not keep with the next: %.120s", i+1, len(paras), p)
		}
	}
}

// A date in a printed table stays on one line: its column is as wide as
// "00/00/0000" at the table's size, less Word's cell margins (1.9 mm a
// side), where Word and the pdf would break it as "15/06/202" over "3".
func TestPrintedDatesOnOneLine(t *testing.T) {
	st, _ := openBook(t)
	width, _ := (&doc.Document{Landscape: true}).Area()
	m := doc.NewMeasure()
	for _, kind := range []string{KindStatus, KindMissing, KindResults} {
		s := build(t, st, kind, lang.EN).(interface{ Sheet() Sheet }).Sheet()
		dates := 0
		for _, tb := range s.Tables {
			widths := doc.Widths(tb.docColumns(lang.EN), width)
			for i, c := range tb.Columns {
				if c.Type != DateCell {
					continue
				}
				dates++
				room := (widths[i] - 2*1.9) * 72 / 25.4
				if n := m.Lines("00/00/0000", false, false, doc.TableSize, room); n != 1 {
					t.Errorf("%s: the column %q is %.1f mm wide: a date takes %d lines", kind, c.Title, widths[i], n)
				}
			}
		}
		if dates == 0 {
			t.Errorf("%s: no date column", kind)
		}
	}
}

// paperTables are the tables of a report as printed.
func paperTables(t *testing.T, rep Report) (*doc.Document, []*doc.Table) {
	t.Helper()
	var d *doc.Document
	switch r := rep.(type) {
	case interface{ Document() *doc.Document }:
		d = r.Document()
	case Reminder:
		let, err := r.Letter()
		if err != nil {
			t.Fatal(err)
		}
		d = let.Document()
	case interface{ Sheet() Sheet }:
		d = r.Sheet().Document()
	case Registrations:
		src, err := r.rows()
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { src.Close() })
		counts, err := src.Counts()
		if err != nil {
			t.Fatal(err)
		}
		d = r.document(src, counts, nil)
	default:
		t.Fatalf("%T: no document", rep)
	}
	var out []*doc.Table
	var walk func([]doc.Block)
	walk = func(bs []doc.Block) {
		for _, b := range bs {
			switch b := b.(type) {
			case *doc.Table:
				out = append(out, b)
			case *doc.Only:
				if b.Media&doc.Paper != 0 {
					walk(b.Blocks)
				}
			}
		}
	}
	walk(d.Blocks)
	return d, out
}

// A column's title is never broken inside a word on paper ("Minimu" over
// "m"): its column has room for the title's longest word, in bold, with
// the cell's margins, in every report and both languages.
func TestPrintedTitlesKeepTheirWords(t *testing.T) {
	st, _ := openBook(t)
	m := doc.NewMeasure()
	for _, kind := range Kinds {
		for _, l := range []lang.Lang{lang.VI, lang.EN} {
			d, tables := paperTables(t, build(t, st, kind, l))
			if len(tables) == 0 {
				t.Errorf("%s %s: no table on paper", kind, l)
			}
			width, _ := d.Area()
			for _, tb := range tables {
				for i, w := range doc.Widths(tb.Columns, width) {
					for _, word := range strings.Fields(tb.Columns[i].Title) {
						if need := m.Width(word, true, false, doc.TableSize)*25.4/72 + 2*doc.CellMargin; need > w+0.01 {
							t.Errorf("%s %s: %q in a column %.1f mm wide needs %.1f mm", kind, l, word, w, need)
						}
					}
				}
			}
		}
	}
}

// A body with no parent (a ministry: BỘ NỘI VỤ) is named on the first
// line, beside the national name, as Nghị định 30/2020 sets it: not under
// an empty line, beside the motto.
func TestLetterheadWithoutParent(t *testing.T) {
	head := Letterhead{Issuer: "BỘ NỘI VỤ", Lang: lang.VI}
	d := &doc.Document{Lang: "vi", Blocks: []doc.Block{head.block(), doc.Text("Nội dung.", doc.Left)}}
	firstLine := func(what, text string) {
		t.Helper()
		for _, l := range strings.Split(text, "\n") {
			if strings.TrimSpace(l) != "" {
				if !strings.Contains(l, "BỘ NỘI VỤ") || !strings.Contains(l, MottoNation) {
					t.Errorf("%s: the first line is %q, want the issuer beside %q", what, l, MottoNation)
				}
				return
			}
		}
		t.Errorf("%s: no text", what)
	}
	var pdf, text, docx strings.Builder
	if err := d.WritePDF(&pdf); err != nil {
		t.Fatal(err)
	}
	firstLine("pdf", pdfText(t, []byte(pdf.String()))[0])
	if err := d.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	firstLine("text", text.String())
	if err := d.WriteDOCX(&docx); err != nil {
		t.Fatal(err)
	}
	if paras := docxParagraphs(t, docxPart(t, []byte(docx.String()), "word/document.xml")); len(paras) == 0 || paras[0] != "BỘ NỘI VỤ" {
		t.Errorf("docx: the letterhead starts with %q", paras[:min(len(paras), 2)])
	}
	var x bytes.Buffer
	s := Sheet{Name: "Bộ", Head: head, Title: "Tình hình", Tables: []Table{{Columns: []Column{{Title: "STT"}, {Title: "Cơ quan"}}, Rows: [][]string{{"1", "Vụ"}}}}}
	if err := s.WriteXLSX(&x); err != nil {
		t.Fatal(err)
	}
	f, sheet := openXLSX(t, x.Bytes())
	if a1 := cellValue(t, f, sheet, "A1"); a1 != "BỘ NỘI VỤ" {
		t.Errorf("xlsx: A1 = %q", a1)
	}
	if a2 := cellValue(t, f, sheet, "A2"); a2 != "" {
		t.Errorf("xlsx: A2 = %q, want nothing under the issuer", a2)
	}
}

// The letter's place and date are written as typed in the docx: the
// no-break space that keeps a heading's year is not needed on a line
// that never wraps, and LibreOffice sets it wide in italics.
func TestDOCXPlaceDateAsTyped(t *testing.T) {
	st, _ := openBook(t)
	body := docxPart(t, render(t, build(t, st, KindReminder, lang.VI), "docx"), "word/document.xml")
	if !strings.Contains(body, "ngày 05 tháng 4 năm 2023<") {
		t.Errorf("no place and date with a plain space before the year in:\n%.2000s", body)
	}
}
