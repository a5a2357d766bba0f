package doc

import (
	"bytes"
	_ "embed"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"
)

// Liberation Serif (SIL Open Font License, fonts/LICENSE) has the metrics
// of Times New Roman and every Vietnamese letter; it is embedded in each
// PDF (subset), so the file prints the same anywhere.
var (
	//go:embed fonts/LiberationSerif-Regular.ttf
	serifRegular []byte
	//go:embed fonts/LiberationSerif-Bold.ttf
	serifBold []byte
	//go:embed fonts/LiberationSerif-Italic.ttf
	serifItalic []byte
	//go:embed fonts/LiberationSerif-BoldItalic.ttf
	serifBoldItalic []byte
)

const pdfFont = "serif"

// canvas is all the layout asks of a PDF library: pages, fonts, text and
// rules at a place in mm, and the file. fpdf (codeberg.org/go-pdf/fpdf) provides it;
// only part and withFonts know which library draws.
type canvas interface {
	AddPage()
	PageNo() int
	GetY() float64
	SetY(y float64)
	SetFont(family, style string, size float64)
	GetStringWidth(s string) float64
	Text(x, y float64, s string)
	Rect(x, y, w, h float64, style string)
	Line(x1, y1, x2, y2 float64)
	SetLineWidth(w float64)
	SetFillColor(r, g, b int)
	Output(w io.Writer) error
	Err() bool
	Error() error
}

// pdf lays a document out on A4 pages: its own line breaking, so
// that paragraphs justify, cells wrap, and a table's header row repeats
// after every page break.
type pdf struct {
	f                        canvas  // the pages
	m                        canvas  // measures text, off the pages: fpdf writes every change of font into the page
	left, width, top, bottom float64 // the area inside the margins, mm
	doc                      *Document
	w                        io.Writer
	splice                   *splicer // the file, once a document has outgrown one part
	before                   int      // pages in the parts already spliced
	err                      error    // from writing a part
	inked                    string   // the font last set on the page ("" after a page break)
}

// PartPages is how many pages fpdf holds at once. fpdf keeps every page in
// memory until the end (the 200,000 registrations of the national list
// are 30,000 pages, 3.6 GB); a longer document is laid out in parts of
// that many pages, each its own fpdf document, spliced into one PDF as it
// goes (splice.go). A variable for the tests.
var PartPages = 1000

// WritePDF writes the document as a PDF. A fixed creation date keeps the file the same from
// one run to the next for the same book.
func (d *Document) WritePDF(w io.Writer) error {
	width, height := d.Area()
	p := &pdf{left: MarginLeft, width: width, top: MarginTop, bottom: MarginTop + height, doc: d, w: w}
	p.m, p.f = p.part(), p.part()
	return p.write()
}

// write lays the document out on p.f and writes the file.
func (p *pdf) write() error {
	d, w := p.doc, p.w
	p.f.AddPage()
	p.inked = ""
	blocks := d.blocks(Paper)
	for i, b := range blocks {
		if err := p.block(b, blocks[i+1:]); err != nil {
			return err
		}
		if p.err != nil {
			return p.err
		}
		if p.f.Err() {
			return p.f.Error()
		}
	}
	if p.splice == nil { // one part: fpdf's own file
		return p.f.Output(w)
	}
	if err := p.flush(); err != nil {
		return err
	}
	return p.splice.close()
}

// part starts an fpdf document for the next pages; its page numbers
// follow those of the parts before it.
func (p *pdf) part() *fpdf.Fpdf {
	orient := "P"
	if p.doc.Landscape {
		orient = "L"
	}
	f := withFonts(orient)
	f.SetTitle(pdfString(p.doc.Title), false)
	f.SetCreator("cchc", true)
	f.SetLang(p.doc.Lang)
	created := p.doc.Created
	if created.IsZero() {
		created = time.Now()
	}
	f.SetCreationDate(created)
	f.SetModificationDate(created)
	f.SetMargins(MarginLeft, MarginTop, MarginRight)
	f.SetAutoPageBreak(false, MarginBottom)
	f.SetHeaderFuncMode(func() {
		if n := p.before + f.PageNo(); n > 1 {
			p.font(false, false, HeadSize)
			p.ink(false, false, HeadSize)
			s := strconv.Itoa(n)
			f.Text(p.left+(p.width-p.m.GetStringWidth(s))/2, MarginTop/2+3, s)
		}
		f.SetY(MarginTop)
	}, false)
	f.SetLineWidth(0.2)
	return f
}

