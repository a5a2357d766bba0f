// Package report turns the registration book into what the clerk prints or
// hands on: aligned text, Markdown, CSV for Excel and JSON.
package report

import (
	"encoding/csv"
	"io"
	"strings"

	"cchc/internal/vntext"
)

// Align of a column.
type Align int

const (
	Left Align = iota
	Right
)

// CellType says how a spreadsheet stores a column's cells.
type CellType int

const (
	TextCell   CellType = iota
	NumberCell          // whole numbers
	DateCell            // dd/mm/yyyy, stored as a real date
)

// Column of a table.
type Column struct {
	Title string
	Align Align
	Max   int      // widest the column may grow in text output (0: no limit)
	Type  CellType // for spreadsheets
	Width float64  // printed width in characters (xlsx, html); 0: from the content
}

// Table is rows of cells under column titles; cells are plain text.
type Table struct {
	Caption string // printed above the table in xlsx and html; may be empty
	Columns []Column
	Rows    [][]string
	Total   bool         // the last row is a total, printed bold
	bands   map[int]bool // rows that are headings spanning the table ("I. SỞ, BAN, NGÀNH")
	// stream, when set, gives the rows as they are written instead of Rows,
	// for lists too long to hold (xlsx and csv only; columns need a Width).
	// Its cells must be clean already (see clean).
	stream func(add func(cells []string, band bool) error) error
}

// each calls fn with every row in order, held or streamed.
func (t Table) each(fn func(cells []string, band bool) error) error {
	if t.stream != nil {
		return t.stream(fn)
	}
	for i, r := range t.Rows {
		if err := fn(r, t.bands[i]); err != nil {
			return err
		}
	}
	return nil
}

// Add appends a row. Stored text may hold anything an import put there, so
// every cell is cleaned of control characters here, once, for every format.
func (t *Table) Add(cells ...string) {
	for i, c := range cells {
		cells[i] = clean(c)
	}
	t.Rows = append(t.Rows, cells)
}

// AddBand appends a heading row that spans the table, such as a group's name.
func (t *Table) AddBand(text string) {
	if t.bands == nil {
		t.bands = map[int]bool{}
	}
	t.bands[len(t.Rows)] = true
	t.Rows = append(t.Rows, []string{clean(text)})
}

// IsBand reports whether row i is a heading row.
func (t Table) IsBand(i int) bool { return t.bands[i] }

// clean keeps line breaks and drops control characters, escape sequences
// and invisible format characters (bidi overrides, …); text that is
// already clean, by far the most common, is returned as is (checking is
// much cheaper than cleaning on a list of 200,000 rows). The store
// normalises text to NFC on the way in; this guards the terminal.
func clean(s string) string {
	if vntext.HasHidden(s) {
		return vntext.Text(s)
	}
	return s
}

// oneLine is a cell for a one-line format (aligned text, Markdown).
func oneLine(s string) string {
	if strings.ContainsAny(s, "\n") {
		return strings.Join(strings.Fields(s), " ")
	}
	return s
}

