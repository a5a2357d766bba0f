package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"

	"cchc/internal/compliance"
	"cchc/internal/lang"
	"cchc/internal/vntext"
	"cchc/ui/common"
)

// View draws the whole terminal: header, tabs, the active screen, the
// status line and the help line, exactly filling the window.
func (m *Model) View() string {
	w, h := m.width, m.height
	if w == 0 || h == 0 {
		return ""
	}
	st := m.ctx.Styles
	if w < MinWidth || h < MinHeight {
		msg := m.ctx.F("Cửa sổ quá nhỏ (%d×%d). cchc cần ít nhất %d×%d; hãy phóng to cửa sổ.",
			"The window is too small (%d×%d). cchc needs at least %d×%d; please enlarge it.", w, h, MinWidth, MinHeight)
		if m.confirm != nil && m.confirm.quitting {
			msg += " " + m.confirm.question + " " + m.ctx.T("(y/c = có, n/k = không)", "(y = yes, n = no)")
		} else {
			msg += " " + m.ctx.T("Nhấn q để thoát.", "Press q to quit.")
		}
		lines := common.Wrap(msg, w)
		return common.Fit(strings.Join(lines, "\n"), w, h)
	}
	keys := m.keysView()
	body := h - 4 - strings.Count(keys, "\n") // as bodyHeight, were the screens sized for these keys
	var b strings.Builder
	b.WriteString(common.FitLine(m.headerLine(), w) + "\n")
	b.WriteString(common.FitLine(m.tabsLine(), w) + "\n")
	b.WriteString(st.RuleLine(w) + "\n")
	switch {
	case !m.loaded:
		msg := m.ctx.T("Đang đọc dữ liệu…", "Loading…")
		if m.loadErr != nil {
			msg = m.ctx.T("Không đọc được dữ liệu; xem thông báo bên dưới. Nhấn q để thoát.", "Could not load data; see the message below. Press q to quit.")
		}
		b.WriteString(common.Fit("  "+msg, w, body))
	case m.showAll:
		b.WriteString(common.Fit(m.fullHelp(), w, body))
	default:
		// a message longer than the line takes lines from the screen
		// above it while it is shown: from its padding first (Squeeze),
		// then from its bottom
		status := m.statusLines()
		b.WriteString(common.Fit(common.Squeeze(m.activeScreen().View(), body-(len(status)-1)), w, body-(len(status)-1)))
		for _, l := range status {
			b.WriteString("\n" + common.FitLine(l, w))
		}
		return b.String() + keys
	}
	b.WriteString("\n" + common.FitLine(m.statusLines()[0], w))
	return b.String() + keys
}

// keysView is the help lines at the foot of the screen, each after a newline.
func (m *Model) keysView() string {
	var b strings.Builder
	for _, l := range m.helpLines() {
		b.WriteString("\n" + common.FitLine(" "+l, m.width))
	}
	return b.String()
}

func (m *Model) headerLine() string {
	st := m.ctx.Styles
	parts := []string{st.Header.Render("cchc")}
	if d := m.ctx.Data; d != nil {
		c := d.Campaign
		parts = append(parts, m.ctx.F("Đợt đăng ký %d", "Campaign %d", c.Year))
		days := m.ctx.Today.DaysUntil(c.Deadline)
		dl := m.ctx.F("Hạn %s (%s)", "Deadline %s (%s)", c.Deadline, compliance.DaysText(days, m.ctx.Lang))
		if days < 0 {
			dl = st.Warning.Render(dl)
		}
		parts = append(parts, dl)
		parts = append(parts, issuerWithin(c.Issuer, c.IssuerParent))
	}
	if m.book.ReadOnly() {
		parts = append(parts, st.Banner.Render(m.ctx.T("CHỈ ĐỌC", "READ-ONLY")))
	}
	if m.gone {
		parts = append(parts, st.Banner.Render(m.ctx.T("NGỪNG GHI", "NOT SAVING")))
	}
	line := " " + strings.Join(parts, st.Muted.Render(" · "))
	if lipgloss.Width(line) > m.width && len(parts) > 3 && m.ctx.Data != nil {
		// the issuer gives way first on a narrow terminal
		line = " " + strings.Join(append(parts[:3:3], parts[4:]...), st.Muted.Render(" · "))
	}
	return line
}

// TabNames are the screens' titles, in tab order; short ones fit 80 columns.
func TabNames(l lang.Lang, short bool) []string {
	if short {
		return []string{l.T("Tổng quan", "Overview"), l.T("Cơ quan", "Agencies"), l.T("Nhập đăng ký", "Entry"),
			l.T("Mô hình", "Registrations"), l.T("Tình hình", "Compliance"), l.T("Báo cáo", "Reports")}
	}
	return []string{
		l.T("Tổng quan", "Overview"),
		l.T("Cơ quan, đơn vị", "Agencies"),
		l.T("Nhập đăng ký", "Entry"),
		l.T("Mô hình, sáng kiến", "Registrations"),
		l.T("Tình hình", "Compliance"),
		l.T("Báo cáo", "Reports"),
	}
}

