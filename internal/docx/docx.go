// Package docx writes Word documents (Office Open XML) that open and print
// the same in Word and LibreOffice Writer: paragraphs of runs, tables whose
// header row repeats on every page, one A4 section, page numbers at the top
// centre from page 2. Everything it writes is plain editable text.
//
// The body is written to the archive as it is produced (document.xml is the
// last part), so a table of any length is written with flat memory.
package docx

import (
	"archive/zip"
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"unicode/utf8"
)

// Page is the section's paper: A4, portrait or landscape, margins in mm.
type Page struct {
	Landscape                bool
	Top, Bottom, Left, Right float64 // mm
	// NumberFrom2 puts the page number at the top centre of every page but
	// the first (Nghị định 30/2020/NĐ-CP).
	NumberFrom2 bool
}

// Font is the document's default font.
type Font struct {
	Family string  // "Times New Roman"
	Size   float64 // pt
	Lang   string  // "vi-VN"
}

// Align of a paragraph.
type Align string

const (
	Left    Align = "left"
	Centre  Align = "center"
	Right   Align = "right"
	Justify Align = "both"
)

// Run is text in one style. Line breaks in Text become line breaks.
type Run struct {
	Text                    string
	Bold, Italic, Underline bool
	Size                    float64 // pt; 0 for the paragraph's
}

// Para is a paragraph.
type Para struct {
	Runs          []Run
	Align         Align
	FirstLine     float64 // mm, indent of the first line
	Left, Right   float64 // mm, indents
	Before, After float64 // pt of space
	Size          float64 // pt; 0 for the document's
	KeepNext      bool    // keep with the next paragraph
	// Rule draws a line under an empty paragraph, centred, this many mm
	// long: the short rule under the issuer and the motto.
	Rule float64
	// Width is the width (mm) of the box the paragraph is in, needed to
	// centre a Rule; in a cell, its width less the margins (Row sets it).
	Width float64
}

// Cell is a table cell: paragraphs, or Text as one paragraph.
type Cell struct {
	Text   string
	Paras  []Para
	Bold   bool
	Align  Align
	Span   int  // columns it spans (0 or 1: one)
	Shade  bool // light grey, for header rows
	Middle bool // centred vertically
	// KeepNext keeps its row on the page of the next row (a group's
	// heading, the row above a total).
	KeepNext bool
}

// Table describes a table's columns and look.
type Table struct {
	Widths  []float64 // mm
	Borders bool
	Size    float64 // pt of its text; 0 for the document's
	// Side is the room (mm) left and right of a cell's text, 0 for 85
	// twips (1.5 mm); Flush leaves none above and below it (Word's own
	// default), else 28 twips: a long list takes fewer pages.
	Side  float64
	Flush bool
	// Split lets a row break across pages, between its lines, rather than
	// leave the foot of a page blank; header rows never do.
	Split bool
}

// Writer writes one document.
type Writer struct {
	zw    *zip.Writer
	body  *bufio.Writer
	page  Page
	font  Font
	table *Table
	err   error
	size  int64 // bytes of document.xml so far
	limit int64 // most it may hold; 0: no limit
	// kept is whether the last row written is kept with what follows: the
	// paragraph after its table then keeps too, or the chain breaks there.
	kept bool
}

const twipsPerMM = 1440 / 25.4

// cellMargin is the room (twips) left and right of a cell's text.
const cellMargin = 85

// CellMargin is cellMargin in mm.
const CellMargin = cellMargin / twipsPerMM

// side is the open table's room left and right of a cell's text, in twips.
func (w *Writer) side() int {
	if w.table.Side > 0 {
		return twips(w.table.Side)
	}
	return cellMargin
}

func twips(mm float64) int { return int(math.Round(mm * twipsPerMM)) }

// halfPoints is how docx gives font sizes.
func halfPoints(pt float64) int { return int(math.Round(pt * 2)) }