// WriteText writes the table aligned for a terminal or a plain printer,
// measuring Vietnamese text by display width, not bytes.
func (t Table) WriteText(w io.Writer) error {
	widths := make([]int, len(t.Columns))
	for i, c := range t.Columns {
		widths[i] = vntext.Width(c.Title)
	}
	for ri, r := range t.Rows {
		if t.bands[ri] {
			continue
		}
		for i, cell := range r {
			if n := vntext.Width(oneLine(cell)); i < len(widths) && n > widths[i] {
				widths[i] = n
			}
		}
	}
	for i, c := range t.Columns {
		if c.Max > 0 && widths[i] > c.Max {
			widths[i] = c.Max
		}
	}
	// a cell wider than its column (a long name) goes on over the lines
	// below, within its column: nothing is cut off
	line := func(cells []string) string {
		wrapped := make([][]string, len(t.Columns))
		height := 1
		for i := range t.Columns {
			if i < len(cells) {
				if cell := oneLine(cells[i]); vntext.Width(cell) > widths[i] {
					wrapped[i] = wrap(cell, widths[i], widths[i])
				} else {
					wrapped[i] = []string{cell}
				}
			}
			height = max(height, len(wrapped[i]))
		}
		var out strings.Builder
		for k := range height {
			parts := make([]string, len(t.Columns))
			for i, c := range t.Columns {
				cell := ""
				if k < len(wrapped[i]) {
					cell = wrapped[i][k]
				}
				if c.Align == Right {
					parts[i] = vntext.PadLeft(cell, widths[i])
				} else {
					parts[i] = vntext.Pad(cell, widths[i])
				}
			}
			out.WriteString(strings.TrimRight(strings.Join(parts, "  "), " ") + "\n")
		}
		return out.String()
	}
	var b strings.Builder
	titles := make([]string, len(t.Columns))
	rule := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		titles[i] = c.Title
		rule[i] = strings.Repeat("─", widths[i])
	}
	b.WriteString(line(titles))
	b.WriteString(line(rule))
	for i, r := range t.Rows {
		if t.bands[i] {
			b.WriteString(oneLine(r[0]) + "\n")
			continue
		}
		b.WriteString(line(r))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteMarkdown writes the table as a GitHub-style pipe table.
func (t Table) WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	row := func(cells []string) {
		b.WriteString("|")
		for i := range t.Columns {
			cell := ""
			if i < len(cells) {
				cell = cells[i]
			}
			b.WriteString(" " + mdCell(cell) + " |")
		}
		b.WriteString("\n")
	}
	titles := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		titles[i] = c.Title
	}
	row(titles)
	b.WriteString("|")
	for _, c := range t.Columns {
		if c.Align == Right {
			b.WriteString(" ---: |")
		} else {
			b.WriteString(" --- |")
		}
	}
	b.WriteString("\n")
	for i, r := range t.Rows {
		if t.bands[i] {
			cells := make([]string, len(t.Columns))
			cells[0] = "**" + mdEscape(r[0]) + "**"
			b.WriteString("|")
			for _, c := range cells {
				b.WriteString(" " + c + " |")
			}
			b.WriteString("\n")
			continue
		}
		row(r)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

var mdEscaper = strings.NewReplacer("|", `\|`, "\n", " ", `\`, `\\`, "*", `\*`, "_", `\_`, "<", "&lt;",
	"`", "\\`", "[", `\[`, "]", `\]`, "#", `\#`)

// mdEscape makes stored text inert in Markdown: no markup, links, HTML or
// line breaks out of a table cell.
func mdEscape(s string) string { return mdEscaper.Replace(oneLine(clean(s))) }

// mdCell is a table cell: its own line breaks become <br>, the only break
// a Markdown table cell can hold.
func mdCell(s string) string {
	parts := strings.Split(clean(s), "\n")
	for i, p := range parts {
		parts[i] = mdEscape(p)
	}
	return strings.Join(parts, "<br>")
}

// BOM starts CSV files so that Excel on Windows reads them as UTF-8.
const BOM = "\ufeff"

// NewCSV returns a CSV writer with CRLF line ends, as Excel expects.
func NewCSV(w io.Writer) *csv.Writer {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	return cw
}

// WriteCSV writes the title row and rows; the caller writes BOM first once.
func (t Table) WriteCSV(cw *csv.Writer) error {
	titles := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		titles[i] = c.Title
	}
	if err := cw.Write(titles); err != nil {
		return err
	}
	if err := t.each(func(r []string, _ bool) error { return cw.Write(csvSafe(r)) }); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// csvSafe keeps a spreadsheet from running a cell as a formula.
func csvSafe(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		if c != "" && strings.ContainsRune("=+-@", rune(c[0])) && !isNumber(c) {
			c = "'" + c
		}
		out[i] = c
	}
	return out
}

func isNumber(s string) bool {
	for i, r := range s {
		if !(r >= '0' && r <= '9' || (i == 0 && r == '-')) {
			return false
		}
	}
	return len(s) > 0
}
