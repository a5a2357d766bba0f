package importer

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode/utf16"

	"cchc/internal/campaign"
	"cchc/internal/lang"

	"github.com/ledongthuc/pdf"
)

// A text PDF (a letter printed to PDF from Word or LibreOffice) is read
// from where its characters are drawn: characters make words, words on
// one baseline make a line; the lines above the table are its title block
// (each line's runs of words far apart its cells, as a Word paragraph's
// tab stops are); the table's columns are found from its header words and
// their x positions, its rows from the rules drawn between them (or, in a
// table without borders, from its numbered cells). The result is a Grid
// like a Word table's, read by the same code.

// pdfMagic opens every PDF file.
var pdfMagic = []byte("%PDF-")

// pdfWord is a run of characters with no space between them, or a rule
// (a line drawn on the page, a table's border) when rule is set.
type pdfWord struct {
	text         string
	x0, x1, y    float64 // y grows downwards, pages stacked one under the other
	size         float64
	page         int
	rule, vert   bool // a rule drawn across, or down (then y0 to y1)
	y0, y1       float64
	pageH, pageY float64 // the page's height, and where it starts
}

func notPDF(err error) error {
	return lang.Wrap(err, "Không đọc được tệp PDF (tệp hỏng, được đặt mật khẩu, hoặc không phải PDF)",
		"Cannot read the PDF file (damaged, protected with a password, or not a PDF)")
}

// scannedPDF refuses a PDF that has pictures of pages and no text.
func scannedPDF() error {
	return lang.Errorf("Tệp PDF không có chữ (là ảnh chụp hoặc bản quét), nên không đọc được danh sách: hãy đính kèm tệp vào văn bản và gõ các mô hình, sáng kiến vào cchc, hoặc đề nghị cơ quan, đơn vị gửi tệp Word (.docx) hay Excel (.xlsx)",
		"The PDF file has no text (it is a photo or a scan), so its list cannot be read: attach it to the letter and type the registrations into cchc, or ask the agency for its Word (.docx) or Excel (.xlsx) file")
}

// ReadPDF reads the registrations table of a text PDF, with the text above
// it as its title block.
func ReadPDF(data []byte) (grids []*Grid, err error) {
	words, err := pdfWords(data)
	if err != nil {
		return nil, err
	}
	lines := pdfLines(words)
	text := 0
	for _, l := range lines {
		text += len(l.words)
	}
	if text == 0 {
		return nil, scannedPDF()
	}
	return []*Grid{pdfGrid(lines, words)}, nil
}

// pdfWords reads every page's words and rules. The library panics on some
// damaged files: that is a damaged file too.
func pdfWords(data []byte) (words []pdfWord, err error) {
	defer func() {
		if r := recover(); r != nil {
			words, err = nil, notPDF(fmt.Errorf("%v", r))
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, notPDF(err)
	}
	top := 0.0
	glyphs := 0
	for n := 1; n <= r.NumPage(); n++ {
		p := r.Page(n)
		box := p.V.Key("MediaBox")
		up := p.V.Key("Parent")
		for depth := 0; box.Kind() == pdf.Null && up.Kind() == pdf.Dict && depth < 32; depth++ { // a damaged tree may loop
			box = up.Key("MediaBox") // inherited from the page tree
			up = up.Key("Parent")
		}
		h := box.Index(3).Float64() - box.Index(1).Float64()
		if h <= 0 {
			h = 842
		}
		pw := pageWords(p, n, top, h, &glyphs)
		words = append(words, pw...)
		top += h
		if glyphs > MaxUnzipped/8 {
			return nil, tooBig()
		}
	}
	return words, nil
}

// matrix is a PDF transformation [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m matrix) apply(x, y float64) (float64, float64) {
	return x*m[0] + y*m[2] + m[4], x*m[1] + y*m[3] + m[5]
}

// pdfFont is what drawing text needs of a font: its codes' text and widths.
type pdfFont struct {
	enc     pdf.TextEncoding
	twoByte bool // Type0: two-byte codes (Identity-H)
	first   int
	widths  []float64
	cid     map[int]float64 // Type0 widths (W), dflt for the others (DW)
	dflt    float64
	uni     map[int]string // the ToUnicode map, when the font has one
}

