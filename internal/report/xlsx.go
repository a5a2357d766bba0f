package report

import (
	"archive/zip"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"cchc/internal/doc"
	"cchc/internal/lang"
	"cchc/internal/vndate"
	"cchc/internal/vntext"
)

// DateFormat is how spreadsheet dates are shown: real dates, read dd/mm/yyyy.
const DateFormat = "dd/mm/yyyy"

// CountFormat is Office's built-in number format 3, #,##0: a count with
// the thousands separator of the reader's locale (1.355 or 1,355).
const CountFormat = 3

// SetColWidths sets a streamed sheet's column widths from column 1 on.
// excelize lists each new column before those already set, and Excel may
// offer to "repair" a sheet whose <col> elements are not in ascending
// order: they are set from the last, so that they come out ascending.
func SetColWidths(sw *excelize.StreamWriter, widths []float64) error {
	for i := len(widths) - 1; i >= 0; i-- {
		if err := sw.SetColWidth(i+1, i+1, widths[i]); err != nil {
			return err
		}
	}
	return nil
}

// Paper settings of every spreadsheet: A4 (code 9 in Office), landscape,
// as wide as one page, as long as it needs.
const (
	xlsxA4       = 9
	xlsxFont     = "Times New Roman"
	xlsxFontSize = 12
	// xlsxPageChars is how wide a sheet is made, in characters of the
	// default font (Times New Roman 11 pt, 7 pixels each): within docx's
	// margins LibreOffice prints it on A4 landscape at 96%, its 12 pt
	// text at 11.6 pt (soffice --convert-to pdf, the Tf of the text).
	xlsxPageChars = 133
	// xlsxHeaderMargin is the page number's distance from the edge, in
	// mm: docx's (567 twips).
	xlsxHeaderMargin = 10.0
)

type xlsxStyles struct {
	head, headBold, motto, title, line, caption, note int
	header, text, number, date, band, total           int
	count, totalCount                                 int // numbers shown #,##0 (1.355 or 1,355 by the reader's locale)
}

func newXLSXStyles(f *excelize.File) (xlsxStyles, error) {
	var st xlsxStyles
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	font := func(bold, italic bool, size float64) *excelize.Font {
		return &excelize.Font{Family: xlsxFont, Size: size, Bold: bold, Italic: italic}
	}
	centre := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	cell := func(horizontal string) *excelize.Alignment {
		return &excelize.Alignment{Horizontal: horizontal, Vertical: "top", WrapText: true}
	}
	dateFmt := DateFormat
	specs := []struct {
		id *int
		s  excelize.Style
	}{
		{&st.head, excelize.Style{Font: font(false, false, xlsxFontSize), Alignment: centre}},
		{&st.headBold, excelize.Style{Font: font(true, false, xlsxFontSize), Alignment: centre}},
		{&st.motto, excelize.Style{Font: &excelize.Font{Family: xlsxFont, Size: 13, Bold: true, Underline: "single"}, Alignment: centre}},
		{&st.title, excelize.Style{Font: font(true, false, 14), Alignment: centre}},
		{&st.line, excelize.Style{Font: font(false, true, xlsxFontSize), Alignment: centre}},
		{&st.note, excelize.Style{Font: font(false, true, xlsxFontSize), Alignment: cell("left")}},
		{&st.caption, excelize.Style{Font: font(true, false, xlsxFontSize), Alignment: cell("left")}},
		{&st.header, excelize.Style{Font: font(true, false, xlsxFontSize), Alignment: centre, Border: border,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}}},
		{&st.text, excelize.Style{Font: font(false, false, xlsxFontSize), Alignment: cell("left"), Border: border}},
		{&st.number, excelize.Style{Font: font(false, false, xlsxFontSize), Alignment: cell("center"), Border: border}},
		{&st.date, excelize.Style{Font: font(false, false, xlsxFontSize), Alignment: cell("center"), Border: border, CustomNumFmt: &dateFmt}},
		{&st.band, excelize.Style{Font: font(true, false, xlsxFontSize), Alignment: cell("left"), Border: border}},
		{&st.total, excelize.Style{Font: font(true, false, xlsxFontSize), Alignment: cell("center"), Border: border}},
		{&st.count, excelize.Style{Font: font(false, false, xlsxFontSize), Alignment: cell("center"), Border: border, NumFmt: CountFormat}},
		{&st.totalCount, excelize.Style{Font: font(true, false, xlsxFontSize), Alignment: cell("center"), Border: border, NumFmt: CountFormat}},
	}
	for _, sp := range specs {
		id, err := f.NewStyle(&sp.s)
		if err != nil {
			return st, err
		}
		*sp.id = id
	}
	return st, nil
}