// withFonts is an fpdf document with the embedded fonts.
func withFonts(orient string) *fpdf.Fpdf {
	f := fpdf.New(orient, "mm", "A4", "")
	for _, font := range []struct {
		style string
		data  []byte
	}{{"", serifRegular}, {"B", serifBold}, {"I", serifItalic}, {"BI", serifBoldItalic}} {
		f.AddUTF8FontFromBytes(pdfFont, font.style, font.data)
	}
	return f
}

// A Measure breaks text into lines as the PDF does, with the metrics of
// Liberation Serif (those of Times New Roman): what a spreadsheet's rows
// need to be tall enough for their wrapped text.
type Measure struct {
	p    *pdf
	seen map[measured]int // a list repeats its kinds, areas, units and periods
}

type measured struct {
	text         string
	bold, italic bool
	size, width  float64
}

// NewMeasure reads the fonts' metrics (once for a whole sheet).
func NewMeasure() *Measure { return &Measure{p: &pdf{m: withFonts("P")}, seen: map[measured]int{}} }

// Lines is how many lines text takes in a box width points wide, at size
// points.
func (m *Measure) Lines(text string, bold, italic bool, size, width float64) int {
	mm := width * 25.4 / 72
	k := measured{text, bold, italic, size, width}
	if n, ok := m.seen[k]; ok {
		return n
	}
	m.p.font(bold, italic, size)
	text = printable(text)
	n := 1
	if strings.Contains(text, "\n") || m.p.m.GetStringWidth(text) > mm {
		n = len(m.p.lines(m.p.words([]Run{{Text: text, Bold: bold, Italic: italic}}, size), size, mm, 0))
	}
	if len(m.seen) > 10000 { // titles do not repeat: keep it small
		clear(m.seen)
	}
	m.seen[k] = n
	return n
}

// headRules are the lengths (mm) of the rules of Nghị định 30/2020 under
// the issuer, a third to a half of its name (2/5, at least 12 mm), and
// under the motto, as long as the motto: measured in the font.
func headRules(b *Letterhead) (issuer, motto float64) {
	m := NewMeasure()
	issuer = max(m.Width(b.Issuer, true, false, HeadSize)*25.4/72*0.4, 12)
	return issuer, m.Width(b.Motto, true, false, HeadSize+0.5) * 25.4 / 72
}

// Width is how wide text is on one line, in points, at size points.
func (m *Measure) Width(text string, bold, italic bool, size float64) float64 {
	m.p.font(bold, italic, size)
	return m.p.m.GetStringWidth(printable(text)) * 72 / 25.4
}

// addPage starts a page, in a new part when this one is full. A part
// that could not be written stops the document (p.err).
func (p *pdf) addPage() {
	if p.f.PageNo() >= PartPages && p.err == nil {
		if p.err = p.flush(); p.err != nil {
			return
		}
		p.f = p.part()
	}
	p.f.AddPage()
	p.inked = "" // fpdf has put back the font of the page before, after the header's
}

// flush writes the part's pages into the file.
func (p *pdf) flush() error {
	var buf bytes.Buffer
	if err := p.f.Output(&buf); err != nil {
		return err
	}
	if p.splice == nil {
		p.splice = newSplicer(p.w)
	}
	p.before += p.f.PageNo()
	return p.splice.add(buf.Bytes())
}

// font sets the font text is measured in.
func (p *pdf) font(bold, italic bool, size float64) { p.m.SetFont(pdfFont, style(bold, italic), size) }

// ink sets the font text is drawn in, when it changes: fpdf writes
// every SetFont into the page.
func (p *pdf) ink(bold, italic bool, size float64) {
	key := style(bold, italic) + strconv.FormatFloat(size, 'f', -1, 64)
	if key != p.inked {
		p.f.SetFont(pdfFont, style(bold, italic), size)
		p.inked = key
	}
}

func style(bold, italic bool) string {
	s := ""
	if bold {
		s += "B"
	}
	if italic {
		s += "I"
	}
	return s
}

