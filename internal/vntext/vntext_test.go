package vntext

import (
	"slices"
	"testing"
	"unicode"
)

func TestLineNormalisesToNFC(t *testing.T) {
	t.Parallel()
	decomposed := "Huye\u0323\u0302n Đu\u031bc Tho\u0323" // NFD-ish input as pasted from some editors
	got := Line("  " + decomposed + " \t ")
	if got != "Huyện Đưc Thọ" {
		t.Fatalf("Line = %q (% x)", got, got)
	}
}

func TestLineRemovesEscapesAndControls(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		"Sở\x1b[2J Y tế":             "Sở Y tế",
		"Sở\x1b]0;title\aY tế":       "SởY tế",
		"A\x00B\x07C":                "ABC",
		"Dòng 1\nDòng 2":             "Dòng 1 Dòng 2",
		"\ufeffSở Nội vụ":            "Sở Nội vụ",
		"bad \xff\xfe utf8":          "bad utf8",
		"Sở\u009b31mđỏ":              "Sởđỏ",
		"  nhiều    khoảng   trắng ": "nhiều khoảng trắng",
	}
	for in, want := range cases {
		if got := Line(in); got != want {
			t.Errorf("Line(%q) = %q, want %q", in, got, want)
		}
	}
}

// Bidi controls turn a name round on screen and in print; they and the
// other invisible format characters never reach the book.
func TestLineRemovesFormatCharacters(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		"Sở \u202eết Y\u202c":                   "Sở ết Y", // RIGHT-TO-LEFT OVERRIDE … POP
		"\u202aA\u202bB\u202dC":                 "ABC",
		"\u2066Huyện\u2069 \u2067Đức\u2068 Thọ": "Huyện Đức Thọ",
		"Mô\u200b hình\u200c\u200d\u200e\u200f": "Mô hình", // zero-width space, ZWNJ, ZWJ, LRM, RLM
		"Sáng\u00adkiến":                        "Sángkiến",
		"Y\u2060tế\u2061\u2064":                 "Ytế",
		"\U000e0041tag\U000e007f":               "tag",
		"\u061cما":                              "ما",
		"✓ Đạt – “một cửa” …":                   "✓ Đạt – “một cửa” …", // kept: visible punctuation
	}
	for in, want := range cases {
		if got := Line(in); got != want {
			t.Errorf("Line(%q) = %q, want %q", in, got, want)
		}
		if got := Text(in); got != want {
			t.Errorf("Text(%q) = %q, want %q", in, got, want)
		}
		if HasHidden(in) != (in != want) {
			t.Errorf("HasHidden(%q) = %v", in, HasHidden(in))
		}
	}
	// every format character of Unicode goes
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if unicode.Is(unicode.Cf, r) {
			if s := "a" + string(r) + "b"; Line(s) != "ab" || !HasHidden(s) {
				t.Errorf("%U kept: Line = %q, HasHidden = %v", r, Line(s), HasHidden(s))
			}
		}
	}
	for _, s := range []string{"Huyện Đức Thọ", "Sở Lao động – Thương binh và Xã hội\nDòng hai", "ǅ ɏ Ḁ ỹ", "100% “hồ sơ”"} {
		if HasHidden(s) {
			t.Errorf("HasHidden(%q) = true", s)
		}
	}
	for _, s := range []string{"\xe1\xbb", "a\xc3", "\xe1\xb8A", "x\x1b[2J", "\u0085"} {
		if !HasHidden(s) {
			t.Errorf("HasHidden(%q) = false", s)
		}
	}
}

func TestTextKeepsLineBreaks(t *testing.T) {
	t.Parallel()
	got := Text("Dòng 1\r\n  Dòng 2 \rDòng 3\x1b[31m\n")
	if got != "Dòng 1\nDòng 2\nDòng 3" {
		t.Fatalf("Text = %q", got)
	}
}

