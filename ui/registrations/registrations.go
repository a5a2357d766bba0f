// Package registrations is the screen of every registration of the
// campaign: search, filter by group, kind and area, open one to read it,
// edit or delete it.
package registrations

import (
	"math"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/lang"
	"cchc/internal/vndate"
	"cchc/internal/vntext"
	"cchc/ui/common"
)

type mode int

const (
	listing mode = iota
	reading
)

// Model of the registrations screen.
type Model struct {
	ctx           *common.Context
	book          Book
	width, height int
	mode          mode

	groupIdx, kindIdx, areaIdx int // 0 = all
	stageIdx                   int // 0 = all, else campaign.Stages[stageIdx-1]
	search                     common.Search
	searching                  searchState
	shown                      []int32        // indexes into shownFrom
	shownFrom                  []book.ListRow // the Registrations shown indexes into (new data may be shorter)
	list                       common.ListView
	open                       *book.RegistrationRow // read in full from the store
	steps                      []campaign.Step       // the open registration's progress
	progress                   *progressForm         // moving it to its next stage
	openedID                   int64
	files                      common.KeptFiles // the open registration's files and its letter's
	progressOnOpen             bool             // p was pressed on the list: ask the progress once it is open
	stepFromList               bool             // the progress asked from the list: back to it once saved
	lastDay                    vndate.Date      // the day of the last step saved: the next one's default
	// the reading view's lines under the title: the first shown and the
	// last that can be; it opens at the top, ↑, PgUp, End… move it
	scroll, maxScroll int

	// the registration selected, kept while the list is empty (a reload
	// brings it back in two steps), and where it was, for when it is gone
	keepID   int64
	keepRow  int
	reloaded bool // new data, not a new search: a row gone gives its place to the next
}

// OpenedMsg brings the registration the clerk opened, read in full (the
// list holds only what it shows). The root gives it to this screen even
// when another tab is shown (a reload while the clerk edits elsewhere).
type OpenedMsg struct {
	row   book.RegistrationRow
	steps []campaign.Step
	files []book.FileRow
	err   error
}

// New makes the registrations screen.
func New(ctx *common.Context, b Book) *Model {
	m := &Model{ctx: ctx, book: b, search: common.NewSearch(ctx, ctx.T("tên, cơ quan, không cần dấu", "title or agency, accents optional"))}
	m.list = common.NewListView(&ctx.Styles,
		common.Column{Title: ctx.T("Tên mô hình, sáng kiến", "Title"), Width: 20, Flex: 4},
		common.Column{Title: ctx.T("Cơ quan, đơn vị", "Agency"), Width: 16, Flex: 2, Middle: true},
		common.Column{Title: ctx.T("Loại", "Kind"), Width: 12},
		common.Column{Title: ctx.T("Lĩnh vực", "Area"), Width: 12, Flex: 1, Max: 18}, // "Thủ tục hành chính" whole on a wide screen
		common.Column{Title: ctx.T("Tiến độ", "Stage")},                              // where there is room: stageColumnFrom
		common.Column{Title: ctx.T("Nhận", "Recv."), Width: 5},
	)
	m.list.Empty = ctx.T("Không có mô hình, sáng kiến nào khớp bộ lọc.", "No registration matches the filter.")
	return m
}

func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	agency, kind, area := &m.list.Columns[1], &m.list.Columns[2], &m.list.Columns[3]
	agency.Flex, kind.Width, area.Title, area.Width, area.Flex = 2, common.KindWidth(m.ctx, false), m.ctx.T("Lĩnh vực", "Area"), 12, 1
	if common.Narrow(w) {
		// the title takes the room: the agency (cut in its middle) a
		// fifth of what is left, the kind in a word, the area under the list
		agency.Flex, kind.Width, area.Title, area.Width, area.Flex = 1, common.KindWidth(m.ctx, true), "", 0, 0
	}
	m.list.Columns[4].Width = 0
	if w >= stageColumnFrom {
		m.list.Columns[4].Width = stageWidth(m.ctx.Lang)
	}
	m.list.SetSize(w, h-4) // the filters, the selected registration in two lines, the count
}