// sheetName fits a name to Excel's rules: at most 31 characters, none of []:*?/\.
func sheetName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\'`, r) {
			return '-'
		}
		return r
	}, clean(s))
	if r := []rune(s); len(r) > 31 {
		s = string(r[:31])
	}
	if strings.TrimSpace(s) == "" {
		s = "Sheet1"
	}
	return s
}

// widths are the main table's printed column widths in characters: the
// column's own, else its longest line, kept between 5 and 50.
func (t Table) widths() []float64 {
	out := make([]float64, len(t.Columns))
	for i, c := range t.Columns {
		if c.Width > 0 {
			out[i] = c.Width
			continue
		}
		w := 0
		for _, word := range strings.Fields(c.Title) {
			w = max(w, vntext.Width(word))
		}
		for ri, r := range t.Rows {
			if ri > 500 { // a sample is enough on a long list
				break
			}
			if i < len(r) && !t.bands[ri] {
				for _, line := range strings.Split(r[i], "\n") {
					w = max(w, vntext.Width(line))
				}
			}
		}
		out[i] = float64(min(max(w+2, 5), 50))
	}
	return out
}

func colName(n int) string { s, _ := excelize.ColumnNumberToName(n); return s }

func cellRef(col, row int) string { return colName(col) + strconv.Itoa(row) }

// WriteXLSX writes the sheet as an Excel workbook, streaming the rows so
// that a long list stays fast and small. A table with a Tab of its own
// goes on a sheet of its own, under the same letterhead and title.
func (s Sheet) WriteXLSX(w io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	// Column widths count characters of the workbook's default font:
	// Times New Roman, the only one the sheet uses, is on every clerk's PC
	// (Liberation Serif where LibreOffice runs), so the sheet is as wide,
	// and prints as large, everywhere. With excelize's Calibri, a PC
	// without it (LibreOffice on Linux: DejaVu Sans) measured each
	// character 30% wider and printed the list at 9.2 pt.
	if err := f.SetDefaultFont(xlsxFont); err != nil {
		return err
	}
	st, err := newXLSXStyles(f)
	if err != nil {
		return err
	}
	measure := doc.NewMeasure()
	first, apart := s.tabs()
	if len(apart) > 0 { // the signer ends the report: on its last sheet
		first.Signer = nil
	}
	name := sheetName(s.Name)
	if err := f.SetSheetName("Sheet1", name); err != nil {
		return err
	}
	if err := first.writeXLSX(f, name, st, measure); err != nil {
		return err
	}
	for i, t := range apart {
		name := sheetName(t.Tab)
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
		one := Sheet{Name: t.Tab, Head: s.Head, Type: s.Type, Number: s.Number, PlaceDate: s.PlaceDate, Title: s.Title, Lines: s.Lines, Tables: []Table{t}}
		if i == len(apart)-1 {
			one.Signer = s.Signer
		}
		if err := one.writeXLSX(f, name, st, measure); err != nil {
			return err
		}
	}
	// excelize's WriteTo builds the whole file in a buffer before writing
	// it (40 MB at 800,000 rows, twice that while the buffer grows): its
	// zip writer is pointed at w instead, and the buffer left empty. (The
	// buffer is only needed to mark zip64 parts, of more than 4 GB.)
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return zip.NewWriter(w) })
	_, err = f.WriteTo(io.Discard)
	return err
}