func (m *Model) tabsLine() string {
	for _, short := range []bool{false, true} {
		names := TabNames(m.ctx.Lang, short)
		for _, sep := range []string{"  ", " "} {
			if line := m.tabsText(names, sep, false); lipgloss.Width(line) <= m.width {
				return line
			}
		}
	}
	return m.tabsText(TabNames(m.ctx.Lang, true), " ", true)
}

// tabsText renders the tabs separated by sep; short keeps only the active
// tab's name for terminals too narrow for all of them.
func (m *Model) tabsText(names []string, sep string, short bool) string {
	st := m.ctx.Styles
	var parts []string
	for i, n := range names {
		label := string(rune('1'+i)) + " " + n
		if short && i != m.tab {
			label = string(rune('1' + i))
		}
		if i == m.tab {
			parts = append(parts, st.ActiveTab.Render("["+label+"]"))
		} else {
			parts = append(parts, st.Tab.Render(label))
		}
	}
	return " " + strings.Join(parts, sep)
}

// statusLines is the message or the question above the keys: one line,
// or up to three when the message is long; a question, which names what
// it is about, up to maxQuestionLines (questionLines).
func (m *Model) statusLines() []string {
	st := m.ctx.Styles
	var text string
	style := st.Note
	switch {
	case m.confirm != nil:
		return m.questionLines()
	case m.note == "":
		return []string{""}
	case m.isErr:
		text, style = "! "+m.note, st.Error
	default:
		text = m.note
	}
	lines := common.Wrap(text, m.width-2)
	if len(lines) > 3 {
		lines = append(lines[:2], vntext.Truncate(strings.Join(lines[2:], " "), m.width-2))
	}
	for i, l := range lines {
		lines[i] = " " + style.Render(l)
	}
	return lines
}

// maxQuestionLines is how many lines a question may take above the keys:
// more than a message, as it is read whole before it is answered.
const maxQuestionLines = 5

// questionLines is the question asked and its answers' keys, wrapped,
// the keys together: in fewer words when it has them and the whole takes
// more than maxQuestionLines; cut, if it must be, before the keys, never
// in them.
func (m *Model) questionLines() []string {
	width := m.width - 2
	keys := m.ctx.T("(y/c = có, n/k = không)", "(y = yes, n = no)")
	q := m.confirm.question
	lines := withKeys(common.Wrap(q, width), keys, width)
	if len(lines) > maxQuestionLines && m.confirm.short != "" {
		q = m.confirm.short
		lines = withKeys(common.Wrap(q, width), keys, width)
	}
	if len(lines) > maxQuestionLines {
		lines = common.Wrap(q, width)
		rest := strings.Join(lines[maxQuestionLines-1:], " ")
		lines = append(lines[:maxQuestionLines-1], vntext.Truncate(rest, width-vntext.Width(keys)-1)+" "+keys)
	}
	for i, l := range lines {
		lines[i] = " " + m.ctx.Styles.Warning.Render(l)
	}
	return lines
}

// withKeys is the lines of a question with its keys after the last, or
// under it when they do not fit there.
func withKeys(lines []string, keys string, width int) []string {
	if last := len(lines) - 1; last >= 0 && vntext.Width(lines[last])+1+vntext.Width(keys) <= width {
		lines[last] += " " + keys
		return lines
	}
	return append(lines, keys)
}

func (m *Model) globalKeys() []key.Binding {
	k := m.ctx.Keys
	if m.overlay != nil {
		return []key.Binding{k.Help, k.Quit} // opened over the screens: tab and digits are its own, esc leaves it
	}
	if t, ok := m.activeScreen().(tabTaker); ok && t.TakesTab() {
		return []key.Binding{k.Tabs, k.Help, k.Quit} // tab moves into the screen's form
	}
	return []key.Binding{k.NextTab, k.Help, k.Quit}
}

// helpLines show the active screen's keys, then the global ones, on one
// line, or on two when one cannot hold them: no key is left out unseen.
// Where even two lines are too few, the screen's last keys give way to a
// "…" and the global ones (? lists every key) stay.
func (m *Model) helpLines() []string {
	keys, global := m.helpKeys()
	room := m.width - 2
	if line := m.shortView(append(keys[:len(keys):len(keys)], global...)); lipgloss.Width(line) <= room || len(keys) == 0 {
		return []string{line}
	}
	n := 0 // the screen's keys that fill the first line
	for n < len(keys) && lipgloss.Width(m.shortView(keys[:n+1])) <= room {
		n++
	}
	return []string{m.shortView(keys[:n]), m.withGlobal(keys[n:], global)}
}

