// Package status is the compliance screen: what `cchc status` prints, live,
// with the agencies still missing or short first and the "as of" day
// changeable, and a key that writes the Markdown report.
package status

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"cchc/internal/campaign"
	"cchc/internal/compliance"
	"cchc/internal/report"
	"cchc/internal/vndate"
	"cchc/internal/vntext"
	"cchc/ui/common"
)

// Book is what the compliance screen asks of the book: what its report
// reads (cchc status).
type Book interface {
	report.Book
}

// Model of the compliance screen.
type Model struct {
	ctx           *common.Context
	book          Book
	width, height int
	asOf          vndate.Date
	summary       compliance.Summary
	results       []compliance.Result // missing and short first
	list          common.ListView
	typing        bool
	dateFresh     bool // the day shown when typing began: the first letter typed replaces it
	dateInput     textinput.Model
	dateErr       string
}

// New makes the compliance screen.
func New(ctx *common.Context, b Book) *Model {
	m := &Model{ctx: ctx, book: b, asOf: ctx.Today, dateInput: common.NewInput("dd/mm/yyyy", 10)}
	m.list = common.NewListView(&ctx.Styles,
		common.Column{Title: ctx.T("Cơ quan, đơn vị", "Agency"), Width: 20, Flex: 3, Middle: true},
		common.Column{Title: ctx.T("Nhóm", "Group"), Width: 13},
		common.Column{Title: ctx.T("Đã ĐK", "Reg."), Width: 5, Right: true},
		common.Column{Title: ctx.T("Chỉ tiêu", "Quota"), Width: 8, Right: true},
		common.Column{Title: ctx.T("Tình trạng", "Status"), Width: 16},
		common.Column{Title: ctx.T("Ghi chú", "Remarks"), Width: 10, Flex: 1},
	)
	m.list.Empty = ctx.T("Không có cơ quan, đơn vị nào có chỉ tiêu.", "No agency has a quota.")
	m.list.CellStyle = m.cellStyle
	return m
}

func (m *Model) SetSize(w, h int) {
	wasNarrow := m.narrow()
	m.width, m.height = w, h
	remarks := &m.list.Columns[5]
	m.list.Columns[1].Width, m.list.Columns[4].Width = 13, 16
	remarks.Title, remarks.Width, remarks.Flex = m.ctx.T("Ghi chú", "Remarks"), 10, 1
	if m.narrow() { // the name takes the room; the remarks go to the line under the list
		m.list.Columns[1].Width, m.list.Columns[4].Width = 7, 12 // "◐ Chưa đủ ⏰"
		remarks.Title, remarks.Width, remarks.Flex = "", 0, 0
	}
	if m.narrow() != wasNarrow && m.results != nil {
		m.setRows()
	}
	m.list.SetSize(w, h-m.headHeight()-1) // and the line of the selected agency
}

func (m *Model) headHeight() int {
	n := 3 // as-of line, blank, totals title
	if m.ctx.Data != nil {
		n += len(m.summary.Groups) + 2 // groups, total, blank
	}
	if !m.spaced() {
		n -= 2
	}
	return n
}

// spaced reports room for the blank lines around the totals: on a short
// screen (72x20, the keys on two lines) they go to the list's rows.
func (m *Model) spaced() bool { return m.height >= 16 }

func (m *Model) Capturing() bool { return m.typing }

func (m *Model) ShortHelp() []key.Binding {
	k := m.ctx.Keys
	if m.typing {
		return []key.Binding{key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", m.ctx.T("xem", "apply"))), k.Back}
	}
	return []key.Binding{k.DayBack, k.DayForward, k.SetDate, k.Today, k.Open, k.Write}
}

func (m *Model) FullHelp() [][]key.Binding {
	k := m.ctx.Keys
	if m.typing { // the day typed: its keys alone
		return [][]key.Binding{m.ShortHelp()}
	}
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End, k.Open},
		{k.DayBack, k.DayForward, k.SetDate, k.Today, k.Write},
	}
}

// rejudge recomputes the summary as of m.asOf from the loaded data.
func (m *Model) rejudge() {
	d := m.ctx.Data
	if d == nil {
		return
	}
	m.summary = d.Summary // judged as of today at load
	if !m.asOf.Equal(d.Summary.AsOf) {
		m.summary = d.Judge(m.asOf)
	}
	m.results = append([]compliance.Result(nil), m.summary.Results...)
	sort.SliceStable(m.results, func(i, j int) bool { return m.results[i].Status.Urgency() < m.results[j].Status.Urgency() })
	m.setRows()
	m.SetSize(m.width, m.height)
}