// tabs are the sheet without its tables that go on sheets of their own,
// and those tables.
func (s Sheet) tabs() (Sheet, []Table) {
	var own, apart []Table
	for _, t := range s.Tables {
		if t.Tab != "" {
			apart = append(apart, t)
		} else {
			own = append(own, t)
		}
	}
	s.Tables = own
	return s, apart
}

// writeXLSX writes the sheet on the workbook's sheet name: its column
// widths are the main table's, its header repeats on every page.
func (s Sheet) writeXLSX(f *excelize.File, name string, st xlsxStyles, measure *doc.Measure) error {
	main := s.main()
	ncol := max(len(main.Columns), 2)
	for _, t := range s.Tables {
		ncol = max(ncol, len(t.Columns))
	}
	// Paper settings go on the sheet before the stream writer copies it.
	size, landscape, one, tall := xlsxA4, "landscape", 1, 0
	fit := true
	if err := f.SetPageLayout(name, &excelize.PageLayoutOptions{Size: &size, Orientation: &landscape, FitToWidth: &one, FitToHeight: &tall}); err != nil {
		return err
	}
	if err := f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := f.SetPageMargins(name, PageMargins()); err != nil {
		return err
	}
	page := s.Head.Lang.T("Trang &P/&N", "Page &P/&N")
	if err := f.SetHeaderFooter(name, &excelize.HeaderFooterOptions{OddFooter: `&C&"` + xlsxFont + `"&10` + page}); err != nil {
		return err
	}

	// Where the main table's header will be: the rows before it are known.
	headerRow := 1 + 2 + 1 + 1 + len(s.Lines) + 1 // letterhead (2), gap or number, place and date, title, lines, gap
	if s.Type != "" {
		headerRow++ // "BÁO CÁO" above the title
	}
	for _, t := range s.Tables[:s.mainIndex()] {
		headerRow += t.xlsxRows() + 1
		if t.Caption != "" {
			headerRow++
		}
		if t.Note != "" {
			headerRow++
		}
	}
	if main.Caption != "" {
		headerRow++
	}
	// A sheet whose main table comes under a summary (the status: its
	// "I. TỔNG HỢP THEO NHÓM") opens on its title and summary, what is
	// read first, with no pane: a pane holding the header takes a laptop's
	// screen or hides the summary. On paper its header repeats (Print_Titles).
	summary := s.mainIndex() > 0
	top := headerRow
	if summary {
		top = 1
	}
	if err := f.SetSheetView(name, 0, &excelize.ViewOptions{TopLeftCell: ptr(cellRef(1, top))}); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	colW := main.widths()
	// as wide as the page, as docx and pdf are; no wider, so that the
	// text prints at 11 pt or more
	if w := sum(colW); w != xlsxPageChars {
		for i := range colW {
			colW[i] = math.Round(colW[i]*xlsxPageChars/w*10) / 10
		}
	}
	if err := SetColWidths(sw, colW); err != nil {
		return err
	}
	sheetW := sum(colW)
	// The window opens on the main table's header, held above the rows
	// by a split (not frozen) pane as tall as it: frozen with the
	// letterhead and the tables above it, the header took half a laptop's
	// screen (16 rows for the status); frozen alone, the rows above it
	// could not be scrolled to. The top pane scrolls on its own up to the
	// letterhead, and its bar can be dragged or taken away.
	n := 1
	for i, c := range main.Columns {
		n = max(n, measure.Lines(c.Title, true, false, xlsxFontSize, cellWidth(colW[i])))
	}
	headH, _ := xlsxHeight(n, xlsxFontSize)
	if !summary {
		if err := sw.SetPanes(&excelize.Panes{Split: true, YSplit: int(math.Round((xlsxHeadings + headH) * 20)),
			TopLeftCell: cellRef(1, headerRow+1), ActivePane: "bottomLeft"}); err != nil {
			return err
		}
	}

	row := 1
	clipped := false // a row capped at Excel's tallest (rowHeight)
	merge := func(from, to, r int) error {
		if to > from {
			return sw.MergeCell(cellRef(from, r), cellRef(to, r))
		}
		return nil
	}
	// The letterhead: issuer on the left third, motto on the rest.
	split := max(ncol/3, 1)
	heads := [][2]string{{s.Head.Parent, MottoNation}, {s.Head.Issuer, MottoWords}}
	issuerRow := 1
	if s.Head.Parent == "" { // a body with no parent (a ministry) is named on the first line
		heads[0][0], heads[1][0], issuerRow = s.Head.Issuer, "", 0
	}
	for i, pair := range heads {
		left, right := st.head, st.headBold
		if i == issuerRow {
			left = st.headBold
		}
		if i == 1 {
			right = st.motto
		}
		cells := make([]any, ncol)
		cells[0] = excelize.Cell{StyleID: left, Value: pair[0]}
		cells[split] = excelize.Cell{StyleID: right, Value: pair[1]}
		if err := sw.SetRow(cellRef(1, row), cells); err != nil {
			return err
		}
		if err := merge(1, split, row); err != nil {
			return err
		}
		if err := merge(split+1, ncol, row); err != nil {
			return err
		}
		row++
	}
	if s.PlaceDate != "" || s.Number != "" { // under the motto and the issuer, as in a letter, in the row between them and the title
		cells := make([]any, ncol)
		if s.Number != "" {
			cells[0] = excelize.Cell{StyleID: st.head, Value: s.Number}
		}
		if s.PlaceDate != "" {
			cells[split] = excelize.Cell{StyleID: st.line, Value: clean(s.PlaceDate)}
		}
		if err := sw.SetRow(cellRef(1, row), cells); err != nil {
			return err
		}
		if err := merge(1, split, row); err != nil {
			return err
		}
		if err := merge(split+1, ncol, row); err != nil {
			return err
		}
	}
	row++
	line := func(text string, style int, bold, italic bool, size float64) error {
		// LibreOffice does not grow a merged wrapped row: its height is set
		h, cut := xlsxHeight(measure.Lines(text, bold, italic, size, cellWidth(sheetW)), size)
		clipped = clipped || cut
		opts := []excelize.RowOpts{{Height: h}}
		if err := sw.SetRow(cellRef(1, row), []any{excelize.Cell{StyleID: style, Value: text}}, opts...); err != nil {
			return err
		}
		err := merge(1, ncol, row)
		row++
		return err
	}
	title := upper(s.Title)
	if s.Type != "" { // a báo cáo: its type, then the trích yếu as it is
		if err := line(upper(s.Type), st.title, true, false, 14); err != nil {
			return err
		}
		title = s.Title
	}
	if err := line(title, st.title, true, false, 14); err != nil {
		return err
	}
	for _, l := range s.Lines {
		if err := line(clean(l), st.line, false, true, xlsxFontSize); err != nil {
			return err
		}
	}
	row++
	for ti, t := range s.Tables {
		if t.Caption != "" {
			if err := line(t.Caption, st.caption, true, false, xlsxFontSize); err != nil {
				return err
			}
		}
		if ti == s.mainIndex() && row != headerRow {
			return lang.Errorf("Lỗi bố cục bảng tính: tiêu đề bảng ở dòng %d, không phải %d", "Spreadsheet layout error: header on row %d, not %d", row, headerRow)
		}
		cut := false
		if row, cut, err = t.writeXLSX(sw, st, row, colW, measure); err != nil {
			return err
		}
		clipped = clipped || cut
		if t.empty() { // said under the header, as on paper
			if err := line(noneYet(s.Head.Lang), st.note, false, true, xlsxFontSize); err != nil {
				return err
			}
		}
		if t.Note != "" {
			if err := line(clean(t.Note), st.note, false, true, xlsxFontSize); err != nil {
				return err
			}
		}
		row++
	}
	for _, n := range s.Notes {
		if err := line(clean(n), st.note, false, true, xlsxFontSize); err != nil {
			return err
		}
	}
	if clipped {
		if err := line(clippedNote(s.Head.Lang), st.note, false, true, xlsxFontSize); err != nil {
			return err
		}
	}
	if s.Signer != nil {
		if err := s.writeSigner(f, sw, row, split, ncol, st); err != nil {
			return err
		}
	}
	// Repeat the main table's header on every printed page.
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles",
		RefersTo: "'" + name + "'!$" + strconv.Itoa(headerRow) + ":$" + strconv.Itoa(headerRow), Scope: name}); err != nil {
		return err
	}
	return sw.Flush()
}