// helpKeys are the keys the help lines tell: the screen's own and the
// global ones, or the answers to the question asked.
func (m *Model) helpKeys() (keys, global []key.Binding) {
	if m.confirm != nil {
		return []key.Binding{m.ctx.Keys.Yes, m.ctx.Keys.No}, nil
	}
	screen := m.activeScreen()
	if m.showAll {
		// the keys are all listed above: here, the ones that act while
		// the help is shown
		return nil, m.helpShownKeys(screen.Capturing())
	}
	keys, global = screen.ShortHelp(), m.globalKeys()
	if screen.Capturing() {
		// letters and digits are typed in: the way out and the help are
		// the keys always shown, the screen's own give way before them
		back := m.ctx.Keys.Back
		var own []key.Binding
		for _, b := range keys {
			if b.Help().Key == back.Help().Key {
				back = b // the screen's own word for it ("xong", "hủy")
				continue
			}
			own = append(own, b)
		}
		if m.overlay == nil { // over the screens, alt+1…6 are its own too: esc leaves it
			own = append(own, key.NewBinding(key.WithKeys("alt+1"), key.WithHelp("alt+1-6", m.ctx.T("màn hình", "screens"))))
		}
		keys, global = own, m.formKeys(back)
	}
	return keys, global
}

// helpShownKeys are the only keys that act while the help is shown: it
// closes, or the app quits (ctrl+c alone where letters are typed).
func (m *Model) helpShownKeys(typing bool) []key.Binding {
	closing, quit := "esc/?", m.ctx.Keys.Quit
	if typing {
		closing = "esc/f1"
		quit = key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", m.ctx.T("thoát", "quit")))
	}
	return []key.Binding{key.NewBinding(key.WithKeys("esc"), key.WithHelp(closing, m.ctx.T("đóng trợ giúp", "close the help"))), quit}
}

// formKeys are the keys that work in a form whatever field has the focus.
func (m *Model) formKeys(back key.Binding) []key.Binding {
	return []key.Binding{back, key.NewBinding(key.WithKeys("f1"), key.WithHelp("f1", m.ctx.T("trợ giúp", "help")))}
}

// textTyper is a screen that takes the keys but may have no field to
// type into there (a list to choose from, a result to read, a choice
// changed with ←/→ or a letter): ctrl+u and ? are not told there.
type textTyper interface{ TypesText() bool }

// typesText reports whether letters are typed into a field of screen.
func typesText(screen common.Screen) bool {
	if t, ok := screen.(textTyper); ok {
		return t.TypesText()
	}
	return true
}

// withGlobal is the screen's keys that fit, then the global ones; a "…"
// says that some gave way.
func (m *Model) withGlobal(keys, globalKeys []key.Binding) string {
	global := m.shortView(globalKeys)
	sep := m.help.ShortSeparator
	if m.shortView(keys) == "" {
		return global
	}
	if line := m.shortView(keys) + sep + global; lipgloss.Width(line) <= m.width-2 {
		return line
	}
	more := m.help.Styles.ShortKey.Render("…")
	room := m.width - 2 - lipgloss.Width(global) - 2*lipgloss.Width(sep) - lipgloss.Width(more)
	if own := m.shortHelp(keys, room); own != "" {
		return own + sep + more + sep + global
	}
	return more + sep + global
}

// shortHelp renders as many bindings as fit in width.
func (m *Model) shortHelp(keys []key.Binding, width int) string {
	for n := len(keys); n > 0; n-- {
		if line := m.shortView(keys[:n]); lipgloss.Width(line) <= width {
			return line
		}
	}
	return ""
}

// shortView is keys on one line, whatever their width (the help model
// would cut them at its width: here the caller measures).
func (m *Model) shortView(keys []key.Binding) string {
	h := m.help
	h.Width = 0
	return h.ShortHelpView(keys)
}

