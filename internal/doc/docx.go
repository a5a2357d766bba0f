package doc

import (
	"errors"
	"io"
	"strings"

	"cchc/internal/docx"
	"cchc/internal/lang"
)

// WriteDOCX writes the document as a Word file.
func (d *Document) WriteDOCX(w io.Writer) error {
	lang := "vi-VN"
	if d.Lang == "en" {
		lang = "en-GB"
	}
	dw, err := docx.New(w, docx.Page{Landscape: d.Landscape, Top: MarginTop, Bottom: MarginBottom, Left: MarginLeft,
		Right: MarginRight, NumberFrom2: true}, docx.Font{Family: Font, Size: BodySize, Lang: lang})
	if err != nil {
		return err
	}
	dw.Limit(MaxDOCXBody)
	width, _ := d.Area()
	for _, b := range d.blocks(Paper) {
		if err := docxBlock(dw, b, width); err != nil {
			return tooLarge(err)
		}
	}
	return tooLarge(dw.Close())
}

// MaxDOCXBody is the most document.xml holds (bytes): Word opens about
// 32 MB of text. A variable for the tests.
var MaxDOCXBody int64 = 25_000_000

// tooLarge says a document over MaxDOCXBody in words, with what to write
// instead.
func tooLarge(err error) error {
	if errors.Is(err, docx.ErrTooLarge) {
		return lang.Errorf("Báo cáo quá dài để Word mở được (hơn %d MB văn bản). Hãy ghi ra xlsx (Excel) hoặc pdf.",
			"The report is too long for Word to open (over %d MB of text). Write it as xlsx (Excel) or pdf instead.", MaxDOCXBody/1_000_000)
	}
	return err
}

var docxAlign = map[Align]docx.Align{Left: docx.Left, Centre: docx.Centre, Right: docx.Right, Justify: docx.Justify}

func docxPara(p *Paragraph) docx.Para {
	out := docx.Para{Align: docxAlign[p.Align], Size: p.Size, Before: p.Before, KeepNext: p.KeepNext, After: 0}
	if p.Indent {
		out.FirstLine = 12.7
	}
	if p.Hanging > 0 {
		out.Left = p.Hanging
	}
	for _, r := range p.Runs {
		out.Runs = append(out.Runs, docx.Run{Text: keepYear(r.Text), Bold: r.Bold, Italic: r.Italic})
	}
	return out
}

func line(text string, size float64, bold, italic bool, align docx.Align) docx.Para {
	return docx.Para{Runs: []docx.Run{{Text: keepYear(text), Bold: bold, Italic: italic}}, Size: size, Align: align}
}