// stageColumnFrom is the width from which the list shows each model's
// stage: below it the title and agency need the room.
const stageColumnFrom = 130

// stageWord is a stage in the list's column: the English label shortened.
func stageWord(s campaign.Stage, l lang.Lang) string {
	if l == lang.EN && s == campaign.Replicating {
		return "Replicating"
	}
	return s.Label(l)
}

func stageWidth(l lang.Lang) int {
	w := 0
	for _, s := range campaign.Stages {
		w = max(w, vntext.Width(stageWord(s, l)))
	}
	return w
}

// stageKey filters the list by stage (g, which lists elsewhere take for
// Home: here Home is the home key).
func (m *Model) stageKey() key.Binding {
	return key.NewBinding(key.WithKeys("g"), key.WithHelp("g", m.ctx.T("lọc tiến độ", "stage filter")))
}

func (m *Model) Capturing() bool {
	return m.search.Active || m.progress != nil || m.files.Capturing()
}

func (m *Model) ShortHelp() []key.Binding {
	k := m.ctx.Keys
	if m.search.Active {
		return m.search.Help()
	}
	switch m.mode {
	case reading:
		if m.progress != nil {
			return []key.Binding{k.Save, k.NextField, k.Left, k.Back}
		}
		if m.files.Capturing() {
			return m.files.Keys(m.ctx)
		}
		return append([]key.Binding{m.progressKey(), k.Edit, k.Delete, k.Back}, m.files.Keys(m.ctx)...)
	}
	return []key.Binding{k.Open, k.Search, k.Group, k.Kind, k.Area, m.stageKey(), k.New}
}

// FullHelp lists the keys of what is shown: the list's, or the reading
// view's (its scrolling, its own, its files'), or those of the progress
// form or the path asked over it.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.ctx.Keys
	switch {
	case m.search.Active:
		return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown}, m.search.Help()}
	case m.mode == reading && m.progress != nil:
		return [][]key.Binding{{k.Save, k.NextField, k.PrevField, k.Left, k.Right, k.Back}}
	case m.mode == reading && m.files.Capturing():
		return [][]key.Binding{m.files.Keys(m.ctx)}
	case m.mode == reading:
		top := key.NewBinding(key.WithKeys(k.Home.Keys()...), key.WithHelp(k.Home.Help().Key, m.ctx.T("về đầu", "top")))
		bottom := key.NewBinding(key.WithKeys(k.End.Keys()...), key.WithHelp(k.End.Help().Key, m.ctx.T("xuống cuối", "bottom")))
		groups := [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, top, bottom}, {m.progressKey(), k.Edit, k.Delete, k.Back}}
		if files := m.files.Keys(m.ctx); len(files) > 0 {
			groups = append(groups, files)
		}
		return groups
	}
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End},
		{k.Open, k.Search, k.Group, k.Kind, k.Area, m.stageKey()},
		{k.New, k.Edit, k.Delete, m.progressKey(), k.Back},
	}
}

// progressKey moves a registration, the one opened or the one selected,
// to its next stage.
func (m *Model) progressKey() key.Binding {
	return key.NewBinding(key.WithKeys("p"), key.WithHelp("p", m.ctx.T("cập nhật tiến độ", "update progress")))
}

// rebuild shows new data: the store gives each title's and each agency's
// folded key for the search.
func (m *Model) rebuild() tea.Cmd {
	d := m.ctx.Data
	m.searching.forget()
	m.reloaded = true
	search := m.refilter()
	if m.open != nil {
		for i := range d.Registrations {
			if d.Registrations[i].ID == m.openedID {
				return tea.Batch(search, m.read(m.openedID)) // it may have changed
			}
		}
		if d.Registrations != nil { // deleted meanwhile (nil: the list is still loading)
			m.mode, m.open = listing, nil
		}
	}
	return search
}

// read loads one registration in full for the reading view.
func (m *Model) read(id int64) tea.Cmd {
	st := m.book
	return func() tea.Msg {
		ctx := m.ctx.Work()
		r, err := st.Registration(ctx, id)
		if err != nil {
			return OpenedMsg{err: err}
		}
		steps, err := st.ProgressSteps(ctx, id)
		if err != nil {
			return OpenedMsg{err: err}
		}
		kept, err := filesOf(ctx, st, r)
		return OpenedMsg{r, steps, kept, err}
	}
}