// lineHeight in mm of a line of text at size pt (single spacing).
func lineHeight(size float64) float64 { return size * 1.2 * 25.4 / 72 }

// para is a paragraph as the PDF lays it out.
type para struct {
	runs   []Run
	size   float64
	align  Align
	indent float64 // mm, the first line
	left   float64 // mm, every line
	before float64 // pt
	rule   float64 // mm: a line this long, centred under the text
}

type word struct {
	text         string
	bold, italic bool
	w            float64
	br           bool // a line break before it
}

// words splits the runs into words, measured.
func (p *pdf) words(runs []Run, size float64) []word {
	var out []word
	for _, r := range runs {
		p.font(r.Bold, r.Italic, size)
		for li, line := range strings.Split(keepYear(printable(r.Text)), "\n") {
			lead, first := 0, true
			for _, w := range strings.Split(line, " ") {
				w = strings.ReplaceAll(w, "\u00a0", " ") // one word, drawn with a plain space
				if w == "" {
					lead++
					continue
				}
				if !first { // spaces beyond one are kept ("Số:        /SNV"), not those that start a line
					w = strings.Repeat(" ", lead) + w
				}
				out = append(out, word{text: w, bold: r.Bold, italic: r.Italic, w: p.m.GetStringWidth(w), br: li > 0 && first})
				lead, first = 0, false
			}
			if li > 0 && strings.TrimSpace(line) == "" {
				out = append(out, word{br: true})
			}
		}
	}
	return out
}

// lines breaks words into lines width wide (first narrower by indent).
func (p *pdf) lines(ws []word, size, width, indent float64) [][]word {
	p.font(false, false, size)
	space := p.m.GetStringWidth(" ")
	var out [][]word
	var cur []word
	used := 0.0
	avail := func() float64 {
		if len(out) == 0 {
			return width - indent
		}
		return width
	}
	for _, w := range ws {
		if w.br || len(cur) > 0 && used+space+w.w > avail() {
			out = append(out, cur)
			cur, used = nil, 0
		}
		if w.text == "" {
			continue
		}
		// a word wider than the line (a narrow column) is cut where it
		// must be, never drawn over the next cell
		for len(cur) == 0 && w.w > avail() && utf8.RuneCountInString(w.text) > 1 {
			head, rest := p.cut(w, size, avail())
			out = append(out, []word{head})
			w = rest
		}
		if len(cur) > 0 {
			used += space
		}
		cur = append(cur, w)
		used += w.w
	}
	if len(cur) > 0 || len(out) == 0 {
		out = append(out, cur)
	}
	return out
}

// cut splits a word at the last character that fits width (at least one).
func (p *pdf) cut(w word, size, width float64) (head, rest word) {
	p.font(w.bold, w.italic, size)
	defer p.font(false, false, size)
	runes := []rune(w.text)
	n := 1
	for n < len(runes) && p.m.GetStringWidth(string(runes[:n+1])) <= width {
		n++
	}
	head, rest = w, w
	head.text, rest.text, rest.br = string(runes[:n]), string(runes[n:]), false
	head.w, rest.w = p.m.GetStringWidth(head.text), p.m.GetStringWidth(rest.text)
	return head, rest
}

// drawLine writes one line at the baseline y within [x, x+width].
func (p *pdf) drawLine(line []word, x, y, width, size float64, align Align, last bool) {
	p.font(false, false, size)
	space := p.m.GetStringWidth(" ")
	used := 0.0
	for i, w := range line {
		if i > 0 {
			used += space
		}
		used += w.w
	}
	gap := space
	switch {
	case align == Centre:
		x += (width - used) / 2
	case align == Right:
		x += width - used
	case align == Justify && !last && len(line) > 1:
		gap = space + (width-used)/float64(len(line)-1)
	}
	for i := 0; i < len(line); {
		// words of one style run together as one string, unless justified
		j, seg := i+1, line[i].text
		for gap == space && j < len(line) && line[j].bold == line[i].bold && line[j].italic == line[i].italic {
			seg += " " + line[j].text
			j++
		}
		p.font(line[i].bold, line[i].italic, size)
		p.ink(line[i].bold, line[i].italic, size)
		p.f.Text(x, y, seg)
		x += p.m.GetStringWidth(seg) + gap
		i = j
	}
}