// New starts a document on w; Close finishes it.
func New(w io.Writer, page Page, font Font) (*Writer, error) {
	dw := &Writer{zw: zip.NewWriter(w), page: page, font: font}
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", rootRels},
		{"docProps/app.xml", appXML},
		{"word/_rels/document.xml.rels", documentRels},
		{"word/styles.xml", dw.styles()},
		{"word/settings.xml", settingsXML},
		{"word/header1.xml", headerXML(true)},
		{"word/header2.xml", headerXML(false)},
	}
	for _, p := range parts {
		f, err := dw.zw.Create(p.name)
		if err != nil {
			return nil, err
		}
		if _, err := io.WriteString(f, xml.Header+p.body); err != nil {
			return nil, err
		}
	}
	f, err := dw.zw.Create("word/document.xml")
	if err != nil {
		return nil, err
	}
	dw.body = bufio.NewWriterSize(f, 1<<16)
	dw.put(xml.Header + `<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:body>`)
	return dw, nil
}

const (
	nsW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
)

func (w *Writer) put(s string) {
	if w.err == nil {
		_, w.err = w.body.WriteString(s)
		w.size += int64(len(s))
		if w.limit > 0 && w.size > w.limit {
			w.err = ErrTooLarge
		}
	}
}

// ErrTooLarge is a body grown past the Writer's Limit.
var ErrTooLarge = errors.New("docx: document.xml over its limit")

// Limit stops the document with ErrTooLarge once document.xml would hold
// more than n bytes: past some 32 MB of text Word does not open a file.
func (w *Writer) Limit(n int64) { w.limit = n }

// Paragraph adds a paragraph to the body.
func (w *Writer) Paragraph(p Para) error {
	if w.table != nil {
		return fmt.Errorf("docx: paragraph inside a table")
	}
	w.put(w.para(p))
	return w.err
}

// StartTable opens a table; header rows (if any) repeat on every page.
func (w *Writer) StartTable(t Table, header ...[]Cell) error {
	if w.table != nil {
		return fmt.Errorf("docx: table inside a table")
	}
	w.table = &t
	var b strings.Builder
	total := 0
	for _, mm := range t.Widths {
		total += twips(mm)
	}
	fmt.Fprintf(&b, `<w:tbl><w:tblPr><w:tblW w:w="%d" w:type="dxa"/><w:jc w:val="center"/>`, total)
	if t.Borders {
		b.WriteString(`<w:tblBorders>`)
		for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
			fmt.Fprintf(&b, `<w:%s w:val="single" w:sz="4" w:space="0" w:color="000000"/>`, side)
		}
		b.WriteString(`</w:tblBorders>`)
	}
	edge := 28
	if t.Flush {
		edge = 0
	}
	fmt.Fprintf(&b, `<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="%[2]d" w:type="dxa"/><w:left w:w="%[1]d" w:type="dxa"/><w:bottom w:w="%[2]d" w:type="dxa"/><w:right w:w="%[1]d" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>`, w.side(), edge)
	for _, mm := range t.Widths {
		fmt.Fprintf(&b, `<w:gridCol w:w="%d"/>`, twips(mm))
	}
	b.WriteString(`</w:tblGrid>`)
	w.put(b.String())
	for _, h := range header {
		w.put(w.row(h, true))
	}
	return w.err
}

// Row adds a row to the open table.
func (w *Writer) Row(cells []Cell) error {
	if w.table == nil {
		return fmt.Errorf("docx: row outside a table")
	}
	w.put(w.row(cells, false))
	w.kept = false
	for _, c := range cells {
		w.kept = w.kept || c.KeepNext
	}
	return w.err
}

// EndTable closes the open table.
func (w *Writer) EndTable() error {
	if w.table == nil {
		return fmt.Errorf("docx: no table to end")
	}
	w.table = nil
	w.put(`</w:tbl>`)
	// Word needs a paragraph between two tables, and after the last one:
	// a point high, so that it never makes a page of its own after a
	// full one; kept with what follows when the last row is.
	keep := ""
	if w.kept {
		keep = `<w:keepNext/>`
	}
	w.kept = false
	w.put(`<w:p><w:pPr>` + keep + `<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="4"/></w:rPr></w:pPr></w:p>`)
	return w.err
}

