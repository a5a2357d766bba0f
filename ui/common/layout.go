package common

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"cchc/internal/vntext"
)

// Fit makes s exactly width×height: long lines are cut, short ones padded,
// missing lines added, extra lines dropped. Every view ends with it so that
// nothing stale stays on screen after a resize.
func Fit(s string, width, height int) string {
	if width <= 0 || height <= 0 {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > height {
		lines = lines[:height]
	}
	for i, l := range lines {
		lines[i] = FitLine(l, width)
	}
	for len(lines) < height {
		lines = append(lines, strings.Repeat(" ", width))
	}
	return strings.Join(lines, "\n")
}

// Squeeze makes s at most height lines by taking out blank lines where
// two or more follow each other (a list's padding), the lowest first, so
// that what is under them (the selected line, the files) stays in view;
// Fit then cuts what still does not fit.
func Squeeze(s string, height int) string {
	lines := strings.Split(s, "\n")
	blank := func(i int) bool { return strings.TrimSpace(ansi.Strip(lines[i])) == "" }
	for i := len(lines) - 1; i > 0 && len(lines) > height; i-- {
		if i < len(lines) && blank(i) && blank(i-1) {
			lines = append(lines[:i], lines[i+1:]...)
		}
	}
	return strings.Join(lines, "\n")
}

// FitLine cuts or pads one (possibly styled) line to width cells.
func FitLine(l string, width int) string {
	if w := lipgloss.Width(l); w > width {
		l = ansi.Truncate(l, width, "…")
	}
	if w := lipgloss.Width(l); w < width {
		l += strings.Repeat(" ", width-w)
	}
	return l
}

// Rule is a horizontal line.
func (s Styles) RuleLine(width int) string {
	if width <= 0 {
		return ""
	}
	return s.Rule.Render(strings.Repeat("─", width))
}

// Bar draws a horizontal bar of width cells filled in proportion n/total.
func (s Styles) Bar(n, total, width int) string {
	if width <= 0 {
		return ""
	}
	full := 0
	if total > 0 {
		full = n * width / total
		if n > 0 && full == 0 {
			full = 1
		}
		if full > width {
			full = width
		}
	}
	return s.BarFull.Render(strings.Repeat("█", full)) + s.BarEmpty.Render(strings.Repeat("░", width-full))
}

// CutMiddle fits s in w cells by cutting out its middle: agencies' names
// differ at their end ("… tỉnh Bình Dương", "… tỉnh Bình Định"), which a
// cut at the end would hide, making two rows read the same. A name's
// last part in brackets (what it was merged from, its district, "ngừng
// theo dõi") is kept, its list shortened if it must, and the name before
// it cut instead, between words where it can: "Sở Khoa học…Công nghệ
// (hợp nhất Sở TT&TT)", not "Sở Khoa học và …ệ (hợp nhất Sở TT&TT)".
func CutMiddle(s string, w int) string {
	sw := vntext.Width(s)
	if sw <= w || w < 8 {
		return vntext.Truncate(s, w)
	}
	if i := strings.LastIndex(s, " ("); i > 0 && strings.HasSuffix(s, ")") && !strings.Contains(s[i+2:len(s)-1], ")") {
		head, forms := s[:i], bracketForms(s[i:])
		need := min(vntext.Width(head), nameRoom)
		for _, p := range forms {
			if pw := vntext.Width(p); pw+need <= w {
				return CutMiddle(head, w-pw) + p
			}
		}
		if need = min(vntext.Width(head), max(nameRoom, w/2)); w > need+6 { // the name readable, the bracket's start after it
			return CutMiddle(head, need) + vntext.Truncate(forms[len(forms)-1], w-need)
		}
	}
	return cutWords(s, w)
}

// nameRoom is the room a name keeps before the part in brackets after it.
const nameRoom = 16

// bracketForms are a bracketed list, " (hợp nhất A, B, C)", whole and then
// shorter: " (hợp nhất A, B, …)", " (hợp nhất A, …)"; then, for what a
// unit was merged from, "+" for the words: " (+A, B, C)", " (+A, …)".
func bracketForms(p string) []string {
	items := strings.Split(p[2:len(p)-1], ", ")
	forms := shortenedLists(items)
	for _, lead := range mergedLeads {
		if strings.HasPrefix(items[0], lead) {
			compact := append([]string{"+" + strings.TrimPrefix(items[0], lead)}, items[1:]...)
			forms = append(forms, shortenedLists(compact)...)
		}
	}
	return forms
}

// mergedLeads are the words campaign.WithPredecessors puts before what a
// unit was merged from.
var mergedLeads = []string{"hợp nhất ", "merged from "}

// shortenedLists are " (A, B, C)", " (A, B, …)", " (A, …)".
func shortenedLists(items []string) []string {
	var forms []string
	for k := len(items); k >= 1; k-- {
		f := " (" + strings.Join(items[:k], ", ")
		if k < len(items) {
			f += ", …"
		}
		forms = append(forms, f+")")
	}
	return forms
}

// joins are the words a cut name's end does not start with.
var joins = map[string]bool{"và": true, "and": true, "-": true, "&": true, "of": true}

// cutWords cuts the middle out of s between words: its first two words
// (the head noun and the next: "Sở Khoa", "Ban Quản"), as many last words
// as fit after them, then more first words where there is room; within a
// word (always between whole graphemes) when no word fits.
func cutWords(s string, w int) string {
	words := strings.Fields(s)
	width := func(ws []string) int { return vntext.Width(strings.Join(ws, " ")) }
	n := len(words)
	j := min(2, n-1) // the head is words[:j]
	for j > 1 && width(words[:j])+1+width(words[n-1:]) > w {
		j--
	}
	i := n // the tail is words[i:]
	for i > j && width(words[:j])+1+width(words[i-1:]) <= w {
		i--
	}
	if i < n-1 && joins[strings.ToLower(words[i])] {
		i++ // "…và Phát triển nông thôn": the head takes the room instead
	}
	for j < i && width(words[:j+1])+1+width(words[i:]) <= w {
		j++
	}
	if i == n || j == 0 || width(words[:j])+1+width(words[i:]) > w {
		sw := vntext.Width(s)
		tail := ansi.TruncateLeft(s, sw-(w-1)*3/5, "")
		return ansi.Truncate(s, w-1-vntext.Width(tail), "") + "…" + tail
	}
	return strings.Join(words[:j], " ") + "…" + strings.Join(words[i:], " ")
}

// WrapLines wraps text in lines of width cells, at most n of them (the
// last cut with "…"), each after prefix and in style.
func WrapLines(text string, width, n int, prefix string, style lipgloss.Style) []string {
	lines := Wrap(text, width)
	if len(lines) > n {
		lines = append(lines[:n-1], vntext.Truncate(strings.Join(lines[n-1:], " "), width))
	}
	for i, l := range lines {
		lines[i] = prefix + style.Render(l)
	}
	return lines
}
