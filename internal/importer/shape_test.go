package importer

import (
	"archive/zip"
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cchc/internal/lang"
)

// Files shaped to hurt the XML readers (issue 22, point 9): nested deep,
// or with millions of elements or cells, each small once zipped.

// part is a zip entry whose content is written by a function, so that a
// 60 MB part is never held whole by the test.
type part struct {
	name  string
	write func(w io.Writer)
}

func fixed(name, content string) part {
	return part{name, func(w io.Writer) { io.WriteString(w, content) }}
}

func writeZip(t testing.TB, path string, parts ...part) string {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	z := zip.NewWriter(f)
	for _, p := range parts {
		w, err := z.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		bw := bufio.NewWriterSize(w, 1<<16)
		p.write(bw)
		if err := bw.Flush(); err != nil {
			t.Fatal(err)
		}
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

const sheetNS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`

// xlsxParts is a one-sheet workbook whose sheet data (inside sheetData)
// and shared strings (inside sst, nil for none) are written by the
// functions given.
func xlsxParts(sheetData, shared func(w io.Writer)) []part {
	types := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
	rels := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>`
	if shared != nil {
		types += `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`
		rels += `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`
	}
	parts := []part{
		fixed("[Content_Types].xml", types+`</Types>`),
		fixed("_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
		fixed("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook `+sheetNS+` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`),
		fixed("xl/_rels/workbook.xml.rels", rels+`</Relationships>`),
		{"xl/worksheets/sheet1.xml", func(w io.Writer) {
			io.WriteString(w, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet `+sheetNS+`><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Tên mô hình</t></is></c></row>`)
			sheetData(w)
			io.WriteString(w, `</sheetData></worksheet>`)
		}},
	}
	if shared != nil {
		parts = append(parts, part{"xl/sharedStrings.xml", func(w io.Writer) {
			io.WriteString(w, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst `+sheetNS+`>`)
			shared(w)
			io.WriteString(w, `</sst>`)
		}})
	}
	return parts
}

// nested writes count runs of open elements depth deep, each closed.
func nested(open, close string, depth, count int) func(w io.Writer) {
	return func(w io.Writer) {
		o, c := strings.Repeat(open, depth), strings.Repeat(close, depth)
		for range count {
			io.WriteString(w, o)
			io.WriteString(w, c)
		}
	}
}

// repeated writes s n times.
func repeated(s string, n int) func(w io.Writer) {
	return func(w io.Writer) {
		for range n {
			io.WriteString(w, s)
		}
	}
}

// cellRows writes n cells, 50 to a row, from row 2 on.
func cellRows(n int, cell string) func(w io.Writer) {
	return func(w io.Writer) {
		for r := 0; n > 0; r++ {
			fmt.Fprintf(w, `<row r="%d">`, r+2)
			for k := 0; k < 50 && n > 0; k++ {
				io.WriteString(w, cell)
				n--
			}
			io.WriteString(w, `</row>`)
		}
	}
}

func docxParts(body func(w io.Writer)) []part {
	return []part{
		fixed("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`),
		fixed("_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`),
		{"word/document.xml", func(w io.Writer) {
			io.WriteString(w, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>Tên mô hình</w:t></w:r></w:p></w:tc></w:tr>`)
			body(w)
			io.WriteString(w, `</w:tbl></w:body></w:document>`)
		}},
	}
}

// inRow puts a docx body fragment in one row's cell.
func inRow(f func(w io.Writer)) func(w io.Writer) {
	return func(w io.Writer) {
		io.WriteString(w, `<w:tr><w:tc>`)
		f(w)
		io.WriteString(w, `<w:p/></w:tc></w:tr>`)
	}
}

// docxCells writes n empty cells, 100 to a row.
func docxCells(n int) func(w io.Writer) {
	return func(w io.Writer) {
		for n > 0 {
			io.WriteString(w, `<w:tr>`)
			for k := 0; k < 100 && n > 0; k++ {
				io.WriteString(w, `<w:tc><w:p/></w:tc>`)
				n--
			}
			io.WriteString(w, `</w:tr>`)
		}
	}
}

// A file over a shape limit is refused, naming the limit in both
// languages; under it, it is read.
func TestShapeLimits(t *testing.T) {
	dir := t.TempDir()
	deepX := `<x>`
	deepW := `<w:sdt>` // any element: depth is counted whatever it is
	cases := []struct {
		name   string
		file   string
		parts  []part
		vi, en string // "" for a file that reads
	}{
		{"xlsx deep sheet", "deep.xlsx", xlsxParts(nested(deepX, `</x>`, MaxXMLDepth, 1), nil), "256 cấp", "256 levels"},
		{"xlsx deep shared strings", "deep-sst.xlsx", xlsxParts(repeated("", 0), nested(`<si>`, `</si>`, MaxXMLDepth, 1)), "256 cấp", "256 levels"},
		{"xlsx just under depth", "under.xlsx", xlsxParts(nested(deepX, `</x>`, MaxXMLDepth-5, 1000), nil), "", ""},
		{"xlsx many cells", "cells.xlsx", xlsxParts(cellRows(MaxCells+1, `<c/>`), nil), "500.000 ô", "500,000 cells"},
		{"xlsx many shared strings", "sst.xlsx", xlsxParts(repeated("", 0), repeated(`<si/>`, MaxCells+1)), "500.000 ô", "500,000 cells"},
		{"xlsx many elements", "elements.xlsx", xlsxParts(repeated(`<x/>`, MaxElements+1), nil), "4.000.000 phần tử", "4,000,000 XML elements"},
		{"docx deep", "deep.docx", docxParts(inRow(nested(deepW, `</w:sdt>`, MaxXMLDepth, 1))), "256 cấp", "256 levels"},
		{"docx just under depth", "under.docx", docxParts(inRow(nested(deepW, `</w:sdt>`, MaxXMLDepth-10, 1000))), "", ""},
		{"docx many cells", "cells.docx", docxParts(docxCells(MaxCells + 1)), "500.000 ô", "500,000 cells"},
		{"docx many elements", "elements.docx", docxParts(inRow(repeated(`<w:p/>`, MaxElements+1))), "4.000.000 phần tử", "4,000,000 XML elements"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := writeZip(t, filepath.Join(dir, c.file), c.parts...)
			grids, err := ReadFile(path)
			if c.vi == "" {
				if err != nil {
					t.Fatalf("a file under the limits is refused: %v", err)
				}
				if len(grids) == 0 || grids[0].Cell(grids[0].first, 0) != "Tên mô hình" {
					t.Fatalf("read %v", grids)
				}
				return
			}
			if err == nil {
				t.Fatal("read, not refused")
			}
			vi, en := lang.Message(err, lang.VI), lang.Message(err, lang.EN)
			if !strings.Contains(vi, c.vi) || !strings.Contains(vi, "giới hạn") {
				t.Errorf("Vietnamese message does not name the limit (%q): %s", c.vi, vi)
			}
			if !strings.Contains(en, c.en) || !strings.Contains(en, "limit") {
				t.Errorf("English message does not name the limit (%q): %s", c.en, en)
			}
		})
	}
}

// The scan counts what encoding/xml would open: not what stands in a
// comment, a CDATA section, a processing instruction, a DOCTYPE or a
// quoted attribute value; a self-closed element closes.
func TestScanPartCountsWhatXMLOpens(t *testing.T) {
	for in, want := range map[string][2]int{ // elements, cells
		`<?xml version="1.0"?><sst><si><t>a</t></si><si/></sst>`:                     {4, 2},
		`<x:worksheet><x:sheetData><x:row><x:c r="A1"/><x:c/></x:row></x:sheetData>`: {5, 2},
		`<a b="x>y" c='/>'><!-- <b><b><b> --><![CDATA[<c><c>]]><?pi <d>?></a>`:       {1, 0},
		`<!DOCTYPE a [<!ENTITY e "<b>">]><a><c/></a>`:                                {2, 0},
		`<row><c/><x><c/></x></row><c/>`:                                             {5, 1},
		`<a><b/><b/></a><a>`:                                                         {4, 0},
	} {
		var s shape
		if err := scanPart(strings.NewReader(in), &s); err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		if s.elements != want[0] || s.cells != want[1] || s.depth != 0 {
			t.Errorf("%s: %d elements, %d cells, depth %d after; want %v", in, s.elements, s.cells, s.depth, want)
		}
	}
	var s shape
	if err := scanPart(strings.NewReader(strings.Repeat(`<a x="1">`, MaxXMLDepth+1)), &s); err == nil {
		t.Error("too deep, not refused")
	}
}
