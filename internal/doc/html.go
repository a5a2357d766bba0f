package doc

import (
	"bufio"
	"fmt"
	"html"
	"io"
	"strings"
)

// The html rendering is one self-contained page (no fonts, scripts or
// images fetched from anywhere) to print from a browser on A4: the same
// layout as the docx and the PDF, with the page numbers in CSS @page margin
// boxes. Every text is escaped; rows are written as they come.

const htmlCSS = `
* { box-sizing: border-box; }
body { font-family: "Times New Roman", Times, "Liberation Serif", "Nimbus Roman", serif; font-size: 14pt;
  line-height: 1.3; color: #000; margin: 0; }
@page :first { @top-center { content: none; } }
@page { @top-left { content: ""; } @top-right { content: ""; } @bottom-left { content: ""; } @bottom-center { content: ""; }
  @bottom-right { content: ""; } }
.howto { display: none; }
@media screen { .howto { display: block; font-family: sans-serif; font-size: 10pt; color: #333; background: #ffc;
  padding: 4px 8px; text-align: center; } }
@media screen { body { background: #e8e8e8; } .paper { background: #fff; margin: 12px auto; box-shadow: 0 0 6px #999;
  padding: 20mm 15mm 20mm 30mm; } }
p { margin: 0; }
table.cols { width: 100%; border-collapse: collapse; }
table.cols > tbody > tr > td { vertical-align: top; padding: 0; }
.head { text-align: center; font-size: 13pt; }
.rule { display: block; margin: 1pt auto 2pt; border-top: 0.8pt solid #000; height: 0; }
.placedate { font-style: italic; font-size: 14pt; margin-top: 6pt; text-align: center; }
.copies-label { font-weight: bold; font-style: italic; font-size: 12pt; }
.copies { font-size: 11pt; }
.signer { text-align: center; font-weight: bold; }
.signer i { font-weight: normal; }
.to-label { text-align: right; padding-right: 6pt !important; }
p.justify { text-align: justify; }
p.indent { text-indent: 12.7mm; }
table.data { width: calc(100% - 1pt); border-collapse: collapse; font-size: 12pt; margin: 4pt 0 8pt 0.5pt; table-layout: fixed; }
table.data th, table.data td { border: 0.6pt solid #000; padding: 1pt 3pt; vertical-align: top; overflow-wrap: anywhere; white-space: pre-line; }
table.data th { font-weight: bold; text-align: center; vertical-align: middle; background: #f2f2f2; }
table.data thead { display: table-header-group; }
table.data tr { break-inside: avoid; page-break-inside: avoid; }
table.data td.c { text-align: center; }
table.data td.r { text-align: right; }
table.data tr.band td, table.data tr.total td { font-weight: bold; }
table.data + table.data { margin-top: -8pt; }
table.data tr.total { break-before: avoid; page-break-before: avoid; }
.keep { break-inside: avoid; page-break-inside: avoid; }
.next { break-after: avoid; page-break-after: avoid; }
`

// howto is said on the screen, never printed: the page sets its own A4
// paper, margins and page numbers (the empty @page margin boxes keep
// Chromium's own headers and footers off), but another browser prints its
// date, title and address in the margins unless told not to.
var howto = map[bool]string{
	false: "Khi in: khổ A4 và lề đã đặt sẵn; trong hộp thoại In, bỏ chọn “Đầu trang và chân trang” (Headers and footers) để lề không in ngày, tên và địa chỉ tệp.",
	true:  "When printing: the A4 page and its margins are set; in the Print dialog, untick “Headers and footers” so that the margins hold no date, title or file address.",
}

// htmlWriter writes markup (html, Markdown), keeping the first error.
type htmlWriter struct {
	w     *bufio.Writer
	err   error
	width float64 // mm inside the margins, which tables' columns share
}

func (h *htmlWriter) put(parts ...string) {
	for _, s := range parts {
		if h.err == nil {
			_, h.err = h.w.WriteString(s)
		}
	}
}

// esc escapes text for html; line breaks are kept by white-space: pre-line
// in cells, and become <br> elsewhere.
func esc(s string) string { return html.EscapeString(s) }

