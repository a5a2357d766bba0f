package doc

import (
	"bufio"
	"io"
	"strings"

	"cchc/internal/vntext"
)

// The plain-text rendering is for a terminal or a plain printer: Vietnamese
// measured by display width, not bytes; tables aligned in columns, a
// cell wider than its column going on over the lines below; a letter 80
// columns wide with its two-column head and foot. Blocks are set off by a
// blank line, except under a heading, between the lines under a title, and
// within body text, whose indented first lines mark its paragraphs.

// defaultWidth is a letter's width when the document gives none.
const defaultWidth = 80

// letterLeft is the left column of a letter's head and foot (the issuer,
// Nơi nhận) out of 80; the right one (the motto, the signer) is the rest.
const letterLeft = 34

type textWriter struct {
	w     *bufio.Writer
	err   error
	width int  // for wrapping; 0: paragraphs stay on one line
	gap   bool // a blank line is owed before the next text
}

// put writes s, after the blank line owed: a block that writes nothing (an
// empty list) leaves no blank line behind.
func (t *textWriter) put(s string) {
	if t.err != nil {
		return
	}
	if t.gap {
		t.gap = false
		if _, t.err = t.w.WriteString("\n"); t.err != nil {
			return
		}
	}
	_, t.err = t.w.WriteString(s)
}

// WriteText writes the document as plain text.
func (d *Document) WriteText(w io.Writer) error {
	t := &textWriter{w: bufio.NewWriterSize(w, 1<<16), width: d.TextWidth}
	var prev Block
	for _, b := range d.blocks(PlainText) {
		if prev != nil && apart(prev, b) {
			t.gap = true
		}
		if err := t.block(b); err != nil {
			return err
		}
		prev = b
	}
	if t.err != nil {
		return t.err
	}
	return t.w.Flush()
}

// apart says whether plain text puts a blank line between two blocks.
func apart(prev, next Block) bool {
	p, _ := prev.(*Paragraph)
	n, _ := next.(*Paragraph)
	switch {
	case p != nil && p.Heading > 0:
		return false
	case p != nil && n != nil && p.Line && n.Line:
		return false
	}
	return !body(prev) || !body(next)
}

// body is body text in a letter: indented paragraphs and lists.
func body(b Block) bool {
	switch b := b.(type) {
	case *Paragraph:
		return b.Indent
	case *List:
		return true
	}
	return false
}

func (t *textWriter) block(b Block) error {
	switch b := b.(type) {
	case *Paragraph:
		t.para(b)
	case *List:
		t.list(b)
	case *Letterhead:
		t.letterhead(b)
	case *Addressees:
		t.addressees(b)
	case *Signature:
		t.signature(b)
	case *Table:
		if b.Records {
			return t.records(b)
		}
		return t.table(b)
	}
	return t.err
}

func runsText(runs []Run) string {
	if len(runs) == 1 {
		return runs[0].Text
	}
	var b strings.Builder
	for _, r := range runs {
		b.WriteString(r.Text)
	}
	return b.String()
}

func (t *textWriter) para(p *Paragraph) {
	text := runsText(p.Runs)
	if p.Heading > 0 || p.Caps {
		text = strings.ToUpper(text)
	}
	if p.Line || t.width == 0 {
		t.put(OneLine(text) + "\n")
		return
	}
	indent := ""
	if p.Indent {
		indent = "    "
	}
	var b strings.Builder
	for i, line := range Wrap(text, t.width-len(indent), t.width) {
		if i == 0 {
			line = indent + line
		}
		b.WriteString(line + "\n")
	}
	t.put(b.String())
}

func (t *textWriter) lineWidth() int {
	if t.width > 0 {
		return t.width
	}
	return defaultWidth
}

// list: the heading, then "  - item" with its lines under its text.
func (t *textWriter) list(l *List) {
	w := t.lineWidth()
	var b strings.Builder
	if l.Heading != "" {
		b.WriteString(OneLine(l.Heading) + "\n")
	}
	for _, it := range l.Items {
		for i, line := range Wrap("- "+it, w-2, w-4) {
			if i > 0 {
				line = "  " + line
			}
			b.WriteString("  " + line + "\n")
		}
	}
	t.put(b.String())
}

