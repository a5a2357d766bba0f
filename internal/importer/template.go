package importer

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strings"

	"cchc/internal/campaign"
	"cchc/internal/doc"
	"cchc/internal/lang"
	"cchc/internal/report"
	"cchc/internal/safefile"

	"github.com/xuri/excelize/v2"
)

// TemplateFormats are the formats of the blank template.
var TemplateFormats = []string{"xlsx", "csv", "docx"}

// Rows of the template: the table's header, how many numbered rows are
// printed and how far down the drop-down lists reach.
const (
	templateHeaderRow = 7
	templateRows      = 10
	templateListRows  = 200
)

// templateTitle is the template's heading: "DANH SÁCH ĐĂNG KÝ MÔ HÌNH, SÁNG
// KIẾN, CÁCH LÀM HAY TRONG CẢI CÁCH HÀNH CHÍNH NĂM 2023".
func templateTitle(c campaign.Campaign, l lang.Lang) string {
	return l.F("DANH SÁCH ĐĂNG KÝ MÔ HÌNH, SÁNG KIẾN, CÁCH LÀM HAY TRONG CẢI CÁCH HÀNH CHÍNH NĂM %d",
		"LIST OF ADMINISTRATIVE-REFORM MODELS, INITIATIVES AND GOOD PRACTICES REGISTERED FOR %d", c.Year)
}

// templateAttachment is "(Kèm theo văn bản số …/SNV-CCHC&VTLT của Sở Nội vụ)".
func templateAttachment(c campaign.Campaign, l lang.Lang) string {
	if c.LetterNumber == "" || c.Issuer == "" {
		return ""
	}
	number := c.LetterNumber
	if strings.HasPrefix(number, "/") {
		number = "…" + number
	}
	if !c.LetterDate.IsZero() {
		return l.F("(Kèm theo văn bản số %s ngày %s của %s)", "(Attached to letter %s of %s from %s)", number, c.LetterDate, c.Issuer)
	}
	return l.F("(Kèm theo văn bản số %s của %s)", "(Attached to letter %s from %s)", number, c.Issuer)
}

// leadHint is what the template says of the lead-unit column in a
// campaign that judges communes and wards directly (the two-tier map);
// "" for a campaign of the old map.
func leadHint(c campaign.Campaign, l lang.Lang) string {
	if c.QuotaFor(campaign.Commune).Required == 0 {
		return ""
	}
	return l.T("Ghi cơ quan, đơn vị hoặc UBND xã, phường chủ trì thực hiện (để trống: chính cơ quan, đơn vị gửi văn bản)",
		"The agency, commune or ward that leads the work (empty: the sender itself)")
}

// leadNote is leadHint as a line under the table (csv and docx, which have
// no input message on a cell as xlsx has): "Cơ quan/đơn vị chủ trì: …";
// "" for a campaign of the old map.
func leadNote(c campaign.Campaign, l lang.Lang) string {
	if hint := leadHint(c, l); hint != "" {
		return campaign.ColLead.Label(l) + ": " + hint
	}
	return ""
}

// The title block lines the agency fills in; the importer reads them back.
func agencyLine(l lang.Lang) string { return l.T("Tên cơ quan, đơn vị:", "Agency:") }
func numberLine(l lang.Lang) string { return l.T("Số văn bản:", "Letter number:") }
func dateLine(l lang.Lang) string   { return l.T("Ngày văn bản:", "Letter date:") }

// WriteTemplate writes the blank registration template the Department
// sends with its letter, as xlsx or csv.
func WriteTemplate(w io.Writer, c campaign.Campaign, format string, l lang.Lang) error {
	switch format {
	case "xlsx":
		return writeTemplateXLSX(w, c, l)
	case "csv":
		return writeTemplateCSV(w, c, l)
	case "docx":
		return templateDocument(c, l).WriteDOCX(w)
	}
	return lang.Errorf("Định dạng %q không có; chọn xlsx hoặc csv", "No format %q; choose xlsx or csv", format)
}

// SaveTemplate writes the blank template to the file at path, atomically;
// an existing file (an agency's filled-in copy) is kept unless force. This
// is what cchc template -o and the TUI's reports screen call.
func SaveTemplate(path string, c campaign.Campaign, format string, l lang.Lang, force bool) error {
	if err := safefile.CanWrite(path, force); err != nil {
		return err
	}
	var buf bytes.Buffer // made whole before the file is touched
	if err := WriteTemplate(&buf, c, format, l); err != nil {
		return lang.Wrap(err, "Không tạo được mẫu", "Cannot make the template")
	}
	return safefile.WriteFile(path, force, func(w io.Writer) error {
		_, err := w.Write(buf.Bytes())
		return err
	})
}

