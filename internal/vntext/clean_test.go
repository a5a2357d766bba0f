package vntext

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

// The fast path of Line and Text returns s itself only when cleaning would
// have given the same string.
func TestCleanFastPathAgrees(t *testing.T) {
	t.Parallel()
	inputs := []string{
		"", " ", "a", "Huyện Đức Thọ", "Huyện  Đức Thọ", " Huyện", "Huyện ", "Huye\u0323n", // NFD
		"a\nb", "a\n\nb", "a\n", "\na", "a \nb", "a\n b", "a\r\nb", "a\tb", "a\x1b[31mb", "a\u009bb",
		"a\u200bb", "a\ufeffb", "a\u00a0b", "a\u2028b", "a\u3000b", "\xff", "Số 12/UBND-NV", "100% hồ sơ",
		"Sở Lao động - Thương binh và Xã hội\nDòng hai", "x\x7fy", "tab\t", "ký hiệu ✓ ◐ ✗ ⏰",
		"a\u00adb", "a\u202eb", "a\u2066b", "a\u200db", "\U000e0041",
	}
	for _, s := range inputs {
		if got, want := Line(s), line(s); got != want {
			t.Errorf("Line(%q) = %q, want %q", s, got, want)
		}
		if got, want := Text(s), text(s); got != want {
			t.Errorf("Text(%q) = %q, want %q", s, got, want)
		}
	}
}

func BenchmarkLineClean(b *testing.B) {
	s := "Chuyển đổi số trong giải quyết thủ tục hành chính tại Huyện Đức Thọ"
	for b.Loop() {
		Line(s)
	}
}

func BenchmarkLineSlow(b *testing.B) {
	s := "Chuyển đổi số trong giải quyết thủ tục hành chính tại Huyện Đức Thọ"
	for b.Loop() {
		line(s)
	}
}

// The fast NFC check of isClean relies on this: a string of these runes
// alone is always in NFC.
func TestLatinBlocksAreNFC(t *testing.T) {
	t.Parallel()
	for r := rune(0); r <= 0x1eff; r++ {
		if !isLatinLetter(r) || r < 0x20 {
			continue
		}
		p := norm.NFC.PropertiesString(string(r))
		if !norm.NFC.IsNormalString(string(r)) || p.CCC() != 0 || !p.BoundaryBefore() {
			t.Errorf("%U is not a stable NFC starter", r)
		}
	}
}

// Fold's table gives what decomposing gives.
func TestFoldFastPathAgrees(t *testing.T) {
	t.Parallel()
	inputs := []string{"", "  Huyện   Đức Thọ ", "SỞ Y TẾ", "Sở Lao động - Thương binh và Xã hội", "a\tb\nc", "ǅǆǄ Ǳ", "İstanbul", "Ꞌ", "ﬁ", "ä\u0308", "Hoà Hòa", "x\u00a0y", "✓ Đạt"}
	for r := rune(0x20); r <= 0x1eff; r++ {
		if r < 0x250 || r >= 0x1e00 {
			inputs = append(inputs, string(r), "A"+string(r)+" b"+string(r))
		}
	}
	for _, s := range inputs {
		if got, want := Fold(s), fold(s); got != want {
			t.Errorf("Fold(%q) = %q, want %q", s, got, want)
		}
	}
}

func BenchmarkFold(b *testing.B) {
	for b.Loop() {
		Fold("Chuyển đổi số trong giải quyết thủ tục hành chính tại Huyện Đức Thọ")
	}
}
