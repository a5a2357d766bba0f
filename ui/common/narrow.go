package common

import (
	"strings"

	"cchc/internal/campaign"
	"cchc/internal/compliance"
	"cchc/internal/vntext"
)

// Below NarrowWidth columns the lists give their room to the names and
// titles: groups and kinds in a word, the less needed columns left out,
// and the selected row told whole on a detail line under the list.
const NarrowWidth = 100

// Narrow reports a screen below NarrowWidth.
func Narrow(width int) bool { return width < NarrowWidth }

// StatusWord is a status with its marker in at most 9 cells ("✗ Chưa ĐK").
func StatusWord(s compliance.Status, c *Context) string {
	label := s.Label(c.Lang)
	if s == compliance.Missing {
		label = c.T("Chưa ĐK", "Missing")
	}
	return s.Marker(c.ASCII) + " " + label
}

// DetailLines tell the selected row whole, under a list, in exactly n
// lines of width: "› Cục Quản lý thị trường tỉnh Bà Rịa - Vũng Tàu".
func DetailLines(c *Context, text string, width, n int) []string {
	lines := []string{}
	if text != "" {
		lines = Wrap(text, width-3)
	}
	if len(lines) > n {
		lines = append(lines[:n-1], strings.Join(lines[n-1:], " "))
	}
	out := make([]string, n)
	for i := range out {
		prefix := "   "
		if i == 0 {
			prefix = " › "
		}
		if i < len(lines) {
			out[i] = FitLine(prefix+c.Styles.Bold.Render(lines[i]), width)
		} else {
			out[i] = strings.Repeat(" ", max(width, 0))
		}
	}
	return out
}

// KindWidth is the room of a kind column: in a word ("MH", "Pract.") or
// by its name ("Good practice"), its title ("Loại", "Kind") included.
func KindWidth(c *Context, word bool) int {
	w := vntext.Width(c.T("Loại", "Kind"))
	for _, k := range campaign.Kinds {
		if word {
			w = max(w, vntext.Width(k.Word(c.Lang)))
		} else {
			w = max(w, vntext.Width(k.Label(c.Lang)))
		}
	}
	return w
}
