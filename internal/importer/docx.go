package importer

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"

	"cchc/internal/lang"
)

// A Word document's body is read into one Grid per table: the table's rows
// (Grid.first on), preceded by everything before the table in the document
// (the title block, written as paragraphs or laid out in a table), so that
// the header, the title block and the rows are found as in a sheet. Tables
// after it (contact, signature) are not part of its grid.

// The WordprocessingML namespaces: transitional (what Word and Writer
// write) and strict.
const (
	wordNS       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	wordStrictNS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	compatNS     = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// docCell is one w:tc: its paragraphs, how many grid columns it spans and
// whether it continues a vertical merge from the row above. The paragraphs
// are kept as one text, a line each: a cell of a million empty paragraphs
// then costs a megabyte, not sixteen (a string each); a cell of one
// paragraph keeps that paragraph's string, not a copy.
type docCell struct {
	one       string // the only paragraph
	more      []byte // the paragraphs, once there are two
	paras     int32
	span      int32
	continues bool
}

// add appends a paragraph to the cell.
func (c *docCell) add(p string) {
	switch c.paras {
	case 0:
		c.one = p
	case 1:
		c.more = append(append(append(make([]byte, 0, len(c.one)+1+len(p)), c.one...), '\n'), p...)
		c.one = ""
	default:
		c.more = append(append(c.more, '\n'), p...)
	}
	c.paras++
}

// text is the cell's paragraphs, a line each.
func (c *docCell) text() string {
	if c.more != nil {
		return string(c.more)
	}
	return c.one
}

// done keeps a finished cell's text as a string, letting the buffer go.
func (c *docCell) done() {
	if c.more != nil {
		c.one, c.more = string(c.more), nil
	}
}

type docTable struct{ rows [][]docCell }

// docBlock is a paragraph or a table of the body, in order.
type docBlock struct {
	para  string    // a paragraph; tabs kept, they separate its cells
	table *docTable // nil for a paragraph
}

func notWord(err error) error {
	return lang.Wrap(err, "Không đọc được tệp Word (tệp hỏng hoặc không phải .docx)", "Cannot read the Word file (damaged or not .docx)")
}

// isDOCX reports a zip that holds a Word document.
func isDOCX(data []byte) bool {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return false
	}
	for _, f := range z.File {
		if f.Name == "word/document.xml" {
			return true
		}
	}
	return false
}

// ReadDOCX reads the tables of a Word document, each with the document's
// content above it as its title block.
func ReadDOCX(data []byte) ([]*Grid, error) {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, notWord(err)
	}
	var part *zip.File
	for _, f := range z.File {
		if f.Name == "word/document.xml" {
			part = f
		}
	}
	if part == nil {
		return nil, notWord(errors.New("no word/document.xml"))
	}
	if part.UncompressedSize64 > MaxUnzipped {
		return nil, unzippedTooBig()
	}
	rc, err := part.Open()
	if err != nil {
		return nil, notWord(err)
	}
	defer rc.Close()
	blocks, err := parseDocument(&limitedReader{r: rc, left: MaxUnzipped})
	if err != nil {
		return nil, err
	}
	return docGrids(blocks)
}

func unzippedTooBig() error {
	return lang.Errorf("Tệp khi giải nén quá lớn (hơn %d MB): danh sách đăng ký thường chỉ vài chục dòng; hãy kiểm tra lại tệp",
		"The file is too big once unzipped (over %d MB): a registration list is usually a few dozen rows; check the file", MaxUnzipped>>20)
}

// limitedReader fails, rather than ends, past its limit: a zip that lies
// about its size is stopped with a message, not read in part.
type limitedReader struct {
	r    io.Reader
	left int64
}

var errTooBig = errors.New("too big")

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.left <= 0 {
		return 0, errTooBig
	}
	if int64(len(p)) > l.left {
		p = p[:l.left]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	return n, err
}

