package report

import (
	"io"
	"strconv"
	"unicode/utf8"

	"cchc/internal/doc"
	"cchc/internal/lang"
)

// Every report is built once as a document (internal/doc): its Document
// method. Text, Markdown, html, docx and pdf are rendered from that; csv,
// json and xlsx are data formats, written from the report's rows.

// writeDoc writes the document in one of the formats rendered from it.
func writeDoc(d *doc.Document, w io.Writer, f string) error {
	switch f {
	case "text", "":
		return d.WriteText(w)
	case "md":
		return d.WriteMarkdown(w)
	case "html":
		return d.WriteHTML(w)
	case "pdf":
		return d.WritePDF(w)
	}
	return d.WriteDOCX(w)
}

func (h Letterhead) block() *doc.Letterhead {
	return &doc.Letterhead{Parent: h.Parent, Issuer: h.Issuer, Nation: MottoNation, Motto: MottoWords}
}

// docColumns are a table's columns on paper: numbers and dates centred.
func (t Table) docColumns(l lang.Lang) []doc.Column {
	widths := t.widths()
	cols := make([]doc.Column, len(t.Columns))
	for i, c := range t.Columns {
		cols[i] = doc.Column{Title: c.Title, Width: widths[i], Max: c.Max, Least: c.Least}
		if c.Least == "" && t.stream == nil && (c.Type == NumberCell || c.Align == Right) {
			cols[i].Least = t.shown(l, i, t.widest(i))
		}
		if c.Type != TextCell || c.Align == Right {
			cols[i].Align = doc.Centre
		}
		if c.Align == Right {
			cols[i].TextAlign = doc.Right
		}
	}
	return cols
}

// docTable feeds the table's rows, held or streamed, to the renderer.
func (t Table) docTable(l lang.Lang) *doc.Table {
	return &doc.Table{Columns: t.docColumns(l), Records: t.records, Sample: t.sample, Rows: func(yield func(doc.Row) error) error {
		i := 0
		return t.each(func(cells []string, band bool) error {
			total := t.isTotal(i)
			i++
			if !band {
				cells = t.shownRow(l, cells)
			}
			return yield(doc.Row{Cells: cells, Band: band, Total: total})
		})
	}}
}

// shown is cell v of column i as a person reads it: a count grouped by
// thousands in the language (1.355, 1,355), anything else as it is.
func (t Table) shown(l lang.Lang, i int, v string) string {
	if i >= len(t.Columns) || !t.Columns[i].counts() {
		return v
	}
	if n, err := strconv.Atoi(v); err == nil {
		return l.Num(n)
	}
	return v
}

// shownRow is a row's cells as shown (shown), copied only when one changes.
func (t Table) shownRow(l lang.Lang, cells []string) []string {
	var out []string
	for i, v := range cells {
		if s := t.shown(l, i, v); s != v {
			if out == nil {
				out = append([]string{}, cells...)
			}
			out[i] = s
		}
	}
	if out == nil {
		return cells
	}
	return out
}

// widest is the longest cell of column i of a held table (bands aside).
func (t Table) widest(i int) string {
	out := ""
	for ri, r := range t.Rows {
		if i < len(r) && !t.bands[ri] && utf8.RuneCountInString(r[i]) > utf8.RuneCountInString(out) {
			out = r[i]
		}
	}
	return out
}

// Document is the sheet as a document: on paper A4 landscape under the
// letterhead.
func (s Sheet) Document() *doc.Document {
	d := s.head()
	// A signed report's end goes over a page with the signer, its last
	// table breaking before its last row: the signer never alone on a page.
	signed := s.Signer != nil
	for i, t := range s.Tables {
		bs := t.blocks(s.Head.Lang)
		if signed && i == len(s.Tables)-1 {
			for _, b := range bs {
				keepEnd(b)
			}
		}
		d.Blocks = append(d.Blocks, bs...)
	}
	for _, n := range s.Notes {
		p := note(n)
		p.KeepNext = signed
		d.Blocks = append(d.Blocks, p)
	}
	if g := s.Signer; g != nil {
		sig := doc.Signature{CopiesLabel: s.Head.Lang.T("Nơi nhận:", "Copies to:"), Copies: g.CopiesTo, Signer: g.Lines, Name: g.Name}
		// on paper the place and date are under the motto, as in a
		// letter; plain text has no letterhead, so they go above the signer
		plain := sig
		plain.PlaceDate = clean(s.PlaceDate)
		d.Blocks = append(d.Blocks, doc.For(doc.Paper, &sig), doc.For(doc.Plain, &plain))
	}
	return d
}

// head is the top of the sheet: the letterhead on paper, the title and
// the lines under it.
func (s Sheet) head() *doc.Document {
	d := &doc.Document{Title: clean(s.Name), Lang: s.Head.Lang.String(), Landscape: true}
	head := s.Head.block()
	head.PlaceDate, head.Number = clean(s.PlaceDate), s.Number
	d.Blocks = append(d.Blocks, doc.For(doc.Paper, head))
	if s.Type == "" {
		d.Blocks = append(d.Blocks, doc.Title(clean(s.Title)))
	} else { // the type in capitals, the title under it as it is
		d.Blocks = append(d.Blocks, doc.Title(s.Type),
			&doc.Paragraph{Runs: []doc.Run{{Text: clean(s.Title), Bold: true}}, Align: doc.Centre, Size: 14, KeepNext: true, Line: true})
		if s.Number != "" { // plain text has no letterhead
			d.Blocks = append(d.Blocks, doc.For(doc.Plain, &doc.Paragraph{Runs: []doc.Run{{Text: s.Number}}, Line: true}))
		}
	}
	for _, l := range s.Lines {
		d.Blocks = append(d.Blocks, subLine(l))
	}
	return d
}

