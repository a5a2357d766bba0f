package doc

import (
	"bytes"
	"errors"
	"slices"
	"strconv"
)

// A small reader of PDF objects, enough to join the parts fpdf writes
// (splice.go): a tokenizer of PDF syntax (ISO 32000-1, 7.2-7.3), the
// values it makes, the classic cross-reference table and trailer, and a
// writer that puts a value back with its references renumbered. It reads
// what any classic PDF writer lays out, not fpdf's exact bytes; it does
// not read cross-reference streams, object streams or encryption, which
// fpdf does not write.

// The values of a PDF object. Numbers, booleans, null and strings are
// kept as their bytes in the file (pdfAtom) and written back as they were,
// so text that reads like a reference stays text.
type (
	pdfAtom  []byte // a number, true, false, null, (a string) or <a hex string>
	pdfName  string // decoded: #xx escapes read
	pdfRef   struct{ num, gen int }
	pdfArray []any
	pdfDict  []pdfEntry // in the file's order
)

type pdfEntry struct {
	key pdfName
	val any
}

// get is the value of key, nil if absent.
func (d pdfDict) get(key pdfName) any {
	for _, e := range d {
		if e.key == key {
			return e.val
		}
	}
	return nil
}

type tokKind uint8

const (
	tEOF tokKind = iota
	tNum
	tName
	tStr // (literal) or <hex>
	tArrOpen
	tArrClose
	tDictOpen
	tDictClose
	tWord // obj, R, stream, true, xref, …
)

type token struct {
	kind tokKind
	raw  []byte // the token's bytes in the file
}

// lexer reads tokens from b at i.
type lexer struct {
	b []byte
	i int
}

var errPDFSyntax = errors.New("PDF syntax")

func isPDFSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isPDFDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

func isPDFRegular(c byte) bool { return !isPDFSpace(c) && !isPDFDelim(c) }

// skip passes white space and comments.
func (l *lexer) skip() {
	for l.i < len(l.b) {
		c := l.b[l.i]
		switch {
		case isPDFSpace(c):
			l.i++
		case c == '%':
			for l.i < len(l.b) && l.b[l.i] != '\n' && l.b[l.i] != '\r' {
				l.i++
			}
		default:
			return
		}
	}
}

func (l *lexer) next() (token, error) {
	l.skip()
	if l.i >= len(l.b) {
		return token{kind: tEOF}, nil
	}
	start, c := l.i, l.b[l.i]
	tok := func(k tokKind, n int) (token, error) {
		l.i += n
		return token{kind: k, raw: l.b[start:l.i]}, nil
	}
	switch c {
	case '[':
		return tok(tArrOpen, 1)
	case ']':
		return tok(tArrClose, 1)
	case '>':
		if l.i+1 < len(l.b) && l.b[l.i+1] == '>' {
			return tok(tDictClose, 2)
		}
		return token{}, errPDFSyntax
	case '<':
		if l.i+1 < len(l.b) && l.b[l.i+1] == '<' {
			return tok(tDictOpen, 2)
		}
		for j := l.i + 1; j < len(l.b); j++ {
			switch d := l.b[j]; {
			case d == '>':
				return tok(tStr, j+1-l.i)
			case !isPDFSpace(d) && !isHex(d):
				return token{}, errPDFSyntax
			}
		}
		return token{}, errPDFSyntax
	case '(':
		depth := 0
		for j := l.i; j < len(l.b); j++ {
			switch l.b[j] {
			case '\\':
				j++ // the escaped byte, whatever it is
			case '(':
				depth++
			case ')':
				if depth--; depth == 0 {
					return tok(tStr, j+1-l.i)
				}
			}
		}
		return token{}, errPDFSyntax
	case '/':
		j := l.i + 1
		for j < len(l.b) && isPDFRegular(l.b[j]) {
			j++
		}
		return tok(tName, j-l.i)
	case ')', '{', '}':
		return token{}, errPDFSyntax
	}
	j := l.i
	for j < len(l.b) && isPDFRegular(l.b[j]) {
		j++
	}
	if c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9') {
		return tok(tNum, j-l.i)
	}
	return tok(tWord, j-l.i)
}

func isHex(c byte) bool {
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}

// decodeName is a name token's name: #xx read as the byte xx.
func decodeName(raw []byte) (pdfName, error) {
	raw = raw[1:]
	if bytes.IndexByte(raw, '#') < 0 {
		return pdfName(raw), nil
	}
	b := make([]byte, 0, len(raw))
	for i := 0; i < len(raw); i++ {
		if raw[i] != '#' {
			b = append(b, raw[i])
			continue
		}
		if i+2 >= len(raw) || !isHex(raw[i+1]) || !isHex(raw[i+2]) {
			return "", errPDFSyntax
		}
		v, _ := strconv.ParseUint(string(raw[i+1:i+3]), 16, 8)
		b = append(b, byte(v))
		i += 2
	}
	return pdfName(b), nil
}

