// Package agencies is the screen of every agency of the campaign: filter by
// group and status, search as you type, open an agency to see its letters,
// registrations and communes, and add, edit or deactivate agencies.
package agencies

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"cchc/internal/campaign"
	"cchc/internal/compliance"
	"cchc/internal/lang"
	"cchc/internal/report"
	"cchc/internal/vntext"
	"cchc/ui/common"
)

type mode int

const (
	listing mode = iota
	detail
	editing
)

// statusFilters cycle with s: all, not met, missing, short, met.
var statusFilters = []string{"", "unmet", "missing", "short", "met"}

// Model of the agencies screen.
type Model struct {
	ctx           *common.Context
	book          Book
	width, height int
	mode          mode

	groupIdx  int // 0 = all, else campaign.Groups[groupIdx-1]
	statusIdx int
	search    common.Search
	keys      []string       // folded name and short name of each agency, parallel to Data.Agencies
	names     [][2]string    // folded name, and short name, apart: to rank what the search found
	searched  string         // the search the rows were found for: a new one selects the closest
	rows      [][]string     // each agency's row, rendered once per load, parallel to Data.Agencies
	named     map[string]int // how many agencies bear each name: a name borne twice gets its district
	ids       []int64        // agency ids of the rows shown
	list      common.ListView

	detail *detailView
	backTo int // the tab the page was opened from: esc goes back there
	form   *agencyForm

	marked map[int64]bool // units marked (m): merged (M) into the selected one, stopped or followed again (x) together
	added  int64          // the agency just added: selected once the reload brings it
}

// New makes the agencies screen.
func New(ctx *common.Context, b Book) *Model {
	m := &Model{ctx: ctx, book: b, search: common.NewSearch(ctx, ctx.T("gõ tên, không cần dấu", "type a name, accents optional"))}
	m.list = common.NewListView(&ctx.Styles,
		common.Column{Title: ctx.T("Cơ quan, đơn vị", "Agency"), Width: 20, Flex: 1, Middle: true},
		common.Column{Title: ctx.T("Nhóm", "Group"), Width: 13},
		common.Column{Title: ctx.T("Đã ĐK", "Reg."), Width: 5, Right: true},
		common.Column{Title: ctx.T("Chỉ tiêu", "Quota"), Width: 8, Right: true},
		common.Column{Title: ctx.T("Tình trạng", "Status"), Width: 16},
		common.Column{Title: ctx.T("Nhận", "Recv."), Width: 5},
	)
	m.list.Empty = ctx.T("Không có cơ quan, đơn vị nào khớp bộ lọc.", "No agency matches the filter.")
	m.list.CellStyle = m.cellStyle
	return m
}

func (m *Model) SetSize(w, h int) {
	wasNarrow := common.Narrow(m.width)
	m.width, m.height = w, h
	m.list.Columns[1].Width, m.list.Columns[4].Width = 13, 16
	if common.Narrow(w) { // the name takes the room: group and status in a word
		m.list.Columns[1].Width, m.list.Columns[4].Width = 7, 11
	}
	if common.Narrow(w) != wasNarrow && m.rows != nil {
		m.rebuild()
	}
	m.list.SetSize(w, h-3) // the filters, the selected agency's name and the count
	if m.detail != nil {
		m.detail.setSize(w, h)
	}
}

func (m *Model) Capturing() bool {
	return m.search.Active || m.mode == editing || m.mode == detail && m.detail.files.Capturing()
}

// Dirty reports an agency form with unsaved changes.
func (m *Model) Dirty() bool { return m.mode == editing && m.form != nil && m.form.form.Dirty() }

func (m *Model) ShortHelp() []key.Binding {
	k := m.ctx.Keys
	if m.search.Active {
		return m.search.Help()
	}
	switch m.mode {
	case detail:
		return m.detail.shortHelp()
	case editing:
		return []key.Binding{k.Save, k.NextField, k.Left, k.Back}
	}
	if len(m.marked) > 0 {
		return []key.Binding{k.Toggle, k.Merge, k.Mark, m.unmarkKey(), k.Search, k.Group}
	}
	if m.groupIdx > 0 {
		return []key.Binding{k.Open, k.Search, k.Group, m.stopGroupKey(), k.Status, k.Add}
	}
	return []key.Binding{k.Open, k.Search, k.Group, k.Status, k.Add}
}

