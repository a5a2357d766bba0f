package report

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/compliance"
	"cchc/internal/doc"
	"cchc/internal/lang"
	"cchc/internal/vndate"
	"cchc/internal/vntext"
	"cchc/internal/xlsxcheck"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// Text and Markdown are compared whole with golden files: what the clerk
// reads is the contract. Run `go test ./internal/report -update` after a
// deliberate change and read the diff.
func TestGoldenTextAndMarkdown(t *testing.T) {
	st, _ := openBook(t)
	for _, kind := range Kinds {
		for _, format := range []string{"text", "md"} {
			for _, l := range []lang.Lang{lang.VI, lang.EN} {
				name := kind + "." + l.String() + "." + format
				t.Run(name, func(t *testing.T) {
					got := render(t, build(t, st, kind, l), format)
					path := filepath.Join("testdata", name+".golden")
					if *update {
						if err := os.WriteFile(path, got, 0o644); err != nil {
							t.Fatal(err)
						}
					}
					want, err := os.ReadFile(path)
					if err != nil {
						t.Fatalf("%v (run with -update to create it)", err)
					}
					if !bytes.Equal(got, want) {
						t.Errorf("%s differs from %s (run with -update and read the diff):\n%s", name, path, got)
					}
				})
			}
		}
	}
}

// The status report shows the same facts as `cchc status`: it is the same
// report, with the printed forms added.
func TestStatusReportIsTheStatusCommand(t *testing.T) {
	st, c := openBook(t)
	summary, err := book.Compliance(t.Context(), st, c, asOf)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range StatusFormats {
		want := render(t, Status{Campaign: c, Summary: summary, Lang: lang.VI}, f)
		got := render(t, build(t, st, KindStatus, lang.VI), f)
		if !bytes.Equal(got, want) {
			t.Errorf("%s: report status differs from cchc status", f)
		}
	}
}

func readCSV(t *testing.T, data []byte) [][]string {
	t.Helper()
	if !bytes.HasPrefix(data, []byte(BOM)) {
		t.Fatal("no BOM: Excel on Windows would read the file as ANSI")
	}
	body := data[len(BOM):]
	if n, crlf := bytes.Count(body, []byte("\n")), bytes.Count(body, []byte("\r\n")); n == 0 || crlf < 2 {
		t.Fatalf("expected CRLF line ends: %d newlines, %d CRLF", n, crlf)
	}
	r := csv.NewReader(bytes.NewReader(body))
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("not valid CSV: %v", err)
	}
	return rows
}

func column(t *testing.T, header []string, title string) int {
	t.Helper()
	for i, h := range header {
		if h == title {
			return i
		}
	}
	t.Fatalf("no column %q in %q", title, header)
	return -1
}

func TestCSVReadsBack(t *testing.T) {
	st, _ := openBook(t)

	rows := readCSV(t, render(t, build(t, st, KindRegistrations, lang.VI), "csv"))
	h := rows[0]
	if len(rows) != 1+7 {
		t.Fatalf("%d rows, want a header and 7 registrations", len(rows))
	}
	byTitle := map[string][]string{}
	for _, r := range rows[1:] {
		if len(r) != len(h) {
			t.Fatalf("row of %d cells under %d titles: %q", len(r), len(h), r)
		}
		byTitle[r[column(t, h, "Tên mô hình/sáng kiến/giải pháp/cách làm hay")]] = r
	}
	r := byTitle["Bộ phận Một cửa thân thiện, hiện đại"] // a comma inside a cell
	if r == nil {
		t.Fatalf("registration with a comma lost: %q", rows)
	}
	if got := r[column(t, h, "Dự kiến kết quả")]; got != multiLine {
		t.Errorf("line break inside a cell: got %q", got)
	}
	if got := r[column(t, h, "Ghi chú")]; got != "'"+formulaNote {
		t.Errorf("a formula must not run in a spreadsheet: got %q", got)
	}
	if got := r[column(t, h, "Ngày nhận")]; got != "16/03/2023" {
		t.Errorf("received = %q", got)
	}
	if got := byTitle[hostileTitle]; got == nil {
		t.Errorf("markup in a title must come back as it was typed")
	}
	lead := byTitle["Bộ phận một cửa cấp xã thân thiện"][column(t, h, "Cơ quan/đơn vị chủ trì")]
	if lead != "Huyện Đức Thọ (Xã Tùng Ảnh)" {
		t.Errorf("lead with its commune = %q", lead)
	}

	rows = readCSV(t, render(t, build(t, st, KindMissing, lang.VI), "csv"))
	h = rows[0]
	owed := map[string]string{}
	for _, r := range rows[1:] {
		owed[r[column(t, h, "Cơ quan, đơn vị")]] = r[column(t, h, "Còn thiếu")] + "/" + r[column(t, h, "Số ngày quá hạn")]
	}
	// 40 judged agencies; met: Sở Tư pháp, Sở Y tế (late), Thành phố Hà Tĩnh, Công an tỉnh.
	if len(owed) != 36 || owed["Huyện Đức Thọ"] != "1/12" || owed["Sở Nội vụ"] != "1/12" {
		t.Errorf("missing: %d agencies, Đức Thọ %q, Sở Nội vụ %q", len(owed), owed["Huyện Đức Thọ"], owed["Sở Nội vụ"])
	}
	if _, ok := owed["Sở Tư pháp"]; ok {
		t.Error("an agency that met its quota is on the missing list")
	}

	rows = readCSV(t, render(t, build(t, st, KindStatus, lang.VI), "csv"))
	if len(rows) != 41 {
		t.Errorf("status csv: %d rows, want 40 agencies and a header", len(rows))
	}
}

