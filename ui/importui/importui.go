// Package importui is the "Nhập từ tệp" action: the clerk names a filled-in
// template or an official list of administrative units, sees the dry run
// as a table with problems marked, and confirms to write it all in one
// transaction.
package importui

import (
	"sort"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/importer"
	"cchc/internal/lang"
	"cchc/internal/vntext"
	"cchc/ui/common"
)

const (
	fWhat     = "what"
	fPath     = "path"
	fAgency   = "agency"
	fReceived = "received"
	fLetter   = "letter"
)

// What the file holds.
const (
	registrations = 0
	agencies      = 1
)

type step int

const (
	choosing step = iota
	reading
	previewing
	writing
)

// Book is what the import asks of the book: what the importer reads to
// check a file and writes to apply it (cchc import).
type Book interface {
	importer.Book
}

// Model of the import action.
type Model struct {
	ctx           *common.Context
	book          Book
	width, height int
	step          step
	form          *common.Form
	err           string

	regPlan     *importer.RegistrationPlan
	agencyPlan  *importer.AgencyPlan
	list        common.ListView
	shownNarrow bool // the registrations' preview was filled for a narrow screen (kinds in a word)
	problems    []importer.Problem
	errorLines  map[int]bool
	rowLines    []int       // the file's row number of each row of the table
	job         *common.Job // the write under way, for its bar
	planTally   string      // the plan's tally, said while it is written
}

// New opens the action.
func New(ctx *common.Context, b Book) *Model {
	m := &Model{ctx: ctx, book: b}
	t := ctx.T
	what := common.NewChoice(fWhat, t("Tệp chứa", "The file holds"), []common.Choice{
		{Label: t("Mô hình, sáng kiến (mẫu đăng ký đã điền)", "Registrations (a filled-in template)"), Value: registrations},
		{Label: t("Danh sách cơ quan, đơn vị (danh mục đơn vị hành chính)", "Agencies (the list of administrative units)"), Value: agencies},
	})
	path := common.NewText(fPath, t("Đường dẫn tệp", "File path"), t(".xlsx, .docx, .pdf hoặc .csv", ".xlsx, .docx, .pdf or .csv"), 1000)
	agency := common.NewText(fAgency, t("Cơ quan gửi", "Sent by"), t("để trống: lấy từ tệp", "empty: read from the file"), 200)
	received := common.NewText(fReceived, t("Ngày nhận", "Received"), "dd/mm/yyyy", 10)
	received.SetText(ctx.Today.String())
	received.Date = true
	letter := common.NewText(fLetter, t("Số văn bản", "Letter No."), t("để trống: lấy từ tệp", "empty: read from the file"), 60)
	m.form = common.NewForm(ctx, what, path, agency, received, letter)
	if ctx.ImportPath != "" { // the file of the last try, mended since most likely
		what.SelectValue(ctx.ImportWhat)
		path.SetText(ctx.ImportPath)
		m.syncFields()
	}
	m.form.FocusID(fPath) // the last path selected: a new one typed replaces it
	m.form.MarkClean()
	return m
}

type plannedMsg struct {
	reg    *importer.RegistrationPlan
	agency *importer.AgencyPlan
	err    error
}

type appliedMsg struct {
	tally string
	err   error
}

// Close is sent when the action ends.
type Close struct{}

func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.fitColumns()
}

func (m *Model) Capturing() bool { return true }

func (m *Model) what() int { return int(m.form.Field(fWhat).Selected()) }

func (m *Model) ShortHelp() []key.Binding {
	k := m.ctx.Keys
	read := key.NewBinding(key.WithKeys("enter"), key.WithHelp("ctrl+s", m.ctx.T("đọc thử tệp", "dry run")))
	write := key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", m.ctx.T("ghi vào dữ liệu", "write")))
	switch m.step {
	case previewing:
		if m.errors() == 0 {
			return []key.Binding{write, k.Up, k.Down, k.Back}
		}
		return []key.Binding{k.Up, k.Down, k.Back}
	case choosing:
		return []key.Binding{read, k.NextField, k.Left, k.Back}
	}
	return nil
}

func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }

// TypesText: only the path is typed into; the dry run's result is read.
func (m *Model) TypesText() bool {
	return m.step == choosing && m.form.Focused().Kind != common.ChoiceField
}

func (m *Model) errors() int {
	if m.step == writing {
		return 0 // only a plan without errors is written
	}
	switch {
	case m.regPlan != nil:
		return m.regPlan.Errors()
	case m.agencyPlan != nil:
		return m.agencyPlan.Errors()
	}
	return 0
}