// text is what code says.
func (f *pdfFont) text(code int, raw string) string {
	if s, ok := f.uni[code]; ok {
		return s
	}
	return f.enc.Decode(raw)
}

// toUnicode reads a font's ToUnicode CMap (nil without one): its bfchar
// and bfrange sections. The library's own reading keeps only the last
// byte of a range's offset, which a range over more than 256 codes
// (fpdf's <0000> <FFFF> <0000>, what cchc's own PDFs carry) needs whole.
func toUnicode(v pdf.Value) (m map[int]string) {
	if v.Kind() != pdf.Stream {
		return nil
	}
	defer func() {
		if recover() != nil { // a damaged stream
			m = nil
		}
	}()
	data, err := io.ReadAll(io.LimitReader(v.Reader(), 4<<20))
	if err != nil {
		return nil
	}
	m = map[int]string{}
	// tokens: <hex> as its bytes, [ and ], and words
	var toks []string
	hexes := map[int]bool{}
	for i := 0; i < len(data); {
		c := data[i]
		switch {
		case c == '<' && i+1 < len(data) && data[i+1] != '<':
			end := bytes.IndexByte(data[i:], '>')
			if end < 0 {
				return m
			}
			b, _ := hex.DecodeString(strings.Join(strings.Fields(string(data[i+1:i+end])), ""))
			hexes[len(toks)] = true
			toks = append(toks, string(b))
			i += end + 1
		case c == '[' || c == ']':
			toks = append(toks, string(c))
			i++
		case c <= ' ' || c == '<' || c == '>':
			i++
		default:
			j := i
			for j < len(data) && data[j] > ' ' && !bytes.ContainsRune([]byte("<>[]/"), rune(data[j])) || j == i {
				j++
			}
			toks = append(toks, string(data[i:j]))
			i = j
		}
	}
	code := func(s string) int {
		c := 0
		for i := 0; i < len(s) && i < 4; i++ {
			c = c<<8 | int(s[i])
		}
		return c
	}
	text := func(s string) []rune {
		var u []uint16
		for i := 0; i+1 < len(s); i += 2 {
			u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
		}
		return utf16.Decode(u)
	}
	section := ""
	for i := 0; i < len(toks); i++ {
		switch t := toks[i]; {
		case t == "beginbfchar" || t == "beginbfrange":
			section = t
		case t == "endbfchar" || t == "endbfrange":
			section = ""
		case section == "beginbfchar" && hexes[i] && i+1 < len(toks) && hexes[i+1]:
			m[code(t)] = string(text(toks[i+1]))
			i++
		case section == "beginbfrange" && hexes[i] && i+2 < len(toks) && hexes[i+1]:
			lo, hi := code(t), code(toks[i+1])
			if hexes[i+2] {
				r := text(toks[i+2])
				for c := lo; c <= hi && c-lo < 1<<16 && len(r) > 0 && len(m) < 1<<17; c++ {
					r2 := append([]rune(nil), r...)
					r2[len(r2)-1] += rune(c - lo)
					m[c] = string(r2)
				}
				i += 2
				continue
			}
			if toks[i+2] == "[" {
				k := i + 3
				for c := lo; k < len(toks) && toks[k] != "]"; c, k = c+1, k+1 {
					if hexes[k] && c <= hi {
						m[c] = string(text(toks[k]))
					}
				}
				i = k
			}
		}
	}
	return m
}