func escLines(s string) string { return strings.ReplaceAll(esc(s), "\n", "<br>") }

var htmlAlign = map[Align]string{Left: "left", Centre: "center", Right: "right", Justify: "justify"}

// WriteHTML writes the document as one html page.
func (d *Document) WriteHTML(w io.Writer) error {
	width, _ := d.Area()
	h := &htmlWriter{w: bufio.NewWriterSize(w, 1<<16), width: width}
	size := "portrait"
	if d.Landscape {
		size = "landscape"
	}
	lang := d.Lang
	if lang == "" {
		lang = "vi"
	}
	h.put(`<!DOCTYPE html>
<html lang="`, esc(lang), `">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>`, esc(d.Title), `</title>
<style>`, htmlCSS, fmt.Sprintf(`@page { size: A4 %s; margin: %gmm %gmm %gmm %gmm;
  @top-center { content: counter(page); font-family: "Times New Roman", "Liberation Serif", serif; font-size: 13pt; } }
@media screen { .paper { width: %gmm; } }
`, size, MarginTop, MarginRight, MarginBottom, MarginLeft, map[bool]float64{false: PageWidth, true: PageHeight}[d.Landscape]),
		`</style>
</head>
<body><div class="howto">`, esc(howto[lang == "en"]), `</div><div class="paper">
`)
	for _, b := range d.blocks(Paper) {
		if err := h.block(b); err != nil {
			return err
		}
	}
	h.put("</div></body>\n</html>\n")
	if h.err != nil {
		return h.err
	}
	return h.w.Flush()
}

func (h *htmlWriter) para(p *Paragraph) {
	var class []string
	if p.Align == Justify {
		class = append(class, "justify")
	}
	if p.Indent {
		class = append(class, "indent")
	}
	if p.KeepNext {
		class = append(class, "next")
	}
	style := fmt.Sprintf("text-align: %s;", htmlAlign[p.Align])
	if p.Size > 0 {
		style += fmt.Sprintf(" font-size: %gpt;", p.Size)
	}
	if p.Before > 0 {
		style += fmt.Sprintf(" margin-top: %gpt;", p.Before)
	}
	if p.Hanging > 0 {
		style += fmt.Sprintf(" margin-left: %gmm;", p.Hanging)
	}
	h.put(`<p`)
	if len(class) > 0 {
		h.put(` class="`, strings.Join(class, " "), `"`)
	}
	h.put(` style="`, style, `">`)
	for _, r := range p.Runs {
		text := escLines(keepYear(r.Text))
		if r.Bold {
			text = "<b>" + text + "</b>"
		}
		if r.Italic {
			text = "<i>" + text + "</i>"
		}
		h.put(text)
	}
	h.put("</p>\n")
}

func htmlLine(class, text string, bold bool) string {
	t := escLines(text)
	if bold {
		t = "<b>" + t + "</b>"
	}
	return `<div class="` + class + `">` + t + "</div>"
}