func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case plannedMsg:
		if msg.err != nil {
			m.step, m.err = choosing, lang.Message(msg.err, m.ctx.Lang)
			return m, nil
		}
		m.regPlan, m.agencyPlan = msg.reg, msg.agency
		m.showPlan()
		m.step = previewing
	case appliedMsg:
		if msg.err != nil {
			m.step, m.err = previewing, lang.Message(msg.err, m.ctx.Lang)
			return m, nil
		}
		return m, tea.Batch(common.Cmd(Close{}), common.Cmd(common.ChangedMsg{Note: msg.tally}))
	case tea.MouseMsg:
		if m.step == previewing {
			m.list.Update(msg, m.ctx.Keys)
		}
	case tea.KeyMsg:
		return m, m.key(msg)
	}
	return m, nil
}

func (m *Model) key(msg tea.KeyMsg) tea.Cmd {
	k := m.ctx.Keys
	switch m.step {
	case choosing:
		switch {
		case key.Matches(msg, k.Back):
			return common.Cmd(Close{})
		case key.Matches(msg, k.Save), msg.String() == "enter" && m.form.Focused().ID == fPath:
			return m.plan()
		}
		m.form.Update(msg)
		m.syncFields()
		m.err = ""
	case previewing:
		switch {
		case key.Matches(msg, k.Back):
			m.step, m.regPlan, m.agencyPlan, m.err = choosing, nil, nil, ""
		case key.Matches(msg, k.Save):
			if m.errors() == 0 {
				return m.apply()
			}
		default:
			m.list.Update(msg, k)
		}
	}
	return nil
}

// syncFields shows the letter's fields only for registrations.
func (m *Model) syncFields() {
	hide := m.what() != registrations
	for _, id := range []string{fAgency, fReceived, fLetter} {
		m.form.Field(id).Hidden = hide
	}
}

// plan reads the file and rehearses its import in the background.
func (m *Model) plan() tea.Cmd {
	path := common.TypedPath(m.form.Field(fPath).Input.Value())
	if path == "" {
		m.err = m.ctx.T("Đường dẫn tệp: không được để trống", "File path: must not be empty")
		return nil
	}
	st, c, what := m.book, m.ctx.Data.Campaign, m.what()
	m.ctx.ImportPath, m.ctx.ImportWhat = m.form.Field(fPath).Value(), int64(what)
	opt := importer.RegistrationOptions{
		Agency: m.form.Field(fAgency).Value(),
		Letter: m.form.Field(fLetter).Value(),
		Today:  m.ctx.Today,
	}
	if what == registrations {
		d, err := m.form.Field(fReceived).ReadDate()
		if err != nil {
			m.err = m.ctx.T("Ngày nhận: cần ngày có thật dạng dd/mm/yyyy", "Received: expected a real date as dd/mm/yyyy")
			return nil
		}
		opt.Received = d
	}
	m.step, m.err = reading, ""
	var cmd tea.Cmd
	m.job, cmd = m.ctx.StartJob(common.DoingCheck, func(progress func(done, total int)) tea.Msg {
		ctx := book.WithProgress(m.ctx.Work(), progress) // the rehearsal goes through every row too
		if what == agencies {
			p, err := importer.PlanAgencies(ctx, st, c, path)
			return plannedMsg{agency: p, err: err}
		}
		p, err := importer.PlanRegistrations(ctx, st, c, path, opt)
		return plannedMsg{reg: p, err: err}
	}, func(err error) tea.Msg { return plannedMsg{err: err} })
	return cmd
}

func (m *Model) apply() tea.Cmd {
	st, l := m.book, m.ctx.Lang
	reg, ag := m.regPlan, m.agencyPlan
	m.planTally = m.tally()
	m.step = writing
	var cmd tea.Cmd
	m.job, cmd = m.ctx.StartJob(common.DoingImport, func(progress func(done, total int)) tea.Msg {
		ctx := book.WithProgress(m.ctx.Work(), progress)
		if reg != nil {
			if err := reg.Apply(ctx, st); err != nil {
				return appliedMsg{err: err}
			}
			return appliedMsg{tally: reg.Tally(l)}
		}
		if err := ag.Apply(ctx, st); err != nil {
			return appliedMsg{err: err}
		}
		return appliedMsg{tally: ag.Tally(l)}
	}, func(err error) tea.Msg { return appliedMsg{err: err} })
	return cmd
}