// writeSigner writes the foot of a signed report from row on: Nơi nhận in
// the letterhead's left part, the signer in its right part, with room for
// the signature above the name. Its styles are made here, so that the
// workbooks of the other reports stay as they were.
func (s Sheet) writeSigner(f *excelize.File, sw *excelize.StreamWriter, row, split, ncol int, st xlsxStyles) error {
	left := func(bold, italic bool, size float64) (int, error) {
		return f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: xlsxFont, Size: size, Bold: bold, Italic: italic},
			Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top"}})
	}
	label, err := left(true, true, xlsxFontSize)
	if err != nil {
		return err
	}
	copies, err := left(false, false, 11)
	if err != nil {
		return err
	}
	g := s.Signer
	var l, r []excelize.Cell
	l = append(l, excelize.Cell{StyleID: label, Value: s.Head.Lang.T("Nơi nhận:", "Copies to:")})
	for _, c := range g.CopiesTo {
		l = append(l, excelize.Cell{StyleID: copies, Value: "- " + c})
	}
	for _, t := range g.Lines {
		r = append(r, excelize.Cell{StyleID: st.headBold, Value: t})
	}
	for len(r) < max(len(l), len(g.Lines)+3) { // the room for the signature
		r = append(r, excelize.Cell{})
	}
	r = append(r, excelize.Cell{StyleID: st.headBold, Value: g.Name})
	row++ // a gap under the tables
	for i := range max(len(l), len(r)) {
		cells := make([]any, ncol)
		if i < len(l) {
			cells[0] = l[i]
		}
		if i < len(r) {
			cells[split] = r[i]
		}
		if err := sw.SetRow(cellRef(1, row), cells); err != nil {
			return err
		}
		for _, m := range [][2]int{{1, split}, {split + 1, ncol}} {
			if m[1] > m[0] {
				if err := sw.MergeCell(cellRef(m[0], row), cellRef(m[1], row)); err != nil {
					return err
				}
			}
		}
		row++
	}
	return nil
}