// measure is the paragraph's height in a box width wide.
func (p *pdf) measure(pp para, width float64) float64 {
	lines := p.lines(p.words(pp.runs, pp.size), pp.size, width-pp.left, pp.indent)
	h := pt(pp.before) + float64(len(lines))*lineHeight(pp.size)
	if pp.rule > 0 {
		h += 1.2
	}
	return h
}

func pt(v float64) float64 { return v * 25.4 / 72 }

// drawAt writes the paragraph in a box at x, y, width wide, without page
// breaks (the caller has made room); it returns the height used.
func (p *pdf) drawAt(pp para, x, y, width float64) float64 {
	y0 := y
	y += pt(pp.before)
	lines := p.lines(p.words(pp.runs, pp.size), pp.size, width-pp.left, pp.indent)
	lh := lineHeight(pp.size)
	for i, l := range lines {
		in := pp.left
		if i == 0 {
			in += pp.indent
		}
		p.drawLine(l, x+in, y+lh*0.8, width-in, pp.size, pp.align, i == len(lines)-1 || i+1 < len(lines) && len(lines[i+1]) > 0 && lines[i+1][0].br)
		y += lh
	}
	if pp.rule > 0 {
		y += 0.6
		p.f.Line(x+(width-pp.rule)/2, y, x+(width+pp.rule)/2, y)
		y += 0.6
	}
	return y - y0
}

// flow writes a paragraph in the body, breaking pages between its lines.
func (p *pdf) flow(pp para, keep float64) {
	y := p.f.GetY() + pt(pp.before)
	lines := p.lines(p.words(pp.runs, pp.size), pp.size, p.width-pp.left, pp.indent)
	lh := lineHeight(pp.size)
	if y+float64(len(lines))*lh+keep > p.bottom && y > p.top+1 {
		p.addPage()
		y = p.f.GetY()
	}
	for i, l := range lines {
		if y+lh > p.bottom {
			p.addPage()
			y = p.f.GetY()
		}
		in := pp.left
		if i == 0 {
			in += pp.indent
		}
		next := i+1 < len(lines) && len(lines[i+1]) > 0 && lines[i+1][0].br
		p.drawLine(l, p.left+in, y+lh*0.8, p.width-in, pp.size, pp.align, i == len(lines)-1 || next)
		y += lh
	}
	p.f.SetY(y)
}

func text(s string, size float64, bold, italic bool, align Align) para {
	return para{runs: []Run{{Text: s, Bold: bold, Italic: italic}}, size: size, align: align}
}

// columns writes boxes side by side, each a list of paragraphs, on one page.
func (p *pdf) columns(widths []float64, cols ...[]para) {
	h := p.height(widths, cols...)
	y := p.f.GetY()
	if y+h > p.bottom && y > p.top+1 {
		p.addPage()
		y = p.f.GetY()
	}
	x := p.left
	for i, c := range cols {
		cy := y
		for _, pp := range c {
			cy += p.drawAt(pp, x, cy, widths[i])
		}
		x += widths[i]
	}
	p.f.SetY(y + h)
}

// signature lays out the two columns of a letter's end.
func (p *pdf) signature(b *Signature) (widths []float64, l, r []para) {
	if b.CopiesLabel != "" {
		l = append(l, text(b.CopiesLabel, 12, true, true, Left))
	}
	for _, c := range b.Copies {
		l = append(l, text("- "+c, CopiesSize, false, false, Left))
	}
	if b.PlaceDate != "" {
		r = append(r, text(b.PlaceDate, BodySize, false, true, Centre))
	}
	for _, s := range b.Signer {
		r = append(r, text(s, BodySize, true, false, Centre))
	}
	if b.Hint != "" {
		r = append(r, text(b.Hint, BodySize, false, true, Centre))
	}
	if b.Name != "" { // the room for the signature, then the name
		name := text(b.Name, BodySize, true, false, Centre)
		name.before = 60
		r = append(r, name)
	}
	return []float64{p.width * 0.45, p.width * 0.55}, l, r
}

// height of boxes side by side.
func (p *pdf) height(widths []float64, cols ...[]para) float64 {
	h := 0.0
	for i, c := range cols {
		ch := 0.0
		for _, pp := range c {
			ch += p.measure(pp, widths[i])
		}
		h = max(h, ch)
	}
	return h
}