// unmarkKey clears the marks.
func (m *Model) unmarkKey() key.Binding {
	return key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", m.ctx.T("bỏ đánh dấu", "unmark")))
}

// stopGroupKey stops following the whole group of the filter, as
// cchc agency stop --group does.
func (m *Model) stopGroupKey() key.Binding {
	return key.NewBinding(key.WithKeys("X"), key.WithHelp("X", m.ctx.T("ngừng theo dõi cả nhóm", "stop the whole group")))
}

func (m *Model) FullHelp() [][]key.Binding {
	k := m.ctx.Keys
	nav := []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End}
	switch {
	case m.search.Active: // typed into: the list still moves
		return [][]key.Binding{nav[:4], m.search.Help()}
	case m.mode == editing: // the agency's form
		return [][]key.Binding{{k.Save, k.Back}, {k.NextField, k.PrevField, k.Left, k.Right}}
	case m.mode == detail: // an agency's page: its registrations' keys
		return [][]key.Binding{nav, m.detail.shortHelp()}
	}
	return [][]key.Binding{nav, {k.Open, k.Search, k.Group, k.Status, m.stopGroupKey()}, {k.Add, k.Edit, k.Toggle, k.Mark, k.Merge, k.New}}
}

func (m *Model) group() campaign.Group {
	if m.groupIdx == 0 {
		return ""
	}
	return campaign.Groups[m.groupIdx-1]
}

// rebuild recomputes the folded keys and the rows after new data, so that
// a keystroke in the search only filters (15,000 agencies nationally).
func (m *Model) rebuild() {
	d := m.ctx.Data
	m.keys = make([]string, len(d.Agencies))
	m.names = make([][2]string, len(d.Agencies))
	m.rows = make([][]string, len(d.Agencies))
	m.named = map[string]int{}
	for _, a := range d.Agencies {
		m.named[a.Name]++
	}
	for i, a := range d.Agencies {
		m.keys[i] = vntext.Fold(a.Name + " " + a.ShortName)
		m.names[i] = [2]string{vntext.Fold(a.Name), vntext.Fold(a.ShortName)}
		r, judged := d.ResultByID[a.ID]
		m.rows[i] = m.row(a, r, judged)
	}
	m.refilter()
}

// refilter recomputes the rows shown, keeping the selected agency selected.
func (m *Model) refilter() {
	d := m.ctx.Data
	if d == nil {
		return
	}
	var selected int64
	if c := m.list.Cursor(); c >= 0 && c < len(m.ids) {
		selected = m.ids[c]
	}
	if m.added != 0 {
		selected = m.added
		if d.ByID[m.added] != nil {
			m.added = 0
		}
	}
	g, only, q := m.group(), statusFilters[m.statusIdx], vntext.NewQuery(m.search.Value())
	if text := m.search.Value(); text != m.searched {
		if m.searched = text; text != "" {
			selected = 0 // typed: the closest name, first, is selected
		}
	}
	var found []int // indexes into Data.Agencies
	// the units followed first, then those no longer followed (a 2026
	// campaign keeps the districts and communes of the old map, stopped)
	for pass := range 2 {
		from := len(found)
		for i, a := range d.Agencies {
			if a.Active == (pass == 0) && m.passes(i, a, g, only, q) {
				found = append(found, i)
			}
		}
		if !q.Empty() { // the closest names first: "so y te ha tinh" lists Hà Tĩnh's before Hà Giang's
			vntext.SortByRank(found[from:], func(i int) int { return m.rank(q, i) })
		}
	}
	m.ids = m.ids[:0]
	rows := make([][]string, len(found))
	cursor := 0
	for n, i := range found {
		if d.Agencies[i].ID == selected {
			cursor = n
		}
		m.ids = append(m.ids, d.Agencies[i].ID)
		rows[n] = m.rows[i]
	}
	m.list.SetRows(rows)
	m.list.SetCursor(cursor)
}