// subLine is a line under a title: centred, in italics on paper.
func subLine(s string) *doc.Paragraph {
	return &doc.Paragraph{Runs: []doc.Run{{Text: clean(s), Italic: true}}, Align: doc.Centre, Size: 13, Line: true}
}

// heading is a heading of plain text and Markdown (level 1 or 2).
func heading(s string, level int) *doc.Paragraph {
	return &doc.Paragraph{Runs: []doc.Run{{Text: clean(s)}}, Heading: level}
}

// note is a note under the tables, in italics: the legend, kept with
// the last rows.
func note(s string) *doc.Paragraph {
	return &doc.Paragraph{Runs: []doc.Run{{Text: clean(s), Italic: true}}, Size: 12, Before: 4, KeepPrev: true}
}

// said is a sentence said instead of a table (nobody is short).
func said(s string) *doc.Paragraph { return doc.Text(clean(s), doc.Left) }

// empty is a held table without a row.
func (t Table) empty() bool { return t.stream == nil && len(t.Rows) == 0 }

// noneYet is said where a table has no row.
func noneYet(l lang.Lang) string { return l.T("Chưa có.", "None yet.") }

// blocks are the table under its caption, or "None yet." instead of a
// header over nothing.
func (t Table) blocks(l lang.Lang) []doc.Block {
	var out []doc.Block
	if t.Caption != "" {
		out = append(out, doc.Caption(clean(t.Caption)))
	}
	if t.empty() {
		none := noneYet(l)
		return append(out, doc.For(doc.Paper, &doc.Paragraph{Runs: []doc.Run{{Text: none, Italic: true}}, Size: 13}),
			doc.For(doc.Plain, said(none)))
	}
	return append(out, t.docTable(l))
}

// keepEnd keeps the end of a table's blocks (its last row, or the "None
// yet." said instead) on the page of what follows.
func keepEnd(b doc.Block) {
	switch b := b.(type) {
	case *doc.Table:
		b.KeepNext = true
	case *doc.Paragraph:
		b.KeepNext = true
	case *doc.Only:
		for _, x := range b.Blocks {
			keepEnd(x)
		}
	}
}

// Document is the letter as a document: A4 portrait on paper, 80 columns
// in plain text.
func (let Letter) Document() *doc.Document {
	l := let.Lang
	d := &doc.Document{Title: let.Subject, Lang: l.String(), TextWidth: textWidth}
	head := let.Head.block()
	head.Number, head.Subject, head.PlaceDate = let.Number, let.Subject, let.PlaceDate
	to := &doc.Addressees{Label: l.T("Kính gửi:", "To:")}
	for i, t := range let.To {
		end := ";"
		if i == len(let.To)-1 {
			end = "."
		}
		to.Names = append(to.Names, t+end)
	}
	d.Blocks = append(d.Blocks, head, to)
	body := func(p string) *doc.Paragraph {
		return &doc.Paragraph{Runs: []doc.Run{{Text: p}}, Align: doc.Justify, Indent: true, Before: 6}
	}
	for _, p := range let.Opening {
		d.Blocks = append(d.Blocks, body(p))
	}
	// what each agency owes: a table on paper, sentences on a screen
	// its last row kept with the closing and the signer: the table breaks
	// rather than leave them on a page of their own
	owing := splitQuota(let.owingTable(), 3, l).docTable(l)
	owing.KeepNext = len(let.Closing) > 0
	owing.OneTable = true // a short table: one header, the groups as bands
	d.Blocks = append(d.Blocks, doc.For(doc.Paper, owing))
	for gi, g := range let.Groups {
		list := &doc.List{Heading: Roman(gi+1) + ". " + g.Group.Heading(l)}
		for oi, o := range g.Agencies {
			list.Items = append(list.Items, shownName(o.Agency, l)+": "+owes(o, l)+listEnd(let.Groups, gi, oi))
		}
		d.Blocks = append(d.Blocks, doc.For(doc.Plain, list))
	}
	for _, p := range let.Closing {
		b := body(p)
		b.KeepNext = true // the closing together, with the signer
		d.Blocks = append(d.Blocks, b)
	}
	d.Blocks = append(d.Blocks, &doc.Signature{CopiesLabel: l.T("Nơi nhận:", "Copies to:"), Copies: let.CopiesTo,
		Signer: signerLines(let.SignerAuthority, let.SignerTitle), Name: let.SignerName})
	return d
}

// textWidth is the width of a letter and of the list of registrations in
// plain text: an 80-column terminal or printer.
const textWidth = 80

// owingTable is the letter's list of what each agency owes, by group.
func (let Letter) owingTable() Table {
	l := let.Lang
	t := Table{Columns: []Column{
		{Title: l.T("STT", "No."), Type: NumberCell, Width: 6, Ordinal: true},
		{Title: l.T("Cơ quan, đơn vị", "Agency"), Width: 34},
		{Title: l.T("Đã đăng ký", "Registered"), Type: NumberCell, Width: 12},
		{Title: l.T("Chỉ tiêu", "Quota"), Align: Right, Width: 11},
		{Title: l.T("Còn thiếu", "Owed"), Type: NumberCell, Width: 10},
	}}
	for gi, g := range let.Groups {
		t.AddBand(Roman(gi+1) + ". " + g.Group.Heading(l))
		for i, o := range g.Agencies {
			t.Add(itoa(i+1), shownName(o.Agency, l), itoa(o.Registered), QuotaText(o.Quota), itoa(o.Owed))
		}
	}
	return t
}
