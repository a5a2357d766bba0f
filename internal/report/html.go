package report

import (
	"fmt"
	"html/template"
	"io"
	"strings"
)

// The html reports are one self-contained file each (no fonts, scripts or
// images fetched from anywhere) meant to be printed from a browser on A4.
// html/template escapes every stored text; nothing is inserted raw.

// paperCSS is shared by table reports and letters: the font and sizes of
// Nghị định 30/2020/NĐ-CP (Times New Roman 13–14) and the letterhead.
const paperCSS = `
* { box-sizing: border-box; }
body { font-family: "Times New Roman", Times, "Liberation Serif", "Nimbus Roman", serif; font-size: 13pt;
  line-height: 1.3; color: #000; margin: 0; }
@media screen { body { background: #e8e8e8; } .paper { background: #fff; margin: 12px auto; box-shadow: 0 0 6px #999; } }
table.letterhead { width: 100%; border-collapse: collapse; }
table.letterhead td { text-align: center; vertical-align: top; padding: 0; }
.letterhead .parent { font-size: 12.5pt; }
.letterhead .issuer, .letterhead .nation { font-weight: bold; font-size: 12.5pt; }
.letterhead .motto { font-weight: bold; font-size: 13pt; }
.rule { display: block; margin: 1pt auto 0; border-top: 0.8pt solid #000; height: 0; }
`

// pageTop opens every html report: the page's language and encoding.
const pageTop = `<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
`

const sheetHTML = pageTop + `<title>{{.Name}}</title>
<style>{{.CSS}}
@page { size: A4 landscape; margin: 15mm 12mm 15mm 20mm; }
@media screen { .paper { width: 297mm; padding: 15mm 12mm 15mm 20mm; } }
h1 { font-size: 14pt; font-weight: bold; text-align: center; margin: 14pt 0 2pt; }
p.line { text-align: center; font-style: italic; margin: 0; }
h2 { font-size: 13pt; font-weight: bold; margin: 12pt 0 4pt; }
table.data { width: 100%; border-collapse: collapse; font-size: 12pt; margin-top: 8pt; table-layout: fixed; }
table.data th, table.data td { border: 0.6pt solid #000; padding: 2pt 3pt; vertical-align: top; overflow-wrap: anywhere; }
table.data th { font-weight: bold; text-align: center; vertical-align: middle; background: #f2f2f2; }
table.data thead { display: table-header-group; }
table.data tr { break-inside: avoid; page-break-inside: avoid; }
table.data td.c { text-align: center; }
table.data tr.band td { font-weight: bold; }
table.data tr.total td { font-weight: bold; }
td.multi { white-space: pre-line; }
</style>
</head>
<body><div class="paper">
{{template "letterhead" .Head}}
<h1>{{.Title}}</h1>
{{range .Lines}}<p class="line">{{.}}</p>
{{end}}{{range .Tables}}{{if .Caption}}<h2>{{.Caption}}</h2>{{end}}
<table class="data">
<colgroup>{{range .Cols}}<col{{if .}} style="width: {{.}}"{{end}}>{{end}}</colgroup>
<thead><tr>{{range .Heads}}<th>{{.}}</th>{{end}}</tr></thead>
<tbody>
{{range .Rows}}{{if .Band}}<tr class="band"><td colspan="{{.Span}}">{{(index .Cells 0).Text}}</td></tr>
{{else}}<tr{{if .Total}} class="total"{{end}}>{{range .Cells}}<td{{if .Class}} class="{{.Class}}"{{end}}>{{.Text}}</td>{{end}}</tr>
{{end}}{{end}}</tbody>
</table>
{{end}}</div></body>
</html>
`

const letterheadHTML = `{{define "letterhead"}}<table class="letterhead"><tr>
<td style="width: 40%"><div class="parent">{{.Parent}}</div><div class="issuer">{{.Issuer}}</div><span class="rule" style="width: 35%"></span></td>
<td style="width: 60%"><div class="nation">{{.Nation}}</div><div class="motto">{{.Motto}}</div><span class="rule" style="width: 62%"></span></td>
</tr></table>{{end}}`

type htmlHead struct{ Parent, Issuer, Nation, Motto string }

func (h Letterhead) html() htmlHead {
	return htmlHead{Parent: h.Parent, Issuer: h.Issuer, Nation: MottoNation, Motto: MottoWords}
}

type htmlCell struct{ Text, Class string }

type htmlRow struct {
	Band, Total bool
	Span        int
	Cells       []htmlCell
}

type htmlTable struct {
	Caption string
	Cols    []string
	Heads   []string
	Rows    []htmlRow
}

var sheetTemplate = template.Must(template.Must(template.New("sheet").Parse(sheetHTML)).Parse(letterheadHTML))

func (t Table) html() htmlTable {
	out := htmlTable{Caption: t.Caption}
	widths := t.widths()
	var sum float64
	for _, w := range widths {
		sum += w
	}
	for i, c := range t.Columns {
		out.Heads = append(out.Heads, c.Title)
		out.Cols = append(out.Cols, fmt.Sprintf("%.1f%%", 100*widths[i]/sum))
	}
	for ri, r := range t.Rows {
		if t.bands[ri] {
			out.Rows = append(out.Rows, htmlRow{Band: true, Span: len(t.Columns), Cells: []htmlCell{{Text: r[0]}}})
			continue
		}
		row := htmlRow{Total: t.Total && ri == len(t.Rows)-1}
		for i, c := range t.Columns {
			cell := htmlCell{}
			if i < len(r) {
				cell.Text = r[i]
			}
			switch {
			case c.Type != TextCell || c.Align == Right:
				cell.Class = "c"
			case strings.Contains(cell.Text, "\n"):
				cell.Class = "multi"
			}
			row.Cells = append(row.Cells, cell)
		}
		out.Rows = append(out.Rows, row)
	}
	return out
}

// WriteHTML writes the sheet as one html page for printing on A4 landscape.
func (s Sheet) WriteHTML(w io.Writer) error {
	data := struct {
		Lang, Name, Title string
		CSS               template.CSS
		Head              htmlHead
		Lines             []string
		Tables            []htmlTable
	}{Lang: s.Head.Lang.String(), Name: clean(s.Name), Title: upper(s.Title), CSS: template.CSS(paperCSS), Head: s.Head.html()}
	for _, l := range s.Lines {
		data.Lines = append(data.Lines, clean(l))
	}
	for _, t := range s.Tables {
		data.Tables = append(data.Tables, t.html())
	}
	return sheetTemplate.Execute(w, data)
}