func docxBlock(dw *docx.Writer, b Block, width float64) error {
	switch b := b.(type) {
	case *Paragraph:
		return dw.Paragraph(docxPara(b))
	case *Letterhead:
		left, right := width*0.4, width*0.6
		if err := dw.StartTable(docx.Table{Widths: []float64{left, right}}); err != nil {
			return err
		}
		issuer, motto := headRules(b)
		var l []docx.Para
		if b.Parent != "" { // a body with no parent (a ministry) is named on the first line
			l = append(l, line(b.Parent, HeadSize, false, false, docx.Centre))
		}
		l = append(l, line(b.Issuer, HeadSize, true, false, docx.Centre), docx.Para{Rule: issuer})
		if b.Number != "" {
			l = append(l, line(b.Number, HeadSize, false, false, docx.Centre))
		}
		if b.Subject != "" {
			l = append(l, line(b.Subject, 12, false, false, docx.Centre))
		}
		r := []docx.Para{
			line(b.Nation, HeadSize-0.5, true, false, docx.Centre),
			line(b.Motto, HeadSize+0.5, true, false, docx.Centre),
			{Rule: motto},
		}
		if b.PlaceDate != "" {
			// a short line that never wraps: its year needs no no-break
			// space, which LibreOffice sets wide in italics ("năm  2026")
			p := docx.Para{Runs: []docx.Run{{Text: b.PlaceDate, Italic: true}}, Size: BodySize, Align: docx.Centre}
			p.Before = 6
			r = append(r, p)
		}
		if err := dw.Row([]docx.Cell{{Paras: l}, {Paras: r}}); err != nil {
			return err
		}
		return dw.EndTable()
	case *Addressees:
		if len(b.Names) == 1 {
			p := line(b.Label+" "+b.Names[0], BodySize, false, false, docx.Centre)
			p.Before, p.After = 12, 6
			return dw.Paragraph(p)
		}
		label := width * 0.3
		if err := dw.StartTable(docx.Table{Widths: []float64{label, width - label}}); err != nil {
			return err
		}
		var names []docx.Para
		for _, n := range b.Names {
			names = append(names, line("- "+n, BodySize, false, false, docx.Left))
		}
		l := line(b.Label, BodySize, false, false, docx.Right)
		l.Before = 12
		names[0].Before = 12
		if err := dw.Row([]docx.Cell{{Paras: []docx.Para{l}}, {Paras: names}}); err != nil {
			return err
		}
		return dw.EndTable()
	case *Signature:
		// the space above kept with the signer, as the closing paragraph above it is
		if err := dw.Paragraph(docx.Para{Before: 6, KeepNext: true}); err != nil {
			return err
		}
		left, right := width*0.45, width*0.55
		if err := dw.StartTable(docx.Table{Widths: []float64{left, right}}); err != nil {
			return err
		}
		var l []docx.Para
		if b.CopiesLabel != "" {
			l = append(l, line(b.CopiesLabel, 12, true, true, docx.Left))
		}
		for _, c := range b.Copies {
			l = append(l, line("- "+c, CopiesSize, false, false, docx.Left))
		}
		var r []docx.Para
		if b.PlaceDate != "" {
			r = append(r, line(b.PlaceDate, BodySize, false, true, docx.Centre))
		}
		for _, s := range b.Signer {
			r = append(r, line(s, BodySize, true, false, docx.Centre))
		}
		if b.Hint != "" {
			r = append(r, line(b.Hint, BodySize, false, true, docx.Centre))
		}
		if b.Name != "" { // the room for the signature, then the name
			for range 4 {
				r = append(r, line("", BodySize, false, false, docx.Centre))
			}
			r = append(r, line(b.Name, BodySize, true, false, docx.Centre))
		}
		if err := dw.Row([]docx.Cell{{Paras: l}, {Paras: r}}); err != nil {
			return err
		}
		return dw.EndTable()
	case *Table:
		return docxTable(dw, b, width)
	}
	return nil
}

// docxTable writes a table. Word repeats only a table's first rows on
// each page, so each group is a table of its own whose header rows are
// the columns' titles and the group's band: the band is said again at the
// top of every page the group runs onto (as it is, without "(tiếp theo)",
// which Word cannot add); OneTable keeps them rows of one table.
func docxTable(dw *docx.Writer, t *Table, width float64) error {
	widths := tableWidths(t, width)
	head := make([]docx.Cell, len(t.Columns))
	for i, c := range t.Columns {
		head[i] = docx.Cell{Text: c.Title, Bold: true, Align: docx.Centre, Shade: true, Middle: true}
	}
	look := docx.Table{Widths: widths, Borders: true, Size: TableSize, Side: fitPad, Flush: true, Split: true}
	open := false
	start := func(band ...[]docx.Cell) error {
		if open {
			if err := dw.EndTable(); err != nil {
				return err
			}
		}
		open = true
		return dw.StartTable(look, append([][]docx.Cell{head}, band...)...)
	}
	// Each row waits for the next, to know whether it goes over the page
	// with it: the last row with the total under it.
	var held []docx.Cell
	put := func(keep bool) error {
		if held == nil {
			return nil
		}
		for i := range held {
			held[i].KeepNext = held[i].KeepNext || keep
		}
		err := dw.Row(held)
		held = nil
		return err
	}
	err := t.Rows(func(r Row) error {
		if err := put(r.Total); err != nil {
			return err
		}
		if r.Band {
			band := []docx.Cell{{Text: r.Cell(0), Bold: true, Span: len(t.Columns), KeepNext: true}}
			if !t.OneTable {
				return start(band)
			}
			if !open {
				if err := start(); err != nil {
					return err
				}
			}
			return dw.Row(band)
		}
		if !open {
			if err := start(); err != nil {
				return err
			}
		}
		held = make([]docx.Cell, len(t.Columns))
		for i, c := range t.Columns {
			text := r.Cell(i)
			held[i] = docx.Cell{Text: strings.TrimSpace(text), Bold: r.Total, Align: docxAlign[c.Align]}
		}
		return nil
	})
	if err == nil {
		err = put(t.KeepNext)
	}
	if err == nil && !open {
		err = start()
	}
	if err != nil {
		return err
	}
	return dw.EndTable()
}