func newFont(f pdf.Font) *pdfFont {
	pf := &pdfFont{enc: f.Encoder(), uni: toUnicode(f.V.Key("ToUnicode"))}
	if pf.enc == nil {
		pf.enc = identityText{}
	}
	if f.V.Key("Subtype").Name() == "Type0" {
		pf.twoByte = true
		d := f.V.Key("DescendantFonts").Index(0)
		pf.dflt = 1000
		if dw := d.Key("DW"); dw.Kind() != pdf.Null {
			pf.dflt = dw.Float64()
		}
		pf.cid = map[int]float64{}
		w := d.Key("W")
		for i := 0; i+1 < w.Len() && len(pf.cid) < 1<<16; {
			start := int(w.Index(i).Int64())
			if next := w.Index(i + 1); next.Kind() == pdf.Array {
				for k := 0; k < next.Len(); k++ {
					pf.cid[start+k] = next.Index(k).Float64()
				}
				i += 2
				continue
			}
			if i+2 >= w.Len() {
				break
			}
			end, v := int(w.Index(i+1).Int64()), w.Index(i+2).Float64()
			for c := start; c <= end && c-start < 1<<16; c++ {
				pf.cid[c] = v
			}
			i += 3
		}
		return pf
	}
	pf.first = f.FirstChar()
	pf.widths = f.Widths()
	return pf
}

type identityText struct{}

func (identityText) Decode(raw string) string { return raw }

func (f *pdfFont) width(code int) float64 {
	if f.cid != nil {
		if w, ok := f.cid[code]; ok {
			return w
		}
		return f.dflt
	}
	if i := code - f.first; i >= 0 && i < len(f.widths) {
		return f.widths[i]
	}
	return 500
}

type textState struct {
	ctm, tm, tlm         matrix
	font                 *pdfFont
	size, tc, tw, th, tl float64
	rise                 float64
}