func writeTemplateCSV(w io.Writer, c campaign.Campaign, l lang.Lang) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil { // BOM: Excel then reads UTF-8
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	width := len(campaign.RegistrationColumns)
	line := func(cells ...string) []string {
		row := make([]string, width)
		copy(row, cells)
		return row
	}
	rows := [][]string{line(templateTitle(c, l))}
	if a := templateAttachment(c, l); a != "" {
		rows = append(rows, line(a))
	}
	rows = append(rows, line(agencyLine(l)), line(numberLine(l), "", "", "", dateLine(l)), line())
	var head []string
	for _, col := range campaign.RegistrationColumns {
		head = append(head, col.Label(l))
	}
	rows = append(rows, head)
	for i := 1; i <= templateRows; i++ {
		rows = append(rows, line(fmt.Sprint(i)))
	}
	// under the table, as in the docx: the lines above are the title block
	// the importer reads back, and a note is no registration
	if note := leadNote(c, l); note != "" {
		rows = append(rows, line(), line(note))
	}
	if err := cw.WriteAll(rows); err != nil {
		return err
	}
	return cw.Error()
}

func writeTemplateXLSX(w io.Writer, c campaign.Campaign, l lang.Lang) error {
	f := excelize.NewFile()
	defer f.Close()
	// column widths count characters of the default font: Times New
	// Roman, on every PC, so the sheet prints at 12 pt everywhere (with
	// Calibri missing, LibreOffice measured DejaVu Sans: 9.6 pt)
	if err := f.SetDefaultFont("Times New Roman"); err != nil {
		return err
	}
	sheet := l.T("Đăng ký", "Registrations")
	lists := l.T("Danh mục", "Lists")
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	if _, err := f.NewSheet(lists); err != nil {
		return err
	}
	cols := campaign.RegistrationColumns
	last, _ := excelize.ColumnNumberToName(len(cols))
	set := func(cell string, v any) {
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			panic(err) // cell names are constants here
		}
	}
	merge := func(from, to string) {
		if err := f.MergeCell(sheet, from, to); err != nil {
			panic(err)
		}
	}
	style := func(s *excelize.Style) int {
		id, err := f.NewStyle(s)
		if err != nil {
			panic(err)
		}
		return id
	}
	font := excelize.Font{Family: "Times New Roman", Size: 12}
	bold := font
	bold.Bold = true
	italic := font
	italic.Italic = true
	border := []excelize.Border{{Type: "left", Style: 1, Color: "000000"}, {Type: "right", Style: 1, Color: "000000"},
		{Type: "top", Style: 1, Color: "000000"}, {Type: "bottom", Style: 1, Color: "000000"}}
	titleStyle := style(&excelize.Style{Font: &bold, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	italicStyle := style(&excelize.Style{Font: &italic, Alignment: &excelize.Alignment{Horizontal: "center"}})
	labelStyle := style(&excelize.Style{Font: &bold})
	fillStyle := style(&excelize.Style{Font: &font, Border: []excelize.Border{{Type: "bottom", Style: 4, Color: "808080"}}})
	headStyle := style(&excelize.Style{Font: &bold, Border: border,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	cellStyle := style(&excelize.Style{Font: &font, Border: border, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	numStyle := style(&excelize.Style{Font: &font, Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}})

	set("A1", templateTitle(c, l))
	merge("A1", last+"1")
	_ = f.SetCellStyle(sheet, "A1", last+"1", titleStyle)
	_ = f.SetRowHeight(sheet, 1, 36)
	if a := templateAttachment(c, l); a != "" {
		set("A2", a)
		merge("A2", last+"2")
		_ = f.SetCellStyle(sheet, "A2", last+"2", italicStyle)
	}
	// Labels in A:B, the space to fill in to their right.
	set("A4", agencyLine(l))
	merge("A4", "B4")
	merge("C4", last+"4")
	set("A5", numberLine(l))
	merge("A5", "B5")
	merge("C5", "D5")
	set("E5", dateLine(l))
	merge("F5", "G5")
	_ = f.SetCellStyle(sheet, "A4", "A5", labelStyle)
	_ = f.SetCellStyle(sheet, "E5", "E5", labelStyle)
	_ = f.SetCellStyle(sheet, "C4", last+"4", fillStyle)
	_ = f.SetCellStyle(sheet, "C5", "D5", fillStyle)
	_ = f.SetCellStyle(sheet, "F5", "G5", fillStyle)
	_ = f.SetCellStyle(sheet, "F5", "G5", fillStyle)

	widths := map[campaign.Column]float64{
		// within an A4 landscape page at 12 pt, so that it prints at 11 pt or more
		campaign.ColSeq: 6, campaign.ColTitle: 29, campaign.ColKind: 10, campaign.ColArea: 18, campaign.ColLead: 18,
		campaign.ColPartners: 14, campaign.ColTimeline: 12, campaign.ColExpected: 22, campaign.ColNote: 11,
	}
	kindCol, areaCol := "", ""
	for i, col := range cols {
		name, _ := excelize.ColumnNumberToName(i + 1)
		set(fmt.Sprintf("%s%d", name, templateHeaderRow), col.Label(l))
		_ = f.SetColWidth(sheet, name, name, widths[col])
		switch col {
		case campaign.ColKind:
			kindCol = name
		case campaign.ColArea:
			areaCol = name
		}
	}
	_ = f.SetCellStyle(sheet, "A"+fmt.Sprint(templateHeaderRow), last+fmt.Sprint(templateHeaderRow), headStyle)
	_ = f.SetRowHeight(sheet, templateHeaderRow, 45)
	first, end := templateHeaderRow+1, templateHeaderRow+templateRows
	for i := 1; i <= templateRows; i++ {
		set(fmt.Sprintf("A%d", templateHeaderRow+i), i)
	}
	_ = f.SetCellStyle(sheet, fmt.Sprintf("B%d", first), fmt.Sprintf("%s%d", last, end), cellStyle)
	_ = f.SetCellStyle(sheet, fmt.Sprintf("A%d", first), fmt.Sprintf("A%d", end), numStyle)
	_ = f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: templateHeaderRow, TopLeftCell: fmt.Sprintf("A%d", first), ActivePane: "bottomLeft"})

	// The drop-down lists come from a hidden sheet: an area's name has a
	// comma in it, which an inline list cannot hold.
	_ = f.SetCellValue(lists, "A1", campaign.ColKind.Label(l))
	_ = f.SetCellValue(lists, "B1", campaign.ColArea.Label(l))
	for i, k := range campaign.Kinds {
		_ = f.SetCellValue(lists, fmt.Sprintf("A%d", i+2), k.Label(l))
	}
	for i, a := range campaign.Areas {
		_ = f.SetCellValue(lists, fmt.Sprintf("B%d", i+2), a.Label(l))
	}
	listEnd := templateHeaderRow + templateListRows
	for _, dl := range []struct {
		col, ref, title string
	}{
		{kindCol, fmt.Sprintf("'%s'!$A$2:$A$%d", lists, len(campaign.Kinds)+1), campaign.ColKind.Label(l)},
		{areaCol, fmt.Sprintf("'%s'!$B$2:$B$%d", lists, len(campaign.Areas)+1), campaign.ColArea.Label(l)},
	} {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("%s%d:%s%d", dl.col, first, dl.col, listEnd)
		dv.SetSqrefDropList(dl.ref)
		dv.SetError(excelize.DataValidationErrorStyleStop, dl.title, l.T("Hãy chọn một giá trị trong danh sách", "Choose a value from the list"))
		if err := f.AddDataValidation(sheet, dv); err != nil {
			return err
		}
	}
	if err := f.SetSheetVisible(lists, false); err != nil {
		return err
	}
	// the lead unit is said the way the map is: since 1 July 2025 the
	// communes and wards lead their own models (a campaign of the old map
	// keeps its template as it was)
	if hint := leadHint(c, l); hint != "" {
		leadCol, _ := excelize.ColumnNumberToName(slices.Index(cols, campaign.ColLead) + 1)
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("%s%d:%s%d", leadCol, first, leadCol, listEnd)
		dv.SetInput(campaign.ColLead.Label(l), hint)
		if err := f.AddDataValidation(sheet, dv); err != nil {
			return err
		}
	}

	// The signature block, as on a letter: the importer stops reading there.
	sign := end + 2
	signCol, _ := excelize.ColumnNumberToName(len(cols) - 2)
	set(fmt.Sprintf("%s%d", signCol, sign), l.T("…………, ngày …… tháng …… năm ……", "…………, date ……"))
	set(fmt.Sprintf("%s%d", signCol, sign+1), l.T("THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ", "HEAD OF THE AGENCY"))
	set(fmt.Sprintf("%s%d", signCol, sign+2), l.T("(Ký, ghi rõ họ tên và đóng dấu)", "(Signature, full name and seal)"))
	for r := sign; r <= sign+2; r++ {
		merge(fmt.Sprintf("%s%d", signCol, r), fmt.Sprintf("%s%d", last, r))
	}
	_ = f.SetCellStyle(sheet, fmt.Sprintf("%s%d", signCol, sign), fmt.Sprintf("%s%d", last, sign), italicStyle)
	_ = f.SetCellStyle(sheet, fmt.Sprintf("%s%d", signCol, sign+1), fmt.Sprintf("%s%d", last, sign+1), titleStyle)
	_ = f.SetCellStyle(sheet, fmt.Sprintf("%s%d", signCol, sign+2), fmt.Sprintf("%s%d", last, sign+2), italicStyle)
	// printed as agencies print it: A4 landscape, one page wide, the
	// column titles again on every page
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: ptr(9), Orientation: ptr("landscape"), FitToWidth: ptr(1), FitToHeight: ptr(0)}); err != nil {
		return err
	}
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: ptr(true)}); err != nil {
		return err
	}
	if err := f.SetPageMargins(sheet, report.PageMargins()); err != nil { // the reports' (Nghị định 30)
		return err
	}
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles",
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", sheet, templateHeaderRow, templateHeaderRow), Scope: sheet}); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	_, err := f.WriteTo(w)
	return err
}

