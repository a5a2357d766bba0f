// Package doc is the document model of the reports: a report is built once
// as blocks (the letterhead, paragraphs, lists, tables, the signature) and
// rendered from that as docx, pdf or html, laid out per Nghị định
// 30/2020/NĐ-CP (A4, Times New Roman, the issuer block and motto, page
// numbers from page 2 at the top centre, table headers repeated), and as
// plain text or Markdown for a terminal.
//
// A table's rows come from an iterator, so a long list can be fed row by
// row instead of held whole.
package doc

import (
	"regexp"
	"strings"
	"time"
)

// Document is one report.
type Document struct {
	Title     string // the file's title (html <title>, document properties)
	Lang      string // "vi" or "en"
	Landscape bool   // tables print landscape, letters portrait
	// TextWidth is the width plain text wraps paragraphs and records at (a
	// letter, the list of registrations: 80 columns); 0 leaves each
	// paragraph on one line, for reports whose tables are wider anyway.
	TextWidth int
	Blocks    []Block
	// Created is when the document was made, as a PDF's properties say
	// (a reader shows it); zero is now. A test fixes it for fixed bytes.
	Created time.Time
}

// Block is one part of a document: *Letterhead, *Paragraph, *List,
// *Table, *Addressees, *Signature, or *Only around some of them.
type Block interface{ block() }

// Media are the renderings of a document.
type Media uint8

const (
	Paper     Media = 1 << iota // html, docx and pdf
	PlainText                   // plain text for a terminal or a plain printer
	Markdown
	Plain = PlainText | Markdown
)

// Only holds blocks that some renderings show and the others leave out,
// where paper and a terminal say the same thing differently: two columns
// of numbers for a spreadsheet-minded reader against "2/3" on a screen, a
// table of what each agency owes against a list of sentences.
type Only struct {
	Media  Media
	Blocks []Block
}

// For is the blocks shown only in the media m.
func For(m Media, blocks ...Block) *Only { return &Only{Media: m, Blocks: blocks} }

// Letterhead is the top of an official paper: the issuing body under its
// parent on the left, the national name and motto on the right; a letter
// adds its number and subject under the issuer and the place and date
// under the motto.
type Letterhead struct {
	Parent, Issuer string // "UBND TỈNH HÀ TĨNH", "SỞ NỘI VỤ"
	Nation, Motto  string
	Number         string // "Số:      /SNV-CCHC"
	Subject        string // "V/v đôn đốc …"
	PlaceDate      string // "Hà Tĩnh, ngày 05 tháng 4 năm 2023", in italics
}

// Align of a paragraph or a column.
type Align int

const (
	Left Align = iota
	Centre
	Right
	Justify
)

// Run is text in one style; its line breaks are kept.
type Run struct {
	Text         string
	Bold, Italic bool
}

// Paragraph is text in runs.
type Paragraph struct {
	Runs     []Run
	Align    Align
	Indent   bool    // the first line indented, as body text is (plain text needs no blank line between such paragraphs)
	Hanging  float64 // mm of left indent (list items)
	Size     float64 // pt; 0 for the body size
	Before   float64 // pt of space above
	KeepNext bool    // keep with what follows (headings, captions)
	// KeepPrev keeps it with what comes before: a note under a table
	// goes over a page with the table's last row, never alone.
	KeepPrev bool
	// Heading is 1 for a title, 2 for a section's: Markdown's # and ##,
	// capitals in plain text, and no blank line under it there.
	Heading int
	Caps    bool // printed in capitals (a title); Markdown keeps the case, its # says it
	// Line is one of the short lines under a title: plain text sets them
	// one under the other, as they are, Markdown with hard line breaks.
	Line bool
}

// Column of a table.
type Column struct {
	Title string
	Width float64 // relative to the others
	Align Align   // on paper
	// TextAlign is Left or Right, in plain text and Markdown (numbers to
	// the right, as a terminal lines them up).
	TextAlign Align
	Max       int // widest the column grows in plain text, in cells (0: no limit); a longer cell wraps
	// Least is the widest text the column holds on one line on paper (its
	// largest number): "41064" over five digits, not "4106" over "4".
	Least string
}

