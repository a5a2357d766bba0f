// Package entry is the form where the clerk records a received letter and
// the registrations in it, or edits one already recorded. Nothing is
// written until save; each save is one transaction.
package entry

import (
	"context"
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

// Field ids beyond the domain's.
const (
	fPartners = "partners"
	fTimeline = "timeline"
	fResult   = "result"
	fSummary  = "summary"
	fNote     = "note"
)

var letterFields = []string{campaign.FieldAgency, campaign.FieldNumber, campaign.FieldLetterDate, campaign.FieldReceived}

// Book is what the entry screen asks of the book: a registration in full
// (to edit it, or to show another clerk's version), and the writes of a
// letter and its registrations.
type Book interface {
	Registration(ctx context.Context, id int64) (book.RegistrationRow, error)
	RecordSubmission(ctx context.Context, sub campaign.Submission, regs []campaign.Registration) (int64, []int64, error)
	AddToSubmission(ctx context.Context, submissionID int64, regs []campaign.Registration) ([]int64, error)
	UpdateRegistration(ctx context.Context, r campaign.Registration) error
	UpdateEntry(ctx context.Context, sub campaign.Submission, r campaign.Registration) error
}

// Model of the entry screen.
type Model struct {
	ctx           *common.Context
	book          Book
	width, height int
	form          *common.Form
	conflict      *book.RegistrationRow // the other clerk's version, while the clerk chooses (conflict.go)
	sameAsked     bool                  // the clerk said to save what looks already recorded
	bareAsked     bool                  // the clerk said to save a letter with no number and no date

	// editing an existing registration (and its letter) when edit != nil
	edit *book.RegistrationRow
	// after "save and add another": the letter already saved, and how many
	// registrations it has
	subID    int64
	subCount int
	subLabel string
	// opened by another screen (n on an agency's page, on screen 4…):
	// esc goes back there, as from an edit
	back bool

	err        string
	saving     bool
	campaignID int64 // the campaign the form was built for
}

// New makes the entry screen.
func New(ctx *common.Context, b Book) *Model {
	return &Model{ctx: ctx, book: b}
}

type savedMsg struct {
	subID int64
	next  bool
	note  string
}

type saveErrMsg struct{ err error }

func (m *Model) SetSize(w, h int) { m.width, m.height = w, h }

func (m *Model) Capturing() bool { return true }

// Dirty reports input not yet saved.
func (m *Model) Dirty() bool { return m.form != nil && m.form.Dirty() }

func (m *Model) ShortHelp() []key.Binding {
	k := m.ctx.Keys
	if m.conflict != nil {
		return m.conflictKeys()
	}
	if m.edit != nil {
		return []key.Binding{k.Save, k.NextField, k.Left, k.Back}
	}
	return []key.Binding{k.Save, k.SaveNext, k.NextField, k.Left, k.Back}
}

func (m *Model) FullHelp() [][]key.Binding {
	k := m.ctx.Keys
	fields := []key.Binding{k.NextField, k.PrevField, k.Left, k.Right}
	switch {
	case m.conflict != nil: // another clerk's changes shown: the choices
		return [][]key.Binding{m.conflictKeys()}
	case m.edit != nil: // ctrl+n adds another only to a new letter
		return [][]key.Binding{{k.Save, k.Back}, fields}
	}
	return [][]key.Binding{{k.Save, k.SaveNext, k.Back}, fields}
}

// reset starts a new letter, with an agency already chosen when id ≠ 0.
func (m *Model) reset(agencyID int64) {
	m.edit, m.subID, m.subCount, m.subLabel, m.err, m.bareAsked = nil, 0, 0, "", "", false
	m.build()
	f := m.form
	f.Field(campaign.FieldReceived).SetText(m.ctx.Today.String())
	if agencyID != 0 {
		f.Field(campaign.FieldAgency).SelectValue(agencyID)
		m.syncLead()
		f.FocusID(campaign.FieldNumber)
	}
	f.MarkClean()
}

// agencyChoices are the active agencies of the campaign shown.
func (m *Model) agencyChoices() (followed, stopped []common.Choice) {
	for _, a := range m.ctx.Data.Agencies {
		c := common.Choice{Label: a.Name, Value: a.ID, Key: foldNames(a)}
		if a.Active {
			followed = append(followed, c)
		} else {
			stopped = append(stopped, c)
		}
	}
	return followed, stopped
}

// refreshAgencies takes in agencies added or renamed since the form was
// built, keeping what the clerk typed.
func (m *Model) refreshAgencies() {
	picker := m.form.Field(campaign.FieldAgency)
	picker.Candidates, picker.Stopped = m.agencyChoices()
	m.syncLead()
}

// build makes the form's fields from the loaded data.
func (m *Model) build() {
	c := m.ctx
	agencies, stopped := m.agencyChoices()
	var kinds, areas []common.Choice
	for i, k := range campaign.Kinds {
		kinds = append(kinds, common.Choice{Label: k.Label(c.Lang), Value: int64(i)})
	}
	for i, a := range campaign.Areas {
		areas = append(areas, common.Choice{Label: a.Label(c.Lang), Value: int64(i)})
	}
	date := c.T("dd/mm/yyyy", "dd/mm/yyyy")
	agency := common.NewPicker(campaign.FieldAgency, c.T("Văn bản của", "Letter from"), c.T("gõ vài chữ của tên, không cần dấu", "type part of the name, accents optional"), agencies)
	agency.Stopped = stopped
	received := common.NewText(campaign.FieldReceived, c.T("Ngày nhận", "Received"), date, 10)
	received.Hint = c.T("mặc định hôm nay", "today by default")
	received.Date = true
	dated := common.NewText(campaign.FieldLetterDate, c.T("Ngày văn bản", "Dated"), date, 10)
	dated.Date = true
	m.form = common.NewForm(c,
		agency,
		common.NewText(campaign.FieldNumber, c.T("Số văn bản", "Letter No."), c.T("ví dụ: 125/UBND-NV", "e.g. 125/UBND-NV"), 60),
		dated,
		received,
		common.NewText(campaign.FieldTitle, c.T("Tên", "Title"), c.T("tên mô hình, sáng kiến, giải pháp, cách làm hay", "name of the model or initiative"), campaign.MaxLine),
		common.NewChoice(campaign.FieldKind, c.T("Loại", "Kind"), kinds),
		common.NewChoice(campaign.FieldArea, c.T("Lĩnh vực", "Area"), areas),
		common.NewChoice(campaign.FieldLead, c.T("Chủ trì", "Lead unit"), nil),
		common.NewText(fPartners, c.T("Phối hợp", "Partners"), c.T("đơn vị phối hợp", "partner units"), campaign.MaxLine),
		common.NewText(fTimeline, c.T("Thời gian", "Timeline"), timelineExample(c), campaign.MaxLine),
		common.NewText(fResult, c.T("Kết quả", "Result"), c.T("dự kiến kết quả", "expected result"), campaign.MaxLine),
		common.NewText(fSummary, c.T("Tóm tắt", "Summary"), c.T("nội dung tóm tắt", "short description"), campaign.MaxText),
		common.NewText(fNote, c.T("Ghi chú", "Note"), "", campaign.MaxText),
	)
	m.syncLead()
}

// timelineExample is the timeline field's example in the campaign's own
// year: a 2026 form suggesting "Quý II/2023" invites a slip of the year.
func timelineExample(c *common.Context) string {
	y := c.Data.Campaign.Year
	return c.F("ví dụ: Quý II/%d hoặc 04/%d - 12/%d", "e.g. Quý II/%d or 04/%d - 12/%d", y, y, y)
}

func foldNames(a campaign.Agency) string {
	return vntext.Fold(a.Name + " " + a.ShortName)
}

// syncLead offers the chosen agency and its communes as the lead unit.
func (m *Model) syncLead() {
	f := m.form
	lead := f.Field(campaign.FieldLead)
	keep := lead.Selected()
	agencyID := f.Field(campaign.FieldAgency).Selected()
	var choices []common.Choice
	lead.Hint = ""
	if a := m.ctx.Data.ByID[agencyID]; a != nil {
		choices = append(choices, common.Choice{Label: a.Name, Value: 0})
		for _, x := range m.ctx.Data.Children(a.ID) {
			choices = append(choices, common.Choice{Label: x.Name, Value: x.ID})
		}
		switch {
		case a.Group == campaign.District && len(choices) == 1:
			// a new book has no communes: say how to get them
			lead.Hint = m.ctx.T("chưa có xã: nhập danh sách bằng i ở màn 2", "no communes: import with i on screen 2")
		case len(choices) > 1:
			lead.Hint = m.ctx.T("gõ tên xã để chọn", "type a commune's name to choose it")
		}
	} else {
		choices = []common.Choice{{Label: m.ctx.T("(chọn cơ quan gửi văn bản trước)", "(choose the sending agency first)"), Value: 0}}
	}
	lead.Choices = choices
	lead.Choice = 0
	lead.SelectValue(keep)
}

// discardMsg comes back when the clerk agreed to drop the unsaved input.
type discardMsg struct{}

func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case discardMsg:
		return m, m.leave()
	case common.DataMsg:
		switch {
		case m.form == nil, m.campaignID != m.ctx.Data.Campaign.ID && !m.Dirty():
			m.reset(0)
		default:
			m.refreshAgencies()
		}
		m.campaignID = m.ctx.Data.Campaign.ID
		return m, nil
	case common.NewEntryMsg:
		m.back = true // the root remembers the screen it came from
		if m.Dirty() {
			return m, busyForm()
		}
		m.reset(msg.AgencyID)
		return m, nil
	case common.EditRegistrationMsg:
		if m.Dirty() {
			return m, busyForm()
		}
		return m, m.openEdit(msg.ID)
	case editLoadedMsg:
		m.fillEdit(msg.row)
		return m, nil
	case saveBareMsg:
		m.bareAsked = true
		return m, m.save(msg.next)
	case saveAnywayMsg:
		m.sameAsked = true
		return m, m.save(msg.next)
	case savedMsg:
		return m, m.afterSave(msg)
	case saveErrMsg:
		return m, m.saveFailed(msg.err)
	case conflictMsg:
		m.conflict = &msg.theirs
		return m, nil
	case tea.KeyMsg:
		if m.form == nil {
			return m, nil
		}
		if m.conflict != nil {
			return m, m.conflictKey(msg)
		}
		return m, m.key(msg)
	}
	return m, nil
}