// refilter searches the list again for the search box's text under the
// filters (see search.go): at once when that is cheap, else in the
// returned command, the rows found so far staying on screen meanwhile.
func (m *Model) refilter() tea.Cmd {
	d := m.ctx.Data
	if d == nil {
		return nil
	}
	f := filters{m.groupIdx, m.kindIdx, m.areaIdx, m.stageIdx}
	rows, done, cmd := m.searching.search(d.Registrations, f, vntext.NewQuery(m.search.Value()))
	if done {
		m.show(d.Registrations, rows)
	}
	return cmd
}

// show puts rows of from on the list, keeping the selected registration
// selected when it is among them.
func (m *Model) show(from []book.ListRow, rows []int32) {
	selected, at := m.keepID, m.keepRow // an empty list (a reload under way) keeps the last selection
	if c := m.list.Cursor(); c >= 0 && c < len(m.shown) && int(m.shown[c]) < len(m.shownFrom) {
		selected, at = m.shownFrom[m.shown[c]].ID, c
	}
	m.shownFrom, m.shown = from, rows // rows is kept by the search: never changed in place
	cursor := 0
	if m.reloaded { // gone (deleted): the row that took its place
		cursor = min(at, max(len(rows)-1, 0))
	}
	if selected != 0 {
		for i, x := range rows {
			if from[x].ID == selected {
				cursor = i
				break
			}
		}
	}
	if len(rows) > 0 {
		m.keepID, m.keepRow, m.reloaded = from[rows[cursor]].ID, cursor, false
	} else {
		m.keepID, m.keepRow = selected, at
	}
	// rows are made when drawn: only the visible ones of 200,000
	m.list.SetRowFunc(len(rows), func(i int) []string {
		r := &from[rows[i]]
		kind := r.Kind().Label(m.ctx.Lang)
		if common.Narrow(m.width) {
			kind = r.Kind().Word(m.ctx.Lang)
		}
		return []string{r.Title, r.Agency.Name, kind, r.Area().Short(m.ctx.Lang), stageWord(r.Stage(), m.ctx.Lang), r.Received().Short()}
	})
	m.list.SetCursor(cursor)
}

func (m *Model) selected() *book.ListRow {
	if c := m.list.Cursor(); c >= 0 && c < len(m.shown) && int(m.shown[c]) < len(m.shownFrom) {
		return &m.shownFrom[m.shown[c]]
	}
	return nil
}

func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if took, cmd := m.files.Update(m.ctx, msg); took {
		return m, cmd
	}
	switch msg := msg.(type) {
	case common.DataMsg:
		return m, m.rebuild()
	case FoundMsg:
		if m.searching.take(msg) && m.ctx.Data != nil {
			m.show(m.ctx.Data.Registrations, msg.found.rows)
		}
	case OpenedMsg:
		if msg.err != nil {
			m.mode, m.open = listing, nil
			return m, common.Cmd(common.ErrMsg{Err: msg.err})
		}
		if msg.row.ID == m.openedID {
			if m.open == nil || m.open.ID != msg.row.ID {
				m.files, m.scroll = common.KeptFiles{}, 0 // another one: read from its first field
			}
			m.open, m.steps, m.mode = &msg.row, msg.steps, reading
			m.files.Show(msg.files, msg.row.SubmissionID, msg.row.LetterNumber, msg.row.ID, msg.row.Title)
			if m.progressOnOpen { // p on the list: opened, then its progress asked
				m.progressOnOpen = false
				if m.progress = newProgressForm(m.ctx, m.book, m.open.ID, m.steps, m.lastDay); m.progress == nil {
					m.stepFromList = false
					return m, common.Cmd(common.NoteMsg{Note: m.ctx.T("Mô hình đã ở bước cuối", "The model is at its last stage")})
				}
			}
		}
	case progressSavedMsg:
		m.progress, m.lastDay = nil, msg.on
		if m.stepFromList { // back to the list, the model still selected: ↓ p ctrl+s steps the next
			m.stepFromList = false
			m.mode, m.open = listing, nil
		}
		return m, common.Cmd(common.ChangedMsg{Note: msg.note})
	case progressErrMsg:
		if m.progress != nil {
			m.progress.err = lang.Message(msg.err, m.ctx.Lang)
		}
	case tea.MouseMsg:
		if m.mode == listing {
			m.list.Update(msg, m.ctx.Keys)
		}
	case tea.KeyMsg:
		return m, m.key(msg)
	}
	return m, nil
}