// rank is how closely agency i's name (or its short name typed in full)
// matches q: vntext.Query.Rank.
func (m *Model) rank(q vntext.Query, i int) int {
	r := q.Rank(m.names[i][0])
	if r > 0 && m.names[i][1] != "" && q.Rank(m.names[i][1]) == 0 {
		return 0
	}
	return r
}

// passes reports whether agency a (index i of Data.Agencies) passes the filters.
func (m *Model) passes(i int, a campaign.Agency, g campaign.Group, only string, q vntext.Query) bool {
	d := m.ctx.Data
	if g != "" && a.Group != g {
		return false
	}
	r, judged := d.ResultByID[a.ID]
	if only != "" {
		if !judged || (only == "unmet" && r.Status == compliance.Met) || (only != "unmet" && string(r.Status) != only) {
			return false
		}
	}
	return q.Match(m.keys[i])
}

func (m *Model) row(a campaign.Agency, r compliance.Result, judged bool) []string {
	c := m.ctx
	name := campaign.WithPredecessors(m.name(a), c.Data.Succession.Predecessors[a.ID], c.Lang)
	if m.marked[a.ID] {
		name = "» " + name
	}
	if !a.Active {
		name += c.T(" (ngừng theo dõi)", " (not tracked)")
	}
	reg, quota, status, last := "", "", "", ""
	if judged {
		reg = c.Lang.Num(r.Registered)
		quota = report.QuotaText(r.Quota)
		status = r.Status.Marker(c.ASCII) + " " + r.Status.Label(c.Lang)
		if common.Narrow(m.width) {
			status = common.StatusWord(r.Status, c)
		}
		if r.Late {
			status += " " + compliance.LateMarker(c.ASCII)
		}
		last = r.LastOn.Short()
	} else {
		reg = c.Lang.Num(c.Data.OwnCount[a.ID])
		quota = "—"
		status = unjudged(c, a, common.Narrow(m.width))
	}
	group := campaign.UnitShort(a, c.Lang)
	if common.Narrow(m.width) {
		group = campaign.UnitWord(a, c.Lang)
	}
	return []string{name, group, reg, quota, status, last}
}

// unjudged says why an agency has no status: in a word on a narrow
// screen, where the line under the list tells it whole.
func unjudged(c *common.Context, a campaign.Agency, short bool) string {
	switch {
	case !a.Active && short:
		return c.T("Ngừng", "Not tracked")
	case !a.Active:
		return c.T("Ngừng theo dõi", "Not tracked")
	case a.ParentID != 0 && short:
		return c.T("→ huyện", "→ district")
	case a.ParentID != 0:
		return c.T("→ tính cho huyện", "→ counts for district")
	case short:
		return c.T("Không tính", "No quota")
	}
	return c.T("Không có chỉ tiêu", "No quota")
}

// name is the agency's name, with its district when another unit bears
// the same name (two "Xã Kim Châu" of the old map).
func (m *Model) name(a campaign.Agency) string {
	if p := m.ctx.Data.ByID[a.ParentID]; p != nil && m.named[a.Name] > 1 {
		return a.Name + " (" + p.Name + ")"
	}
	return a.Name
}

func (m *Model) cellStyle(row, col int) lipgloss.Style {
	if col != 4 || row >= len(m.ids) {
		return lipgloss.NewStyle()
	}
	r, ok := m.ctx.Data.ResultByID[m.ids[row]]
	if !ok {
		return m.ctx.Styles.Muted
	}
	return m.ctx.Styles.Status(r.Status)
}

func (m *Model) selectedID() int64 {
	if c := m.list.Cursor(); c >= 0 && c < len(m.ids) {
		return m.ids[c]
	}
	return 0
}

