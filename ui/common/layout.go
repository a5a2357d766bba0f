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
// cut at the end would hide, making two rows read the same.
func CutMiddle(s string, w int) string {
	sw := vntext.Width(s)
	if sw <= w || w < 8 {
		return vntext.Truncate(s, w)
	}
	// whole graphemes on both sides of the cut: the tail three fifths of
	// the room, from the end; the head what is left of it
	tail := ansi.TruncateLeft(s, sw-(w-1)*3/5, "")
	return ansi.Truncate(s, w-1-vntext.Width(tail), "") + "…" + tail
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