// showPlan fills the preview table and the list of problems.
func (m *Model) showPlan() {
	c := m.ctx
	m.errorLines = map[int]bool{}
	m.problems, m.rowLines = nil, nil
	var probs []importer.Problem
	var rows [][]string
	if p := m.regPlan; p != nil {
		m.shownNarrow = common.Narrow(m.width)
		m.list = common.NewListView(&c.Styles,
			common.Column{Title: c.T("Dòng", "Row"), Width: 4, Right: true},
			common.Column{Title: c.T("Tên mô hình, sáng kiến", "Title"), Width: 20, Flex: 2},
			common.Column{Title: c.T("Loại", "Kind"), Width: 10},
			common.Column{Title: c.T("Lĩnh vực", "Area"), Width: 12},
			common.Column{Title: c.T("Chủ trì", "Lead"), Width: 12, Flex: 1},
			common.Column{Title: c.T("Kết quả", "Outcome"), Width: 13},
		)
		for _, r := range p.Rows {
			m.rowLines = append(m.rowLines, r.Line)
			kind := r.Registration.Kind.Label(c.Lang)
			if m.shownNarrow {
				kind = r.Registration.Kind.Word(c.Lang)
			}
			rows = append(rows, []string{itoa(r.Line), r.Registration.Title, kind,
				r.Registration.Area.Short(c.Lang), r.Lead, r.Status.Label(c.Lang)})
			if r.Status == importer.RowError {
				m.errorLines[len(rows)-1] = true
			}
		}
		probs = p.Problems
	} else if p := m.agencyPlan; p != nil {
		m.list = common.NewListView(&c.Styles,
			common.Column{Title: c.T("Dòng", "Row"), Width: 5, Right: true},
			common.Column{Title: c.T("Cơ quan, đơn vị", "Agency"), Width: 20, Flex: 2},
			common.Column{Title: c.T("Nhóm", "Group"), Width: 13},
			common.Column{Title: c.T("Thuộc", "Under"), Width: 14, Flex: 1},
			common.Column{Title: c.T("Kết quả", "Outcome"), Width: 14},
		)
		for _, r := range p.Rows {
			m.rowLines = append(m.rowLines, r.Line)
			rows = append(rows, []string{itoa(r.Line), r.Agency.Name, campaign.UnitShort(r.Agency, c.Lang), r.Under(c.Lang), r.OutcomeLabel(c.Lang)})
			if r.Error {
				m.errorLines[len(rows)-1] = true
			}
		}
		probs = p.Problems
	}
	m.problems = probs
	m.list.SetRows(rows)
	m.list.Empty = c.T("Tệp không có dòng nào để nhập.", "The file has no rows to import.")
	m.list.CellStyle = func(row, col int) lipgloss.Style {
		if m.errorLines[row] {
			return c.Styles.Error
		}
		return lipgloss.NewStyle()
	}
	m.fitColumns()
}

// fitColumns gives a registrations' preview the room it has, when it is
// filled or the screen resized (not each frame): the outcome whole, and
// below common.NarrowWidth the kind in a word and the lead (most often the
// sender) left out, so that the titles can be read.
func (m *Model) fitColumns() {
	if m.regPlan == nil || len(m.list.Columns) != 6 {
		return
	}
	if common.Narrow(m.width) != m.shownNarrow { // the kinds are in words or in full: read them again
		cursor := m.list.Cursor()
		m.showPlan()
		m.list.SetCursor(cursor)
	}
	c, cols := m.ctx, m.list.Columns
	outcome := vntext.Width(c.T("Kết quả", "Outcome"))
	for _, s := range []importer.RowStatus{importer.RowAdd, importer.RowDuplicate, importer.RowError, importer.RowValid} {
		outcome = max(outcome, vntext.Width(s.Label(c.Lang)))
	}
	cols[5].Width = outcome
	cols[2].Width, cols[3].Width, cols[4].Width, cols[4].Flex, cols[4].Title = common.KindWidth(c, false), 18, 12, 1, c.T("Chủ trì", "Lead")
	cols[4].Max = 32 // the title the rest
	if common.Narrow(m.width) {
		cols[2].Width, cols[3].Width, cols[4].Width, cols[4].Flex, cols[4].Title = common.KindWidth(c, true), 14, 0, 0, ""
	}
}

func (m *Model) tally() string {
	if m.step == writing {
		return m.planTally // the plan is the writer's until it is done
	}
	switch {
	case m.regPlan != nil:
		return m.regPlan.Tally(m.ctx.Lang)
	case m.agencyPlan != nil:
		return m.agencyPlan.Tally(m.ctx.Lang)
	}
	return ""
}