func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if m.detail != nil {
		if took, cmd := m.detail.files.Update(m.ctx, msg); took {
			return m, cmd
		}
	}
	switch msg := msg.(type) {
	case common.DataMsg:
		m.rebuild()
		if m.detail != nil {
			m.detail.refresh()
			m.detail.showFiles()
			return m, m.detail.loadFiles() // a file attached, a letter deleted
		}
		return m, nil
	case FilesMsg:
		if m.detail != nil && m.detail.id == msg.agency {
			if msg.err != nil {
				return m, common.Cmd(common.ErrMsg{Err: msg.err})
			}
			m.detail.kept, m.detail.letterOf = msg.kept, msg.letterOf
			m.detail.showFiles()
		}
		return m, nil
	case common.OpenAgencyMsg:
		cmd := m.openDetail(msg.ID)
		m.backTo = msg.From
		return m, cmd
	case discardFormMsg:
		if m.form != nil {
			m.closeForm()
		}
		return m, nil
	case agencyConflictMsg:
		if m.form != nil {
			if msg.err != nil {
				m.form.err = lang.Message(msg.err, m.ctx.Lang)
			} else {
				m.form.theirs = &msg.theirs
			}
		}
		return m, nil
	case formErrMsg:
		if m.form != nil && m.form.id != 0 && isConflict(msg.err) {
			return m, readTheirs(m.ctx.Work(), m.book, m.ctx.Data.Campaign.ID, m.form.id, msg.err)
		}
		if m.form != nil {
			m.form.err = lang.Message(msg.err, m.ctx.Lang)
		} else {
			return m, common.Cmd(common.ErrMsg{Err: msg.err})
		}
		return m, nil
	case savedMsg:
		m.mode = detail
		if m.detail == nil {
			m.mode = listing
		}
		m.form = nil
		m.added = msg.added
		return m, common.Cmd(common.ChangedMsg{Note: msg.note})
	case tea.KeyMsg:
		return m.key(msg)
	case tea.MouseMsg:
		if m.mode == listing {
			m.list.Update(msg, m.ctx.Keys)
		} else if m.mode == detail {
			m.detail.list.Update(msg, m.ctx.Keys)
			m.detail.showFiles()
		}
	}
	return m, nil
}

// closeForm goes back to where the form was opened from.
func (m *Model) closeForm() {
	m.form, m.mode = nil, listing
	if m.detail != nil {
		m.mode = detail
	}
}

func (m *Model) openDetail(id int64) tea.Cmd {
	if m.ctx.Data == nil || m.ctx.Data.ByID[id] == nil {
		return nil
	}
	m.detail, m.backTo = newDetail(m.ctx, m.book, id), common.TabAgencies
	m.detail.setSize(m.width, m.height)
	m.mode = detail
	return m.detail.loadFiles()
}

func (m *Model) key(msg tea.KeyMsg) (common.Screen, tea.Cmd) {
	k := m.ctx.Keys
	if m.search.Active {
		if m.search.Update(msg, &m.list) {
			m.refilter()
		}
		return m, nil
	}
	switch m.mode {
	case detail:
		if m.detail.files.Capturing() { // esc and e are the path's
			return m, m.detail.key(msg)
		}
		if key.Matches(msg, k.Back) {
			m.mode, m.detail = listing, nil
			if m.backTo != common.TabAgencies { // opened from another screen: back to it, as it was
				return m, common.Cmd(common.GotoMsg{Tab: m.backTo})
			}
			return m, nil
		}
		if key.Matches(msg, editAgencyKey(m.ctx)) {
			m.openForm(m.detail.id)
			return m, nil
		}
		return m, m.detail.key(msg)
	case editing:
		done, cmd := m.form.update(msg)
		if done {
			m.closeForm()
		}
		return m, cmd
	}
	if m.list.Update(msg, k) {
		return m, nil
	}
	if handled, changed := m.search.Key(msg); handled {
		if changed {
			m.refilter()
		}
		return m, nil
	}
	if len(m.marked) > 0 && key.Matches(msg, k.Back) { // after the search's own esc: units are marked across searches
		m.unmark()
		return m, common.Cmd(common.NoteMsg{Note: m.ctx.T("Đã bỏ đánh dấu", "Marks cleared")})
	}
	switch {
	case key.Matches(msg, k.Open), key.Matches(msg, k.Add), key.Matches(msg, k.Edit), key.Matches(msg, k.New),
		key.Matches(msg, k.Toggle), key.Matches(msg, m.stopGroupKey()):
		defer m.unmark() // marks are for the next action: any action clears them (M, once it asks)
	}
	switch {
	case key.Matches(msg, k.Open):
		if id := m.selectedID(); id != 0 {
			return m, m.openDetail(id)
		}
	case key.Matches(msg, k.Group):
		// groups the campaign no longer follows anybody in are skipped
		for m.groupIdx = (m.groupIdx + 1) % (len(campaign.Groups) + 1); m.groupIdx != 0 && !m.follows(m.group()); {
			m.groupIdx = (m.groupIdx + 1) % (len(campaign.Groups) + 1)
		}
		m.refilter()
	case key.Matches(msg, k.Status):
		m.statusIdx = (m.statusIdx + 1) % len(statusFilters)
		m.refilter()
	case key.Matches(msg, k.Add):
		m.openForm(0)
	case key.Matches(msg, k.Edit):
		if id := m.selectedID(); id != 0 {
			m.openForm(id)
		}
	case key.Matches(msg, k.Toggle) && len(m.marked) > 0:
		return m, m.confirmFollowMarked()
	case key.Matches(msg, k.Toggle):
		if id := m.selectedID(); id != 0 {
			return m, confirmToggle(m.ctx, m.book, id)
		}
	case key.Matches(msg, m.stopGroupKey()):
		return m, m.confirmStopGroup()
	case key.Matches(msg, k.New):
		return m, common.Cmd(common.NewEntryMsg{AgencyID: m.selectedID()})
	case key.Matches(msg, k.Mark):
		if id := m.selectedID(); id != 0 {
			if m.marked == nil {
				m.marked = map[int64]bool{}
			}
			if m.marked[id] {
				delete(m.marked, id)
			} else {
				m.marked[id] = true
			}
			m.rebuild()
		}
	case key.Matches(msg, k.Merge):
		return m, m.confirmMerge()
	}
	return m, nil
}