func (h *htmlWriter) block(b Block) error {
	switch b := b.(type) {
	case *Paragraph:
		h.para(b)
	case *Letterhead:
		// the rules as long as the pdf's, whatever the page's width: under
		// the issuer 2/5 of its name, under the motto the whole motto
		issuer, motto := headRules(b)
		h.put(`<table class="cols"><tr><td style="width: 40%" class="head">`,
			htmlLine("parent", b.Parent, false), htmlLine("issuer", b.Issuer, true), fmt.Sprintf(`<span class="rule" style="width: %.1fmm"></span>`, issuer))
		if b.Number != "" {
			h.put(`<div style="white-space: pre; margin-top: 4pt">`, esc(b.Number), `</div>`)
		}
		if b.Subject != "" {
			h.put(`<div style="font-size: 12pt; padding: 0 4mm">`, escLines(b.Subject), `</div>`)
		}
		h.put(`</td><td style="width: 60%" class="head">`, `<div style="font-size: 12.5pt"><b>`, esc(b.Nation), `</b></div>`,
			`<div style="font-size: 13.5pt"><b>`, esc(b.Motto), `</b></div>`, fmt.Sprintf(`<span class="rule" style="width: %.1fmm"></span>`, motto))
		if b.PlaceDate != "" {
			h.put(`<div class="placedate">`, esc(b.PlaceDate), `</div>`)
		}
		h.put("</td></tr></table>\n")
	case *Addressees:
		if len(b.Names) == 1 {
			h.put(`<p style="text-align: center; margin: 12pt 0 6pt">`, esc(b.Label+" "+b.Names[0]), "</p>\n")
			break
		}
		h.put(`<table class="cols" style="margin: 12pt 0 6pt"><tr><td class="to-label" style="width: 30%">`, esc(b.Label), `</td><td>`)
		for _, n := range b.Names {
			h.put(`<div>- `, esc(n), `</div>`)
		}
		h.put("</td></tr></table>\n")
	case *Signature:
		h.put(`<table class="cols keep" style="margin-top: 12pt"><tr><td style="width: 45%">`)
		if b.CopiesLabel != "" {
			h.put(`<div class="copies-label">`, esc(b.CopiesLabel), `</div><div class="copies">`)
			for _, c := range b.Copies {
				h.put(`<div>- `, esc(c), `</div>`)
			}
			h.put(`</div>`)
		}
		h.put(`</td><td class="signer" style="width: 55%">`)
		if b.PlaceDate != "" {
			h.put(`<div><i>`, esc(b.PlaceDate), `</i></div>`)
		}
		for _, s := range b.Signer {
			h.put(`<div>`, esc(s), `</div>`)
		}
		if b.Hint != "" {
			h.put(`<div><i>`, esc(b.Hint), `</i></div>`)
		}
		if b.Name != "" { // the room for the signature, then the name
			h.put(`<div style="margin-top: 66pt">`, esc(b.Name), `</div>`)
		}
		h.put("</td></tr></table>\n")
	case *Table:
		return h.table(b)
	}
	return h.err
}

// table writes a table; each group is a table of its own whose <thead>
// holds the columns' titles and the group's band, so that a browser
// repeats both at the top of every page the group runs onto (as the docx
// does), the band as it is; or, OneTable, the bands are rows of one.
func (h *htmlWriter) table(t *Table) error {
	// the set widths: a browser lays the page out its own way, and its
	// printout is not where pages are counted
	plain := *t
	plain.Sample = nil
	widths := tableWidths(&plain, h.width)
	open := false
	start := func(band string) {
		if open {
			h.put("</tbody>\n</table>\n")
		}
		open = true
		h.put(`<table class="data"><colgroup>`)
		for _, w := range widths {
			h.put(fmt.Sprintf(`<col style="width: %.1f%%">`, w/h.width*100))
		}
		h.put(`</colgroup>`, "\n<thead><tr>")
		for _, c := range t.Columns {
			h.put(`<th>`, esc(c.Title), `</th>`)
		}
		h.put("</tr>")
		if band != "" {
			h.put(fmt.Sprintf(`<tr class="band"><td colspan="%d">`, len(t.Columns)), esc(band), "</td></tr>")
		}
		h.put("</thead>\n<tbody>\n")
	}
	class := map[Align]string{Centre: ` class="c"`, Right: ` class="r"`}
	err := t.Rows(func(r Row) error {
		if r.Band && !t.OneTable {
			start(r.Cell(0))
			return h.err
		}
		if !open {
			start("")
		}
		if r.Band { // a band in the body of the one table
			h.put(fmt.Sprintf(`<tr class="band"><td colspan="%d">`, len(t.Columns)), esc(r.Cell(0)), "</td></tr>\n")
			return h.err
		}
		if r.Total {
			h.put(`<tr class="total">`)
		} else {
			h.put(`<tr>`)
		}
		for i, c := range t.Columns {
			text := r.Cell(i)
			h.put(`<td`, class[c.Align], `>`, esc(text), `</td>`)
		}
		h.put("</tr>\n")
		return h.err
	})
	if err != nil {
		return err
	}
	if !open {
		start("")
	}
	h.put("</tbody>\n</table>\n")
	return h.err
}