func (m *Model) key(msg tea.KeyMsg) tea.Cmd {
	k := m.ctx.Keys
	if m.search.Active {
		if m.search.Update(msg, &m.list) {
			return m.refilter()
		}
		return nil
	}
	switch m.mode {
	case reading:
		if m.progress != nil {
			if done, cmd := m.progress.update(msg); done {
				m.progress = nil
				if m.stepFromList { // esc: back to the list it was asked from
					m.stepFromList = false
					m.mode, m.open = listing, nil
				}
			} else {
				return cmd
			}
			return nil
		}
		if took, cmd := m.files.Key(m.ctx, m.book, msg); took {
			m.scroll = math.MaxInt // the files, or the path asked, in view: the view keeps it to its end
			return cmd
		}
		switch {
		case msg.String() == "p":
			m.stepFromList = false
			if m.progress = newProgressForm(m.ctx, m.book, m.open.ID, m.steps, m.lastDay); m.progress == nil {
				return common.Cmd(common.NoteMsg{Note: m.ctx.T("Mô hình đã ở bước cuối", "The model is at its last stage")})
			}
		case key.Matches(msg, k.Back):
			m.mode, m.open, m.files = listing, nil, common.KeptFiles{}
		case key.Matches(msg, k.Edit):
			return common.Cmd(common.EditRegistrationMsg{ID: m.open.ID})
		case m.scrollKey(msg):
		case key.Matches(msg, k.Delete):
			return m.confirmDelete(common.RowTarget(m.open))
		}
		return nil
	}
	if key.Matches(msg, m.stageKey()) { // before the list, which takes g for Home
		m.stageIdx = (m.stageIdx + 1) % (len(campaign.Stages) + 1)
		m.searching.forget()
		return m.refilter()
	}
	if m.list.Update(msg, k) {
		return nil
	}
	if handled, changed := m.search.Key(msg); handled {
		if changed {
			return m.refilter()
		}
		return nil
	}
	switch {
	case key.Matches(msg, k.Open):
		if r := m.selected(); r != nil {
			m.openedID = r.ID
			return m.read(r.ID)
		}
	case msg.String() == "p":
		if r := m.selected(); r != nil {
			m.openedID, m.progressOnOpen, m.stepFromList = r.ID, true, true
			return m.read(r.ID)
		}
	case key.Matches(msg, k.Edit):
		if r := m.selected(); r != nil {
			return common.Cmd(common.EditRegistrationMsg{ID: r.ID})
		}
	case key.Matches(msg, k.Delete):
		if r := m.selected(); r != nil {
			return m.confirmDelete(common.ListTarget(r))
		}
	case key.Matches(msg, k.Group):
		m.groupIdx = (m.groupIdx + 1) % (len(campaign.Groups) + 1)
		m.searching.forget()
		return m.refilter()
	case key.Matches(msg, k.Kind):
		m.kindIdx = (m.kindIdx + 1) % (len(campaign.Kinds) + 1)
		m.searching.forget()
		return m.refilter()
	case key.Matches(msg, k.Area):
		m.areaIdx = (m.areaIdx + 1) % (len(campaign.Areas) + 1)
		m.searching.forget()
		return m.refilter()
	case key.Matches(msg, k.New):
		return common.Cmd(common.NewEntryMsg{})
	}
	return nil
}

func (m *Model) View() string {
	if m.mode == reading && m.open != nil {
		return m.readView()
	}
	return common.Fit(m.filterLine()+"\n"+m.list.View()+"\n"+strings.Join(m.selectedLines(), "\n")+"\n"+m.footer(), m.width, m.height)
}

