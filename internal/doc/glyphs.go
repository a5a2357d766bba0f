package doc

import (
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/unicode/norm"
)

// Missing is drawn in a PDF for a character the embedded font has no glyph
// for (an emoji, a rare Hán-Nôm character): a visible mark, so the reader
// sees that something is there. fpdf itself cannot draw any character
// beyond U+FFFF (it panics writing the font), so those are always replaced.
const Missing = "□"

var (
	glyphsOnce sync.Once
	glyphs     []uint64 // bit r: every face of the font draws rune r (r ≤ U+FFFF)
	missing    = Missing
)

// loadGlyphs reads the fonts' cmaps once: a rune is drawable when all four
// faces have it, as a run may be set in any of them.
func loadGlyphs() {
	glyphs = make([]uint64, 0x10000/64)
	for i := range glyphs {
		glyphs[i] = ^uint64(0)
	}
	var buf sfnt.Buffer
	for _, data := range [][]byte{serifRegular, serifBold, serifItalic, serifBoldItalic} {
		f, err := sfnt.Parse(data)
		if err != nil { // never, for an embedded font: ASCII only then
			clear(glyphs)
			break
		}
		for r := rune(0); r < 0x10000; r++ {
			if g, gerr := f.GlyphIndex(&buf, r); gerr != nil || g == 0 {
				glyphs[r/64] &^= 1 << (r % 64)
			}
		}
	}
	if !hasGlyph([]rune(Missing)[0]) {
		missing = "?"
	}
}

func hasGlyph(r rune) bool {
	if r < 0x80 {
		return r >= 0x20 && r != 0x7f
	}
	return r < 0x10000 && glyphs[r/64]&(1<<(r%64)) != 0
}

// invisible are characters that only steer how text around them is shown:
// direction marks and embeddings (a right-to-left mark pasted with a name),
// joiners and variation selectors of emoji. The PDF draws left to right
// and replaces the emoji, so they are dropped.
func invisible(r rune) bool {
	switch {
	case r == '\r', r == 0x061c, r == 0x200b, r >= 0x200c && r <= 0x200f, r >= 0x202a && r <= 0x202e,
		r >= 0x2066 && r <= 0x2069, r == 0xfeff, r >= 0xfe00 && r <= 0xfe0f,
		r >= 0x1f3fb && r <= 0x1f3ff, // skin tones, which follow an emoji
		r >= 0xe0000 && r <= 0xe01ef: // tags and variation selectors supplement
		return true
	}
	return false
}

// printable is s as the PDF can draw it: composed (NFC, so "e" and a
// combining acute become "é", which the font has), without the invisible
// marks, and with Missing for each character the font cannot draw.
func printable(s string) string {
	glyphsOnce.Do(loadGlyphs)
	s = norm.NFC.String(s)
	ok := true
	for _, r := range s {
		if r != '\n' && (!hasGlyph(r) || invisible(r)) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteRune(r)
		case r == '\t':
			b.WriteByte(' ')
		case invisible(r):
		case r == utf8.RuneError, !hasGlyph(r):
			b.WriteString(missing)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// pdfString is s for a PDF's document information (the title), which
// holds any character: UTF-16 with its byte order mark, surrogate pairs
// included. fpdf's own conversion garbles characters beyond U+FFFF.
func pdfString(s string) string {
	u := utf16.Encode([]rune(s))
	b := make([]byte, 2, 2+2*len(u))
	b[0], b[1] = 0xfe, 0xff
	for _, c := range u {
		b = append(b, byte(c>>8), byte(c))
	}
	return string(b)
}
