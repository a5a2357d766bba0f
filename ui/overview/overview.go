// Package overview is the first screen: the campaign at a glance — the
// deadline, each group's progress, registrations by area of reform and by
// district, and the latest letters received.
package overview

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"cchc/internal/campaign"
	"cchc/internal/compliance"
	"cchc/internal/vntext"
	uicampaign "cchc/ui/campaign"
	"cchc/ui/common"
)

// Book is what the overview asks of the book: whether it can be written
// (a new year is offered only then) and what the campaign screens opened
// over it ask.
type Book interface {
	uicampaign.Book
}

// Model of the overview screen; the campaign's settings and the campaign
// picker open over it.
type Model struct {
	ctx           *common.Context
	book          Book
	width, height int
	settings      *uicampaign.Settings
	picker        *uicampaign.Picker

	// counted once per load, not on every frame (200,000 registrations nationally)
	areas  map[campaign.Area]int
	stages map[campaign.Stage]int
}

// count tallies the registrations by area and by stage; nil maps while the
// registration list is still loading. Like the figures above them, they
// count what had arrived by today: in training (CCHC_TODAY) a book may hold
// letters of days still to come.
func (m *Model) count() {
	d := m.ctx.Data
	m.areas, m.stages = nil, nil
	if d == nil || d.Registrations == nil {
		return
	}
	m.areas, m.stages = map[campaign.Area]int{}, map[campaign.Stage]int{}
	for i := range d.Registrations {
		r := &d.Registrations[i]
		if r.Received().After(m.ctx.Today) {
			continue
		}
		m.areas[r.Area()]++
		s, ok := d.Stages[r.ID]
		if !ok {
			s = campaign.Registered
		}
		m.stages[s]++
	}
}

// New makes the overview screen.
func New(ctx *common.Context, b Book) *Model { return &Model{ctx: ctx, book: b} }

func (m *Model) SetSize(w, h int) { m.width, m.height = w, h }

// Capturing while the settings form or the picker is open.
func (m *Model) Capturing() bool { return m.settings != nil || m.picker != nil }

// TypesText: the settings and a new year are typed into, the list of
// years is chosen from.
func (m *Model) TypesText() bool { return m.settings != nil || m.picker != nil && m.picker.Typing() }

// Dirty reports unsaved campaign settings.
func (m *Model) Dirty() bool { return m.settings != nil && m.settings.Dirty() }

func (m *Model) ShortHelp() []key.Binding {
	switch {
	case m.settings != nil:
		return m.settings.ShortHelp()
	case m.picker != nil:
		return m.picker.ShortHelp()
	}
	k := m.ctx.Keys
	return []key.Binding{k.New, k.Settings, k.Campaigns}
}

func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }

func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if _, ok := msg.(common.DataMsg); ok {
		m.count()
	}
	if _, ok := msg.(uicampaign.Done); ok {
		m.settings, m.picker = nil, nil
		return m, nil
	}
	switch {
	case m.settings != nil:
		return m, m.settings.Update(msg)
	case m.picker != nil:
		return m, m.picker.Update(msg)
	}
	k, ok := msg.(tea.KeyMsg)
	if !ok || m.ctx.Data == nil {
		return m, nil
	}
	switch {
	case key.Matches(k, m.ctx.Keys.New):
		return m, common.Cmd(common.NewEntryMsg{})
	case key.Matches(k, m.ctx.Keys.Settings):
		m.settings = uicampaign.NewSettings(m.ctx, m.book)
	case key.Matches(k, m.ctx.Keys.Campaigns):
		m.picker = uicampaign.NewPicker(m.ctx, m.book)
	}
	return m, nil
}