// parseDocument reads word/document.xml into the body's blocks. Text is
// that of w:t (deleted text and field codes are other elements); w:tab is
// kept as a tab, w:br and w:cr as line breaks. A table inside a cell is
// read into the cell's paragraphs, a row a line; a text box's paragraphs
// count as paragraphs where they stand; the fallback copy of a drawing
// (mc:Fallback) is skipped.
func parseDocument(r io.Reader) ([]docBlock, error) {
	dec := xml.NewDecoder(r)
	var (
		blocks   []docBlock
		tables   []*docTable
		paras    []*strings.Builder
		inText   bool
		skip     int
		rows     int
		textSize int
		counted  shape
	)
	word := func(n xml.Name) bool { return n.Space == wordNS || n.Space == wordStrictNS }
	lastCell := func() *docCell {
		if len(tables) == 0 {
			return nil
		}
		t := tables[len(tables)-1]
		if len(t.rows) == 0 || len(t.rows[len(t.rows)-1]) == 0 {
			return nil
		}
		row := t.rows[len(t.rows)-1]
		return &row[len(row)-1]
	}
	attr := func(e xml.StartElement, name string) (string, bool) {
		for _, a := range e.Attr {
			if a.Name.Local == name {
				return a.Value, true
			}
		}
		return "", false
	}
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if errors.Is(err, errTooBig) {
			return nil, unzippedTooBig()
		}
		if err != nil {
			return nil, notWord(err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			// checked before the decoder reads deeper: its stack grows with depth
			if err := counted.open(word(e.Name) && e.Name.Local == "tc"); err != nil {
				return nil, err
			}
			if skip > 0 || (e.Name.Space == compatNS && e.Name.Local == "Fallback") {
				skip++
				continue
			}
			if !word(e.Name) {
				continue
			}
			switch e.Name.Local {
			case "tbl":
				tables = append(tables, &docTable{})
			case "tr":
				if len(tables) > 0 {
					rows++
					if rows > MaxRows {
						return nil, tooBig()
					}
					t := tables[len(tables)-1]
					t.rows = append(t.rows, nil)
				}
			case "gridBefore": // a row that starts a few columns in
				if len(tables) > 0 && len(tables[len(tables)-1].rows) > 0 {
					v, _ := attr(e, "val")
					if n, err := strconv.Atoi(v); err == nil && n > 0 && n <= MaxCols {
						t := tables[len(tables)-1]
						t.rows[len(t.rows)-1] = append(t.rows[len(t.rows)-1], docCell{span: int32(n)})
					}
				}
			case "tc":
				if len(tables) > 0 && len(tables[len(tables)-1].rows) > 0 {
					t := tables[len(tables)-1]
					t.rows[len(t.rows)-1] = append(t.rows[len(t.rows)-1], docCell{span: 1})
				}
			case "gridSpan":
				if c := lastCell(); c != nil {
					v, _ := attr(e, "val")
					if n, err := strconv.Atoi(v); err == nil && n > 0 && n <= MaxCols {
						c.span = int32(n)
					}
				}
			case "vMerge":
				if c := lastCell(); c != nil {
					v, _ := attr(e, "val")
					c.continues = v != "restart"
				}
			case "p":
				paras = append(paras, &strings.Builder{})
			case "t":
				inText = true
			case "tab":
				if len(paras) > 0 {
					paras[len(paras)-1].WriteByte('\t')
				}
			case "br", "cr":
				if len(paras) > 0 {
					paras[len(paras)-1].WriteByte('\n')
				}
			case "noBreakHyphen": // "UBND-VP" typed with Word's non-breaking hyphen
				if len(paras) > 0 {
					paras[len(paras)-1].WriteByte('-')
				}
			}
		case xml.EndElement:
			counted.close()
			if skip > 0 {
				skip--
				continue
			}
			if !word(e.Name) {
				continue
			}
			switch e.Name.Local {
			case "t":
				inText = false
			case "tc":
				if c := lastCell(); c != nil {
					c.done()
				}
			case "p":
				if len(paras) == 0 {
					continue
				}
				text := paras[len(paras)-1].String()
				paras = paras[:len(paras)-1]
				if c := lastCell(); c != nil {
					c.add(text)
				} else if len(tables) == 0 {
					blocks = append(blocks, docBlock{para: text})
				}
			case "tbl":
				if len(tables) == 0 {
					continue
				}
				t := tables[len(tables)-1]
				tables = tables[:len(tables)-1]
				if c := lastCell(); c != nil { // a table inside a cell: its rows as lines
					for _, row := range t.rows {
						var parts []string
						for _, cell := range row {
							if s := strings.TrimSpace(strings.ReplaceAll(cell.text(), "\n", " ")); s != "" {
								parts = append(parts, s)
							}
						}
						c.add(strings.Join(parts, "\t"))
					}
				} else if len(tables) == 0 {
					blocks = append(blocks, docBlock{table: t})
				}
			}
		case xml.CharData:
			if inText && skip == 0 && len(paras) > 0 {
				textSize += len(e)
				if textSize > MaxUnzipped {
					return nil, unzippedTooBig()
				}
				paras[len(paras)-1].Write(e)
			}
		}
	}
	return blocks, nil
}