// bodyPara is a paragraph of the body as the PDF lays it out.
func bodyPara(b *Paragraph) para {
	pp := para{runs: b.Runs, size: b.Size, align: b.Align, before: b.Before, left: b.Hanging}
	if pp.size == 0 {
		pp.size = BodySize
	}
	if b.Indent {
		pp.indent = 12.7
	}
	return pp
}

// kept is the height (mm) that goes onto the page with what comes before
// rest: paragraphs kept with what follows them, down to the signer, whole
// (the signer is never alone on a page, nor with the last line only), or
// to a note kept with what comes before it; or three lines of what follows.
func (p *pdf) kept(rest []Block) float64 {
	h := 0.0
	for _, b := range rest {
		switch b := b.(type) {
		case *Signature:
			w, l, r := p.signature(b)
			return h + p.height(w, l, r) + pt(12)
		case *Paragraph:
			if b.KeepNext {
				h += p.measure(bodyPara(b), p.width)
				continue
			}
			if b.KeepPrev { // a note goes over whole
				return h + p.measure(bodyPara(b), p.width)
			}
		}
		break
	}
	return h + 3*lineHeight(TableSize)
}

// block writes one block; rest are those after it, for what is kept with
// what follows.
func (p *pdf) block(b Block, rest []Block) error {
	switch b := b.(type) {
	case *Paragraph:
		keep := 0.0
		if b.KeepNext {
			keep = p.kept(rest)
		}
		p.flow(bodyPara(b), keep)
	case *Letterhead:
		issuer, motto := headRules(b)
		var l []para
		if b.Parent != "" { // a body with no parent (a ministry) is named on the first line
			l = append(l, text(b.Parent, HeadSize, false, false, Centre))
		}
		l = append(l, text(b.Issuer, HeadSize, true, false, Centre))
		l[len(l)-1].rule = issuer
		if b.Number != "" {
			l = append(l, text(b.Number, HeadSize, false, false, Centre))
			l[len(l)-1].before = 4
		}
		if b.Subject != "" {
			l = append(l, text(b.Subject, 12, false, false, Centre))
		}
		r := []para{text(b.Nation, HeadSize-0.5, true, false, Centre), text(b.Motto, HeadSize+0.5, true, false, Centre)}
		r[1].rule = motto
		if b.PlaceDate != "" {
			r = append(r, text(b.PlaceDate, BodySize, false, true, Centre))
			r[len(r)-1].before = 6
		}
		p.columns([]float64{p.width * 0.4, p.width * 0.6}, l, r)
	case *Addressees:
		if len(b.Names) == 1 {
			pp := text(b.Label+" "+b.Names[0], BodySize, false, false, Centre)
			pp.before = 12
			p.flow(pp, 0)
			break
		}
		p.f.SetY(p.f.GetY() + pt(12))
		var names []para
		for _, n := range b.Names {
			names = append(names, text("- "+n, BodySize, false, false, Left))
		}
		label := text(b.Label, BodySize, false, false, Right)
		label.left = 0
		p.columns([]float64{p.width*0.3 - 2, 2, p.width * 0.7}, []para{label}, nil, names)
	case *Signature:
		w, l, r := p.signature(b)
		p.f.SetY(p.f.GetY() + pt(12))
		p.columns(w, l, r)
	case *Table:
		keep := 0.0
		if b.KeepNext {
			keep = p.kept(rest)
		}
		return p.table(b, keep)
	}
	return nil
}

// fault is the error that stops the document: a part not written, or fpdf's.
func (p *pdf) fault() error {
	if p.err != nil {
		return p.err
	}
	if p.f.Err() {
		return p.f.Error()
	}
	return nil
}