// selectedLines tell the selected registration whole: its title, agency,
// kind and area, over two lines.
func (m *Model) selectedLines() []string {
	text := ""
	if r := m.selected(); r != nil {
		c := m.ctx
		text = r.Title + " · " + r.Agency.Name + " · " + r.Kind().Label(c.Lang) + " · " + r.Area().Label(c.Lang) + " · " + r.Stage().Label(c.Lang)
	}
	return common.DetailLines(m.ctx, text, m.width, 2)
}

func (m *Model) filterLine() string {
	c, st := m.ctx, m.ctx.Styles
	all := c.T("Tất cả", "All")
	g, k, a := all, all, all
	if m.groupIdx > 0 {
		g = campaign.Groups[m.groupIdx-1].Short(c.Lang)
	}
	if m.kindIdx > 0 {
		k = campaign.Kinds[m.kindIdx-1].Label(c.Lang)
	}
	if m.areaIdx > 0 {
		a = campaign.Areas[m.areaIdx-1].Short(c.Lang)
	}
	stage := "" // told where there is room, or once chosen
	if m.stageIdx > 0 {
		stage = "  " + st.Label.Render(c.T("Tiến độ: ", "Stage: ")) + st.Bold.Render(stageWord(campaign.Stages[m.stageIdx-1], c.Lang))
	} else if !common.Narrow(m.width) {
		stage = "  " + st.Label.Render(c.T("Tiến độ: ", "Stage: ")) + st.Bold.Render(all)
	}
	search := m.search.View()
	return " " + st.Label.Render(c.T("Nhóm: ", "Group: ")) + st.Bold.Render(g) +
		"  " + st.Label.Render(c.T("Loại: ", "Kind: ")) + st.Bold.Render(k) +
		"  " + st.Label.Render(c.T("Lĩnh vực: ", "Area: ")) + st.Bold.Render(a) + stage +
		"  " + st.Label.Render(c.T("Tìm: ", "Search: ")) + search
}

func (m *Model) footer() string {
	text := m.ctx.F("%s mô hình, sáng kiến", "%s registrations", m.list.Position(m.ctx.Lang))
	if m.searching.pending {
		text += m.ctx.T(" · đang tìm…", " · searching…")
	}
	return " " + m.ctx.Styles.Muted.Render(text)
}

// confirmDelete asks before deleting t, saying how many kept files go
// with it: read from the book (the list does not hold them).
func (m *Model) confirmDelete(t common.DeleteTarget) tea.Cmd {
	c, st, campaignID := m.ctx, m.book, m.ctx.Data.Campaign.ID
	last := common.LastOfLetter(c.Data, t.ID)
	return func() tea.Msg {
		ctx := c.Work()
		r, err := st.Registration(ctx, t.ID)
		if err != nil {
			return common.ErrMsg{Err: err}
		}
		files, err := st.Files(ctx, book.FilesQuery{CampaignID: campaignID, AgencyID: r.AgencyID})
		if err != nil {
			return common.ErrMsg{Err: err}
		}
		t.Files = common.FilesGoing(files, r.ID, r.SubmissionID, last)
		return common.ConfirmDelete(c, st, t)()
	}
}

// scrollKey moves the reading view under its title.
func (m *Model) scrollKey(msg tea.KeyMsg) bool {
	k, page := m.ctx.Keys, max(m.height/2, 1)
	at := m.scroll
	switch {
	case key.Matches(msg, k.Up):
		at--
	case key.Matches(msg, k.Down):
		at++
	case key.Matches(msg, k.PageUp):
		at -= page
	case key.Matches(msg, k.PageDown):
		at += page
	case key.Matches(msg, k.Home):
		at = 0
	case key.Matches(msg, k.End):
		at = m.maxScroll
	default:
		return false
	}
	m.scroll = min(max(at, 0), m.maxScroll)
	return true
}