// Close writes the section's page setup and finishes the archive.
func (w *Writer) Close() error {
	if w.table != nil {
		w.err = fmt.Errorf("docx: table left open")
	}
	p := w.page
	width, height, orient := 11906, 16838, ""
	if p.Landscape {
		width, height, orient = 16838, 11906, ` w:orient="landscape"`
	}
	var b strings.Builder
	b.WriteString(`<w:sectPr>`)
	if p.NumberFrom2 {
		b.WriteString(`<w:headerReference w:type="default" r:id="rIdHeader1"/><w:headerReference w:type="first" r:id="rIdHeader2"/>`)
	}
	fmt.Fprintf(&b, `<w:pgSz w:w="%d" w:h="%d"%s/>`, width, height, orient)
	fmt.Fprintf(&b, `<w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="567" w:footer="567" w:gutter="0"/>`,
		twips(p.Top), twips(p.Right), twips(p.Bottom), twips(p.Left))
	if p.NumberFrom2 {
		b.WriteString(`<w:titlePg/>`)
	}
	b.WriteString(`</w:sectPr></w:body></w:document>`)
	w.put(b.String())
	if w.err == nil {
		w.err = w.body.Flush()
	}
	if err := w.zw.Close(); w.err == nil {
		w.err = err
	}
	return w.err
}

func (w *Writer) row(cells []Cell, header bool) string {
	var b strings.Builder
	b.WriteString(`<w:tr><w:trPr>`)
	if header || !w.table.Split {
		b.WriteString(`<w:cantSplit/>`)
	}
	if header {
		b.WriteString(`<w:tblHeader/>`)
	}
	b.WriteString(`</w:trPr>`)
	col := 0
	for _, c := range cells {
		span := max(c.Span, 1)
		width := 0.0
		for i := col; i < col+span && i < len(w.table.Widths); i++ {
			width += w.table.Widths[i]
		}
		col += span
		fmt.Fprintf(&b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, twips(width))
		if span > 1 {
			fmt.Fprintf(&b, `<w:gridSpan w:val="%d"/>`, span)
		}
		if c.Shade {
			b.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/>`)
		}
		if c.Middle {
			b.WriteString(`<w:vAlign w:val="center"/>`)
		}
		b.WriteString(`</w:tcPr>`)
		paras := c.Paras
		if len(paras) == 0 {
			paras = []Para{{Runs: []Run{{Text: c.Text, Bold: c.Bold}}, Align: c.Align}}
		}
		for _, p := range paras {
			p.KeepNext = p.KeepNext || c.KeepNext
			if p.Size == 0 {
				p.Size = w.table.Size
			}
			if p.Width == 0 { // the text's box: the cell without its margins
				p.Width = width - 2*float64(w.side())/twipsPerMM
			}
			b.WriteString(w.para(p))
		}
		b.WriteString(`</w:tc>`)
	}
	b.WriteString(`</w:tr>`)
	return b.String()
}

func (w *Writer) para(p Para) string {
	var b strings.Builder
	b.WriteString(`<w:p><w:pPr>`)
	if p.KeepNext {
		b.WriteString(`<w:keepNext/>`)
	}
	if p.Rule > 0 {
		side := max((p.Width-p.Rule)/2, 0)
		fmt.Fprintf(&b, `<w:pBdr><w:top w:val="single" w:sz="6" w:space="0" w:color="000000"/></w:pBdr>`)
		p.Left, p.Right, p.FirstLine = side, side, 0
		p.Size = 2
	}
	fmt.Fprintf(&b, `<w:spacing w:before="%d" w:after="%d"/>`, int(p.Before*20), int(p.After*20))
	if p.Left != 0 || p.Right != 0 || p.FirstLine != 0 {
		fmt.Fprintf(&b, `<w:ind w:left="%d" w:right="%d" w:firstLine="%d"/>`, twips(p.Left), twips(p.Right), twips(p.FirstLine))
	}
	if p.Align != "" {
		fmt.Fprintf(&b, `<w:jc w:val="%s"/>`, p.Align)
	}
	if p.Size > 0 {
		fmt.Fprintf(&b, `<w:rPr><w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr>`, halfPoints(p.Size), halfPoints(p.Size))
	}
	b.WriteString(`</w:pPr>`)
	for _, r := range p.Runs {
		if r.Size == 0 {
			r.Size = p.Size
		}
		writeRun(&b, r)
	}
	b.WriteString(`</w:p>`)
	return b.String()
}

func writeRun(b *strings.Builder, r Run) {
	var props strings.Builder
	if r.Bold {
		props.WriteString(`<w:b/><w:bCs/>`)
	}
	if r.Italic {
		props.WriteString(`<w:i/><w:iCs/>`)
	}
	if r.Size > 0 { // before w:u: Word wants the schema's order
		fmt.Fprintf(&props, `<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, halfPoints(r.Size), halfPoints(r.Size))
	}
	if r.Underline {
		props.WriteString(`<w:u w:val="single"/>`)
	}
	b.WriteString(`<w:r>`)
	if props.Len() > 0 {
		b.WriteString(`<w:rPr>` + props.String() + `</w:rPr>`)
	}
	for i, line := range strings.Split(r.Text, "\n") {
		if i > 0 {
			b.WriteString(`<w:br/>`)
		}
		if line != "" {
			b.WriteString(`<w:t xml:space="preserve">`)
			escape(b, line)
			b.WriteString(`</w:t>`)
		}
	}
	b.WriteString(`</w:r>`)
}