// table draws a bordered table; its header row is drawn again at the top
// of every page it runs onto. A row that does not fit at the foot of a
// page breaks between its lines, as Word and LibreOffice break the docx's,
// rather than leave the foot blank.
func (p *pdf) table(t *Table, after float64) error {
	widths := tableWidths(t, p.width)
	// room around a cell's text: 1 mm at the sides, 0.5 mm above and below
	// (the docx's cell margins), and single spacing as Word sets Times New
	// Roman (1.15 of the size)
	const pad, vpad = 1.0, 0.1
	size := TableSize
	lh := size * 1.15 * 25.4 / 72
	type cell struct {
		lines [][]word
		align Align
		width float64
		shade bool
	}
	// row is cells and the lines of the tallest
	type row struct {
		cells []cell
		n     int
	}
	mk := func(r *row, text func(i int) string, bold bool, align func(i int) Align, width func(i int) float64, shade bool, count int) {
		r.cells, r.n = r.cells[:0], 0
		for i := range count {
			c := cell{lines: p.lines(p.words([]Run{{Text: text(i), Bold: bold}}, size), size, width(i)-2*pad-fitSlack, 0), align: align(i), width: width(i), shade: shade}
			r.cells = append(r.cells, c)
			r.n = max(r.n, len(c.lines))
		}
	}
	height := func(n int) float64 { return float64(n)*lh + 2*vpad }
	// draw writes lines [from, to) of the row's cells at y
	draw := func(r *row, y float64, from, to int) {
		h := height(to - from)
		x := p.left
		for _, c := range r.cells {
			if c.shade {
				p.f.SetFillColor(242, 242, 242)
				p.f.Rect(x, y, c.width, h, "FD")
			} else {
				p.f.Rect(x, y, c.width, h, "D")
			}
			ty := y + vpad
			if c.shade { // the header is centred vertically
				ty += float64(r.n-len(c.lines)) * lh / 2
			}
			for _, l := range c.lines[min(from, len(c.lines)):min(to, len(c.lines))] {
				p.drawLine(l, x+pad, ty+lh*0.8, c.width-2*pad, size, c.align, true)
				ty += lh
			}
			x += c.width
		}
	}
	total := 0.0
	for _, w := range widths {
		total += w
	}
	whole := func(int) float64 { return total }
	left := func(int) Align { return Left }
	var head row
	mk(&head, func(i int) string { return t.Columns[i].Title }, true, func(int) Align { return Centre }, func(i int) float64 { return widths[i] }, true, len(t.Columns))
	y := p.f.GetY() + 1
	// the group a page continues, said again under the header
	var group *row
	newPage := func(band bool) {
		p.addPage()
		y = p.f.GetY()
		draw(&head, y, 0, head.n)
		y += height(head.n)
		if group != nil && !band {
			draw(group, y, 0, group.n)
			y += height(group.n)
		}
	}
	if y+height(head.n)+height(1) > p.bottom {
		newPage(true)
	} else {
		draw(&head, y, 0, head.n)
		y += height(head.n)
	}
	// Each row waits for the next, to know whether it goes over the page
	// with it: a group's band with the group's first row, the last row with
	// the total under it.
	held, next := &row{}, &row{}
	have, keep, band := false, false, false
	var heldGroup *row // the band held, as said on the pages after
	put := func(h float64, with bool) {
		if have {
			room := height(held.n)
			if keep || with {
				room += h
			}
			from := 0
			if y+room > p.bottom && (keep || with || band) {
				newPage(heldGroup != nil)
			}
			// a row alone breaks where the page ends, a line at least on each
			for y+height(held.n-from) > p.bottom {
				if fit := int((p.bottom - y - 2*vpad) / lh); fit >= 1 && fit < held.n-from {
					draw(held, y, from, from+fit)
					from += fit
				}
				newPage(false)
			}
			draw(held, y, from, held.n)
			y += height(held.n - from)
			if heldGroup != nil {
				group = heldGroup
			}
		}
		held, next = next, held
		have, keep, band, heldGroup = true, false, false, nil
	}
	err := t.Rows(func(r Row) error {
		if r.Band {
			mk(next, func(int) string { return r.Cell(0) }, true, left, whole, false, 1)
			put(height(next.n), false)
			g := &row{}
			cont := continued(r, p.doc.Lang)
			mk(g, func(int) string { return cont }, true, left, whole, false, 1)
			keep, band, heldGroup = true, true, g
			return p.fault()
		}
		mk(next, r.Cell, r.Total, func(i int) Align { return t.Columns[i].Align }, func(i int) float64 { return widths[i] }, false, len(t.Columns))
		put(height(next.n), r.Total)
		return p.fault()
	})
	if err == nil && have { // the last row goes with what is kept under the table
		next.n = 0
		put(after, after > 0)
	}
	p.f.SetY(y + 2)
	return err
}