// PageMargins are every workbook's page margins: docx's and pdf's (Nghị
// định 30: 20 mm top and bottom, 30 left, 15 right), the page number
// xlsxHeaderMargin from the edge.
func PageMargins() *excelize.PageLayoutMarginsOptions {
	return &excelize.PageLayoutMarginsOptions{
		Left: ptr(inches(doc.MarginLeft)), Right: ptr(inches(doc.MarginRight)), Top: ptr(inches(doc.MarginTop)), Bottom: ptr(inches(doc.MarginBottom)),
		Header: ptr(inches(xlsxHeaderMargin)), Footer: ptr(inches(xlsxHeaderMargin)),
	}
}

func ptr[T any](v T) *T { return &v }

// inches are mm as a spreadsheet's margins are given.
func inches(mm float64) float64 { return math.Round(mm/25.4*1000) / 1000 }

func sum(ws []float64) float64 {
	t := 0.0
	for _, w := range ws {
		t += w
	}
	return t
}

// rowHeight is the height in points of a row of n lines of text at size
// points: LibreOffice sets Liberation Serif's lines 1.15 em apart.
func rowHeight(n int, size float64) float64 { return float64(n)*size*1.2 + 3 }

// xlsxHeight is rowHeight as a sheet can have it: Excel allows no row
// taller than 409 pt (excelize refuses one), so a taller row is capped,
// its cell still wrapping, and clipped says so for the note.
// xlsxHeadings is the height (pt) of the column letters' bar above a
// sheet, which a split pane's position counts in.
const xlsxHeadings = 15

func xlsxHeight(n int, size float64) (h float64, clipped bool) {
	if h = rowHeight(n, size); h > excelize.MaxRowHeight {
		return excelize.MaxRowHeight, true
	}
	return h, false
}

