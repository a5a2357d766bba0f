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

// Column of a table.
type Column struct {
	Title string
	Align Align
	Max   int // widest the column may grow in text output (0: no limit)
}

// Table is rows of cells under column titles; cells are plain text.
type Table struct {
	Columns []Column
	Rows    [][]string
}

// Add appends a row.
func (t *Table) Add(cells ...string) { t.Rows = append(t.Rows, cells) }

// WriteText writes the table aligned for a terminal or a plain printer,
// measuring Vietnamese text by display width, not bytes.
func (t Table) WriteText(w io.Writer) error {
	widths := make([]int, len(t.Columns))
	for i, c := range t.Columns {
		widths[i] = vntext.Width(c.Title)
	}
	for _, r := range t.Rows {
		for i, cell := range r {
			if n := vntext.Width(cell); i < len(widths) && n > widths[i] {
				widths[i] = n
			}
		}
	}
	for i, c := range t.Columns {
		if c.Max > 0 && widths[i] > c.Max {
			widths[i] = c.Max
		}
	}
	line := func(cells []string) string {
		parts := make([]string, len(t.Columns))
		for i, c := range t.Columns {
			cell := ""
			if i < len(cells) {
				cell = cells[i]
			}
			if c.Align == Right {
				parts[i] = vntext.PadLeft(cell, widths[i])
			} else {
				parts[i] = vntext.Pad(cell, widths[i])
			}
		}
		return strings.TrimRight(strings.Join(parts, "  "), " ") + "\n"
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
	for _, r := range t.Rows {
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
			b.WriteString(" " + mdEscape(cell) + " |")
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
	for _, r := range t.Rows {
		row(r)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

var mdEscaper = strings.NewReplacer("|", `\|`, "\n", " ", `\`, `\\`, "*", `\*`, "_", `\_`, "<", "&lt;")

func mdEscape(s string) string { return mdEscaper.Replace(s) }

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
	for _, r := range t.Rows {
		if err := cw.Write(csvSafe(r)); err != nil {
			return err
		}
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