type editLoadedMsg struct{ row book.RegistrationRow }

// openEdit reads the registration fresh from the store, so the clerk edits
// the latest version.
func (m *Model) openEdit(id int64) tea.Cmd {
	st := m.book
	return func() tea.Msg {
		r, err := st.Registration(m.ctx.Work(), id)
		if err != nil {
			return common.ErrMsg{Err: err}
		}
		return editLoadedMsg{r}
	}
}

func (m *Model) fillEdit(r book.RegistrationRow) {
	m.reset(0)
	m.edit = &r
	f := m.form
	f.Field(campaign.FieldAgency).SelectValue(r.AgencyID)
	m.syncLead()
	f.Field(campaign.FieldNumber).SetText(r.LetterNumber)
	f.Field(campaign.FieldLetterDate).SetText(r.LetterDate.String())
	f.Field(campaign.FieldReceived).SetText(r.Received.String())
	f.Field(campaign.FieldTitle).SetText(r.Title)
	for i, k := range campaign.Kinds {
		if k == r.Kind {
			f.Field(campaign.FieldKind).Choice = i
		}
	}
	for i, a := range campaign.Areas {
		if a == r.Area {
			f.Field(campaign.FieldArea).Choice = i
		}
	}
	f.Field(campaign.FieldLead).SelectValue(r.LeadAgencyID)
	f.Field(fPartners).SetText(r.Partners)
	f.Field(fTimeline).SetText(r.Timeline)
	f.Field(fResult).SetText(r.ExpectedResult)
	f.Field(fSummary).SetText(oneLine(r.Summary))
	f.Field(fNote).SetText(oneLine(r.Note))
	f.FocusOpen(campaign.FieldTitle)
	f.MarkClean()
}