// integer is a number token read as a non-negative integer.
func integer(t token) (int, bool) {
	if t.kind != tNum {
		return 0, false
	}
	n, err := strconv.Atoi(string(t.raw))
	return n, err == nil && n >= 0
}

// value reads one value; `n g R` is a reference.
func (l *lexer) value() (any, error) {
	t, err := l.next()
	if err != nil {
		return nil, err
	}
	switch t.kind {
	case tNum:
		if n, ok := integer(t); ok {
			at := l.i
			if g, err := l.next(); err == nil {
				if gen, ok := integer(g); ok {
					if r, err := l.next(); err == nil && r.kind == tWord && string(r.raw) == "R" {
						return pdfRef{n, gen}, nil
					}
				}
			}
			l.i = at
		}
		return pdfAtom(t.raw), nil
	case tStr:
		return pdfAtom(t.raw), nil
	case tWord:
		switch string(t.raw) {
		case "true", "false", "null":
			return pdfAtom(t.raw), nil
		}
	case tName:
		return decodeName(t.raw)
	case tArrOpen:
		var a pdfArray
		for {
			l.skip()
			if l.i < len(l.b) && l.b[l.i] == ']' {
				l.i++
				return a, nil
			}
			v, err := l.value()
			if err != nil {
				return nil, err
			}
			a = append(a, v)
		}
	case tDictOpen:
		var d pdfDict
		for {
			k, err := l.next()
			if err != nil {
				return nil, err
			}
			if k.kind == tDictClose {
				return d, nil
			}
			if k.kind != tName {
				return nil, errPDFSyntax
			}
			key, err := decodeName(k.raw)
			if err != nil {
				return nil, err
			}
			v, err := l.value()
			if err != nil {
				return nil, err
			}
			d = append(d, pdfEntry{key, v})
		}
	}
	return nil, errPDFSyntax
}

// word reads the keyword w.
func (l *lexer) word(w string) bool {
	t, err := l.next()
	return err == nil && t.kind == tWord && string(t.raw) == w
}

// pdfPart is one PDF file read by its cross-reference table: where each
// object is, and the trailer. Objects are read when asked for.
type pdfPart struct {
	b       []byte
	at      []int // offset of each object in use, by number; -1: none
	trailer pdfDict
}

// readPart reads the header, the cross-reference table (with the
// sections before it, /Prev) and the trailer of b.
func readPart(b []byte) (*pdfPart, error) {
	p := &pdfPart{b: b}
	if !bytes.HasPrefix(b, []byte("%PDF-")) {
		return nil, errSplice("no PDF header")
	}
	tail := max(0, len(b)-1024)
	i := bytes.LastIndex(b[tail:], []byte("startxref"))
	if i < 0 {
		return nil, errSplice("no startxref")
	}
	l := &lexer{b: b, i: tail + i + len("startxref")}
	t, err := l.next()
	off, ok := integer(t)
	if err != nil || !ok {
		return nil, errSplice("no startxref")
	}
	seen := map[int]bool{}
	for {
		if off >= len(b) || seen[off] {
			return nil, errSplice("a cross-reference table out of range")
		}
		seen[off] = true
		trailer, err := p.xref(off)
		if err != nil {
			return nil, err
		}
		if p.trailer == nil {
			p.trailer = trailer
		}
		prev, ok := trailer.get("Prev").(pdfAtom)
		if !ok {
			break
		}
		if off, ok = integer(token{tNum, prev}); !ok {
			return nil, errSplice("a bad /Prev")
		}
	}
	return p, nil
}

// xref reads a cross-reference section at off and returns its trailer;
// entries already known (from a later section) are kept.
func (p *pdfPart) xref(off int) (pdfDict, error) {
	l := &lexer{b: p.b, i: off}
	if !l.word("xref") {
		return nil, errSplice("no cross-reference table (a cross-reference stream is not read)")
	}
	bad := errSplice("a bad cross-reference table")
	for {
		t, err := l.next()
		if err != nil {
			return nil, bad
		}
		if t.kind == tWord && string(t.raw) == "trailer" {
			break
		}
		first, ok1 := integer(t)
		t, err = l.next()
		count, ok2 := integer(t)
		if err != nil || !ok1 || !ok2 || first+count > len(p.b) {
			return nil, bad
		}
		if n := first + count; n > len(p.at) {
			p.at = append(p.at, slices.Repeat([]int{-1}, n-len(p.at))...)
		}
		for n := first; n < first+count; n++ {
			o, err1 := l.next()
			g, err2 := l.next()
			k, err3 := l.next()
			at, ok1 := integer(o)
			_, ok2 := integer(g)
			if err1 != nil || err2 != nil || err3 != nil || !ok1 || !ok2 || k.kind != tWord {
				return nil, bad
			}
			switch string(k.raw) {
			case "n":
				if p.at[n] == -1 && n > 0 {
					p.at[n] = at
				}
			case "f":
				if p.at[n] == -1 {
					p.at[n] = -2 // freed by this section: not in use, whatever earlier ones say
				}
			default:
				return nil, bad
			}
		}
	}
	v, err := l.value()
	d, ok := v.(pdfDict)
	if err != nil || !ok {
		return nil, errSplice("a bad trailer")
	}
	return d, nil
}

