package common

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"cchc/internal/vntext"

	"cchc/internal/lang"
)

// Column of a ListView. Width is fixed; a column with Flex > 0 shares the
// room left over (at least Width, at most Max when that is set). A column
// of no width and no Flex is left out, its separator too (a narrow screen
// tells it under the list).
type Column struct {
	Title string
	Width int
	Flex  int
	Max   int
	Right bool
	// Middle cuts a long cell in its middle, keeping its end (CutMiddle)
	Middle bool
}

// ListView is a scrolling table that renders only its visible rows, so it
// stays instant with tens of thousands of rows. Cells are plain text; the
// screen colours them through CellStyle.
type ListView struct {
	Columns []Column
	Rows    [][]string
	// RowFunc, when set, gives row i on demand instead of Rows (see
	// SetRowFunc): a list of 200,000 registrations need not hold 200,000
	// rendered rows.
	RowFunc   func(i int) []string
	CellStyle func(row, col int) lipgloss.Style // optional
	Empty     string                            // shown when there are no rows

	n             int // rows when RowFunc is set
	styles        *Styles
	cursor, top   int
	width, height int
	widths        []int
}

// NewListView makes a list with the given columns.
func NewListView(styles *Styles, cols ...Column) ListView {
	return ListView{Columns: cols, styles: styles}
}

// SetSize sets the room the list may use, its title line included.
func (l *ListView) SetSize(w, h int) {
	l.width, l.height = w, h
	l.layout()
	l.clamp()
}

// Size is the room last given to SetSize.
func (l *ListView) Size() (w, h int) { return l.width, l.height }

// SetRows replaces the rows, keeping the cursor where it was (clamped).
func (l *ListView) SetRows(rows [][]string) {
	l.Rows, l.RowFunc = rows, nil
	l.clamp()
}

// SetRowFunc makes the list n rows long, row i given by row(i) when it is
// drawn; the cursor stays where it was (clamped).
func (l *ListView) SetRowFunc(n int, row func(i int) []string) {
	l.Rows, l.RowFunc, l.n = nil, row, n
	l.clamp()
}

// Len is the number of rows.
func (l *ListView) Len() int {
	if l.RowFunc != nil {
		return l.n
	}
	return len(l.Rows)
}

func (l *ListView) row(i int) []string {
	if l.RowFunc != nil {
		return l.RowFunc(i)
	}
	return l.Rows[i]
}

// Cursor is the index of the selected row (-1 when empty).
func (l *ListView) Cursor() int {
	if l.Len() == 0 {
		return -1
	}
	return l.cursor
}

// SetCursor selects row i.
func (l *ListView) SetCursor(i int) {
	l.cursor = i
	l.clamp()
}

func (l *ListView) visible() int {
	if l.height <= 1 {
		return 0
	}
	return l.height - 1
}

func (l *ListView) clamp() {
	if l.cursor >= l.Len() {
		l.cursor = l.Len() - 1
	}
	if l.cursor < 0 {
		l.cursor = 0
	}
	v := l.visible()
	if l.cursor < l.top {
		l.top = l.cursor
	}
	if v > 0 && l.cursor >= l.top+v {
		l.top = l.cursor - v + 1
	}
	if max := l.Len() - v; l.top > max {
		l.top = max
	}
	if l.top < 0 {
		l.top = 0
	}
}

func (l *ListView) layout() {
	l.widths = make([]int, len(l.Columns))
	used, flex := 1, 0 // 2 for the selection marker, less the separator the first column has not
	for i, c := range l.Columns {
		l.widths[i] = c.Width
		if !l.hidden(i) {
			used += c.Width + 1
		}
		flex += c.Flex
	}
	extra := l.width - used
	if extra <= 0 || flex == 0 {
		return
	}
	// share the room by Flex; a column held at its Max leaves the rest of
	// its share to the others
	open := make([]bool, len(l.Columns))
	for i, c := range l.Columns {
		open[i] = c.Flex > 0
	}
	for extra > 0 {
		flex = 0
		for i, c := range l.Columns {
			if open[i] {
				flex += c.Flex
			}
		}
		given := 0
		for i, c := range l.Columns {
			if !open[i] {
				continue
			}
			add := extra * c.Flex / flex
			if c.Max > 0 && l.widths[i]+add >= c.Max {
				add, open[i] = max(c.Max-l.widths[i], 0), false
			}
			l.widths[i] += add
			given += add
		}
		if given == 0 { // a few cells left over from rounding
			return
		}
		extra -= given
	}
}