// pageWords interprets page n's content: text shown (Tj, TJ, ', ") and
// lines stroked or thin rectangles filled (the table's rules).
func pageWords(p pdf.Page, n int, top, h float64, count *int) []pdfWord {
	fonts := map[string]*pdfFont{}
	g := textState{ctm: identity, th: 1}
	var stack []textState
	var words, glyphs []pdfWord
	var path [][2]float64 // points of the current path, in page space
	show := func(s string) {
		if g.font == nil {
			return
		}
		step := 1
		if g.font.twoByte {
			step = 2
		}
		for i := 0; i+step <= len(s); i += step {
			raw := s[i : i+step]
			code := int(raw[0])
			if step == 2 {
				code = code<<8 | int(raw[1])
			}
			text := g.font.text(code, raw)
			w0 := g.font.width(code)
			trm := matrix{g.size * g.th, 0, 0, g.size, 0, g.rise}.mul(g.tm).mul(g.ctm)
			x, y := trm[4], top+h-trm[5]
			size := math.Hypot(trm[2], trm[3])
			wd := w0 / 1000 * math.Hypot(trm[0], trm[1])
			*count++
			if strings.TrimSpace(text) != "" && text != "\u00a0" {
				glyphs = append(glyphs, pdfWord{text: text, x0: x, x1: x + wd, y: y, size: size, page: n, pageH: h, pageY: top})
			}
			adv := w0/1000*g.size + g.tc
			if step == 1 && raw == " " {
				adv += g.tw
			}
			g.tm = matrix{1, 0, 0, 1, adv * g.th, 0}.mul(g.tm)
		}
	}
	var pending []pdfWord // the current path's rules, kept once it is painted
	rule := func(x0, y0, x1, y1 float64) {
		switch {
		case math.Abs(y1-y0) < 1.5 && math.Abs(x1-x0) > 3:
			pending = append(pending, pdfWord{rule: true, x0: math.Min(x0, x1), x1: math.Max(x0, x1), y: top + h - (y0+y1)/2, page: n, pageH: h, pageY: top})
		case math.Abs(x1-x0) < 1.5 && math.Abs(y1-y0) > 3:
			pending = append(pending, pdfWord{rule: true, vert: true, x0: (x0 + x1) / 2, x1: (x0 + x1) / 2, y0: top + h - math.Max(y0, y1), y1: top + h - math.Min(y0, y1), page: n, pageH: h, pageY: top})
		}
	}
	pdf.Interpret(p.V.Key("Contents"), func(stk *pdf.Stack, op string) {
		args := make([]pdf.Value, stk.Len())
		for i := len(args) - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		num := func(i int) float64 {
			if i < len(args) {
				return args[i].Float64()
			}
			return 0
		}
		switch op {
		case "q":
			if len(stack) < 64 {
				stack = append(stack, g)
			}
		case "Q":
			if len(stack) > 0 {
				g, stack = stack[len(stack)-1], stack[:len(stack)-1]
			}
		case "cm":
			g.ctm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}.mul(g.ctm)
		case "BT":
			g.tm, g.tlm = identity, identity
		case "Tm":
			g.tm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}
			g.tlm = g.tm
		case "TD":
			g.tl = -num(1)
			fallthrough
		case "Td":
			g.tlm = matrix{1, 0, 0, 1, num(0), num(1)}.mul(g.tlm)
			g.tm = g.tlm
		case "T*":
			g.tlm = matrix{1, 0, 0, 1, 0, -g.tl}.mul(g.tlm)
			g.tm = g.tlm
		case "TL":
			g.tl = num(0)
		case "Tc":
			g.tc = num(0)
		case "Tw":
			g.tw = num(0)
		case "Tz":
			g.th = num(0) / 100
		case "Ts":
			g.rise = num(0)
		case "Tf":
			if len(args) == 2 {
				name := args[0].Name()
				if fonts[name] == nil {
					fonts[name] = newFont(p.Font(name))
				}
				g.font, g.size = fonts[name], num(1)
			}
		case "\"":
			if len(args) == 3 {
				g.tw, g.tc = num(0), num(1)
				args = args[2:]
			}
			fallthrough
		case "'":
			g.tlm = matrix{1, 0, 0, 1, 0, -g.tl}.mul(g.tlm)
			g.tm = g.tlm
			fallthrough
		case "Tj":
			if len(args) > 0 {
				show(args[len(args)-1].RawString())
			}
		case "TJ":
			if len(args) > 0 {
				v := args[0]
				for i := 0; i < v.Len(); i++ {
					if x := v.Index(i); x.Kind() == pdf.String {
						show(x.RawString())
					} else {
						g.tm = matrix{1, 0, 0, 1, -x.Float64() / 1000 * g.size * g.th, 0}.mul(g.tm)
					}
				}
			}
		case "S", "s", "f", "F", "f*", "B", "B*", "b", "b*":
			words = append(words, pending...)
			pending = pending[:0]
		case "n": // a clipping path, not drawn
			pending = pending[:0]
		case "m":
			x, y := g.ctm.apply(num(0), num(1))
			path = append(path[:0], [2]float64{x, y})
		case "l":
			x, y := g.ctm.apply(num(0), num(1))
			if len(path) > 0 {
				last := path[len(path)-1]
				rule(last[0], last[1], x, y)
			}
			path = append(path, [2]float64{x, y})
		case "re":
			x0, y0 := g.ctm.apply(num(0), num(1))
			x1, y1 := g.ctm.apply(num(0)+num(2), num(1)+num(3))
			// a thin one is a line; a cell's box is its four sides
			switch {
			case math.Abs(y1-y0) < 1.5, math.Abs(x1-x0) < 1.5:
				rule(x0, (y0+y1)/2, x1, (y0+y1)/2)
				rule((x0+x1)/2, y0, (x0+x1)/2, y1)
			default:
				rule(x0, y0, x1, y0)
				rule(x0, y1, x1, y1)
				rule(x0, y0, x0, y1)
				rule(x1, y0, x1, y1)
			}
		}
	})
	return append(words, joinGlyphs(glyphs)...)
}

// joinGlyphs makes words of the characters drawn side by side on one
// baseline, wherever they were drawn from: LibreOffice draws the letters
// its font lacks ("ạ", "ơ") from another font after the rest of the line.
func joinGlyphs(gs []pdfWord) []pdfWord {
	sort.SliceStable(gs, func(i, j int) bool { return gs[i].y < gs[j].y })
	var words []pdfWord
	for start := 0; start < len(gs); {
		end := start + 1
		for end < len(gs) && gs[end].y-gs[start].y < gs[start].size/4 {
			end++
		}
		line := gs[start:end]
		sort.SliceStable(line, func(i, j int) bool { return line[i].x0 < line[j].x0 })
		for i, g := range line {
			if n := len(words); i > 0 && g.x0-words[n-1].x1 < g.size/8 {
				words[n-1].text += g.text
				words[n-1].x1 = math.Max(words[n-1].x1, g.x1)
				continue
			}
			words = append(words, g)
		}
		start = end
	}
	return words
}

