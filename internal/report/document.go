package report

import (
	"io"

	"cchc/internal/doc"
)

// The printed formats (docx, pdf) are rendered from one document model
// (internal/doc), built once per report: a Sheet for the table reports, a
// Letter for the reminder.

// writePrinted writes the document in a printed format.
func writePrinted(d *doc.Document, w io.Writer, f string) error {
	if f == "pdf" {
		return d.WritePDF(w)
	}
	return d.WriteDOCX(w)
}

func (h Letterhead) block() *doc.Letterhead {
	return &doc.Letterhead{Parent: h.Parent, Issuer: h.Issuer, Nation: MottoNation, Motto: MottoWords}
}

// docColumns are a table's columns on paper: numbers and dates centred.
func (t Table) docColumns() []doc.Column {
	widths := t.widths()
	cols := make([]doc.Column, len(t.Columns))
	for i, c := range t.Columns {
		cols[i] = doc.Column{Title: c.Title, Width: widths[i]}
		if c.Type != TextCell || c.Align == Right {
			cols[i].Align = doc.Centre
		}
	}
	return cols
}

// docTable feeds the table's rows, held or streamed, to the renderer.
func (t Table) docTable() *doc.Table {
	return &doc.Table{Columns: t.docColumns(), Rows: func(yield func(doc.Row) error) error {
		i := 0
		return t.each(func(cells []string, band bool) error {
			total := t.Total && t.stream == nil && i == len(t.Rows)-1
			i++
			return yield(doc.Row{Cells: cells, Band: band, Total: total})
		})
	}}
}

// Document is the sheet as a printed document: A4 landscape.
func (s Sheet) Document() *doc.Document {
	d := &doc.Document{Title: clean(s.Name), Lang: s.Head.Lang.String(), Landscape: true}
	d.Blocks = append(d.Blocks, s.Head.block(), doc.Title(upper(s.Title)))
	for _, l := range s.Lines {
		d.Blocks = append(d.Blocks, &doc.Paragraph{Runs: []doc.Run{{Text: clean(l), Italic: true}}, Align: doc.Centre, Size: 13})
	}
	for _, t := range s.Tables {
		if t.Caption != "" {
			d.Blocks = append(d.Blocks, doc.Caption(clean(t.Caption)))
		}
		if t.stream == nil && len(t.Rows) == 0 { // a header over nothing says nothing
			d.Blocks = append(d.Blocks, &doc.Paragraph{Runs: []doc.Run{{Text: s.Head.Lang.T("Chưa có.", "None yet."), Italic: true}}, Size: 13})
			continue
		}
		d.Blocks = append(d.Blocks, t.docTable())
	}
	for _, n := range s.Notes {
		d.Blocks = append(d.Blocks, &doc.Paragraph{Runs: []doc.Run{{Text: clean(n), Italic: true}}, Size: 12, Before: 4})
	}
	return d
}

// Document is the letter as a printed document: A4 portrait.
func (let Letter) Document() *doc.Document {
	l := let.Lang
	d := &doc.Document{Title: let.Subject, Lang: l.String()}
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
	t := splitQuota(let.owingTable(), 3, l)
	d.Blocks = append(d.Blocks, t.docTable())
	for i, p := range let.Closing {
		b := body(p)
		b.KeepNext = i == len(let.Closing)-1 // the signer never alone on a page
		d.Blocks = append(d.Blocks, b)
	}
	d.Blocks = append(d.Blocks, &doc.Signature{CopiesLabel: l.T("Nơi nhận:", "Copies to:"), Copies: let.CopiesTo,
		Signer: let.signerLines(), Name: let.SignerName})
	return d
}

// owingTable is the letter's list of what each agency owes, by group.
func (let Letter) owingTable() Table {
	l := let.Lang
	t := Table{Columns: []Column{
		{Title: l.T("STT", "No."), Type: NumberCell, Width: 6},
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