// centre centres s in w cells, cutting it to w.
func centre(s string, w int) string {
	s = vntext.Truncate(s, w)
	pad := (w - vntext.Width(s)) / 2
	return strings.Repeat(" ", pad) + s + strings.Repeat(" ", w-pad-vntext.Width(s))
}

// twoColumns writes rows of a left and a right part, the left padded or
// centred, the right centred.
func (t *textWriter) twoColumns(left, right []string, centreLeft bool) {
	w := t.lineWidth()
	var b strings.Builder
	for i := range max(len(left), len(right)) {
		var l, r string
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		if centreLeft {
			l = centre(l, letterLeft)
		} else {
			l = vntext.Pad(l, letterLeft)
		}
		b.WriteString(strings.TrimRight(l+centre(r, w-letterLeft), " ") + "\n")
	}
	t.put(b.String())
}

// letterhead: the issuer and the motto side by side, each over a short
// rule; the number and subject under the issuer, the place and date
// beside the subject.
func (t *textWriter) letterhead(h *Letterhead) {
	left := []string{h.Parent, h.Issuer, strings.Repeat("─", min(vntext.Width(h.Issuer), 12))}
	if h.Parent == "" { // a body with no parent (a ministry) is named on the first line
		left = left[1:]
	}
	right := []string{h.Nation, h.Motto, strings.Repeat("─", vntext.Width(h.Motto))}
	if h.Number != "" {
		left, right = append(left, h.Number), append(right, "")
	}
	if h.Subject != "" || h.PlaceDate != "" {
		for i, s := range Wrap(h.Subject, letterLeft-2, letterLeft-2) {
			left = append(left, s)
			if i == 0 {
				right = append(right, h.PlaceDate)
			}
		}
	}
	t.twoColumns(left, right, true)
}

// addressees: one name centred on the line, or a list under the label.
func (t *textWriter) addressees(a *Addressees) {
	if len(a.Names) == 1 {
		t.put(centre(a.Label+" "+a.Names[0], t.lineWidth()) + "\n")
		return
	}
	pad := strings.Repeat(" ", 12)
	var b strings.Builder
	b.WriteString(pad + a.Label + "\n")
	for _, n := range a.Names {
		b.WriteString(pad + strings.Repeat(" ", vntext.Width(a.Label)+1) + "- " + n + "\n")
	}
	t.put(b.String())
}

// signature: Nơi nhận on the left, its items wrapped under their text; the
// signer on the right, with room for the signature above the name.
func (t *textWriter) signature(s *Signature) {
	var left []string
	if s.CopiesLabel != "" {
		left = append(left, s.CopiesLabel)
	}
	for _, c := range s.Copies {
		for i, line := range Wrap(c, letterLeft-3, letterLeft-3) {
			if i == 0 {
				left = append(left, "- "+line)
			} else {
				left = append(left, "  "+line)
			}
		}
	}
	var right []string
	if s.PlaceDate != "" {
		right = append(right, s.PlaceDate)
	}
	right = append(right, s.Signer...)
	if s.Hint != "" {
		right = append(right, s.Hint)
	}
	right = append(right, "", "", "", s.Name)
	t.twoColumns(left, right, false)
}

// table writes the rows aligned in columns; it holds them to measure the
// columns, so it is for tables of agencies, not of every registration
// (those are Records).
func (t *textWriter) table(tb *Table) error {
	var rows []Row
	if err := tb.Rows(func(r Row) error { rows = append(rows, r); return nil }); err != nil {
		return err
	}
	t.put(TextTable(tb.Columns, rows))
	return t.err
}