// pdfLine is the words on one baseline of a page, left to right.
type pdfLine struct {
	words []pdfWord
	y     float64
	size  float64
}

// pdfLines groups the words into lines, top to bottom, page after page.
func pdfLines(words []pdfWord) []pdfLine {
	var ws []pdfWord
	for _, w := range words {
		if !w.rule {
			ws = append(ws, w)
		}
	}
	sort.SliceStable(ws, func(i, j int) bool { return ws[i].y < ws[j].y })
	var lines []pdfLine
	for _, w := range ws {
		if n := len(lines); n > 0 && lines[n-1].words[0].page == w.page && w.y-lines[n-1].y < math.Max(w.size, lines[n-1].size)/3 {
			lines[n-1].words = append(lines[n-1].words, w)
			lines[n-1].size = math.Max(lines[n-1].size, w.size)
			continue
		}
		lines = append(lines, pdfLine{words: []pdfWord{w}, y: w.y, size: w.size})
	}
	var out []pdfLine
	for _, l := range lines {
		sort.SliceStable(l.words, func(i, j int) bool { return l.words[i].x0 < l.words[j].x0 })
		if pageNumber(l) {
			continue
		}
		out = append(out, l)
	}
	return out
}

// pageNumber reports a line that is only a number in a page's top or
// bottom margin.
func pageNumber(l pdfLine) bool {
	w := l.words[0]
	if len(l.words) != 1 || strings.Trim(w.text, "0123456789-–— ") != "" {
		return false
	}
	at := (w.y - w.pageY) / w.pageH
	return at < 0.1 || at > 0.9
}

// segments splits a line where its words stand far apart: the cells of a
// title block laid out in a table, or its tab stops.
func (l pdfLine) segments() [][]pdfWord {
	var out [][]pdfWord
	for i, w := range l.words {
		if i == 0 || w.x0-l.words[i-1].x1 > 1.2*l.size {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], w)
	}
	return out
}

func joinWords(ws []pdfWord) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = w.text
	}
	return strings.Join(parts, " ")
}

// row is the line as cells, one a segment.
func (l pdfLine) row() []string {
	var row []string
	for _, s := range l.segments() {
		row = append(row, joinWords(s))
	}
	return clip(row)
}

// pdfColumn is a column of the table: the span of its header's words.
type pdfColumn struct {
	x0, x1 float64
	words  []pdfWord
}

// headerColumns groups the words of lines[from:to] into columns: words
// whose spans overlap or nearly touch, line after line, are one column.
func headerColumns(lines []pdfLine, downs []pdfWord) []pdfColumn {
	var ws []pdfWord
	for _, l := range lines {
		ws = append(ws, l.words...)
	}
	sort.SliceStable(ws, func(i, j int) bool { return ws[i].x0 < ws[j].x0 })
	var cols []pdfColumn
	for _, w := range ws {
		if n := len(cols); n > 0 && w.x0 <= cols[n-1].x1+0.9*w.size && !ruleBetween(downs, cols[n-1].x1, w.x0, w) {
			cols[n-1].x1 = math.Max(cols[n-1].x1, w.x1)
			cols[n-1].words = append(cols[n-1].words, w)
			continue
		}
		cols = append(cols, pdfColumn{x0: w.x0, x1: w.x1, words: []pdfWord{w}})
	}
	return cols
}

// ruleBetween reports a rule drawn down between x0 and x1 beside w: a
// border between two cells.
func ruleBetween(downs []pdfWord, x0, x1 float64, w pdfWord) bool {
	_, ok := ruleAt(downs, x0, x1, w)
	return ok
}