// oneLine shows multi-line text in a one-line input (line breaks as " / ").
func oneLine(s string) string { return strings.ReplaceAll(s, "\n", " / ") }

func (m *Model) key(msg tea.KeyMsg) tea.Cmd {
	k := m.ctx.Keys
	switch {
	case key.Matches(msg, k.Back):
		if m.form.Dirty() { // asked where every question is, above the keys
			return common.Cmd(common.ConfirmMsg{Question: m.ctx.T("Bỏ nội dung đang nhập?", "Discard unsaved input?"),
				OnYes: common.Cmd(discardMsg{})})
		}
		return m.leave()
	case key.Matches(msg, k.Save):
		return m.save(false)
	case key.Matches(msg, k.SaveNext) && m.edit == nil:
		return m.save(true)
	}
	before := m.form.Focused()
	changed, cmd := m.form.Update(msg)
	if changed && before.ID == campaign.FieldAgency {
		m.syncLead()
	}
	if changed {
		m.checkField(before, false)
		m.err = "" // the count of problems is of the last try: saving again counts anew
	}
	if after := m.form.Focused(); after != before {
		m.checkField(before, true)
	}
	return cmd
}

// leave drops the input: an edit, or a letter begun on another screen, goes
// back where it came from; a new letter typed here starts afresh.
func (m *Model) leave() tea.Cmd {
	wasEdit, back := m.edit != nil, m.back
	hadLetter := m.subID != 0
	m.reset(0)
	m.back = false
	switch {
	case wasEdit:
		return common.Cmd(common.BackMsg{})
	case back && hadLetter:
		return tea.Batch(common.Cmd(common.NoteMsg{Note: m.ctx.T("Đã xong văn bản", "Letter finished")}), common.Cmd(common.BackMsg{}))
	case back:
		return common.Cmd(common.BackMsg{})
	}
	if hadLetter {
		return common.Cmd(common.NoteMsg{Note: m.ctx.T("Đã xong văn bản; sẵn sàng nhập văn bản mới", "Letter finished; ready for a new one")})
	}
	return common.Cmd(common.GotoMsg{Tab: common.TabOverview})
}