// Row of a table: cells, or a band (a heading spanning the table, Cells[0],
// printed on the page of the row under it, and said again at the top of
// each page its group runs onto: Cells[1], or Cells[0] "(tiếp theo)"),
// or a total printed bold.
type Row struct {
	Cells []string
	Band  bool
	Total bool
}

// continued is what a band says at the top of the pages its group runs
// onto, in the document's language.
func continued(r Row, lang string) string {
	if s := r.Cell(1); s != "" {
		return s
	}
	if lang == "en" {
		return r.Cell(0) + " (continued)"
	}
	return r.Cell(0) + " (tiếp theo)"
}

// Cell is the row's cell i, "" past its end (a band has one cell, a short
// row fewer than its table's columns).
func (r Row) Cell(i int) string {
	if i < len(r.Cells) {
		return r.Cells[i]
	}
	return ""
}

// Table is a bordered table whose header row repeats on every page.
type Table struct {
	Columns []Column
	// Records lays each row out in plain text as a numbered record ("1.
	// the second cell", then "Column: cell" for the others, empty ones
	// left out): nine columns of long text do not fit a terminal side by
	// side, and cutting them would lose what they say. Written as the rows
	// come. With no rows, plain text and Markdown show nothing (paper keeps
	// the header).
	Records bool
	// Rows calls yield with every row in order; it stops at yield's first
	// error and returns it.
	Rows func(yield func(Row) error) error
	// KeepNext keeps the last row on the page of what follows (a letter's
	// closing and signer), so that the table breaks before it rather than
	// leave the signer with a line on a page of its own.
	KeepNext bool
	// OneTable keeps the bands as rows of one table in the docx and html,
	// whose header alone repeats: a letter's short table, which a table
	// per group would break into tables each under its own header. A long
	// list has a table per group, to say its band again on every page.
	OneTable bool
	// Sample, when set, is rows like the table's (all of them, or every
	// n-th of a long list) that paper sizes the columns to (fitWidths),
	// instead of their relative Widths.
	Sample [][]string
}

// List is a heading and items under it ("- Sở Y tế: chưa đăng ký;"),
// each item ending as the caller wrote it.
type List struct {
	Heading string
	Items   []string
}

// Addressees is "Kính gửi:" and who the letter is to: one name on the
// line, or a list of them.
type Addressees struct {
	Label string
	Names []string
}

// Signature ends a letter: "Nơi nhận" and its list at the bottom left, the
// signer at the bottom right (the authority line and title each on its own
// line, bold; the name after the space for the signature).
type Signature struct {
	CopiesLabel string
	Copies      []string
	PlaceDate   string   // above the signer, in italics (a form's "…, ngày … tháng … năm …")
	Signer      []string // "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"
	Hint        string   // under the signer, in italics: "(Ký, ghi rõ họ tên và đóng dấu)"
	Name        string
}

func (*Letterhead) block() {}
func (*Paragraph) block()  {}
func (*List) block()       {}
func (*Table) block()      {}
func (*Addressees) block() {}
func (*Signature) block()  {}
func (*Only) block()       {}

// blocks are the document's blocks that the media m shows, out of their
// Only. On paper a title is set in capitals and a list becomes paragraphs.
func (d *Document) blocks(m Media) []Block {
	var out []Block
	var add func(bs []Block)
	add = func(bs []Block) {
		for _, b := range bs {
			switch b := b.(type) {
			case *Only:
				if b.Media&m != 0 {
					add(b.Blocks)
				}
			case *Paragraph:
				if b.Caps && m == Paper {
					c := *b
					c.Runs = make([]Run, len(b.Runs))
					for i, r := range b.Runs {
						r.Text = strings.ToUpper(r.Text)
						c.Runs[i] = r
					}
					b = &c
				}
				out = append(out, b)
			case *List:
				if m != Paper {
					out = append(out, b)
					break
				}
				if b.Heading != "" {
					out = append(out, &Paragraph{Runs: []Run{{Text: b.Heading, Bold: true}}, Before: 6, KeepNext: true})
				}
				for _, it := range b.Items {
					out = append(out, &Paragraph{Runs: []Run{{Text: "- " + it}}, Align: Justify, Hanging: 6})
				}
			default:
				out = append(out, b)
			}
		}
	}
	add(d.Blocks)
	for i := 1; i < len(out); i++ {
		if p, ok := out[i].(*Paragraph); ok && p.KeepPrev {
			if t, ok := out[i-1].(*Table); ok && !t.KeepNext {
				kept := *t
				kept.KeepNext = true
				out[i-1] = &kept
			}
		}
	}
	return out
}

