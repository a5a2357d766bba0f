package doc

import (
	"bufio"
	"io"
	"strings"
)

// The Markdown rendering: headings with # and ##, tables as GitHub-style
// pipe tables written as their rows come, lists, and every text escaped so
// that stored text stays inert (no markup, links, html or line breaks out
// of a cell). Blocks are set off by a blank line.

// mdWriter writes Markdown.
type mdWriter struct{ htmlWriter }

// WriteMarkdown writes the document as Markdown.
func (d *Document) WriteMarkdown(w io.Writer) error {
	m := &mdWriter{htmlWriter{w: bufio.NewWriterSize(w, 1<<16)}}
	var prev *Paragraph
	for i, b := range d.blocks(Markdown) {
		p, _ := b.(*Paragraph)
		if i > 0 && !(prev != nil && p != nil && prev.Line && p.Line) {
			m.put("\n")
		}
		prev = p
		if err := m.block(b); err != nil {
			return err
		}
	}
	if m.err != nil {
		return m.err
	}
	return m.w.Flush()
}

// emphasis marks a run bold, italic or both.
func emphasis(s string, bold, italic bool) string {
	switch {
	case bold && italic:
		return "***" + s + "***"
	case bold:
		return "**" + s + "**"
	case italic:
		return "*" + s + "*"
	}
	return s
}

func (m *mdWriter) block(b Block) error {
	switch b := b.(type) {
	case *Paragraph:
		switch {
		case b.Heading > 0:
			m.put(strings.Repeat("#", b.Heading), " ", mdEscape(runsText(b.Runs)), "\n")
		case b.Line: // as it is, with a hard line break
			m.put(mdEscape(runsText(b.Runs)), "  \n")
		default:
			for _, r := range b.Runs {
				m.put(emphasis(mdEscape(r.Text), r.Bold, r.Italic))
			}
			m.put("\n")
		}
	case *List:
		if b.Heading != "" {
			m.put("**", mdEscape(b.Heading), "**\n\n")
		}
		for _, it := range b.Items {
			m.put("- ", mdEscape(it), "\n")
		}
	case *Letterhead:
		if b.Parent != "" {
			m.put(mdEscape(b.Parent), "  \n")
		}
		m.put("**", mdEscape(b.Issuer), "**  \n")
		for _, s := range []string{b.Number, b.Subject} {
			if s != "" {
				m.put(mdEscape(s), "  \n")
			}
		}
		m.put("\n**", mdEscape(b.Nation), "**  \n**", mdEscape(b.Motto), "**")
		if b.PlaceDate != "" {
			m.put("  \n*", mdEscape(b.PlaceDate), "*")
		}
		m.put("\n")
	case *Addressees:
		m.put(mdEscape(b.Label), "\n\n")
		for _, n := range b.Names {
			m.put("- ", mdEscape(n), "\n")
		}
	case *Signature:
		if b.CopiesLabel != "" {
			m.put("***", mdEscape(b.CopiesLabel), "***\n\n")
		}
		for _, c := range b.Copies {
			m.put("- ", mdEscape(c), "\n")
		}
		var signer []string
		if b.PlaceDate != "" {
			signer = append(signer, "*"+mdEscape(b.PlaceDate)+"*")
		}
		for _, s := range b.Signer {
			signer = append(signer, "**"+mdEscape(s)+"**")
		}
		if b.Hint != "" {
			signer = append(signer, "*"+mdEscape(b.Hint)+"*")
		}
		// the room for the signature, then the name
		m.put("\n", strings.Join(signer, "  \n"), "\n\n\n\n**", mdEscape(b.Name), "**\n")
	case *Table:
		return m.table(b)
	}
	return m.err
}

// table writes a pipe table as its rows come; a table of records without
// any writes nothing, not a header over nothing.
func (m *mdWriter) table(t *Table) error {
	row := func(cells []string) {
		m.put("|")
		for i := range t.Columns {
			cell := ""
			if i < len(cells) {
				cell = cells[i]
			}
			m.put(" ", mdCell(cell), " |")
		}
		m.put("\n")
	}
	head := func() {
		titles := make([]string, len(t.Columns))
		for i, c := range t.Columns {
			titles[i] = c.Title
		}
		row(titles)
		m.put("|")
		for _, c := range t.Columns {
			if c.TextAlign == Right {
				m.put(" ---: |")
			} else {
				m.put(" --- |")
			}
		}
		m.put("\n")
	}
	first := true
	if !t.Records {
		head()
		first = false
	}
	err := t.Rows(func(r Row) error {
		if first {
			head()
			first = false
		}
		if r.Band {
			text := r.Cell(0)
			m.put("| **", mdEscape(text), "** |", strings.Repeat("  |", max(len(t.Columns)-1, 0)), "\n")
			return m.err
		}
		row(r.Cells)
		return m.err
	})
	if err != nil {
		return err
	}
	return m.err
}

var mdEscaper = strings.NewReplacer("|", `\|`, "\n", " ", `\`, `\\`, "*", `\*`, "_", `\_`, "<", "&lt;",
	"`", "\\`", "[", `\[`, "]", `\]`, "#", `\#`)

// mdEscape makes stored text inert in Markdown: no markup, links, html or
// line breaks.
func mdEscape(s string) string { return mdEscaper.Replace(OneLine(Clean(s))) }

// mdCell is a table cell: its own line breaks become <br>, the only break
// a Markdown table cell can hold.
func mdCell(s string) string {
	s = Clean(s)
	if !strings.Contains(s, "\n") {
		return mdEscaper.Replace(s)
	}
	parts := strings.Split(s, "\n")
	for i, p := range parts {
		parts[i] = mdEscape(p)
	}
	return strings.Join(parts, "<br>")
}