// docGrids makes one grid per table of the body: the blocks above it as
// its title rows, then its own rows.
func docGrids(blocks []docBlock) ([]*Grid, error) {
	var above [][]string
	var grids []*Grid
	for _, b := range blocks {
		if b.table == nil {
			if row := splitTabs(b.para); !blank(row) {
				above = append(above, row)
			}
			continue
		}
		rows, merged := b.table.grid()
		g := &Grid{Name: strconv.Itoa(len(grids) + 1), first: len(above), merged: map[[2]int]bool{}}
		g.Rows = append(append(g.Rows, above...), rows...)
		for rc := range merged {
			g.merged[[2]int{rc[0] + g.first, rc[1]}] = true
		}
		grids = append(grids, g)
		above = append(above, b.table.lines()...)
		if len(above) > MaxRows {
			return nil, tooBig()
		}
	}
	if len(grids) == 0 {
		return nil, lang.Errorf("Tệp Word không có bảng nào: danh sách phải là một bảng (mỗi mô hình hay mỗi đơn vị một dòng), như mẫu đăng ký (trong ứng dụng: màn 6 Báo cáo, «Mẫu đăng ký»; dòng lệnh: cchc template); hãy chép danh sách vào bảng của mẫu, hoặc dùng tệp Excel",
			"The Word file has no table: the list must be a table (one registration or one agency a row), as in the registration template (in the application: screen 6 Reports, “Registration template”; command line: cchc template); copy the list into the template's table, or use an Excel file")
	}
	return grids, nil
}

// splitTabs makes a paragraph a row: its tab stops separate its cells
// ("Số: 15/UBND-VP<tab><tab>Đức Thọ, ngày 20 tháng 3 năm 2023").
func splitTabs(p string) []string {
	var row []string
	for _, part := range strings.Split(p, "\t") {
		if part = strings.TrimSpace(part); part != "" {
			row = append(row, part)
		}
	}
	return clip(row)
}

// grid lays the table out on its grid: a cell spanning several columns
// fills them all, a cell continuing a vertical merge takes the value of
// the one above; merged marks the cells that took a copied value. A cell's
// paragraphs are its lines.
func (t *docTable) grid() ([][]string, map[[2]int]bool) {
	merged := map[[2]int]bool{}
	rows := make([][]string, len(t.rows))
	for r, cells := range t.rows {
		var row []string
		for _, c := range cells {
			text := strings.ReplaceAll(c.text(), "\t", " ")
			col := len(row)
			for k := 0; k < int(c.span) && len(row) < MaxCols; k++ {
				v, copied := text, k > 0
				if c.continues {
					v, copied = "", true
					if r > 0 && col+k < len(rows[r-1]) {
						v = rows[r-1][col+k]
					}
				}
				if copied && v != "" {
					merged[[2]int{r, col + k}] = true
				}
				row = append(row, v)
			}
		}
		rows[r] = clip(row)
	}
	return rows, merged
}

// lines is the table read as a layout (a title block or a signature laid
// out in a table): line i of each cell side by side on row i, a cell's
// tab stops separating cells too.
func (t *docTable) lines() [][]string {
	var out [][]string
	for _, cells := range t.rows {
		var cols [][]string
		depth := 0
		for _, c := range cells {
			var lines []string
			if c.paras > 0 {
				text := c.text()
				text = strings.ToValidUTF8(text[:min(len(text), MaxCellBytes)], "") // clipped there anyway
				lines = strings.Split(text, "\n")
			}
			cols = append(cols, lines)
			depth = max(depth, len(lines))
		}
		for i := 0; i < depth; i++ {
			var row []string
			for _, lines := range cols {
				if i < len(lines) {
					row = append(row, splitTabs(lines[i])...)
				}
			}
			if !blank(row) {
				out = append(out, clip(row))
			}
		}
	}
	return out
}