// inUse is the numbers of the objects in use, in order.
func (p *pdfPart) inUse() []int {
	var nums []int
	for n, at := range p.at {
		if at >= 0 {
			nums = append(nums, n)
		}
	}
	return nums
}

// object reads object n: its value and, for a stream, its bytes as they
// are in the file (still encoded). The stream is taken by its /Length,
// so bytes that read like "endstream" within it are data.
func (p *pdfPart) object(n int) (v any, stream []byte, err error) {
	return p.objectDepth(n, 0)
}

func (p *pdfPart) objectDepth(n, depth int) (v any, stream []byte, err error) {
	what := "object " + strconv.Itoa(n)
	if n <= 0 || n >= len(p.at) || p.at[n] < 0 || depth > 1 {
		return nil, nil, errSplice(what + " is missing")
	}
	l := &lexer{b: p.b, i: p.at[n]}
	t, err := l.next()
	if got, ok := integer(t); err != nil || !ok || got != n {
		return nil, nil, errSplice(what + " is not where the table says")
	}
	if t, err := l.next(); err != nil || t.kind != tNum || !l.word("obj") {
		return nil, nil, errSplice(what + " is not where the table says")
	}
	if v, err = l.value(); err != nil {
		return nil, nil, errSplice(what + ": " + err.Error())
	}
	t, err = l.next()
	if err == nil && t.kind == tWord && string(t.raw) == "stream" {
		d, ok := v.(pdfDict)
		if !ok {
			return nil, nil, errSplice(what + ": a stream without a dictionary")
		}
		size, ok := -1, false
		switch x := d.get("Length").(type) {
		case pdfAtom:
			size, ok = integer(token{tNum, x})
		case pdfRef:
			if lv, _, err := p.objectDepth(x.num, depth+1); err == nil {
				if a, isAtom := lv.(pdfAtom); isAtom {
					size, ok = integer(token{tNum, a})
				}
			}
		}
		// the data begin after an end of line: CR LF or LF
		i := l.i
		if i < len(p.b) && p.b[i] == '\r' {
			i++
		}
		if i < len(p.b) && p.b[i] == '\n' {
			i++
		}
		if !ok || i+size > len(p.b) {
			return nil, nil, errSplice(what + ": a stream without a good /Length")
		}
		stream = p.b[i : i+size]
		l.i = i + size
		if !l.word("endstream") {
			return nil, nil, errSplice(what + ": a stream longer or shorter than its /Length")
		}
		t, err = l.next()
	}
	if err != nil || t.kind != tWord || string(t.raw) != "endobj" {
		return nil, nil, errSplice(what + " does not end with endobj")
	}
	return v, stream, nil
}

// appendValue writes v after dst in PDF syntax, each reference n to the
// reference num[n] (none may be 0).
func appendValue(dst []byte, v any, num []int) ([]byte, error) {
	switch v := v.(type) {
	case pdfAtom:
		return append(dst, v...), nil
	case pdfName:
		return appendName(dst, v), nil
	case pdfRef:
		if v.num <= 0 || v.num >= len(num) || num[v.num] == 0 {
			return nil, errSplice("a reference to object " + strconv.Itoa(v.num) + ", which is not joined")
		}
		dst = strconv.AppendInt(dst, int64(num[v.num]), 10)
		return append(dst, " 0 R"...), nil
	case pdfArray:
		dst = append(dst, '[')
		for i, e := range v {
			if i > 0 {
				dst = append(dst, ' ')
			}
			var err error
			if dst, err = appendValue(dst, e, num); err != nil {
				return nil, err
			}
		}
		return append(dst, ']'), nil
	case pdfDict:
		dst = append(dst, "<<"...)
		for _, e := range v {
			dst = appendName(dst, e.key)
			dst = append(dst, ' ')
			var err error
			if dst, err = appendValue(dst, e.val, num); err != nil {
				return nil, err
			}
			dst = append(dst, '\n')
		}
		return append(dst, ">>"...), nil
	}
	return nil, errSplice("an object of an unexpected kind")
}

// appendName writes /name, with #xx for the bytes a name cannot hold.
func appendName(dst []byte, n pdfName) []byte {
	const hex = "0123456789ABCDEF"
	dst = append(dst, '/')
	for i := 0; i < len(n); i++ {
		c := n[i]
		if c < 0x21 || c > 0x7e || c == '#' || isPDFDelim(c) {
			dst = append(dst, '#', hex[c>>4], hex[c&15])
		} else {
			dst = append(dst, c)
		}
	}
	return dst
}