func ruleAt(downs []pdfWord, x0, x1 float64, w pdfWord) (float64, bool) {
	for _, d := range downs {
		if d.page == w.page && d.x0 > x0-1 && d.x0 < x1+1 && d.y0 < w.y && d.y1 > w.y-w.size/2 {
			return d.x0, true
		}
	}
	return 0, false
}

// gutter is the middle of the widest stretch of a to b that no word of
// body covers (a word across all of it is a band, not a cell), else the
// middle of a to b: a title written left of its column's header runs on
// past the header's end, a narrow column's words start before its own.
func gutter(body []pdfWord, a, b float64) float64 {
	type span struct{ x0, x1 float64 }
	var covered []span
	for _, w := range body {
		if w.x1 > a && w.x0 < b && !(w.x0 <= a && w.x1 >= b) {
			covered = append(covered, span{max(w.x0, a), min(w.x1, b)})
		}
	}
	sort.Slice(covered, func(i, j int) bool { return covered[i].x0 < covered[j].x0 })
	best, bestW, at := (a+b)/2, 0.0, a
	for _, c := range append(covered, span{b, b}) {
		if c.x0-at > bestW {
			best, bestW = (at+c.x0)/2, c.x0-at
		}
		at = max(at, c.x1)
	}
	return best
}

// text is the column's header, its lines top to bottom.
func (c pdfColumn) text() string {
	ws := append([]pdfWord(nil), c.words...)
	sort.SliceStable(ws, func(i, j int) bool {
		if math.Abs(ws[i].y-ws[j].y) > ws[i].size/3 {
			return ws[i].y < ws[j].y
		}
		return ws[i].x0 < ws[j].x0
	})
	return joinWords(ws)
}

// maxHeaderLines is how many lines a header's titles may wrap over.
const maxHeaderLines = 6

// findPDFHeader finds the lines of the table's header: those whose
// columns name the most registration columns, the fewest lines on a tie.
func findPDFHeader(lines []pdfLine, downs []pdfWord) (from, to int, cols []pdfColumn, ok bool) {
	best := 0
	for i := 0; i < len(lines) && i < 4*headerWindow; i++ {
		for j := i + 1; j <= len(lines) && j-i <= maxHeaderLines; j++ {
			if j > i+1 && (lines[j-1].words[0].page != lines[i].words[0].page || lines[j-1].y-lines[j-2].y > 2.5*lines[j-1].size) {
				break
			}
			cs := headerColumns(lines[i:j], downs)
			row := make([]string, len(cs))
			for k, c := range cs {
				row[k] = c.text()
			}
			h, found := findHeader(&Grid{Rows: [][]string{row}}, registrationRules, campaign.ColTitle, 1)
			if found && len(h.cols) > best {
				best, from, to, cols, ok = len(h.cols), i, j, cs, true
			}
		}
	}
	return from, to, cols, ok
}

