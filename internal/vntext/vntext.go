// Package vntext handles Vietnamese text: normalisation on the way in,
// folded keys for diacritic-insensitive search, Vietnamese collation for
// sorting, and display width for aligned columns.
package vntext

import (
	"bytes"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// Line cleans one line of typed, pasted or imported text: NFC, control
// characters and escape sequences removed, runs of white space collapsed,
// trimmed. Use it for names, numbers and titles.
func Line(s string) string {
	if isClean(s, false) {
		return s
	}
	return line(s)
}

func line(s string) string {
	s = stripControls(s, false)
	return strings.Join(strings.Fields(s), " ")
}

// Text cleans multi-line text (summaries, notes): like Line but keeps line
// breaks, trimming each line and dropping empty leading/trailing lines.
func Text(s string) string {
	if isClean(s, true) {
		return s
	}
	return text(s)
}

func text(s string) string {
	s = stripControls(s, true)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.Join(strings.Fields(l), " ")
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

// isClean reports that cleaning would leave s as it is: the common case
// (everything the store hands back was cleaned on the way in), found with
// one pass over the bytes instead of a rebuild and an NFC pass, which
// matters on lists of 200,000 rows.
func isClean(s string, multiline bool) bool {
	prev := byte('\n') // the start is a line start: no space may open it
	ascii := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ':
			if prev == ' ' || prev == '\n' {
				return false
			}
		case c == '\n':
			if !multiline || i == 0 || prev == ' ' {
				return false
			}
		case c < 0x20 || c == 0x7f:
			return false
		case c >= 0x80:
			ascii = false
		}
		prev = c
	}
	if len(s) > 0 && (prev == ' ' || prev == '\n') {
		return false
	}
	if ascii {
		return true
	}
	latin := true
	for _, r := range s {
		switch {
		case r < 0x80 || r > 0xa0 && r != softHyphen && isLatinLetter(r): // letters: nothing to strip
		case r == utf8.RuneError, unicode.IsControl(r), unicode.IsSpace(r), invisible(r):
			return false // invalid UTF-8 (or U+FFFD itself), or something Line changes
		default:
			latin = false
		}
	}
	// Vietnamese in NFC is precomposed Latin letters, each a starter that
	// nothing composes with; only other text needs the full NFC check.
	return latin || norm.NFC.IsNormalString(s)
}

// isLatinLetter reports runes of the Latin blocks Vietnamese is written
// in (Latin-1, Extended-A and B, Extended Additional): every one of them is
// in NFC and composes with nothing before it (see TestLatinBlocksAreNFC).
func isLatinLetter(r rune) bool {
	return r < 0x80 || r >= 0xa0 && r <= 0x24f || r >= 0x1e00 && r <= 0x1eff
}

const softHyphen = '\u00ad' // the one format character among the Latin letters

// invisible reports the characters that are dropped besides controls: the
// format characters (Unicode Cf: the bidi embeddings, overrides and
// isolates U+202A–U+202E and U+2066–U+2069 that turn a name round on
// screen and in print, zero-width spaces and joiners, the soft hyphen, the
// BOM, tags, …) and the line and paragraph separators. Vietnamese never
// needs one of them, and each makes two titles that look the same differ,
// so that search and duplicate detection miss them. That includes ZWJ and
// ZWNJ: they only matter to scripts that join letters (Arabic, Indic) and
// to emoji sequences, which at worst show as their separate emoji.
func invisible(r rune) bool {
	return r == '\u2028' || r == '\u2029' || unicode.Is(unicode.Cf, r)
}

// HasHidden reports whether s holds anything Text removes besides white
// space: invalid UTF-8, control characters other than '\n' (and so escape
// sequences), format characters. It is the cheap test before cleaning the
// 200,000 cells of a report: Vietnamese letters are passed over without
// a table look-up.
func HasHidden(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < 0x80:
			if c < 0x20 && c != '\n' || c == 0x7f {
				return true
			}
			i++
			continue
		case c == 0xc2 && i+1 < len(s): // U+0080–U+00BF: C1 controls, the soft hyphen
			if s[i+1] < 0xa0 || s[i+1] == 0xad {
				return true
			}
			i += 2
			continue
		case c >= 0xc3 && c <= 0xc9 && i+1 < len(s) && cont(s[i+1]): // U+00C0–U+027F: letters only
			i += 2
			continue
		case c == 0xe1 && i+2 < len(s) && s[i+1] >= 0xb8 && s[i+1] <= 0xbb && cont(s[i+2]): // U+1E00–U+1EFF
			i += 3
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || unicode.IsControl(r) || invisible(r) {
			return true
		}
		i += n
	}
	return false
}

// cont reports a UTF-8 continuation byte.
func cont(b byte) bool { return b&0xc0 == 0x80 }