// narrow is a screen under 100 columns: the group is named in a word
// there, so that the agencies' names have the room to be told apart
// ("Ban Dân tộc tỉnh Bình Dương", "… Bình Định").
func (m *Model) narrow() bool { return m.width < 100 }

// setRows shows m.results; rows are made when drawn, only the visible
// ones (a day's step stays within a frame).
func (m *Model) setRows() {
	c, results, narrow := m.ctx, m.results, m.narrow()
	m.list.SetRowFunc(len(results), func(i int) []string {
		r := &results[i]
		unit := campaign.Agency{Name: r.Agency.Name, Group: r.Agency.Group}
		group, status := campaign.UnitShort(unit, c.Lang), r.Status.Marker(c.ASCII)+" "+r.Status.Label(c.Lang)
		if narrow {
			group, status = campaign.UnitWord(unit, c.Lang), common.StatusWord(r.Status, c)
			if r.Late { // the remarks that tell it are under the list: the mark stays in the row
				status += " " + compliance.LateMarker(c.ASCII)
			}
		}
		return []string{campaign.WithPredecessors(r.Agency.Name, r.Agency.Predecessors, c.Lang), group, c.Lang.Num(r.Registered), report.QuotaText(r.Quota),
			status, report.Remarks(*r, c.Lang, c.ASCII)}
	})
}

func (m *Model) cellStyle(row, col int) lipgloss.Style {
	if row >= len(m.results) {
		return lipgloss.NewStyle()
	}
	switch col {
	case 4:
		return m.ctx.Styles.Status(m.results[row].Status)
	case 5:
		return m.ctx.Styles.Warning
	}
	return lipgloss.NewStyle()
}

type writtenMsg struct{ path string }

func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.DataMsg:
		m.rejudge()
	case writtenMsg:
		return m, common.Cmd(common.NoteMsg{Note: m.ctx.F("Đã ghi báo cáo: %s", "Report written: %s", msg.path)})
	case tea.MouseMsg:
		m.list.Update(msg, m.ctx.Keys)
	case tea.KeyMsg:
		return m, m.key(msg)
	}
	return m, nil
}

func (m *Model) key(msg tea.KeyMsg) tea.Cmd {
	k := m.ctx.Keys
	if m.typing {
		switch msg.String() {
		case "enter":
			d, err := vndate.ParseTyped(m.dateInput.Value())
			if err != nil || d.IsZero() {
				m.dateErr = m.ctx.T("Cần ngày có thật dạng dd/mm/yyyy", "Expected a real date as dd/mm/yyyy")
				return nil
			}
			m.asOf, m.typing, m.dateErr = d, false, ""
			m.rejudge()
		case "esc":
			m.typing, m.dateErr = false, ""
		default:
			if m.dateFresh && msg.Type == tea.KeyRunes {
				m.dateInput.SetValue("")
			}
			m.dateFresh = false
			m.dateInput, _ = common.UpdateInput(m.dateInput, msg)
		}
		return nil
	}
	if m.list.Update(msg, k) {
		return nil
	}
	switch {
	case key.Matches(msg, k.DayBack):
		m.asOf = m.asOf.AddDays(-1)
		m.rejudge()
	case key.Matches(msg, k.DayForward):
		m.asOf = m.asOf.AddDays(1)
		m.rejudge()
	case key.Matches(msg, k.Today):
		m.asOf = m.ctx.Today
		m.rejudge()
	case key.Matches(msg, k.SetDate):
		m.typing, m.dateFresh = true, true
		m.dateInput.SetValue(m.asOf.String())
		m.dateInput.CursorEnd()
		m.dateInput.Focus()
	case key.Matches(msg, k.Open):
		if i := m.list.Cursor(); i >= 0 && i < len(m.results) {
			return common.Cmd(common.OpenAgencyMsg{ID: m.results[i].Agency.ID})
		}
	case key.Matches(msg, k.Write):
		return m.write()
	}
	return nil
}