func TestJSON(t *testing.T) {
	st, _ := openBook(t)
	for _, kind := range Kinds {
		var v map[string]any
		if err := json.Unmarshal(render(t, build(t, st, kind, lang.VI), "json"), &v); err != nil {
			t.Fatalf("%s: %v", kind, err)
		}
		c, _ := v["campaign"].(map[string]any)
		if c["year"] != float64(2023) || c["as_of"] != "2023-04-05" || c["deadline"] != "2023-03-24" {
			t.Errorf("%s: campaign = %v", kind, c)
		}
	}
	var reg struct {
		Registrations []struct {
			Title, Lead, Received string
			LetterDate            *string `json:"letter_date"`
		}
	}
	if err := json.Unmarshal(render(t, build(t, st, KindRegistrations, lang.VI), "json"), &reg); err != nil {
		t.Fatal(err)
	}
	if len(reg.Registrations) != 7 || reg.Registrations[0].Title != "Bộ phận Một cửa thân thiện, hiện đại" || reg.Registrations[0].Received != "2023-03-16" {
		t.Errorf("registrations json: %+v", reg.Registrations)
	}
	var rem struct {
		SignerName string `json:"signer_name"`
		Agencies   []struct {
			Name string
			Owed int
		}
	}
	if err := json.Unmarshal(render(t, build(t, st, KindReminder, lang.VI), "json"), &rem); err != nil {
		t.Fatal(err)
	}
	if rem.SignerName != "Lê Minh Đạo" || len(rem.Agencies) != 35 { // the 36 short but Sở Nội vụ itself
		t.Errorf("reminder json: signer %q, %d agencies", rem.SignerName, len(rem.Agencies))
	}
}

func openXLSX(t *testing.T, data []byte) (*excelize.File, string) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("excelize cannot open it: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f, f.GetSheetList()[0]
}

// cellValue is the value shown in the cell at ref (opts as excelize's).
func cellValue(t *testing.T, f *excelize.File, sheet, ref string, opts ...excelize.Options) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, ref, opts...)
	if err != nil {
		t.Fatalf("%s: %v", ref, err)
	}
	return v
}

// cellType is the type of the value stored in the cell at ref.
func cellType(t *testing.T, f *excelize.File, sheet, ref string) excelize.CellType {
	t.Helper()
	typ, err := f.GetCellType(sheet, ref)
	if err != nil {
		t.Fatalf("%s: %v", ref, err)
	}
	return typ
}

// colWidth is the width of the column named col, in characters.
func colWidth(t *testing.T, f *excelize.File, sheet, col string) float64 {
	t.Helper()
	w, err := f.GetColWidth(sheet, col)
	if err != nil {
		t.Fatalf("column %s: %v", col, err)
	}
	return w
}

// rowHigh is the height of the row, in points.
func rowHigh(t *testing.T, f *excelize.File, sheet string, row int) float64 {
	t.Helper()
	h, err := f.GetRowHeight(sheet, row)
	if err != nil {
		t.Fatalf("row %d: %v", row, err)
	}
	return h
}

// findCell returns the first cell holding exactly v.
func findCell(t *testing.T, f *excelize.File, sheet, v string) (col, row int) {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for r, cells := range rows {
		for c, x := range cells {
			if x == v {
				return c + 1, r + 1
			}
		}
	}
	t.Fatalf("no cell %q", v)
	return 0, 0
}