// readView shows every field of the open registration.
func (m *Model) readView() string {
	c, st, r := m.ctx, m.ctx.Styles, m.open
	labelW := 22
	field := func(label, value string) []string {
		lines := wrapText(common.Dash(value), m.width-labelW-3)
		out := []string{" " + st.Label.Render(vntext.Pad(label, labelW)) + " " + lines[0]}
		for _, l := range lines[1:] {
			out = append(out, " "+strings.Repeat(" ", labelW)+" "+l)
		}
		return out
	}
	// the title, always on top: what is below scrolls under it
	var head []string
	for _, l := range wrapText(r.Title, m.width-2) { // a long title whole, over as many lines as it needs
		head = append(head, " "+st.Title.Render(l))
	}
	head = append(head, "")
	var lines []string
	letter := c.F("Số %s", "No. %s", common.Dash(r.LetterNumber))
	if !r.LetterDate.IsZero() {
		letter += c.F(" ngày %s", " of %s", r.LetterDate)
	}
	letter += c.F(", nhận %s", ", received %s", r.Received)
	fields := [][2]string{
		{c.T("Cơ quan, đơn vị", "Agency"), r.AgencyName + " · " + r.AgencyGroup.Short(c.Lang)},
		{c.T("Văn bản", "Letter"), letter},
		{c.T("Loại", "Kind"), r.Kind.Label(c.Lang)},
		{c.T("Lĩnh vực CCHC", "Reform area"), r.Area.Label(c.Lang)},
		{c.T("Đơn vị chủ trì", "Lead unit"), r.LeadName},
		{c.T("Đơn vị phối hợp", "Partners"), r.Partners},
		{c.T("Thời gian thực hiện", "Timeline"), r.Timeline},
		{c.T("Dự kiến kết quả", "Expected result"), r.ExpectedResult},
		{c.T("Nội dung tóm tắt", "Summary"), r.Summary},
		{c.T("Ghi chú", "Note"), r.Note},
	}
	progress := progressLines(c, m.steps, m.width)
	kept := m.files.Lines(m.ctx, m.width)
	var form []string
	if m.progress != nil {
		form = m.progress.view(m.width)
	}
	wrapped := make([][]string, len(fields)) // each field wrapped once, this frame
	// what the fields, files and form have below the title
	room := max(m.height-len(head), 1)
	n := len(progress) + len(kept) + len(form)
	for i, f := range fields {
		wrapped[i] = field(f[0], f[1])
		n += len(wrapped[i])
	}
	for i, f := range fields {
		if strings.TrimSpace(f[1]) == "" && n > room {
			n-- // a short screen: the empty fields give way to the progress and the files
			continue
		}
		lines = append(lines, wrapped[i]...)
	}
	lines = append(append(append(lines, progress...), kept...), form...)
	return common.Fit(strings.Join(m.window(head, lines, room), "\n"), m.width, m.height)
}

// window is head, then the part of lines that room shows from m.scroll:
// when they do not all fit, the blank under the title tells that more is
// above, their last line that more is below.
func (m *Model) window(head, lines []string, room int) []string {
	if len(lines) <= room {
		m.scroll, m.maxScroll = 0, 0
		return append(head, lines...)
	}
	shown := max(room-1, 1) // the last line tells what is below
	m.maxScroll = len(lines) - shown
	if m.progress != nil {
		m.scroll = m.maxScroll // the form in view
	}
	m.scroll = min(max(m.scroll, 0), m.maxScroll)
	c, st := m.ctx, m.ctx.Styles
	out := append(append([]string{}, head...), lines[m.scroll:m.scroll+shown]...)
	if m.scroll > 0 {
		out[len(head)-1] = " " + st.Muted.Render(c.T("↑ còn ở trên (↑, PgUp, Home)", "↑ more above (↑, PgUp, Home)"))
	}
	if m.scroll < m.maxScroll {
		out = append(out, " "+st.Muted.Render(c.T("↓ còn nữa ở dưới (↓, PgDn, End)", "↓ more below (↓, PgDn, End)")))
	}
	return out
}

// wrapText breaks text into lines of at most w cells, keeping line breaks.
func wrapText(s string, w int) []string {
	if w < 10 {
		w = 10
	}
	var out []string
	for _, para := range strings.Split(s, "\n") {
		line := ""
		for _, word := range strings.Fields(para) {
			if line != "" && vntext.Width(line+" "+word) > w {
				out = append(out, line)
				line = ""
			}
			if line != "" {
				line += " "
			}
			line += word
		}
		out = append(out, line)
	}
	if len(out) == 0 {
		out = []string{""}
	}
	return out
}