func (m *Model) View() string {
	c, st := m.ctx, m.ctx.Styles
	lines := []string{" " + st.Title.Render(c.T("Nhập từ tệp", "Import from a file"))}
	switch m.step {
	case choosing, reading:
		lines = append(lines, " "+st.Muted.Render(c.T("Đọc thử trước: chưa ghi gì cho đến khi bạn xác nhận.", "A dry run first: nothing is written until you confirm.")), "")
		lines = append(lines, m.form.View(m.width, 16)...)
		if m.step == reading {
			line := common.JobLineAs(c, m.job, m.width, c.T("Đang đọc thử", "Rehearsing"))
			if line == "" {
				line = " " + st.Muted.Render(c.T("Đang đọc tệp…", "Reading the file…"))
			}
			lines = append(lines, "", line)
		}
		if m.err != "" {
			lines = append(append(lines, ""), m.errLines()...)
		}
		return common.Fit(strings.Join(lines, "\n"), m.width, m.height)
	}
	if p := m.regPlan; p != nil {
		info := c.F("Văn bản số %s · ngày nhận %s", "Letter No. %s · received %s", common.Dash(p.LetterNumber), p.Received)
		if !p.LetterDate.IsZero() {
			info += c.F(" · ngày văn bản %s", " · dated %s", p.LetterDate)
		}
		lines = append(lines, " "+st.Muted.Render(info))
	}
	tallyStyle := st.Bold
	if m.errors() > 0 {
		tallyStyle = st.Error
	}
	var foot []string
	for _, l := range common.Wrap(m.tally(), m.width-2) { // whole: it says whether anything will be written
		foot = append(foot, " "+tallyStyle.Render(l))
	}
	if m.errors() == 0 && m.step == previewing {
		foot = append(foot, " "+st.Note.Render(c.T("Nhấn ctrl+s để ghi vào dữ liệu, esc để quay lại.", "Press ctrl+s to write, esc to go back.")))
	} else if m.step == writing {
		line := common.JobLine(c, m.job, m.width)
		if line == "" {
			line = " " + st.Muted.Render(c.T("Đang ghi…", "Writing…"))
		}
		foot = append(foot, line)
	}
	if m.err != "" {
		foot = append(foot, m.errLines()...)
	}
	// a third of the room, or all the table (its title and rows) leaves
	room := m.height - len(lines) - len(foot)
	probLines := m.problemLines(max(room/3, room-m.list.Len()-1))
	m.list.SetSize(m.width, m.height-len(lines)-len(foot)-len(probLines))
	all := append(lines, m.list.View())
	all = append(all, probLines...)
	all = append(all, foot...)
	return common.Fit(strings.Join(all, "\n"), m.width, m.height)
}

// errLines is the error that stopped the reading or the writing, whole:
// its end says what to do (save the file as UTF-8, as .xlsx, …).
func (m *Model) errLines() []string {
	var out []string
	for i, l := range common.Wrap(m.err, m.width-4) {
		mark := "  "
		if i == 0 {
			mark = "! "
		}
		out = append(out, " "+m.ctx.Styles.Error.Render(mark+l))
	}
	return out
}

// problemLines lists the problems in room lines: those of the file as a
// whole and of rows not in the table first, then the selected row's, then
// the others; what does not fit is counted, and selecting its row shows it.
func (m *Model) problemLines(room int) []string {
	c, st := m.ctx, m.ctx.Styles
	inTable := map[int]bool{}
	for _, l := range m.rowLines {
		inTable[l] = true
	}
	selected := -1
	if i := m.list.Cursor(); i >= 0 && i < len(m.rowLines) {
		selected = m.rowLines[i]
	}
	rank := func(p importer.Problem) int {
		switch {
		case !inTable[p.Line]:
			return 0
		case p.Line == selected:
			return 1
		}
		return 2
	}
	probs := append([]importer.Problem(nil), m.problems...)
	sort.SliceStable(probs, func(i, j int) bool { return rank(probs[i]) < rank(probs[j]) })
	var out []string
	for i, p := range probs {
		style := st.Error
		if p.Warning {
			style = st.Warning
		}
		// a problem over two lines if it must: its end says what is allowed
		wrapped := common.Wrap(p.Text(c.Lang), m.width-2)
		// the selected row's problems whole, and the file's (what to do with it)
		if len(wrapped) > 2 && ((p.Line != selected && inTable[p.Line]) || len(wrapped) > room) {
			wrapped = append(wrapped[:1], strings.Join(wrapped[1:], " "))
		}
		if len(out)+len(wrapped) > room-1 && i < len(probs)-1 || len(out)+len(wrapped) > room {
			out = append(out, " "+st.Muted.Render(c.F("… và %d vấn đề khác: chọn dòng của nó (↑/↓) để xem",
				"… and %d more: select its row (↑/↓) to read it", len(probs)-i)))
			break
		}
		for _, l := range wrapped {
			out = append(out, " "+style.Render(l))
		}
	}
	return out
}