func TestXLSXReadsBack(t *testing.T) {
	st, _ := openBook(t)
	for _, kind := range []string{KindStatus, KindMissing, KindRegistrations, KindResults} {
		t.Run(kind, func(t *testing.T) {
			f, sheet := openXLSX(t, render(t, build(t, st, kind, lang.VI), "xlsx"))
			want := 1
			if kind == KindResults {
				want = 2 // the completed models on a sheet of their own
			}
			if sheets := f.GetSheetList(); len(sheets) != want {
				t.Errorf("sheets = %q, want %d", sheets, want)
			}
			checkPrintedSheet(t, f, sheet, map[string]string{KindStatus: "Cơ quan, đơn vị", KindMissing: "Cơ quan, đơn vị", KindResults: "Cơ quan, đơn vị",
				KindRegistrations: "Tên mô hình/sáng kiến/giải pháp/cách làm hay"}[kind])
		})
	}

	// Dates are real dates shown dd/mm/yyyy; counts are numbers.
	f, sheet := openXLSX(t, render(t, build(t, st, KindStatus, lang.VI), "xlsx"))
	_, row := findCell(t, f, sheet, "Sở Tư pháp")
	dateCol, _ := findCell(t, f, sheet, "Ngày đạt")
	ref := cellRef(dateCol, row)
	if v := cellValue(t, f, sheet, ref); v != "16/03/2023" {
		t.Errorf("%s shown as %q, want 16/03/2023", ref, v)
	}
	raw := cellValue(t, f, sheet, ref, excelize.Options{RawCellValue: true})
	want := vndate.Of(2023, 3, 16).Time().Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24
	if raw != itoa(int(want)) {
		t.Errorf("%s raw = %q, want the serial number %v", ref, raw, want)
	}
	if typ := cellType(t, f, sheet, ref); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("%s is stored as text", ref)
	}
	regCol, _ := findCell(t, f, sheet, "Đã ĐK")
	if typ := cellType(t, f, sheet, cellRef(regCol, row)); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Error("a count is stored as text")
	}

	// Markup and formulas stay text.
	f, sheet = openXLSX(t, render(t, build(t, st, KindRegistrations, lang.VI), "xlsx"))
	c, r := findCell(t, f, sheet, hostileTitle)
	if formula, err := f.GetCellFormula(sheet, cellRef(c, r)); err != nil || formula != "" {
		t.Errorf("formula %q (%v)", formula, err)
	}
	c, r = findCell(t, f, sheet, formulaNote)
	if formula, err := f.GetCellFormula(sheet, cellRef(c, r)); err != nil || formula != "" {
		t.Errorf("a note became the formula %q (%v)", formula, err)
	}
	findCell(t, f, sheet, "I. SỞ, BAN, NGÀNH CẤP TỈNH (2)")
	findCell(t, f, sheet, "III. UBND CẤP HUYỆN (4)")
}

