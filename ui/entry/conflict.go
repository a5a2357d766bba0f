package entry

import (
	"errors"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"cchc/internal/book"
	"cchc/internal/vntext"
	"cchc/ui/common"
)

// When a save is refused because someone else changed the registration
// (or its letter) since the clerk opened it, the form shows what they
// changed and lets the clerk choose: take their version (r) or write this
// one over it deliberately (o); esc leaves the form as usual.

type conflictMsg struct{ theirs book.RegistrationRow }

// saveFailed shows a save error; a conflict fetches the other version.
func (m *Model) saveFailed(err error) tea.Cmd {
	m.saving = false
	m.showProblems(err)
	if !errors.Is(err, book.ErrConflict) || m.edit == nil {
		return nil
	}
	st, id := m.book, m.edit.ID
	return func() tea.Msg {
		theirs, err := st.Registration(m.ctx.Work(), id)
		if err != nil {
			return common.ErrMsg{Err: err}
		}
		return conflictMsg{theirs}
	}
}

// conflictKey handles the clerk's choice while the conflict is shown.
func (m *Model) conflictKey(msg tea.KeyMsg) tea.Cmd {
	theirs := m.conflict
	switch msg.String() {
	case "r":
		m.conflict = nil
		m.fillEdit(*theirs)
		m.err = ""
		return common.Cmd(common.NoteMsg{Note: m.ctx.T("Đã lấy bản người khác vừa lưu; sửa của bạn được bỏ", "Took the version just saved by someone else; your edits were dropped")})
	case "o":
		m.conflict = nil
		return m.overwrite(*theirs)
	case "esc":
		m.conflict = nil
		return m.key(msg) // leave the form, asking before dropping the edits
	}
	return nil
}

// conflictLines lists what the other clerk changed, field by field, from
// the version this clerk opened to the one now saved.
func (m *Model) conflictLines() []string {
	if m.conflict == nil || m.edit == nil {
		return nil
	}
	c, st := m.ctx, m.ctx.Styles
	mine, theirs := m.edit, m.conflict
	type field struct {
		label      string
		was, isNow string
	}
	fields := []field{
		{c.T("Văn bản của", "Letter from"), mine.AgencyName, theirs.AgencyName},
		{c.T("Số văn bản", "Letter No."), mine.LetterNumber, theirs.LetterNumber},
		{c.T("Ngày văn bản", "Dated"), mine.LetterDate.String(), theirs.LetterDate.String()},
		{c.T("Ngày nhận", "Received"), mine.Received.String(), theirs.Received.String()},
		{c.T("Tên", "Title"), mine.Title, theirs.Title},
		{c.T("Loại", "Kind"), mine.Kind.Label(c.Lang), theirs.Kind.Label(c.Lang)},
		{c.T("Lĩnh vực", "Area"), mine.Area.Label(c.Lang), theirs.Area.Label(c.Lang)},
		{c.T("Chủ trì", "Lead unit"), mine.LeadName, theirs.LeadName},
		{c.T("Phối hợp", "Partners"), mine.Partners, theirs.Partners},
		{c.T("Thời gian", "Timeline"), mine.Timeline, theirs.Timeline},
		{c.T("Kết quả", "Result"), mine.ExpectedResult, theirs.ExpectedResult},
		{c.T("Tóm tắt", "Summary"), mine.Summary, theirs.Summary},
		{c.T("Ghi chú", "Note"), mine.Note, theirs.Note},
	}
	lines := []string{" " + st.Warning.Render(c.T("Người khác đã lưu mô hình này sau khi bạn mở. Họ đã sửa:", "Someone else saved this registration after you opened it. They changed:"))}
	n := 0
	for _, f := range fields {
		if f.was == f.isNow {
			continue
		}
		n++
		// the two values one under the other, each cut to where they
		// differ when too long, so that a change at the end shows
		was, isNow := vntext.Line(f.was), vntext.Line(f.isNow)
		if one := fmt.Sprintf("   %s: «%s» → «%s»", f.label, was, isNow); vntext.Width(one) <= m.width {
			lines = append(lines, one)
			continue
		}
		room := m.width - 3 - vntext.Width(f.label) - 6
		was, isNow = differing(was, isNow, room)
		lines = append(lines, fmt.Sprintf("   %s: «%s»", f.label, was),
			fmt.Sprintf("   %s→ «%s»", strings.Repeat(" ", vntext.Width(f.label)), isNow))
	}
	if n == 0 {
		lines = append(lines, "   "+c.T("(không khác nội dung; chỉ lưu lại)", "(same content; only saved again)"))
	}
	for i := range lines {
		lines[i] = common.FitLine(lines[i], m.width)
	}
	return append(lines, common.WrapLines(c.T("r: lấy bản của họ (bỏ sửa của bạn) · o: lưu sửa của bạn (giữ sửa của họ ở các ô khác) · esc: thôi sửa",
		"r: take theirs (drop your edits) · o: save your edits (theirs kept in the other fields) · esc: stop editing"), m.width-2, 2, " ", st.Bold)...)
}