// stripControls returns s as valid NFC UTF-8 with C0/C1 controls, format
// characters (see invisible) and ANSI escape sequences removed; tabs become spaces. keepNewlines keeps '\n'
// (and turns "\r\n" and lone '\r' into '\n').
func stripControls(s string, keepNewlines bool) string {
	s = strings.ToValidUTF8(s, "")
	var b strings.Builder
	b.Grow(len(s))
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == '\x1b' || r == '\u009b':
			i = skipEscape(rs, i)
		case r == '\r':
			if keepNewlines {
				if i+1 < len(rs) && rs[i+1] == '\n' {
					continue
				}
				b.WriteRune('\n')
			} else {
				b.WriteRune(' ')
			}
		case r == '\n':
			if keepNewlines {
				b.WriteRune('\n')
			} else {
				b.WriteRune(' ')
			}
		case r == '\t':
			b.WriteRune(' ')
		case unicode.IsControl(r), invisible(r):
			// dropped: invisible or terminal-controlling
		default:
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}

// skipEscape returns the index of the last rune of the escape sequence that
// starts at rs[i] (ESC or CSI), so that the caller's loop skips it whole.
func skipEscape(rs []rune, i int) int {
	if rs[i] == '\u009b' { // 8-bit CSI
		return skipCSI(rs, i+1)
	}
	if i+1 >= len(rs) {
		return i
	}
	switch rs[i+1] {
	case '[':
		return skipCSI(rs, i+2)
	case ']', 'P', '_', '^', 'X': // OSC, DCS, APC, PM, SOS: up to BEL or ST
		for j := i + 2; j < len(rs); j++ {
			if rs[j] == '\a' {
				return j
			}
			if rs[j] == '\x1b' && j+1 < len(rs) && rs[j+1] == '\\' {
				return j + 1
			}
		}
		return len(rs) - 1
	default:
		return i + 1 // two-character escape such as ESC c
	}
}

func skipCSI(rs []rune, j int) int {
	for ; j < len(rs); j++ {
		if rs[j] >= 0x40 && rs[j] <= 0x7e {
			return j
		}
	}
	return len(rs) - 1
}