// checkField validates one field as the clerk types (dates once they look
// complete) and when the focus leaves it.
func (m *Model) checkField(fd *common.Field, leaving bool) {
	c := m.ctx
	switch fd.ID {
	case campaign.FieldLetterDate, campaign.FieldReceived:
		v, cut := fd.Value(), ""
		if fd.Cut && !leaving {
			cut = fd.Err // a paste too long for the field: what was left out is said
		}
		if !leaving && len(v) < 10 {
			fd.Err = cut
			return
		}
		fd.Err = cut
		if _, err := vndate.ParseTyped(v); err != nil {
			fd.Err = fd.Label + ": " + vndate.Problem(err, c.Lang)
		}
	case campaign.FieldTitle:
		if leaving && fd.Value() == "" { // (typing clears a message itself: Form.Update)
			fd.Err = c.T("Tên mô hình, sáng kiến: không được để trống", "Title: must not be empty")
		}
	case campaign.FieldAgency:
		fd.Err = ""
		if leaving && fd.Selected() == 0 && fd.Value() != "" {
			fd.Err = c.T("Văn bản của: chọn một cơ quan trong danh sách gợi ý", "Letter from: choose an agency from the suggestions")
		}
	}
}

// busyForm refuses to open another letter over unsaved input.
func busyForm() tea.Cmd {
	return common.Cmd(common.ErrMsg{Err: lang.Errorf("Biểu mẫu đang có nội dung chưa lưu; lưu (ctrl+s) hoặc hủy (esc) trước",
		"The form has unsaved input; save (ctrl+s) or cancel (esc) first")})
}