// hidden reports a column left out (no width, no share of the room).
func (l *ListView) hidden(i int) bool { return l.Columns[i].Width == 0 && l.Columns[i].Flex == 0 }

// Update moves the cursor on navigation keys and the mouse wheel; it
// reports whether it used the message.
func (l *ListView) Update(msg tea.Msg, keys KeyMap) bool {
	page := l.visible()
	if page < 1 {
		page = 1
	}
	switch msg := msg.(type) {
	case tea.KeyMsg:
		switch {
		case matches(msg, keys.Up):
			l.cursor--
		case matches(msg, keys.Down):
			l.cursor++
		case matches(msg, keys.PageUp):
			l.cursor -= page
		case matches(msg, keys.PageDown):
			l.cursor += page
		case matches(msg, keys.Home):
			l.cursor = 0
		case matches(msg, keys.End):
			l.cursor = l.Len() - 1
		default:
			return false
		}
	case tea.MouseMsg:
		switch msg.Button {
		case tea.MouseButtonWheelUp:
			l.cursor -= 3
		case tea.MouseButtonWheelDown:
			l.cursor += 3
		default:
			return false
		}
	default:
		return false
	}
	l.clamp()
	return true
}

// View renders the title line and the visible rows, exactly width×height.
func (l *ListView) View() string {
	if l.width <= 0 || l.height <= 0 {
		return ""
	}
	var b strings.Builder
	titles := make([]string, len(l.Columns))
	for i, c := range l.Columns {
		titles[i] = c.Title
	}
	b.WriteString(l.styles.Bold.Render(FitLine("  "+l.joinCells(titles), l.width)))
	v := l.visible()
	if l.Len() == 0 {
		b.WriteString("\n" + l.styles.Muted.Render(FitLine("  "+l.Empty, l.width)))
		return Fit(b.String(), l.width, l.height)
	}
	for i := l.top; i < l.Len() && i < l.top+v; i++ {
		b.WriteString("\n")
		b.WriteString(l.renderRow(i))
	}
	return Fit(b.String(), l.width, l.height)
}

func (l *ListView) joinCells(cells []string) string {
	parts := make([]string, 0, len(l.Columns))
	for i, c := range l.Columns {
		if l.hidden(i) {
			continue
		}
		cell := ""
		if i < len(cells) {
			cell = cells[i]
		}
		if c.Right {
			parts = append(parts, vntext.PadLeft(cell, l.widths[i]))
		} else {
			parts = append(parts, vntext.Pad(cell, l.widths[i]))
		}
	}
	return strings.Join(parts, " ")
}

func (l *ListView) renderRow(i int) string {
	row := l.row(i)
	selected := i == l.cursor
	var b strings.Builder
	if selected {
		b.WriteString(l.styles.Cursor.Render("› "))
	} else {
		b.WriteString("  ")
	}
	first := true
	for c, col := range l.Columns {
		if l.hidden(c) {
			continue
		}
		if !first {
			b.WriteString(sel(selected, l.styles).Render(" "))
		}
		first = false
		cell := ""
		if c < len(row) {
			cell = row[c]
		}
		switch {
		case col.Right:
			cell = vntext.PadLeft(cell, l.widths[c])
		case col.Middle:
			cell = vntext.Pad(CutMiddle(cell, l.widths[c]), l.widths[c])
		default:
			cell = vntext.Pad(cell, l.widths[c])
		}
		st := lipgloss.NewStyle()
		if l.CellStyle != nil {
			st = l.CellStyle(i, c)
		}
		if selected {
			st = st.Inherit(l.styles.Selected).Bold(true).Background(l.styles.Selected.GetBackground())
		}
		b.WriteString(st.Render(cell))
	}
	return FitLine(b.String(), l.width)
}

func sel(selected bool, s *Styles) lipgloss.Style {
	if selected {
		return s.Selected
	}
	return lipgloss.NewStyle()
}

// Position is "12/40" for the list's footer, thousands grouped as the
// language writes them ("1/200.000").
func (l *ListView) Position(lg lang.Lang) string {
	if l.Len() == 0 {
		return "0/0"
	}
	return lg.Num(l.cursor+1) + "/" + lg.Num(l.Len())
}