func ptr[T any](v T) *T { return &v }

// templateDocument is the template as a Word document, for the agencies
// that fill it in Word: the same title block, columns and signature as the
// xlsx, on A4 landscape, every word editable.
func templateDocument(c campaign.Campaign, l lang.Lang) *doc.Document {
	d := &doc.Document{Title: templateTitle(c, l), Lang: l.String(), Landscape: true}
	d.Blocks = append(d.Blocks, doc.Title(templateTitle(c, l)))
	if a := templateAttachment(c, l); a != "" {
		d.Blocks = append(d.Blocks, &doc.Paragraph{Runs: []doc.Run{{Text: a, Italic: true}}, Align: doc.Centre, Size: 13})
	}
	label := func(s string) doc.Run { return doc.Run{Text: s, Bold: true} }
	dots := doc.Run{Text: " ……………………………………………………"}
	d.Blocks = append(d.Blocks,
		&doc.Paragraph{Runs: []doc.Run{label(agencyLine(l)), dots, dots}, Size: 13, Before: 12},
		&doc.Paragraph{Runs: []doc.Run{label(numberLine(l)), dots, {Text: "    "}, label(dateLine(l)), dots}, Size: 13, Before: 6})
	widths := map[campaign.Column]float64{
		campaign.ColSeq: 7, campaign.ColTitle: 30, campaign.ColKind: 11, campaign.ColArea: 20, campaign.ColLead: 18,
		campaign.ColPartners: 16, campaign.ColTimeline: 13, campaign.ColExpected: 20, campaign.ColNote: 11,
	}
	t := &doc.Table{}
	for _, col := range campaign.RegistrationColumns {
		c := doc.Column{Title: col.Label(l), Width: widths[col]}
		if col == campaign.ColSeq {
			c.Align = doc.Centre
		}
		t.Columns = append(t.Columns, c)
	}
	var rows []doc.Row
	for i := 1; i <= templateRows; i++ {
		rows = append(rows, doc.Row{Cells: []string{fmt.Sprint(i)}})
	}
	t.Rows = doc.HeldRows(rows)
	d.Blocks = append(d.Blocks, t)
	// Under the table, not above it: the lines above are the title block
	// the importer reads back.
	if note := leadNote(c, l); note != "" {
		d.Blocks = append(d.Blocks, &doc.Paragraph{Runs: []doc.Run{{Text: note, Italic: true}}, Size: 12, Before: 6})
	}
	d.Blocks = append(d.Blocks, &doc.Signature{
		PlaceDate: l.T("…………, ngày …… tháng …… năm ……", "…………, date ……"),
		Signer:    []string{l.T("THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ", "HEAD OF THE AGENCY")},
		Hint:      l.T("(Ký, ghi rõ họ tên và đóng dấu)", "(Signature, full name and seal)"),
	})
	return d
}