func (m *Model) View() string {
	switch {
	case m.settings != nil:
		return m.settings.View(m.width, m.height)
	case m.picker != nil:
		return m.picker.View(m.width, m.height)
	}
	d := m.ctx.Data
	if d == nil {
		return common.Fit("", m.width, m.height)
	}
	st := m.ctx.Styles
	var lines []string
	c := d.Campaign
	// a long title takes a second line; the letter's line keeps the
	// deadline and how far it is, in fewer words when it must, or under
	// it (a letter number and date take half of 80 columns)
	lines = append(lines, common.WrapLines(c.Title, m.width-2, 2, " ", st.Title)...)
	days := compliance.DaysText(m.ctx.Today.DaysUntil(c.Deadline), m.ctx.Lang)
	deadline := m.ctx.F("hạn đăng ký %s, %s", "deadline %s, %s", c.Deadline, days)
	short := m.ctx.F("hạn %s, %s", "due %s, %s", c.Deadline, days)
	letter := c.LetterRef(m.ctx.Lang)
	switch {
	case letter == "":
		lines = append(lines, " "+st.Muted.Render(deadline))
	case vntext.Width(letter+" · "+deadline) <= m.width-2:
		lines = append(lines, " "+st.Muted.Render(letter+" · "+deadline))
	case vntext.Width(letter+" · "+short) <= m.width-2:
		lines = append(lines, " "+st.Muted.Render(letter+" · "+short))
	default:
		lines = append(lines, " "+st.Muted.Render(letter), " "+st.Muted.Render(deadline))
	}
	if hint := m.newYearHint(); hint != "" {
		lines = append(lines, common.WrapLines(hint, m.width-2, 2, " ", st.Warning)...)
	}
	lines = append(lines, "")
	gap := len(lines) - 1
	lines = append(lines, m.groupLines()...)
	// screen 4 lists more: say why
	lines = append(lines, common.UncountedLines(m.ctx, m.ctx.Today, d.Summary.Total().Registrations, m.width)...)
	if m.ctx.Today.After(c.Deadline) && len(d.Registrations) > 0 {
		lines = append(lines, m.progressLine())
	}
	lines = append(lines, " "+st.RuleLine(m.width-2))

	left := m.areaLines()
	wide := m.width >= 120
	if wide {
		// the districts take what the latest letters (a heading and five)
		// leave, and at least the areas' height
		room := max(len(left), m.height-len(lines)-1-1-6)
		lines = append(lines, sideBySide(left, m.districtLines(room), m.width/2)...)
	} else if m.height-len(lines)-len(left)-1 >= 4 {
		lines = append(lines, left...)
	} else {
		// a short screen (the 72×20 minimum): the areas, which screen 4
		// filters by, give way to the latest letters, which have no other place
		lines = lines[:len(lines)-1]
	}
	lines = append(lines, " "+st.RuleLine(m.width-2))
	if m.height-len(lines) < 2 {
		// the 72×20 minimum in English at national scale (the line of
		// what is not counted on two): the gap gives way to the latest letter
		lines = slices.Delete(lines, gap, gap+1)
	}
	room := m.height - len(lines)
	lines = append(lines, m.latestLines(room)...)
	return common.Fit(strings.Join(lines, "\n"), m.width, m.height)
}

func (m *Model) groupLines() []string {
	d, st := m.ctx.Data, m.ctx.Styles
	nameW := 0
	for _, g := range d.Summary.Groups {
		if w := vntext.Width(g.Group.Heading(m.ctx.Lang)); w > nameW {
			nameW = w
		}
	}
	if limit := 24 + (m.width-80)/2; nameW > limit {
		nameW = limit // long group names give way to their short forms
	}
	counts := make([]string, len(d.Summary.Groups))
	regs := make([]string, len(d.Summary.Groups))
	countW, regsW := 10, 12
	for i, g := range d.Summary.Groups {
		counts[i] = m.ctx.F("%s/%s đạt", "%s/%s met", m.ctx.Lang.Num(g.Met), m.ctx.Lang.Num(g.Agencies))
		regs[i] = m.ctx.Lang.Count(g.Registrations, "mô hình", "registration", "registrations")
		countW = max(countW, vntext.Width(counts[i])) // national figures are wider
		regsW = max(regsW, vntext.Width(regs[i]))
	}
	// the bar takes what the figures leave
	barW := min(max(m.width-nameW-countW-regsW-9, 8), 40)
	var out []string
	for i, g := range d.Summary.Groups {
		name := g.Group.Heading(m.ctx.Lang)
		if vntext.Width(name) > nameW {
			name = g.Group.Short(m.ctx.Lang)
		}
		out = append(out, fmt.Sprintf("  %s %s  %s  %s", vntext.Pad(name, nameW), st.Bar(g.Met, g.Agencies, barW),
			vntext.Pad(counts[i], countW), st.Muted.Render(regs[i])))
	}
	if len(out) == 0 {
		out = append(out, "  "+m.ctx.T("Đợt đăng ký chưa có cơ quan, đơn vị nào có chỉ tiêu.", "No agency in this campaign has a quota."))
	}
	return out
}