// write saves the Markdown report that `cchc status --format md --as-of`
// would print, into the clerk's folder (Context.OutDir), never over an
// existing file.
func (m *Model) write() tea.Cmd {
	st, c := m.book, m.ctx
	req := report.Request{Kind: report.KindStatus, Format: "md", Year: c.Data.Campaign.Year, AsOf: m.asOf, Lang: c.Lang}
	// named as screen 6 names it; never over a file: numbered instead
	first := report.FileName(req.Kind, req.Format, req.Year, m.asOf, c.Today)
	base, ext := strings.TrimSuffix(first, filepath.Ext(first)), filepath.Ext(first)
	dir := c.OutDir()
	return func() tea.Msg {
		for n := 1; n < 100; n++ {
			name := first
			if n > 1 {
				name = fmt.Sprintf("%s-%d%s", base, n, ext)
			}
			path := filepath.Join(dir, name)
			if _, err := os.Stat(path); err == nil {
				continue
			}
			if err := report.Save(m.ctx.Work(), st, req, path, false); err != nil {
				return common.ErrMsg{Err: err}
			}
			return writtenMsg{path}
		}
		return common.NoteMsg{Note: c.T("Thư mục đã có quá nhiều báo cáo cùng tên", "Too many reports with that name in the folder")}
	}
}

func (m *Model) View() string {
	if m.ctx.Data == nil {
		return common.Fit("", m.width, m.height)
	}
	c, st := m.ctx, m.ctx.Styles
	var lines []string
	asOf := c.F("Tính đến ngày %s", "As of %s", m.asOf)
	if m.typing {
		asOf = c.T("Tính đến ngày ", "As of ") + m.dateInput.View()
		if m.dateErr != "" {
			asOf += "  " + st.Error.Render("! "+m.dateErr)
		}
	}
	days := compliance.DaysText(m.summary.DaysLeft(), c.Lang)
	if !m.asOf.Equal(c.Today) { // "hôm nay" is about today only
		days = compliance.AsOfDaysText(m.summary.DaysLeft(), c.Lang)
	}
	lines = append(lines, " "+st.Bold.Render(asOf)+st.Muted.Render(" · "+c.F("hạn %s, %s", "deadline %s, %s",
		m.summary.Deadline, days)))
	if m.spaced() {
		lines = append(lines, "")
	}
	nameW := 36
	if m.width < 100 {
		nameW = 26
	}
	nameW = max(min(nameW, m.width-54), 10) // the figures first: at 72 columns the name gives way
	head := fmt.Sprintf("  %s %8s %6s %8s %8s %8s %8s", vntext.Pad(c.T("Nhóm", "Group"), nameW),
		c.T("Số CQ", "Agencies"), c.T("Đạt", "Met"), c.T("Chưa đủ", "Short"), c.T("Chưa ĐK", "Missing"),
		c.T("Muộn", "Late"), c.T("Mô hình", "Reg."))
	lines = append(lines, st.Bold.Render(common.FitLine(head, m.width)))
	n := c.Lang.Num // 141.910, not 141910
	row := func(name string, g compliance.GroupTotal) string {
		return fmt.Sprintf("  %s %8s %6s %8s %8s %8s %8s", vntext.Pad(name, nameW), n(g.Agencies),
			st.Met.Render(fmt.Sprintf("%6s", n(g.Met))), st.Short.Render(fmt.Sprintf("%8s", n(g.Short))),
			st.Missing.Render(fmt.Sprintf("%8s", n(g.Missing))), n(g.Late), n(g.Registrations))
	}
	for _, g := range m.summary.Groups {
		name := g.Group.Heading(c.Lang)
		if vntext.Width(name) > nameW {
			name = g.Group.Short(c.Lang)
		}
		lines = append(lines, row(name, g))
	}
	total := m.summary.Total()
	lines = append(lines, st.Bold.Render(row(c.T("Tổng cộng", "Total"), total)))
	lines = append(lines, common.UncountedLines(c, m.asOf, total.Registrations, m.width)...) // screen 4 lists more: say why
	if m.spaced() {
		lines = append(lines, "")
	}
	m.list.SetSize(m.width, m.height-len(lines)-1)
	return common.Fit(strings.Join(lines, "\n")+"\n"+m.list.View()+"\n"+m.selectedLine(), m.width, m.height)
}

// selectedLine tells the selected agency whole, with its remarks (a
// column of their own only on a wide screen).
func (m *Model) selectedLine() string {
	i := m.list.Cursor()
	if i < 0 || i >= len(m.results) {
		return ""
	}
	r, c := m.results[i], m.ctx
	text := campaign.WithPredecessors(r.Agency.Name, r.Agency.Predecessors, c.Lang) // the remarks before the group, which the row names already
	if rem := report.Remarks(r, c.Lang, c.ASCII); rem != "" {
		text += " · " + rem
	}
	return common.DetailLines(c, text+" · "+c.Data.Campaign.GroupHeading(r.Agency.Group, c.Lang), m.width, 1)[0]
}