// Fold returns the search key of s: lower case, without diacritics, đ as d,
// white space collapsed. "Huyện Đức Thọ" folds to "huyen duc tho".
func Fold(s string) string {
	// Vietnamese (ASCII and the Latin blocks) folds rune by rune from a
	// table, five times faster than decomposing: 15,000 agency names and
	// 200,000 titles are folded when a national book is loaded or written.
	table := latinFolds()
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		var folded string
		switch {
		case r < 0x80:
			if r <= ' ' || r == 0x7f { // white space and controls
				space = b.Len() > 0
				continue
			}
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
		case r > 0xa0 && r <= 0x24f:
			folded = table[r-0xa0]
		case r >= 0x1e00 && r <= 0x1eff:
			folded = table[r-0x1e00+0x24f-0xa0+1]
		default:
			return fold(s)
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		if folded != "" {
			b.WriteString(folded)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// latinFolds is fold of each rune of U+00A0–U+024F then U+1E00–U+1EFF.
var latinFolds = sync.OnceValue(func() []string {
	var out []string
	for r := rune(0xa0); r <= 0x24f; r++ {
		out = append(out, fold(string(r)))
	}
	for r := rune(0x1e00); r <= 0x1eff; r++ {
		out = append(out, fold(string(r)))
	}
	return out
})

// fold is Fold by decomposition, for any text.
func fold(s string) string {
	d := norm.NFD.String(s)
	var b strings.Builder
	b.Grow(len(d))
	space := false
	for _, r := range d {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ':
			r = 'd'
		case unicode.IsSpace(r) || unicode.IsControl(r):
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// Matches reports whether every word of the query starts a word of the
// folded key, so "duc tho", "tho duc" and "Đức" find "huyen duc tho" but
// "y" does not find "nguyen". The query is folded here; key must already be
// folded. To test many keys against one query, use NewQuery.
func Matches(key, query string) bool { return NewQuery(query).Match(key) }

// Query is a search folded once, to be matched against many keys (a list
// of 15,000 agencies is searched on every keystroke).
type Query struct{ words []string }

// NewQuery folds a search as typed.
func NewQuery(query string) Query { return Query{strings.Fields(Fold(query))} }

// Empty reports a query with no word: it matches everything.
func (q Query) Empty() bool { return len(q.words) == 0 }

// Match reports whether every word of q starts a word of the folded key,
// without allocating.
func (q Query) Match(key string) bool {
	for _, w := range q.words {
		if !startsWord(key, w) {
			return false
		}
	}
	return true
}

// Narrows reports whether every key q matches is also matched by prev:
// each word of prev begins a word of q ("thu t" narrows "thu", "thu" narrows
// "th"), so a list searched for prev can be searched again for q alone.
func (q Query) Narrows(prev Query) bool {
	for _, p := range prev.words {
		if !slices.ContainsFunc(q.words, func(w string) bool { return strings.HasPrefix(w, p) }) {
			return false
		}
	}
	return true
}

// Equal reports whether q and o search for the same words.
func (q Query) Equal(o Query) bool { return slices.Equal(q.words, o.words) }

// MatchAny reports whether every word of q starts a word of one of the
// folded keys (a title, an agency, …), without joining them.
func (q Query) MatchAny(keys []string) bool {
	for _, w := range q.words {
		found := false
		for _, k := range keys {
			if startsWord(k, w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// Rank tells how closely the folded key matches q (which Match accepts),
// lower closer, to list the best first: the whole key, then keys where
// every word of q is a whole word, then the rest (words only begun);
// within each, fewer words of key that q leaves out first: for "so y te
// ha tinh", "so y te tinh ha tinh" before "so y te tinh ha giang".
func (q Query) Rank(key string) int {
	exact, whole, left := true, len(q.words) > 0, 0
	var named uint64 // the words of q found whole (a query has few)
	n := 0           // words of key so far
	for rest := key; rest != ""; n++ {
		word := rest
		if i := strings.IndexByte(rest, ' '); i >= 0 {
			word, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		if n >= len(q.words) || q.words[n] != word {
			exact = false
		}
		found := false
		for i, w := range q.words {
			if w == word {
				named, found = named|1<<(i%64), true
			}
		}
		if !found {
			left++
		}
	}
	for i := range q.words {
		whole = whole && named&(1<<(i%64)) != 0
	}
	switch {
	case exact && n == len(q.words) && n > 0:
		return 0
	case whole:
		return 1<<20 + left
	}
	return 2<<20 + left
}

// startsWord reports whether w occurs in key at the start of a word.
func startsWord(key, w string) bool {
	for i := 0; i+len(w) <= len(key); {
		j := strings.Index(key[i:], w)
		if j < 0 {
			return false
		}
		if at := i + j; at == 0 || key[at-1] == ' ' {
			return true
		}
		i += j + 1
	}
	return false
}

var (
	collatorMu sync.Mutex
	collator   = collate.New(language.Vietnamese)
	keyBuf     collate.Buffer
)

// SortKey returns the Vietnamese collation key of s; keys compare with
// bytes.Compare in Vietnamese order (Đ after D, Ơ after O).
func SortKey(s string) []byte { return AppendSortKey(nil, s) }

// AppendSortKey appends the Vietnamese collation key of s to dst, for a key
// that begins with something else (a rank, a group).
func AppendSortKey(dst []byte, s string) []byte {
	collatorMu.Lock()
	defer collatorMu.Unlock()
	k := collator.KeyFromString(&keyBuf, s)
	out := make([]byte, len(dst), len(dst)+len(k))
	copy(out, dst)
	out = append(out, k...)
	keyBuf.Reset()
	return out
}

// Compare compares two strings in Vietnamese order.
func Compare(a, b string) int {
	collatorMu.Lock()
	defer collatorMu.Unlock()
	return collator.CompareString(a, b)
}

// SortFunc sorts items in place by the Vietnamese order of name(item),
// keeping the given order of equal names.
func SortFunc[T any](items []T, name func(T) string) {
	SortByKey(items, func(it T) []byte { return SortKey(name(it)) })
}

// SortByRank sorts items in place by rank(item), lowest first, keeping the
// given order of equal ranks; each rank is computed once (15,000 agencies
// for a one-letter search).
func SortByRank[T any](items []T, rank func(T) int) {
	type ranked struct {
		rank int
		item T
	}
	r := make([]ranked, len(items))
	for i, it := range items {
		r[i] = ranked{rank(it), it}
	}
	slices.SortStableFunc(r, func(a, b ranked) int { return a.rank - b.rank })
	for i := range r {
		items[i] = r[i].item
	}
}

// SortByKey sorts items in place by key(item) compared as bytes, keeping
// the given order of equal keys. Each key is computed once, and the
// positions are sorted rather than the items, which are then moved once:
// sorting 15,000 agency records by swapping them took three times longer.
func SortByKey[T any](items []T, key func(T) []byte) {
	keys := make([][]byte, len(items))
	order := make([]int, len(items))
	for i, it := range items {
		keys[i], order[i] = key(it), i
	}
	slices.SortFunc(order, func(a, b int) int {
		if c := bytes.Compare(keys[a], keys[b]); c != 0 {
			return c
		}
		return a - b
	})
	sorted := make([]T, len(items))
	for i, j := range order {
		sorted[i] = items[j]
	}
	copy(items, sorted)
}

// Width is the number of terminal cells s takes.
func Width(s string) int { return runewidth.StringWidth(s) }

// Pad pads s with spaces to w cells, truncating with "…" when longer.
func Pad(s string, w int) string {
	s = Truncate(s, w)
	if n := Width(s); n < w {
		s += strings.Repeat(" ", w-n)
	}
	return s
}

// PadLeft right-aligns s in w cells (for numbers).
func PadLeft(s string, w int) string {
	s = Truncate(s, w)
	if n := Width(s); n < w {
		s = strings.Repeat(" ", w-n) + s
	}
	return s
}

// Truncate cuts s to at most w cells, ending in "…" when it was cut.
func Truncate(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if Width(s) <= w {
		return s
	}
	return runewidth.Truncate(s, w, "…")
}