// confirmMerge asks, naming them, before merging the marked units into
// the selected one (cchc agency merge): they stop being followed in the
// campaign and the selected unit succeeds them.
func (m *Model) confirmMerge() tea.Cmd {
	c, d := m.ctx, m.ctx.Data
	into := d.ByID[m.selectedID()]
	if len(m.marked) == 0 || into == nil {
		return common.Cmd(common.ErrMsg{Err: lang.Errorf("Đánh dấu (m) các đơn vị cũ, chọn đơn vị kế thừa rồi bấm M",
			"Mark (m) the old units, select the one that succeeds them, then press M")})
	}
	var olds []campaign.Agency
	var names []string
	for _, a := range d.Agencies { // in list order
		if m.marked[a.ID] {
			olds = append(olds, a)
			names = append(names, a.Name)
		}
	}
	if err := campaign.CheckMerge(olds, *into); err != nil {
		return common.Cmd(common.ErrMsg{Err: err})
	}
	list := strings.Join(names, ", ")
	q := c.F("Hợp nhất %s vào %s trong đợt đăng ký %d? (đơn vị cũ ngừng được theo dõi; thư của chúng tính cho %s)",
		"Merge %s into %s in the %d campaign? (the old units are no longer followed; their letters count for %s)",
		list, into.Name, d.Campaign.Year, into.Name)
	st, campaignID, target := m.book, d.Campaign.ID, *into
	m.unmark()
	return common.Cmd(common.ConfirmMsg{Question: q, OnYes: func() tea.Msg {
		if _, err := st.MergeAgencies(c.Work(), campaignID, olds, target); err != nil {
			return common.ErrMsg{Err: err}
		}
		return common.ChangedMsg{Note: c.F("Đã hợp nhất %s vào %s", "Merged %s into %s", list, target.Name)}
	}})
}

// unmark clears the marks.
func (m *Model) unmark() {
	if len(m.marked) > 0 {
		m.marked = nil
		m.rebuild()
	}
}

// confirmFollowMarked stops following the marked units, or, when none of
// them is followed, follows them again: one question, one change.
func (m *Model) confirmFollowMarked() tea.Cmd {
	var followed, stopped []campaign.Agency
	for _, a := range m.ctx.Data.Agencies { // in list order
		if !m.marked[a.ID] {
			continue
		}
		if a.Active {
			followed = append(followed, a)
		} else {
			stopped = append(stopped, a)
		}
	}
	if len(followed) > 0 {
		return confirmFollow(m.ctx, m.book, followed, false)
	}
	return confirmFollow(m.ctx, m.book, stopped, true)
}