// areaLines is a small bar chart of registrations per area of reform.
func (m *Model) areaLines() []string {
	d, st := m.ctx.Data, m.ctx.Styles
	count := m.areas
	maxN := 0
	for _, n := range count {
		maxN = max(maxN, n)
	}
	out := []string{" " + st.Bold.Render(m.ctx.T("Theo lĩnh vực CCHC", "By reform area"))}
	switch {
	case count == nil:
		return append(out, "  "+st.Muted.Render(m.ctx.T("Đang đọc danh sách mô hình, sáng kiến…", "Reading the registrations…")))
	case len(d.Registrations) == 0:
		return append(out, "  "+st.Muted.Render(m.ctx.T("Chưa nhận được mô hình, sáng kiến nào.", "No registration received yet.")))
	}
	numW := len(m.ctx.Lang.Num(maxN))
	// Two areas per line keeps the chart to four lines at 80 columns; on a
	// wide screen, where it has half the width beside the districts, one
	// per line leaves room for the names and the bars.
	perLine, cellW := 2, (m.width-4)/2
	if m.width >= 120 {
		perLine, cellW = 1, m.width/2-6
	}
	nameW := 18
	barW := cellW - nameW - numW - 2
	if barW < 3 { // big figures on a narrow half: the names give way first
		nameW = max(10, nameW-(3-barW))
		barW = cellW - nameW - numW - 2
	}
	if barW < 3 {
		barW = 3
	}
	var cells []string
	for _, a := range campaign.Areas {
		n := count[a]
		cells = append(cells, fmt.Sprintf("%s %s %s", vntext.Pad(a.Short(m.ctx.Lang), nameW), st.Bar(n, maxN, barW), vntext.PadLeft(m.ctx.Lang.Num(n), numW)))
	}
	for i := 0; i < len(cells); i += perLine {
		line := "  " + cells[i]
		if perLine == 2 && i+1 < len(cells) {
			line += "  " + cells[i+1]
		}
		out = append(out, line)
	}
	return out
}

// districtLines shows each district's registrations against its quota,
// for wide terminals.
func (m *Model) districtLines(room int) []string {
	d, st := m.ctx.Data, m.ctx.Styles
	out := []string{st.Bold.Render(m.ctx.T("Theo địa phương (đã đăng ký / tối thiểu)", "By locality (registered / minimum)"))}
	// the localities judged: districts, or since 1 July 2025 the communes
	// and wards directly under the province
	var rs []compliance.Result
	for _, g := range []campaign.Group{campaign.District, campaign.Commune} {
		for _, r := range d.Summary.Results {
			if r.Agency.Group == g {
				rs = append(rs, r)
			}
		}
		if len(rs) > 0 {
			break
		}
	}
	// those still owing first (missing, then short), then the others by
	// what they registered: the first lines are the ones to chase
	sort.SliceStable(rs, func(i, j int) bool {
		if a, b := rs[i].Status.Urgency(), rs[j].Status.Urgency(); a != b {
			return a < b
		}
		return rs[i].Status == compliance.Met && rs[i].Registered > rs[j].Registered
	})
	n := m.ctx.Lang.Num
	for i, r := range rs {
		if len(out) == room-1 && i < len(rs)-1 {
			more := m.ctx.T("huyện", "more")
			if r.Agency.Group == campaign.Commune {
				more = m.ctx.T("xã, phường", "more")
			}
			out = append(out, st.Muted.Render(m.ctx.F("… và %s %s khác (xem màn 5)", "… and %s %s (see screen 5)", n(len(rs)-i), more)))
			break
		}
		marker := st.Status(r.Status).Render(r.Status.Marker(m.ctx.ASCII))
		out = append(out, fmt.Sprintf("%s %s %s %s/%s", marker, vntext.Pad(r.Agency.Name, 22),
			st.Bar(r.Registered, r.Quota.Target, 12), n(r.Registered), n(r.Quota.Required)))
	}
	return out
}