// fullHelp lays the key groups out in columns, wrapping to further rows
// when the terminal is too narrow for all of them side by side.
func (m *Model) fullHelp() string {
	screen := m.activeScreen()
	groups := screen.FullHelp()
	k := m.ctx.Keys
	title := m.ctx.Styles.Title.Render(" " + m.ctx.T("Phím tắt (nhấn ? hoặc esc để đóng)", "Keys (press ? or esc to close)"))
	if screen.Capturing() {
		// in a form letters and digits are typed into it: only these leave
		altTabs := key.NewBinding(key.WithKeys("alt+1"), key.WithHelp("alt+1…6", m.ctx.T("chọn màn hình", "choose a screen")))
		f1 := key.NewBinding(key.WithKeys("f1"), key.WithHelp("f1", m.ctx.T("đóng trợ giúp", "close the help")))
		quit := key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", m.ctx.T("thoát", "quit")))
		question := key.NewBinding(key.WithKeys("?"), key.WithHelp("?", m.ctx.T("là chữ: gõ vào ô", "is typed into the field")))
		var typed []key.Binding
		text := typesText(screen)
		if text {
			typed = append(typed, k.ClearField)
		}
		if m.overlay == nil { // opened over the screens, it takes them too: esc leaves it
			typed = append(typed, altTabs)
		}
		typed = append(typed, f1)
		if text {
			typed = append(typed, question)
		}
		groups = append(groups, append(typed, quit))
		title = m.ctx.Styles.Title.Render(" " + m.ctx.T("Phím tắt (nhấn f1 hoặc esc để đóng)", "Keys (press f1 or esc to close)"))
	} else if m.overlay != nil {
		// opened over the screens, it takes tab and digits: esc leaves it
		groups = append(groups, []key.Binding{k.Help, k.Quit}, []key.Binding{m.undoKey()})
	} else if t, ok := screen.(tabTaker); ok && t.TakesTab() {
		// tab moves into the screen's form
		groups = append(groups, []key.Binding{k.Tabs, k.Help, k.Quit}, m.safetyKeys())
	} else {
		groups = append(groups, []key.Binding{k.NextTab, k.PrevTab, k.Tabs, k.Help, k.Quit}, m.safetyKeys())
	}
	if packed, ok := m.packedHelp(groups, m.bodyHeight()-2); ok {
		return title + "\n\n" + packed
	}
	var rows []string
	var row []string
	rowW := 0
	for _, g := range groups {
		col := m.help.FullHelpView([][]key.Binding{g})
		w := lipgloss.Width(col) + 4
		if rowW+w > m.width-2 && len(row) > 0 {
			rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
			row, rowW = nil, 0
		}
		row = append(row, lipgloss.NewStyle().PaddingRight(4).Render(col))
		rowW += w
	}
	if len(row) > 0 {
		rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
	}
	return title + "\n\n" + indent(strings.Join(rows, "\n\n"), " ")
}

// packedHelp lays every key out in columns of height lines (a blank line
// between groups if that fits the width too), when the groups side by
// side would not fit: no key is ever left below the bottom of the screen.
func (m *Model) packedHelp(groups [][]key.Binding, height int) (string, bool) {
	n := 0
	for _, g := range groups {
		n += len(g)
	}
	if n <= height || height < 4 {
		return "", false // the groups fit as they are
	}
	var out string
	for _, blanks := range []bool{true, false} {
		if out = m.helpColumns(groups, height, blanks); lipgloss.Width(out) <= m.width-1 {
			break
		}
	}
	return indent(out, " "), true
}

// helpColumns flows the keys of groups down columns of height lines.
func (m *Model) helpColumns(groups [][]key.Binding, height int, blanks bool) string {
	var keys, descs []string
	for _, g := range groups {
		if blanks && len(keys)%height != 0 {
			keys, descs = append(keys, ""), append(descs, "")
		}
		for _, b := range g {
			if b.Enabled() {
				keys, descs = append(keys, b.Help().Key), append(descs, b.Help().Desc)
			}
		}
	}
	st := m.help.Styles
	var cols []string
	for start := 0; start < len(keys); start += height {
		end := min(start+height, len(keys))
		keyW := 0
		for i := start; i < end; i++ {
			keyW = max(keyW, vntext.Width(keys[i]))
		}
		var lines []string
		for i := start; i < end; i++ {
			if keys[i] == "" && i == start {
				continue
			}
			lines = append(lines, st.FullKey.Render(vntext.Pad(keys[i], keyW))+" "+st.FullDesc.Render(descs[i]))
		}
		col := strings.Join(lines, "\n")
		if end < len(keys) { // the last column has no padding to be cut at the edge
			col = lipgloss.NewStyle().PaddingRight(3).Render(col)
		}
		cols = append(cols, col)
	}
	return lipgloss.JoinHorizontal(lipgloss.Top, cols...)
}

func indent(s, pre string) string {
	lines := strings.Split(s, "\n")
	for i := range lines {
		lines[i] = pre + lines[i]
	}
	return strings.Join(lines, "\n")
}

// issuerWithin names the issuer with its locality when the parent body is
// a People's Committee: "Sở Nội vụ" under "UBND tỉnh Hà Tĩnh" reads "Sở
// Nội vụ tỉnh Hà Tĩnh"; any other issuer is named as it is.
func issuerWithin(issuer, parent string) string {
	for _, prefix := range []string{"UBND ", "Ủy ban nhân dân ", "Uỷ ban nhân dân "} {
		if len(parent) > len(prefix) && strings.EqualFold(parent[:len(prefix)], prefix) {
			return issuer + " " + parent[len(prefix):]
		}
	}
	return issuer
}