// confirmStopGroup stops following every unit of the group filtered on
// that the campaign still follows, as cchc agency stop --group does.
func (m *Model) confirmStopGroup() tea.Cmd {
	c, g := m.ctx, m.group()
	if g == "" {
		return common.Cmd(common.ErrMsg{Err: lang.Errorf("Chọn nhóm bằng f trước, rồi bấm X để ngừng theo dõi cả nhóm",
			"Choose a group with f first, then press X to stop following the whole group")})
	}
	var units []campaign.Agency
	for _, a := range c.Data.Agencies {
		if a.Group == g && a.Active {
			units = append(units, a)
		}
	}
	if len(units) == 0 {
		return common.Cmd(common.NoteMsg{Note: c.F("Đợt đăng ký %d không còn theo dõi đơn vị nào của nhóm %s", "The %d campaign follows no unit of the %s group any more",
			c.Data.Campaign.Year, g.Short(c.Lang))})
	}
	return confirmFollow(c, m.book, units, false)
}

// follows reports whether the campaign follows a unit of group g.
func (m *Model) follows(g campaign.Group) bool {
	for _, a := range m.ctx.Data.Agencies {
		if a.Group == g && a.Active {
			return true
		}
	}
	return false
}

func (m *Model) openForm(id int64) {
	m.form = newAgencyForm(m.ctx, m.book, id)
	m.mode = editing
}

func (m *Model) View() string {
	switch m.mode {
	case detail:
		return m.detail.view()
	case editing:
		return m.form.view(m.width, m.height)
	}
	return common.Fit(m.filterLine()+"\n"+m.list.View()+"\n"+m.selectedLine()+"\n"+m.footer(), m.width, m.height)
}

// selectedLine tells the selected agency whole: its name, group and remarks.
func (m *Model) selectedLine() string {
	if m.ctx.Data == nil {
		return ""
	}
	id := m.selectedID()
	a := m.ctx.Data.ByID[id]
	if a == nil {
		return ""
	}
	c := m.ctx
	text := m.name(*a) // the remarks before the group, which the row names already
	if r, ok := c.Data.ResultByID[id]; ok {
		if rem := report.Remarks(r, c.Lang, c.ASCII); rem != "" {
			text += " · " + rem
		}
	} else {
		text += " · " + unjudged(c, *a, false)
	}
	return common.DetailLines(c, text+" · "+c.Data.Campaign.GroupHeading(a.Group, c.Lang), m.width, 1)[0]
}

func (m *Model) filterLine() string {
	c, st := m.ctx, m.ctx.Styles
	g := c.T("Tất cả", "All")
	if m.groupIdx > 0 {
		g = m.group().Short(c.Lang)
	}
	s := c.T("Tất cả", "All")
	switch statusFilters[m.statusIdx] {
	case "unmet":
		s = c.T("Chưa đạt", "Not met")
	case "":
	default:
		s = compliance.Status(statusFilters[m.statusIdx]).Label(c.Lang)
	}
	search := m.search.View()
	return " " + st.Label.Render(c.T("Nhóm: ", "Group: ")) + st.Bold.Render(g+" ▾") +
		"   " + st.Label.Render(c.T("Tình trạng: ", "Status: ")) + st.Bold.Render(s+" ▾") +
		"   " + st.Label.Render(c.T("Tìm: ", "Search: ")) + search
}

func (m *Model) footer() string {
	if n := len(m.marked); n > 0 {
		return " " + m.ctx.Styles.Bold.Render(m.ctx.F("» %d đã đánh dấu · x ngừng/tiếp tục theo dõi · M hợp nhất vào đơn vị đang chọn · esc bỏ dấu",
			"» %d marked · x stop/resume them · M merge them into the selected unit · esc unmark", n))
	}
	return " " + m.ctx.Styles.Muted.Render(m.ctx.F("%s cơ quan, đơn vị", "%s agencies", m.list.Position(m.ctx.Lang)))
}