// clippedNote is said under a sheet with a row capped at Excel's height:
// where the whole text is read.
func clippedNote(l lang.Lang) string {
	return l.T("Ghi chú: có ô chữ dài hơn chiều cao tối đa của một dòng trong Excel (409 pt) nên không hiện hết; "+
		"toàn văn vẫn có trong ô (chọn ô, xem trên thanh công thức) và trong báo cáo này dạng csv hoặc docx.",
		"Note: some cells hold more text than Excel's tallest row (409 pt) shows; the whole text is still in the cell "+
			"(select it and read the formula bar) and in this report as csv or docx.")
}

// cellWidth is the room for text, in points, in a column width characters
// wide: a character is 7 pixels of 0.75 pt (the digits of Times New Roman
// at 11 pt, the workbook's default font), less the cell's margins.
func cellWidth(width float64) float64 { return width*7*0.75 - 6 }

// xlsxRows is how many rows the table takes: its header and its rows,
// or the line that says there are none.
func (t Table) xlsxRows() int {
	if t.empty() {
		return 2
	}
	return 1 + len(t.Rows)
}

// writeXLSX writes the table from row on; it returns the row after it,
// and whether a row was too tall for Excel and capped.
func (t Table) writeXLSX(sw *excelize.StreamWriter, st xlsxStyles, row int, colW []float64, m *doc.Measure) (next int, clipped bool, err error) {
	head := make([]any, len(t.Columns))
	titles := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		head[i] = excelize.Cell{StyleID: st.header, Value: c.Title}
		titles[i] = c.Title
	}
	total := sum(colW)
	// Row heights are set from the text wrapped in its column, measured
	// in the font (LibreOffice does not grow rows itself, and prints them
	// over each other).
	height := func(cells []string, bold bool) []excelize.RowOpts {
		n := 1
		for i, c := range cells {
			if i < len(colW) {
				w := colW[i]
				if len(cells) == 1 {
					w = total
				}
				n = max(n, m.Lines(c, bold, false, xlsxFontSize, cellWidth(w)))
			}
		}
		h, cut := xlsxHeight(n, xlsxFontSize)
		clipped = clipped || cut
		return []excelize.RowOpts{{Height: h}}
	}
	if err := sw.SetRow(cellRef(1, row), head, height(titles, true)...); err != nil {
		return row, clipped, err
	}
	row++
	cells := make([]any, len(t.Columns))
	ri := 0
	err = t.each(func(r []string, band bool) error {
		defer func() { ri++ }()
		if band {
			for i := range cells {
				cells[i] = excelize.Cell{StyleID: st.band}
			}
			cells[0] = excelize.Cell{StyleID: st.band, Value: r[0]}
			if err := sw.SetRow(cellRef(1, row), cells, height(r[:1], true)...); err != nil {
				return err
			}
			if err := sw.MergeCell(cellRef(1, row), cellRef(len(t.Columns), row)); err != nil {
				return err
			}
			row++
			return nil
		}
		totalRow := t.isTotal(ri)
		for i, c := range t.Columns {
			v := ""
			if i < len(r) {
				v = r[i]
			}
			cells[i] = xlsxCell(c, v, st, totalRow)
		}
		if err := sw.SetRow(cellRef(1, row), cells, height(r, totalRow)...); err != nil {
			return err
		}
		row++
		return nil
	})
	return row, clipped, err
}

// xlsxCell stores a number as a number and a date as a real date, so that
// Excel can sum, sort and filter them; anything else stays text.
func xlsxCell(c Column, v string, st xlsxStyles, total bool) excelize.Cell {
	style := st.text
	if c.Type != TextCell || c.Align == Right {
		style = st.number
	}
	if total {
		style = st.total
	}
	switch c.Type {
	case NumberCell:
		if n, err := strconv.Atoi(v); err == nil {
			if c.counts() {
				style = st.count
				if total {
					style = st.totalCount
				}
			}
			return excelize.Cell{StyleID: style, Value: n}
		}
	case DateCell:
		if d, err := vndate.Parse(v); err == nil && !d.IsZero() {
			return excelize.Cell{StyleID: st.date, Value: d.Time()}
		}
	}
	if v == "" {
		return excelize.Cell{StyleID: style}
	}
	return excelize.Cell{StyleID: style, Value: v}
}