func (m *Model) latestLines(room int) []string {
	d, st := m.ctx.Data, m.ctx.Styles
	out := []string{" " + st.Bold.Render(m.ctx.T("Mới nhận", "Latest received"))}
	if len(d.Submissions) == 0 {
		return append(out, "  "+st.Muted.Render(m.ctx.T("Chưa có văn bản nào. Nhấn n để nhập, i để nhập từ tệp.",
			"No letter yet. Press n to record one, i to import a file.")))
	}
	type row struct{ day, agency, count, num string }
	var rows []row
	countW, numW := 0, 0
	for _, s := range d.Submissions {
		if len(rows) >= room-1 {
			break
		}
		if s.Received.After(m.ctx.Today) { // not yet arrived, in training
			continue
		}
		r := row{day: s.Received.Short(), agency: s.AgencyName, count: m.ctx.Lang.Count(s.Registrations, "mô hình", "registration", "registrations")}
		if s.Number != "" {
			r.num = m.ctx.F("Số %s", "No. %s", s.Number)
		}
		countW = max(countW, vntext.Width(r.count)) // "12 registrations" is not cut
		numW = max(numW, vntext.Width(r.num))
		rows = append(rows, r)
	}
	// nor the letters' numbers, where there is room: 13 is the indent, the
	// day and the three gaps
	nameW := min(max(m.width-13-countW-numW, 20), 44)
	for _, r := range rows {
		out = append(out, fmt.Sprintf("  %s  %s  %s  %s", r.day, vntext.Pad(common.CutMiddle(r.agency, nameW), nameW), vntext.Pad(r.count, countW), st.Muted.Render(r.num)))
	}
	return out
}

func sideBySide(left, right []string, leftW int) []string {
	n := len(left)
	if len(right) > n {
		n = len(right)
	}
	out := make([]string, n)
	for i := 0; i < n; i++ {
		l, r := "", ""
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		out[i] = common.FitLine(l, leftW-2) + "  " + r
	}
	return out
}

// progressLine counts the models by stage: once the deadline has passed,
// the year is about carrying them out.
func (m *Model) progressLine() string {
	st := m.ctx.Styles
	count := m.stages
	var parts []string
	for _, s := range []campaign.Stage{campaign.InProgress, campaign.Completed, campaign.Replicating, campaign.Recognised, campaign.Stopped} {
		if n := count[s]; n > 0 {
			parts = append(parts, m.ctx.Lang.Num(n)+" "+strings.ToLower(s.Label(m.ctx.Lang)))
		}
	}
	head := "  " + st.Bold.Render(m.ctx.T("Tiến độ: ", "Progress: "))
	if len(parts) == 0 {
		hint := m.ctx.T("chưa có mô hình nào cập nhật tiến độ (mở một mô hình ở màn 4, nhấn p)",
			"no model has reported progress yet (open one on screen 4, press p)")
		if lipgloss.Width(head+hint) > m.width {
			hint = m.ctx.T("chưa có mô hình nào cập nhật tiến độ (màn 4, nhấn p)", "no model has reported progress yet (screen 4, press p)")
		}
		parts = append(parts, hint)
	}
	return head + strings.Join(parts, st.Muted.Render(" · "))
}

// newYearHint tells how to open this year's campaign when the latest is
// more than a year past its deadline (a book left at its first-run 2023).
func (m *Model) newYearHint() string {
	d, c := m.ctx.Data, m.ctx
	if len(d.Campaigns) == 0 || m.book.ReadOnly() {
		return ""
	}
	latest := d.Campaigns[0]
	for _, x := range d.Campaigns {
		if x.Year > latest.Year {
			latest = x
		}
	}
	if !c.Today.After(latest.Deadline.AddDays(365)) {
		return ""
	}
	return c.F("Đợt mới nhất là năm %d. Mở đợt năm nay: y (chọn năm) rồi n.", "The latest campaign is %d's. To open this year's: y (campaigns), then n.", latest.Year)
}