// conflictKeys are the choices while the conflict is shown.
func (m *Model) conflictKeys() []key.Binding {
	c := m.ctx
	return []key.Binding{
		key.NewBinding(key.WithKeys("r"), key.WithHelp("r", c.T("lấy bản của họ", "take theirs"))),
		key.NewBinding(key.WithKeys("o"), key.WithHelp("o", c.T("lưu sửa của bạn", "save yours"))),
		key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", c.T("thôi sửa", "stop editing"))),
	}
}

// differing shows a and b in at most width cells each: whole when they
// fit, else from a little before the first place they differ, "…" marking
// what is left out (the same in both).
func differing(a, b string, width int) (string, string) {
	if width < 8 || vntext.Width(a) <= width && vntext.Width(b) <= width {
		return vntext.Truncate(a, width), vntext.Truncate(b, width)
	}
	ra, rb := []rune(a), []rune(b)
	same := 0
	for same < len(ra) && same < len(rb) && ra[same] == rb[same] {
		same++
	}
	from := max(0, same-12) // a few letters of what comes before
	for from > 0 && ra[from-1] != ' ' {
		from--
	}
	cut := func(r []rune) string {
		s := string(r[from:])
		if from > 0 {
			s = "…" + s
		}
		return vntext.Truncate(s, width)
	}
	return cut(ra), cut(rb)
}

// overwrite saves this clerk's changes over the version saved meanwhile:
// what this clerk changed wins, and what only the other clerk changed is
// kept (a field left alone here is not written back as it was).
func (m *Model) overwrite(theirs book.RegistrationRow) tea.Cmd {
	mineSub, mine, _ := m.collect()
	base := *m.edit
	merged := theirs
	if mineSub.AgencyID != base.AgencyID {
		merged.AgencyID = mineSub.AgencyID
	}
	if mineSub.Number != base.LetterNumber {
		merged.LetterNumber = mineSub.Number
	}
	if !mineSub.LetterDate.Equal(base.LetterDate) {
		merged.LetterDate = mineSub.LetterDate
	}
	if !mineSub.Received.Equal(base.Received) {
		merged.Received = mineSub.Received
	}
	pick := func(mine, base, theirs string) string {
		if mine != base {
			return mine
		}
		return theirs
	}
	r, b := &merged.Registration, base.Registration
	r.Title = pick(mine.Title, b.Title, r.Title)
	r.Partners = pick(mine.Partners, b.Partners, r.Partners)
	r.Timeline = pick(mine.Timeline, b.Timeline, r.Timeline)
	r.ExpectedResult = pick(mine.ExpectedResult, b.ExpectedResult, r.ExpectedResult)
	r.Summary = pick(mine.Summary, b.Summary, r.Summary)
	r.Note = pick(mine.Note, b.Note, r.Note)
	if mine.Kind != b.Kind {
		r.Kind = mine.Kind
	}
	if mine.Area != b.Area {
		r.Area = mine.Area
	}
	if mine.LeadAgencyID != b.LeadAgencyID {
		r.LeadAgencyID = mine.LeadAgencyID
	}
	m.fillEdit(merged)
	m.edit = &theirs // what is saved over: its versions, and the letter as it now is
	return m.save(false)
}