// checkPrintedSheet checks a sheet laid out for paper: the letterhead and
// title, then a main table whose column nameTitle names the rows.
func checkPrintedSheet(t *testing.T, f *excelize.File, sheet, nameTitle string) {
	t.Helper()
	// The title block: letterhead from the campaign, then the title.
	if v := cellValue(t, f, sheet, "A1"); v != "UBND TỈNH HÀ TĨNH" {
		t.Errorf("A1 = %q", v)
	}
	if v := cellValue(t, f, sheet, "A2"); v != "SỞ NỘI VỤ" {
		t.Errorf("A2 = %q", v)
	}
	title := cellValue(t, f, sheet, "A4")
	if title == "BÁO CÁO" { // a báo cáo: its number under the issuer, the trích yếu under its type
		if v := cellValue(t, f, sheet, "A3"); v != "Số:        /BC-SNV" {
			t.Errorf("number A3 = %q", v)
		}
		title = strings.ToUpper(cellValue(t, f, sheet, "A5"))
	}
	if !strings.Contains(title, "NĂM 2023") {
		t.Errorf("title A4 = %q", title)
	}

	// The main table's header: bold, bordered, wrapped, repeated on
	// every page and frozen.
	col, header := findCell(t, f, sheet, nameTitle)
	styleID, err := f.GetCellStyle(sheet, cellRef(col, header))
	if err != nil {
		t.Fatal(err)
	}
	style, err := f.GetStyle(styleID)
	if err != nil {
		t.Fatal(err)
	}
	if !style.Font.Bold || len(style.Border) != 4 || !style.Alignment.WrapText || style.Font.Family != "Times New Roman" {
		t.Errorf("header style: bold %v, borders %d, wrap %v, font %q", style.Font.Bold, len(style.Border), style.Alignment.WrapText, style.Font.Family)
	}
	names := f.GetDefinedName()
	titles := ""
	for _, n := range names {
		if n.Name == "_xlnm.Print_Titles" && n.Scope == sheet {
			titles = n.RefersTo
		}
	}
	if want := "$" + itoa(header) + ":$" + itoa(header); !strings.HasSuffix(titles, want) {
		t.Errorf("print titles = %q, want rows %s", titles, want)
	}
	// heights fit the wrapped text (LibreOffice does not grow rows):
	// the header's longest title on its lines, and the whole sheet
	// within an A4 landscape page at 12 pt, so it prints at 11 pt or more
	if h := rowHigh(t, f, sheet, header); h < rowHeight(2, xlsxFontSize) {
		t.Errorf("header row %d is %.1f pt high: its titles are clipped", header, h)
	}
	total := 0.0
	for c := 1; ; c++ { // the header's columns
		if cellValue(t, f, sheet, cellRef(c, header)) == "" {
			break
		}
		total += colWidth(t, f, sheet, colName(c))
	}
	// measured with LibreOffice (soffice --convert-to pdf, the Tf of
	// the text): 133 characters of Times New Roman, the default
	// font, print at 11.6 pt within docx's margins
	if total > 133.5 {
		t.Errorf("columns %.0f characters wide: printed smaller than 12 pt on A4", total)
	}
	if font, err := f.GetDefaultFont(); err != nil || font != xlsxFont {
		t.Errorf("default font %q (%v): column widths count its characters", font, err)
	}
	panes, err := f.GetPanes(sheet)
	if err != nil {
		t.Fatal(err)
	}
	// the window opens on the header row, held above the rows by a pane
	// split under it, not frozen: the status froze 16 rows, half a
	// laptop's screen, and then the header alone, which left the
	// letterhead above it out of reach (issue 25); a split pane scrolls
	// up to it
	view, err := f.GetSheetView(sheet, 0)
	if err != nil {
		t.Fatal(err)
	}
	headH, err := f.GetRowHeight(sheet, header)
	if err != nil {
		t.Fatal(err)
	}
	summary := findSummary(f, sheet)
	switch {
	case summary: // the status opens on its title and summary, with no pane (issue 26 point 4)
		if panes.Freeze || panes.Split || panes.YSplit != 0 || view.TopLeftCell == nil || *view.TopLeftCell != "A1" {
			t.Errorf("panes = %+v, view from %v: want the sheet open on A1, its title and summary, with no pane", panes, deref(view.TopLeftCell))
		}
	case panes.Freeze || panes.TopLeftCell != cellRef(1, header+1) || view.TopLeftCell == nil || *view.TopLeftCell != cellRef(1, header) ||
		math.Abs(float64(panes.YSplit)-(xlsxHeadings+headH)*20) > 1:
		t.Errorf("panes = %+v, view from %v: want a pane split under row %d (%v pt), not frozen", panes, view.TopLeftCell, header, headH)
	}

	// A4 landscape, one page wide.
	layout, err := f.GetPageLayout(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if layout.Size == nil || *layout.Size != 9 || *layout.Orientation != "landscape" || *layout.FitToWidth != 1 || *layout.FitToHeight != 0 {
		t.Errorf("page layout = size %v orientation %v fit %v×%v", deref(layout.Size), deref(layout.Orientation), deref(layout.FitToWidth), deref(layout.FitToHeight))
	}
	props, err := f.GetSheetProps(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if props.FitToPage == nil || !*props.FitToPage {
		t.Error("fit to page is off: the width would not fit one page")
	}
	// the margins of docx and pdf (Nghị định 30: 20 mm top and bottom, 30
	// left, 15 right), not 12.7 and 7.6 mm (issue 25)
	margins, err := f.GetPageMargins(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if err := xlsxcheck.Margins(margins); err != nil {
		t.Error(err)
	}
	if w := colWidth(t, f, sheet, colName(col)); w < 20 {
		t.Errorf("name column width %v", w)
	}
}

// findSummary reports whether the sheet has a summary table above its
// main one (the status's "I. TỔNG HỢP THEO NHÓM").
func findSummary(f *excelize.File, sheet string) bool {
	rows, _ := f.GetRows(sheet)
	for _, r := range rows {
		if len(r) > 0 && strings.HasPrefix(r[0], "I. ") && strings.Contains(r[0], "TỔNG HỢP") {
			return true
		}
	}
	return false
}

func deref[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}

func TestHTMLIsSelfContainedAndEscaped(t *testing.T) {
	st, _ := openBook(t)
	for _, kind := range Kinds {
		page := string(render(t, build(t, st, kind, lang.VI), "html"))
		for _, bad := range []string{"<script", "href=", "src=", "@import", "url(", "<link"} {
			if strings.Contains(page, bad) {
				t.Errorf("%s: html holds %q", kind, bad)
			}
		}
		for _, want := range []string{"<meta charset=\"utf-8\">", "size: A4", "Times New Roman", MottoNation, MottoWords, "UBND TỈNH HÀ TĨNH"} {
			if !strings.Contains(page, want) {
				t.Errorf("%s: html lacks %q", kind, want)
			}
		}
	}
	page := string(render(t, build(t, st, KindRegistrations, lang.VI), "html"))
	if !strings.Contains(page, "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; Một cửa | *số* &amp; _hóa_") {
		t.Error("the hostile title is not escaped as text")
	}
}

// Control characters in stored text (an import, an old file, a hand-edited
// database) never reach a terminal or a file.
func TestControlCharactersNeverReachOutput(t *testing.T) {
	c := campaign.Campaign{Year: 2023, Title: "Đợt\x1b]0;pwned\x07 2023", Issuer: "Sở\x1b[2J Nội vụ", IssuerParent: "UBND\u009b31m tỉnh",
		Place: "Hà\rTĩnh", SignerTitle: "Giám đốc\x00", SignerName: "Lê\x1b[31m Minh", LetterNumber: "\x1b[1m/SNV",
		Deadline: vndate.Of(2023, 3, 24), Quotas: map[campaign.Group]campaign.Quota{campaign.Department: {Required: 1, Target: 1}}}
	agencies := []compliance.Agency{{ID: 1, Name: "Sở\x1b[31m Đỏ\x07\x08", Group: campaign.Department}, {ID: 2, Name: "Sở\tXanh", Group: campaign.Department}}
	sum := compliance.Judge(c, agencies, []compliance.Received{{AgencyID: 2, On: vndate.Of(2023, 3, 1), Registrations: 1}}, asOf)
	reports := map[string]Report{
		KindStatus:   Status{Campaign: c, Summary: sum, Lang: lang.VI},
		KindMissing:  Missing{Campaign: c, Summary: sum, Lang: lang.VI},
		KindReminder: Reminder{Campaign: c, Summary: sum, Lang: lang.VI},
	}
	for kind, rep := range reports {
		for _, f := range Formats(kind) {
			out := render(t, rep, f)
			switch f {
			case "xlsx", "pdf":
				continue // read back below and in TestPDFReadsBack
			case "docx":
				out = []byte(docxPart(t, out, "word/document.xml"))
			}
			for _, b := range out {
				if b < 0x20 && b != '\n' && b != '\r' {
					t.Errorf("%s %s: control byte %#x in %q", kind, f, b, out)
					break
				}
			}
			if bytes.Contains(out, []byte("\u009b")) || bytes.Contains(out, []byte(`\u001b`)) {
				t.Errorf("%s %s: escape sequence in output", kind, f)
			}
		}
	}
	f, sheet := openXLSX(t, render(t, reports[KindStatus], "xlsx"))
	findCell(t, f, sheet, "Sở Đỏ")
}

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "bao-cao.txt")
	write := func(s string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
	}
	if err := WriteFile(path, false, write("một")); err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("mode %v, want 0600: reports name agencies and people", fi.Mode().Perm())
		}
	}
	err := WriteFile(path, false, write("hai"))
	if !errors.Is(err, ErrExists) {
		t.Fatalf("overwrote without force: %v", err)
	}
	if msg := lang.Message(err, lang.VI); !strings.Contains(msg, "--force") || !strings.Contains(msg, "đã có") {
		t.Errorf("message %q", msg)
	}
	content := func() string {
		t.Helper()
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	if b := content(); b != "một" {
		t.Errorf("the existing file changed: %q", b)
	}
	if err := WriteFile(path, true, write("ba")); err != nil {
		t.Fatal(err)
	}
	if b := content(); b != "ba" {
		t.Errorf("force did not overwrite: %q", b)
	}
	// A failure halfway leaves the old file and no temporary file.
	boom := errors.New("boom")
	if err := WriteFile(path, true, func(w io.Writer) error { io.WriteString(w, "nửa"); return boom }); !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	if b := content(); b != "ba" {
		t.Errorf("a failed write changed the file: %q", b)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
	if err := WriteFile(dir, true, write("x")); err == nil {
		t.Error("wrote over a folder")
	}
	if err := WriteFile(filepath.Join(dir, "none", "x.txt"), false, write("x")); err == nil || !strings.Contains(lang.Message(err, lang.VI), "Không có thư mục") {
		t.Errorf("missing folder: %v", err)
	}
}

func TestSaveAndFormats(t *testing.T) {
	st, _ := openBook(t)
	dir := t.TempDir()
	for _, kind := range Kinds {
		for _, f := range Formats(kind) {
			path := filepath.Join(dir, FileName(kind, f, 2023, asOf, asOf))
			if err := Save(t.Context(), st, Request{Kind: kind, Format: f, Year: 2023, AsOf: asOf}, path, false); err != nil {
				t.Fatalf("%s %s: %v", kind, f, lang.Message(err, lang.EN))
			}
			if fi, err := os.Stat(path); err != nil || fi.Size() < 200 {
				t.Errorf("%s: %v", path, err)
			}
		}
	}
	if err := Save(t.Context(), st, Request{Kind: KindReminder, Format: "xlsx", AsOf: asOf}, filepath.Join(dir, "x.xlsx"), false); err == nil {
		t.Error("a letter as a spreadsheet was accepted")
	}
	if err := Save(t.Context(), st, Request{Kind: "nope", Format: "text", AsOf: asOf}, filepath.Join(dir, "x.txt"), false); err == nil {
		t.Error("an unknown kind was accepted")
	}
}

func TestReminderLetter(t *testing.T) {
	st, _ := openBook(t)
	let, err := build(t, st, KindReminder, lang.VI).(Reminder).Letter()
	if err != nil {
		t.Fatal(err)
	}
	if let.PlaceDate != "Hà Tĩnh, ngày 05 tháng 4 năm 2023" {
		t.Errorf("place and date = %q", let.PlaceDate)
	}
	if let.Number != "Số:        /SNV-CCHC&VTLT" || let.SignerTitle != "GIÁM ĐỐC" || let.Head.Parent != "UBND TỈNH HÀ TĨNH" {
		t.Errorf("letter = %+v", let)
	}
	if got := let.CopiesTo[len(let.CopiesTo)-1]; got != "Lưu: VT, CCHC&VTLT." {
		t.Errorf("archive line = %q", got)
	}
	if got := PlaceDate("Hà Tĩnh", vndate.Of(2024, 2, 15), lang.VI); got != "Hà Tĩnh, ngày 15 tháng 02 năm 2024" {
		t.Errorf("February takes a leading zero: %q", got)
	}
	// Nobody short: no letter, and a reason.
	c := campaign.Campaign{Year: 2023, Deadline: vndate.Of(2023, 3, 24), Quotas: map[campaign.Group]campaign.Quota{campaign.Department: {Required: 1, Target: 1}}}
	sum := compliance.Judge(c, []compliance.Agency{{ID: 1, Name: "Sở A", Group: campaign.Department}}, []compliance.Received{{AgencyID: 1, On: vndate.Of(2023, 3, 1), Registrations: 1}}, asOf)
	if err := (Reminder{Campaign: c, Summary: sum}).Write(io.Discard, "text"); !errors.Is(err, ErrNobodyToRemind) {
		t.Errorf("err = %v", err)
	}
}

// A short list is addressed by name: a district by its people's committee;
// the Department does not write to itself.
func TestReminderAddressees(t *testing.T) {
	c := campaign.Campaign{Year: 2023, Issuer: "Sở Nội vụ tỉnh Hà Tĩnh", LetterNumber: "215/SNV-CCHC&VTLT", LetterDate: vndate.Of(2023, 2, 22),
		Deadline: vndate.Of(2023, 3, 24), Quotas: map[campaign.Group]campaign.Quota{
			campaign.Department: {Required: 1, Target: 1}, campaign.District: {Required: 2, Target: 3}}}
	agencies := []compliance.Agency{{ID: 1, Name: "Sở Nội vụ", Group: campaign.Department}, {ID: 2, Name: "Sở Y tế", Group: campaign.Department},
		{ID: 3, Name: "Huyện Cẩm Xuyên", Group: campaign.District}, {ID: 4, Name: "Thị xã Kỳ Anh", Group: campaign.District}}
	sum := compliance.Judge(c, agencies, []compliance.Received{{AgencyID: 3, On: vndate.Of(2023, 3, 1), Registrations: 1}}, vndate.Of(2023, 4, 5))
	let, err := Reminder{Campaign: c, Summary: sum, Lang: lang.VI}.Letter()
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"Sở Y tế", "UBND huyện Cẩm Xuyên", "UBND thị xã Kỳ Anh"}; strings.Join(let.To, "|") != strings.Join(want, "|") {
		t.Errorf("Kính gửi: %q, want %q", let.To, want)
	}
	if !strings.Contains(let.Opening[0], "Văn bản số 215/SNV-CCHC&VTLT ngày 22/02/2023") {
		t.Errorf("the request letter is not named: %q", let.Opening[0])
	}
	var text bytes.Buffer
	if err := (Reminder{Campaign: c, Summary: sum, Lang: lang.VI}).Write(&text, "md"); err != nil { // md: lines not wrapped
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "- Huyện Cẩm Xuyên: đã đăng ký 01, còn thiếu 01 (chỉ tiêu tối thiểu 02, phấn đấu 03);") ||
		!strings.Contains(text.String(), "- Thị xã Kỳ Anh: chưa đăng ký (chỉ tiêu tối thiểu 02, phấn đấu 03).") {
		t.Errorf("the list does not end its items with ; and the last with .:\n%s", text.String())
	}
	// only the Department itself short: nobody to write to
	only := compliance.Judge(c, agencies[:1], nil, vndate.Of(2023, 4, 5))
	if _, err := (Reminder{Campaign: c, Summary: only, Lang: lang.VI}).Letter(); !errors.Is(err, ErrNobodyToRemind) {
		t.Errorf("a reminder to the Department itself: %v", err)
	}
}

