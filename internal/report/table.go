// Package report turns the registration book into what the clerk prints or
// hands on: each report built once as a document (internal/doc) and
// rendered as aligned text, Markdown, html, docx and pdf; and its rows as
// CSV for Excel, JSON and XLSX.
package report

import (
	"encoding/csv"
	"io"
	"strings"

	"cchc/internal/doc"
	"cchc/internal/lang"
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
	// Least is the widest text the column holds on one line on paper (a
	// streamed list's largest number); a held table's numbers are measured.
	Least string
	// Ordinal marks a number column that numbers the rows (STT): written
	// as it is, where a count is grouped by thousands (1.355) on paper.
	Ordinal bool
}

// counts reports whether the column holds counts a person reads, written
// with the language's thousands separator on paper and as #,##0 in xlsx.
func (c Column) counts() bool { return c.Type == NumberCell && !c.Ordinal }

// Table is rows of cells under column titles; cells are plain text.
type Table struct {
	Caption string // printed above the table in xlsx and html; may be empty
	Columns []Column
	Rows    [][]string
	Total   bool // the last row is a total, printed bold
	// Tab puts the table on a sheet of its own in a workbook, under this
	// name: a sheet's column widths and repeated header are its main
	// table's, and a table of other columns printed in them is cut (xlsx
	// only; on paper and in text the tables follow each other).
	Tab string
	// Note is a line in italics right under the table in a workbook (a
	// note on its totals); paper places its own notes.
	Note   string
	bands  map[int]bool // rows that are headings spanning the table ("I. SỞ, BAN, NGÀNH")
	totals map[int]bool // rows that are subtotals or totals, printed bold (AddTotal)
	// stream, when set, gives the rows as they are written instead of Rows,
	// for lists too long to hold (xlsx and csv only; columns need a Width).
	// Its cells must be clean already (see clean).
	stream func(add func(cells []string, band bool) error) error
	// records lays the rows out as numbered records in plain text (doc.Table.Records).
	records bool
	// sample, when set, is rows paper sizes the columns to (doc.Table.Sample).
	sample [][]string
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

// AddBand appends a heading row that spans the table, such as a group's
// name; continued, if given, is what it says at the top of the pages the
// group runs onto (doc.Row), in place of text "(tiếp theo)".
func (t *Table) AddBand(text string, continued ...string) {
	if t.bands == nil {
		t.bands = map[int]bool{}
	}
	t.bands[len(t.Rows)] = true
	row := []string{clean(text)}
	for _, c := range continued {
		row = append(row, clean(c))
	}
	t.Rows = append(t.Rows, row)
}

// IsBand reports whether row i is a heading row.
func (t Table) IsBand(i int) bool { return t.bands[i] }

// AddTotal appends a row printed bold: a group's subtotal or the total.
func (t *Table) AddTotal(cells ...string) {
	if t.totals == nil {
		t.totals = map[int]bool{}
	}
	t.totals[len(t.Rows)] = true
	t.Add(cells...)
}

// isTotal reports whether held row i is printed bold as a total.
func (t Table) isTotal(i int) bool {
	return t.stream == nil && (t.totals[i] || t.Total && i == len(t.Rows)-1)
}

// clean keeps line breaks and drops control characters, escape sequences
// and invisible format characters (doc.Clean). The store normalises text
// to NFC on the way in; this guards the terminal.
func clean(s string) string { return doc.Clean(s) }

// oneLine is a cell for a one-line format (doc.OneLine).
func oneLine(s string) string { return doc.OneLine(s) }

// WriteText writes the table aligned for a terminal or a plain printer,
// measuring Vietnamese text by display width, not bytes (doc.TextTable).
func (t Table) WriteText(w io.Writer, l lang.Lang) error {
	var rows []doc.Row
	err := t.docTable(l).Rows(func(r doc.Row) error { rows = append(rows, r); return nil })
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, doc.TextTable(t.docColumns(l), rows))
	return err
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

// fitted is the held table with its columns sized on paper to its rows,
// as the registrations' are (doc.Table.Sample): a column of short numbers
// as wide as its title's longest word, the room left to the text.
func (t Table) fitted() Table {
	t.sample = nil
	for i, r := range t.Rows {
		if !t.bands[i] {
			t.sample = append(t.sample, r)
		}
	}
	return t
}