func TestFold(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		"Huyện Đức Thọ":               "huyen duc tho",
		"ĐẶNG   THỊ  Ơn":              "dang thi on",
		"Sở Lao động - Thương binh":   "so lao dong - thuong binh",
		"Huye\u0323\u0302n Đu\u031bc": "huyen duc",
	}
	for in, want := range cases {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMatches(t *testing.T) {
	t.Parallel()
	key := Fold("Huyện Đức Thọ")
	for _, q := range []string{"duc tho", "Đức", "THO DUC", "  đức   thọ ", "", "huy d"} {
		if !Matches(key, q) {
			t.Errorf("%q should match %q", q, key)
		}
	}
	for _, q := range []string{"duc thi", "huong", "đức x", "uc", "y"} {
		if Matches(key, q) {
			t.Errorf("%q should not match %q", q, key)
		}
	}
}

func TestVietnameseOrder(t *testing.T) {
	t.Parallel()
	names := []string{"Ơn", "Đức", "Dũng", "Ô", "An", "O", "Ă", "Â", "Bình"}
	SortFunc(names, func(s string) string { return s })
	want := []string{"An", "Ă", "Â", "Bình", "Dũng", "Đức", "O", "Ô", "Ơn"}
	for i := range want {
		if names[i] != want[i] {
			t.Fatalf("order = %v, want %v", names, want)
		}
	}
	if Compare("Đồng", "Dương") <= 0 {
		t.Fatal("Đ must sort after D")
	}
}

func TestPadAndTruncate(t *testing.T) {
	t.Parallel()
	if got := Pad("Đức Thọ", 9); got != "Đức Thọ  " {
		t.Fatalf("Pad = %q", got)
	}
	if got := Truncate("Sở Nông nghiệp", 8); Width(got) != 8 || got != "Sở Nông…" {
		t.Fatalf("Truncate = %q", got)
	}
	if got := PadLeft("12", 4); got != "  12" {
		t.Fatalf("PadLeft = %q", got)
	}
}

func TestQueryNarrows(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		q, prev string
		want    bool
	}{
		{"thu", "th", true},
		{"thu t", "thu", true},
		{"thu tuc", "thu t", true},
		{"Thủ tục", "thu", true},
		{"th", "thu", false},  // backspace widens
		{"tuc", "thu", false}, // another word
		{"thu", "", true},
		{"", "thu", false},
		{"th", "th t", true}, // every row with a word "th…" has one "t…" too
	} {
		if got := NewQuery(c.q).Narrows(NewQuery(c.prev)); got != c.want {
			t.Errorf("%q narrows %q: %v, want %v", c.q, c.prev, got, c.want)
		}
	}
}

// A name matched in full ranks before one whose words are only begun, and
// one q names every word of before one with words q leaves out.
func TestQueryRank(t *testing.T) {
	q := NewQuery("Sở Y tế hà TĨNH")
	keys := []string{"so y te tinh ha giang", "so y te tinh ha nam", "so y te tinh ha tinh", "so y tet ha tinh"}
	slices.SortStableFunc(keys, func(a, b string) int { return q.Rank(a) - q.Rank(b) })
	if keys[0] != "so y te tinh ha tinh" || keys[3] != "so y tet ha tinh" {
		t.Fatalf("ranked %q", keys)
	}
	if q.Rank("so y te ha tinh") != 0 || NewQuery("Đức Thọ").Rank("duc tho") != 0 || NewQuery("duc").Rank("duc tho") == 0 {
		t.Fatal("a whole name is not ranked first")
	}
	if r := NewQuery("").Rank("so y te"); r < NewQuery("so").Rank("so y te") {
		t.Fatalf("an empty query ranks %d", r)
	}
}

func BenchmarkQueryRank(b *testing.B) {
	q := NewQuery("so y te ha tinh")
	for b.Loop() {
		q.Rank("so y te tinh ha tinh")
	}
}