// escape writes text for XML, dropping what XML 1.0 cannot hold.
func escape(b *strings.Builder, s string) {
	var clean strings.Builder
	for _, r := range s {
		if r == utf8.RuneError || r < 0x20 && r != '\t' || r == 0xfffe || r == 0xffff {
			continue
		}
		clean.WriteRune(r)
	}
	_ = xml.EscapeText(b, []byte(clean.String()))
}

func (w *Writer) styles() string {
	f := w.font
	return fmt.Sprintf(`<w:styles xmlns:w="%s"><w:docDefaults><w:rPrDefault><w:rPr>`+
		`<w:rFonts w:ascii="%[2]s" w:hAnsi="%[2]s" w:eastAsia="%[2]s" w:cs="%[2]s"/>`+
		`<w:sz w:val="%[3]d"/><w:szCs w:val="%[3]d"/><w:lang w:val="%[4]s" w:eastAsia="%[4]s" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>`+
		`<w:pPrDefault><w:pPr><w:widowControl/><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>`+
		`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>`+
		`<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/></w:style>`+
		`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>`+
		`<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`+
		`</w:styles>`, nsW, f.Family, halfPoints(f.Size), f.Lang)
}

// headerXML is the page-number header (a PAGE field, centred), or the
// empty header of the first page.
func headerXML(number bool) string {
	body := `<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr></w:p>`
	if number {
		body = `<w:p><w:pPr><w:pStyle w:val="Header"/><w:jc w:val="center"/></w:pPr>` +
			`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
			`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`
	}
	return `<w:hdr xmlns:w="` + nsW + `" xmlns:r="` + nsR + `">` + body + `</w:hdr>`
}

const contentTypes = `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
	`<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>` +
	`<Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>` +
	`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
	`</Types>`

const rootRels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

const appXML = `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>cchc</Application></Properties>`

const documentRels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
	`<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>` +
	`<Relationship Id="rIdHeader1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>` +
	`<Relationship Id="rIdHeader2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/>` +
	`</Relationships>`

const settingsXML = `<w:settings xmlns:w="` + nsW + `"><w:defaultTabStop w:val="720"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`