func TestResultsCountsStages(t *testing.T) {
	st, _ := openBook(t)
	var out struct {
		Agencies []struct {
			Name                                                             string
			Registered, InProgress, Completed, Proposed, Recognised, Stopped int
		}
		Models []struct {
			Title, Stage string
			On           *string
			Note         string
		}
	}
	raw := render(t, build(t, st, KindResults, lang.VI), "json")
	dec := json.NewDecoder(bytes.NewReader(bytes.ReplaceAll(raw, []byte(`"in_progress"`), []byte(`"inprogress"`))))
	if err := dec.Decode(&out); err != nil {
		t.Fatal(err)
	}
	byName := map[string]int{}
	for i, a := range out.Agencies {
		byName[a.Name] = i
	}
	tp := out.Agencies[byName["Thành phố Hà Tĩnh"]]
	if tp.Registered != 3 || tp.InProgress != 1 || tp.Stopped != 1 || tp.Completed != 0 {
		t.Fatalf("Thành phố Hà Tĩnh = %+v", tp)
	}
	stp := out.Agencies[byName["Sở Tư pháp"]]
	if stp.Registered != 1 || stp.Completed != 1 || stp.InProgress != 0 {
		t.Fatalf("Sở Tư pháp = %+v", stp)
	}
	var completed int
	for _, m := range out.Models {
		if m.Stage == "completed" {
			completed++
			if m.On == nil || *m.On != "2023-04-03" || m.Note != "Đưa vào vận hành từ 01/4" {
				t.Fatalf("completed model = %+v", m)
			}
		}
	}
	if completed != 1 {
		t.Fatalf("completed models = %d", completed)
	}
	text := string(render(t, build(t, st, KindResults, lang.VI), "text"))
	for _, want := range []string{"BÁO CÁO", "Kết quả thực hiện", "1 đã hoàn thành", "CÁC MÔ HÌNH, SÁNG KIẾN ĐÃ HOÀN THÀNH", "Đưa vào vận hành từ 01/4", "Tổng cộng"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
	x := render(t, build(t, st, KindResults, lang.VI), "xlsx")
	f, _ := openXLSX(t, x)
	if _, row := findCell(t, f, "Đã hoàn thành 2023", "Đưa vào vận hành từ 01/4"); row == 0 {
		t.Fatal("xlsx lacks the completed model")
	}
}

// A past campaign's reports do not change when agencies are renamed or
// deactivated in the next campaign.
func TestPastReportsStayAfterRenaming(t *testing.T) {
	st, c23 := openBook(t)
	ctx := context.Background()
	kinds := []string{KindStatus, KindMissing, KindRegistrations, KindResults}
	before := map[string][]byte{}
	for _, k := range kinds {
		before[k] = render(t, build(t, st, k, lang.VI), "text")
	}
	id24, err := st.NewCampaign(ctx, campaign.Campaign{Year: 2024, Deadline: vndate.Of(2024, 3, 29)}, 2023)
	if err != nil {
		t.Fatal(err)
	}
	list, err := st.CampaignAgencies(ctx, id24)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range list {
		switch a.Name {
		case "Sở Tư pháp":
			a.Name = "Sở Tư pháp và Hộ tịch"
		case "Huyện Đức Thọ", "Sở Y tế":
			a.Active = false
		default:
			continue
		}
		if err := st.UpdateAgency(ctx, id24, a); err != nil {
			t.Fatal(err)
		}
	}
	for _, k := range kinds {
		after := render(t, build(t, st, k, lang.VI), "text")
		if !bytes.Equal(before[k], after) {
			t.Errorf("%s report of %d changed after renaming in 2024:\n%s", k, c23.Year, after)
		}
	}
}

// A name longer than its column goes on over the next lines in plain text:
// nothing is cut off.
func TestTextTableWrapsLongCells(t *testing.T) {
	var tb Table
	tb.Columns = []Column{{Title: "STT", Align: Right}, {Title: "Cơ quan, đơn vị", Max: 20}, {Title: "Đã ĐK", Align: Right}}
	tb.Add("1", "Ngân hàng Nhà nước Chi nhánh tỉnh Hà Tĩnh", "2")
	tb.Add("2", "Sở Y tế", "1")
	var b bytes.Buffer
	if err := tb.WriteText(&b, lang.VI); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	var name []string
	for _, l := range lines[2:] {
		if vntext.Width(l) > 3+2+20+2+5 {
			t.Errorf("line wider than the columns: %q", l)
		}
		if strings.Contains(l, "Sở Y tế") {
			break
		}
		name = append(name, strings.TrimSpace(strings.Trim(strings.TrimSpace(l), "12")))
	}
	if got := strings.Join(name, " "); got != "Ngân hàng Nhà nước Chi nhánh tỉnh Hà Tĩnh" || len(name) < 2 {
		t.Errorf("the name over %d lines reads %q:\n%s", len(name), got, b.String())
	}
	if !strings.HasPrefix(lines[2], "  1  Ngân hàng") || !strings.HasSuffix(lines[2], "2") {
		t.Errorf("the first line of the row: %q", lines[2])
	}
}

// A long list says how far its writing got, for the screen's bar.
func TestRegistrationsReportProgress(t *testing.T) {
	st, _ := openBook(t)
	var calls, last, total int
	req := Request{Kind: KindRegistrations, Format: "xlsx", Lang: lang.VI, AsOf: vndate.Of(2023, 4, 30),
		Progress: func(done, of int) { calls++; last, total = done, of }}
	if err := Save(context.Background(), st, req, filepath.Join(t.TempDir(), "ds.xlsx"), false); err != nil {
		t.Fatal(err)
	}
	if calls == 0 || total == 0 || last != total {
		t.Fatalf("progress: %d calls, last %d of %d", calls, last, total)
	}
}

// A report as of the deadline day names that day rather than calling it
// today: the paper is read on other days (issue 15, item 9).
func TestReportOnTheDeadlineDayDoesNotSayToday(t *testing.T) {
	st, c := openBook(t)
	summary, err := book.Compliance(t.Context(), st, c, c.Deadline)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range []lang.Lang{lang.VI, lang.EN} {
		for _, r := range []Report{Status{Campaign: c, Summary: summary, Lang: l}, Missing{Campaign: c, Summary: summary, Lang: l}} {
			got := string(render(t, r, "text"))
			if strings.Contains(got, "hôm nay") || strings.Contains(got, "today") {
				t.Errorf("%T (%s) speaks of today:\n%s", r, l, got)
			}
			if want := l.T("đúng ngày hạn cuối", "the deadline day"); !strings.Contains(got, want) {
				t.Errorf("%T (%s) does not say %q", r, l, want)
			}
		}
	}
}

// The completed models of the results are a table of other columns than
// the agencies': on a sheet of their own they keep their own widths and
// their own header repeated on every page, instead of being printed in
// the agencies' columns (the result squeezed into a count's width) under
// the agencies' header.
func TestXLSXResultsCompletedOnTheirOwnSheet(t *testing.T) {
	st, _ := openBook(t)
	for _, l := range []lang.Lang{lang.VI, lang.EN} {
		f, _ := openXLSX(t, render(t, build(t, st, KindResults, l), "xlsx"))
		sheets := f.GetSheetList()
		want := l.T("Đã hoàn thành 2023", "Completed 2023")
		if len(sheets) != 2 || sheets[1] != want {
			t.Fatalf("%s: sheets = %q, want a second one %q", l, sheets, want)
		}
		sheet := sheets[1]
		if l == lang.VI {
			checkPrintedSheet(t, f, sheet, "Tên mô hình, sáng kiến")
			// the same báo cáo continued: its number and its place and date
			findCell(t, f, sheet, "Hà Tĩnh, ngày 05 tháng 4 năm 2023")
		}
		findCell(t, f, sheet, l.T("Các mô hình, sáng kiến đã hoàn thành", "Completed models and initiatives"))
		col, _ := findCell(t, f, sheet, l.T("Kết quả thực hiện", "Result"))
		if w := colWidth(t, f, sheet, colName(col)); w < 30 {
			t.Errorf("%s: the result column is %.1f wide", l, w)
		}
		_, row := findCell(t, f, sheet, "Đưa vào vận hành từ 01/4")
		w := colWidth(t, f, sheet, colName(col))
		lines := doc.NewMeasure().Lines("Đưa vào vận hành từ 01/4", false, false, xlsxFontSize, cellWidth(w))
		if h := rowHigh(t, f, sheet, row); h < rowHeight(lines, xlsxFontSize) {
			t.Errorf("%s: the completed model's row is %.1f pt high for %d lines", l, h, lines)
		}
		// the agencies' sheet no longer holds them
		if rows, err := f.GetRows(sheets[0]); err != nil || strings.Contains(fmt.Sprint(rows), "Đưa vào vận hành từ 01/4") {
			t.Errorf("%s: the completed models are still on the first sheet (%v)", l, err)
		}
	}
}

// A table with no row says so under its header in a workbook, as on
// paper: the completed models' sheet before any model is completed.
func TestXLSXEmptyTableSaysNone(t *testing.T) {
	st, _ := openBook(t)
	for _, l := range []lang.Lang{lang.VI, lang.EN} {
		rep := build(t, st, KindResults, l).(Results)
		rep.Stages = nil // nothing completed yet
		f, _ := openXLSX(t, render(t, rep, "xlsx"))
		sheet := f.GetSheetList()[1]
		_, header := findCell(t, f, sheet, l.T("Tên mô hình, sáng kiến", "Title"))
		if _, row := findCell(t, f, sheet, noneYet(l)); row != header+1 {
			t.Errorf("%s: %q on row %d, the header on %d", l, noneYet(l), row, header)
		}
	}
}

// A report's default name says its day when it is not today's, as the
// clerk reads days, in letters any system takes: a report of an earlier
// day never stands in the place of today's.
func TestFileNameSaysTheDay(t *testing.T) {
	today := vndate.Of(2026, 12, 8)
	for _, tc := range []struct {
		kind, format string
		year         int
		asOf         vndate.Date
		want         string
	}{
		{KindStatus, "pdf", 2026, today, "tinh-hinh-2026.pdf"},
		{KindStatus, "pdf", 2026, vndate.Date{}, "tinh-hinh-2026.pdf"},
		{KindStatus, "text", 2026, vndate.Of(2026, 3, 1), "tinh-hinh-2026-den-01-03-2026.txt"},
		{KindMissing, "xlsx", 2023, vndate.Of(2023, 3, 24), "chua-dang-ky-du-2023-den-24-03-2023.xlsx"},
		{KindReminder, "docx", 0, vndate.Of(2026, 12, 9), "cong-van-don-doc-den-09-12-2026.docx"},
	} {
		if got := FileName(tc.kind, tc.format, tc.year, tc.asOf, today); got != tc.want {
			t.Errorf("%s %s %d %s: %q, want %q", tc.kind, tc.format, tc.year, tc.asOf, got, tc.want)
		}
	}
}