// TextTable is the rows aligned under the columns' titles, for a
// terminal; a cell wider than its column (a long name) goes on over the
// lines below, within its column: nothing is cut off.
func TextTable(cols []Column, rows []Row) string {
	widths := make([]int, len(cols))
	for i, c := range cols {
		widths[i] = vntext.Width(c.Title)
	}
	for _, r := range rows {
		if r.Band {
			continue
		}
		for i, cell := range r.Cells {
			if n := vntext.Width(OneLine(cell)); i < len(widths) && n > widths[i] {
				widths[i] = n
			}
		}
	}
	for i, c := range cols {
		if c.Max > 0 && widths[i] > c.Max {
			widths[i] = c.Max
		}
	}
	var b strings.Builder
	line := func(cells []string) {
		wrapped := make([][]string, len(cols))
		height := 1
		for i := range cols {
			if i < len(cells) {
				if cell := OneLine(cells[i]); vntext.Width(cell) > widths[i] {
					wrapped[i] = Wrap(cell, widths[i], widths[i])
				} else {
					wrapped[i] = []string{cell}
				}
			}
			height = max(height, len(wrapped[i]))
		}
		parts := make([]string, len(cols))
		for k := range height {
			for i, c := range cols {
				cell := ""
				if k < len(wrapped[i]) {
					cell = wrapped[i][k]
				}
				if c.TextAlign == Right {
					parts[i] = vntext.PadLeft(cell, widths[i])
				} else {
					parts[i] = vntext.Pad(cell, widths[i])
				}
			}
			b.WriteString(strings.TrimRight(strings.Join(parts, "  "), " ") + "\n")
		}
	}
	titles := make([]string, len(cols))
	rule := make([]string, len(cols))
	for i, c := range cols {
		titles[i] = c.Title
		rule[i] = strings.Repeat("─", widths[i])
	}
	line(titles)
	line(rule)
	for _, r := range rows {
		if r.Band {
			text := r.Cell(0)
			b.WriteString(OneLine(text) + "\n")
			continue
		}
		line(r.Cells)
	}
	return b.String()
}

// records writes each row as a numbered record, a blank line before each
// (and before each band), as the rows come.
func (t *textWriter) records(tb *Table) error {
	w := t.lineWidth()
	var b strings.Builder
	first := true
	return tb.Rows(func(r Row) error {
		if !first {
			t.gap = true
		}
		first = false
		b.Reset()
		if r.Band {
			t.put(OneLine(r.Cell(0)) + "\n")
			return t.err
		}
		for k, line := range Wrap(r.Cell(0)+". "+OneLine(r.Cell(1)), w, w-3) {
			if k > 0 {
				line = "   " + line
			}
			b.WriteString(line + "\n")
		}
		// a field's own line breaks are kept; each line wraps under the label
		for i := 2; i < len(tb.Columns); i++ {
			value := strings.TrimSpace(r.Cell(i))
			if value == "" {
				continue
			}
			for p, part := range strings.Split(value, "\n") {
				if p == 0 {
					part = tb.Columns[i].Title + ": " + part
				}
				for j, line := range Wrap(part, w-3, w-5) {
					if p > 0 || j > 0 {
						line = "  " + line
					}
					b.WriteString("   " + line + "\n")
				}
			}
		}
		t.put(b.String())
		return t.err
	})
}

// Clean keeps line breaks and drops control characters, escape sequences
// and invisible format characters (bidi overrides, …); text that is
// already clean, by far the most common, is returned as is (checking is
// much cheaper than cleaning on a list of 200,000 rows).
func Clean(s string) string {
	if vntext.HasHidden(s) {
		return vntext.Text(s)
	}
	return s
}

// OneLine is text for a one-line place (a cell of aligned text or of
// Markdown): its line breaks and the spaces around them become one space.
func OneLine(s string) string {
	if strings.ContainsAny(s, "\n") {
		return strings.Join(strings.Fields(s), " ")
	}
	return s
}

// Wrap breaks text into lines at spaces: the first line at most first
// cells wide, the others rest (the caller indents them); a word longer than
// a line is cut.
func Wrap(text string, first, rest int) []string {
	var lines []string
	line := ""
	avail := func() int {
		if len(lines) == 0 {
			return max(first, 1)
		}
		return max(rest, 1)
	}
	for _, word := range strings.Fields(text) {
		for vntext.Width(word) > avail() {
			if line != "" {
				lines = append(lines, line)
				line = ""
				continue
			}
			cut, w := 0, 0
			for i, r := range word {
				rw := vntext.Width(string(r))
				if w+rw > avail() {
					break
				}
				w += rw
				cut = i + len(string(r))
			}
			lines = append(lines, word[:cut])
			word = word[cut:]
		}
		switch {
		case word == "":
		case line == "":
			line = word
		case vntext.Width(line)+1+vntext.Width(word) <= avail():
			line += " " + word
		default:
			lines = append(lines, line)
			line = word
		}
	}
	if line != "" || len(lines) == 0 {
		lines = append(lines, line)
	}
	return lines
}