// Append adds blocks at the end.
func (d *Document) Append(blocks ...Block) *Document {
	d.Blocks = append(d.Blocks, blocks...)
	return d
}

// Text is a paragraph of one run.
func Text(s string, align Align) *Paragraph {
	return &Paragraph{Runs: []Run{{Text: s}}, Align: align}
}

// Title is a report's title: bold, centred, a size up, in capitals.
func Title(s string) *Paragraph {
	return &Paragraph{Runs: []Run{{Text: s, Bold: true}}, Align: Centre, Size: 14, Before: 12, KeepNext: true, Heading: 1, Caps: true}
}

// Caption is a table's heading: bold, left, kept with its table.
func Caption(s string) *Paragraph {
	return &Paragraph{Runs: []Run{{Text: s, Bold: true}}, Before: 10, KeepNext: true, Heading: 2}
}

// HeldRows feeds rows held in memory.
func HeldRows(rows []Row) func(yield func(Row) error) error {
	return func(yield func(Row) error) error {
		for _, r := range rows {
			if err := yield(r); err != nil {
				return err
			}
		}
		return nil
	}
}

// Page sizes and margins (mm) of Nghị định 30/2020/NĐ-CP: top and bottom
// 20–25, left 30–35, right 15–20, on A4.
const (
	PageWidth    = 210.0
	PageHeight   = 297.0
	MarginTop    = 20.0
	MarginBottom = 20.0
	MarginLeft   = 30.0
	MarginRight  = 15.0
)

// Sizes in pt: the body, tables (at least 11 when printed), Nơi nhận.
const (
	BodySize   = 14.0
	TableSize  = 12.0
	CopiesSize = 11.0
	HeadSize   = 13.0 // the issuer block and the motto
	Font       = "Times New Roman"
)

// Area is the width and height (mm) inside the margins.
func (d *Document) Area() (w, h float64) {
	w, h = PageWidth-MarginLeft-MarginRight, PageHeight-MarginTop-MarginBottom
	if d.Landscape {
		w, h = PageHeight-MarginLeft-MarginRight, PageWidth-MarginTop-MarginBottom
	}
	return w, h
}

// Widths scales relative column widths to total mm, then widens a
// column too narrow for the longest word of its title, taking the room
// from the others in proportion to what they have to spare: Word,
// LibreOffice and a browser would break "Minimum" as "Minimu" over "m".
func Widths(cols []Column, total float64) []float64 {
	sum := 0.0
	for _, c := range cols {
		sum += max(c.Width, 1)
	}
	out := make([]float64, len(cols))
	for i, c := range cols {
		out[i] = total * max(c.Width, 1) / sum
	}
	m := NewMeasure()
	need := make([]float64, len(cols))
	short, spare := 0.0, 0.0
	for i, c := range cols {
		for _, word := range strings.Fields(c.Title) {
			need[i] = max(need[i], m.Width(word, true, false, TableSize)*25.4/72+2*CellMargin)
		}
		if out[i] < need[i] {
			short += need[i] - out[i]
		} else {
			spare += out[i] - need[i]
		}
	}
	if short == 0 || spare < short {
		return out
	}
	for i := range out {
		if out[i] < need[i] {
			out[i] = need[i]
		} else {
			out[i] -= (out[i] - need[i]) * short / spare
		}
	}
	return out
}

// CellMargin is the room (mm) on each side of a table cell's text: Word's
// default (108 twips), more than the pdf's and the html's.
const CellMargin = 1.905

// yearWord is "năm 2026" in any case, or the English ", 2026": the year
// must not be left alone on the last line of a heading (a widow).
var yearWord = regexp.MustCompile(`([nN][ăĂ][mM]|,) ([0-9]{4})\b`)

// keepYear joins "năm" (or the comma) and its year with a no-break space; only the
// printed renderers use it, the text outputs stay as typed.
func keepYear(s string) string { return yearWord.ReplaceAllString(s, "$1\u00a0$2") }