// pdfGrid lays the lines out as a Word table's grid: the title block's
// lines, the header, then the table's rows.
func pdfGrid(lines []pdfLine, words []pdfWord) *Grid {
	var downs []pdfWord // rules drawn down: the borders between columns
	for _, w := range words {
		if w.vert {
			downs = append(downs, w)
		}
	}
	from, to, cols, ok := findPDFHeader(lines, downs)
	g := &Grid{Name: "1", merged: map[[2]int]bool{}}
	if !ok { // no table: its lines, for the importer to say what it lacks
		for _, l := range lines {
			g.Rows = append(g.Rows, l.row())
		}
		return g
	}
	left, right := cols[0].x0, cols[len(cols)-1].x1
	var rules []pdfWord // the table's horizontal rules, top to bottom
	for _, w := range words {
		if w.rule && !w.vert && w.x1-w.x0 > 20 && w.x0 < right && w.x1 > left {
			rules = append(rules, w)
		}
	}
	sort.SliceStable(rules, func(i, j int) bool { return rules[i].y < rules[j].y })
	ruled := len(rules) >= 2
	// between reports a rule between two lines: a new row of the table.
	between := func(a, b pdfLine) bool {
		if a.words[0].page != b.words[0].page {
			return true
		}
		for _, r := range rules {
			if r.y > a.y && r.y < b.y-b.size*0.6 {
				return true
			}
		}
		return false
	}
	// The header is one row of the table: its titles' other lines too.
	if ruled {
		for from > 0 && !between(lines[from-1], lines[from]) {
			from--
		}
		for to < len(lines) && !between(lines[to-1], lines[to]) {
			to++
		}
		cols = headerColumns(lines[from:to], downs)
	}
	for _, l := range lines[:from] {
		if row := l.row(); !blank(row) {
			g.Rows = append(g.Rows, row)
		}
	}
	g.first = len(g.Rows)
	header := make([]string, len(cols))
	for k, c := range cols {
		header[k] = c.text()
	}
	g.Rows = append(g.Rows, header)
	// a column reaches to the border after it, else to the widest gap
	// the table's words leave between its header and the next one's
	var body []pdfWord
	for _, l := range lines[to:] {
		if startsAny(key(joinWords(l.words)), footerWords...) {
			break
		}
		body = append(body, l.words...)
	}
	bounds := make([]float64, len(cols)-1)
	for k := range bounds {
		bounds[k] = gutter(body, cols[k].x1, cols[k+1].x0)
		if x, ok := ruleAt(downs, cols[k].x1, cols[k+1].x0, cols[k+1].words[0]); ok {
			bounds[k] = x
		}
	}
	column := func(x float64) int { return sort.SearchFloat64s(bounds, x) }
	headerKeys := map[string]bool{}
	for _, l := range lines[from:to] {
		headerKeys[key(joinWords(l.words))] = true
	}
	seqCol, hasSeq := -1, false
	for k, cell := range header {
		if c, ok := classify(registrationRules, cell); ok && c == campaign.ColSeq {
			seqCol, hasSeq = k, true
		}
	}
	// Without rules, the header's titles run on down to the line with a
	// number in its STT column (the numbering row or the first row).
	if !ruled && hasSeq {
		for to < len(lines) && lines[to].words[0].page == lines[to-1].words[0].page && lines[to].y-lines[to-1].y < 2*lines[to].size {
			if slices.ContainsFunc(lines[to].words, func(w pdfWord) bool { return column((w.x0+w.x1)/2) == seqCol }) {
				break
			}
			to++
		}
		cols = headerColumns(lines[from:to], downs)
		for k, c := range cols {
			if k < len(header) {
				header[k] = c.text()
			}
		}
		for _, l := range lines[from:to] {
			headerKeys[key(joinWords(l.words))] = true
		}
	}
	type pdfRow struct {
		cells   [][]string // the lines of each cell
		band    bool
		hasSeq  bool
		newPage bool // the first row after a page's repeated header
		// cont marks the columns where no rule separates the row from the
		// one above: a cell merged down over both
		cont []bool
	}
	// crossed reports the columns a rule crosses between two lines.
	crossed := func(a, b pdfLine) []bool {
		out := make([]bool, len(cols))
		for _, r := range rules {
			if r.page != b.words[0].page || r.y <= a.y || r.y >= b.y-b.size*0.6 {
				continue
			}
			for k, c := range cols {
				if mid := (c.x0 + c.x1) / 2; r.x0 <= mid && mid <= r.x1 {
					out[k] = true
				}
			}
		}
		return out
	}
	var rows []*pdfRow
	var prev *pdfLine
	lastRule := func(page int) float64 {
		y := -1.0
		for _, r := range rules {
			if r.page == page {
				y = r.y
			}
		}
		return y
	}
	pageBreak := false
	for i := to; i < len(lines); i++ {
		l := lines[i]
		if headerKeys[key(joinWords(l.words))] && prev != nil && l.words[0].page != prev.words[0].page {
			pageBreak = true // the header repeated on a new page
			for i+1 < len(lines) && headerKeys[key(joinWords(lines[i+1].words))] {
				i++
			}
			continue
		}
		if ruled {
			if end := lastRule(l.words[0].page); end < 0 || l.y > end {
				if prev != nil && l.words[0].page == prev.words[0].page || end < 0 && l.words[0].page != lines[from].words[0].page {
					break // under the table's last rule: the table has ended
				}
				continue // above the table on a continuation page
			}
		} else if startsAny(key(joinWords(l.words)), footerWords...) {
			break // a table without borders ends at its signature
		}
		// a line of one run of words across columns is a band ("I. …")
		segs := l.segments()
		spread := len(segs) == 1 && column(segs[0][0].x0) != column(segs[0][len(segs[0])-1].x1)
		newRow := len(rows) == 0 || prev == nil || prev.words[0].page != l.words[0].page && pageBreak
		if ruled && prev != nil && between(*prev, l) {
			newRow = true
		}
		seq := false
		if hasSeq {
			for _, w := range l.words {
				if column((w.x0+w.x1)/2) == seqCol {
					seq = true
				}
			}
		}
		if !ruled && (seq || spread || len(rows) > 0 && rows[len(rows)-1].band) {
			newRow = true
		}
		if newRow {
			turned := prev != nil && prev.words[0].page != l.words[0].page
			r := &pdfRow{cells: make([][]string, len(cols)), newPage: pageBreak || turned}
			if ruled && prev != nil && !r.newPage && len(rows) > 0 && !spread && !rows[len(rows)-1].band {
				r.cont = make([]bool, len(cols))
				for k, ruleCrosses := range crossed(*prev, l) {
					r.cont[k] = !ruleCrosses
				}
			}
			rows = append(rows, r)
			pageBreak = false
		}
		r := rows[len(rows)-1]
		r.hasSeq = r.hasSeq || seq
		if spread {
			r.band = true
			for k := column(segs[0][0].x0); k <= column(segs[0][len(segs[0])-1].x1); k++ {
				r.cells[k] = append(r.cells[k], joinWords(segs[0]))
			}
		} else {
			line := make([][]pdfWord, len(cols))
			for _, w := range l.words {
				k := column((w.x0 + w.x1) / 2)
				line[k] = append(line[k], w)
			}
			for k, ws := range line {
				if len(ws) > 0 {
					r.cells[k] = append(r.cells[k], joinWords(ws))
				}
			}
		}
		prev = &lines[i]
	}
	// a row the page broke: its rest, with no number of its own, joins it
	var merged []*pdfRow
	for _, r := range rows {
		if n := len(merged); n > 0 && r.newPage && hasSeq && !r.hasSeq && !r.band && merged[n-1].hasSeq {
			for k := range r.cells {
				merged[n-1].cells[k] = append(merged[n-1].cells[k], r.cells[k]...)
			}
			continue
		}
		merged = append(merged, r)
	}
	// a cell merged down over several rows ("Lĩnh vực" for all the rows
	// of one area) is drawn once, in its first row or, centred, in a
	// middle one, its lines maybe across the rows' rules: each row of it
	// gets its whole text, as a Word table's vMerge does
	copied := make([][]bool, len(merged))
	for k := range cols {
		for i := 0; i < len(merged); {
			j := i
			for j+1 < len(merged) && merged[j+1].cont != nil && merged[j+1].cont[k] {
				j++
			}
			if j > i {
				var text []string
				for _, r := range merged[i : j+1] {
					text = append(text, r.cells[k]...)
				}
				for n, r := range merged[i : j+1] {
					r.cells[k] = text
					if n > 0 && len(text) > 0 {
						if copied[i+n] == nil {
							copied[i+n] = make([]bool, len(cols))
						}
						copied[i+n][k] = true
					}
				}
			}
			i = j + 1
		}
	}
	for i, r := range merged {
		row := make([]string, len(cols))
		first := -1
		for k, c := range r.cells {
			row[k] = strings.Join(c, " ")
			if copied[i] != nil && copied[i][k] {
				g.merged[[2]int{len(g.Rows), k}] = true
			}
			if r.band && row[k] != "" {
				if first >= 0 {
					g.merged[[2]int{len(g.Rows), k}] = true
				} else {
					first = k
				}
			}
		}
		if len(g.Rows) >= MaxRows {
			break
		}
		g.Rows = append(g.Rows, clip(row))
	}
	return g
}
