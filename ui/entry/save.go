package entry

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/lang"
	"cchc/internal/vndate"
	"cchc/internal/vntext"
	"cchc/ui/common"
)

// collect reads the form into a letter and a registration; problems found
// while reading (dates that do not parse) are returned with them.
func (m *Model) collect() (campaign.Submission, campaign.Registration, campaign.Problems) {
	f := m.form
	var probs campaign.Problems
	date := func(id string) vndate.Date {
		fd := f.Field(id)
		d, err := fd.ReadDate() // 1/12/26 shown as 01/12/2026, as the letter is then told
		if err != nil {
			probs = append(probs, campaign.Problem{Field: id, Msg: &lang.Error{
				VI: fd.Label + ": " + vndate.Problem(err, lang.VI), EN: fd.Label + ": " + vndate.Problem(err, lang.EN)}})
		}
		return d
	}
	sub := campaign.Submission{
		CampaignID: m.ctx.Data.Campaign.ID,
		AgencyID:   f.Field(campaign.FieldAgency).Selected(),
		Number:     f.Field(campaign.FieldNumber).Value(),
		LetterDate: date(campaign.FieldLetterDate),
		Received:   date(campaign.FieldReceived),
	}
	reg := campaign.Registration{
		Title:          f.Field(campaign.FieldTitle).Value(),
		Kind:           campaign.Kinds[f.Field(campaign.FieldKind).Choice],
		Area:           campaign.Areas[f.Field(campaign.FieldArea).Choice],
		LeadAgencyID:   f.Field(campaign.FieldLead).Selected(),
		Partners:       f.Field(fPartners).Value(),
		Timeline:       f.Field(fTimeline).Value(),
		ExpectedResult: f.Field(fResult).Value(),
		Summary:        f.Field(fSummary).Value(),
		Note:           f.Field(fNote).Value(),
	}
	if e := m.edit; e != nil {
		sub.ID, sub.Version, sub.Note = e.SubmissionID, e.SubmissionVer, ""
		reg.ID, reg.Version = e.ID, e.Version
		reg.SubmissionID = e.SubmissionID
		// a summary or note of several lines is shown on one (" / "): left
		// untouched, it is kept as it was, line breaks and all
		if reg.Summary == vntext.Line(oneLine(e.Summary)) {
			reg.Summary = e.Summary
		}
		if reg.Note == vntext.Line(oneLine(e.Note)) {
			reg.Note = e.Note
		}
	}
	return sub, reg, probs
}

// letterChanged reports an edit that changes the letter itself, not only
// the registration: only then is the letter written (and checked against
// what another clerk may have done to it).
func letterChanged(sub campaign.Submission, e *book.RegistrationRow) bool {
	return sub.AgencyID != e.AgencyID || sub.Number != e.LetterNumber ||
		!sub.LetterDate.Equal(e.LetterDate) || !sub.Received.Equal(e.Received)
}

// save validates everything, shows each problem at its field, and writes in
// the background only when all is well. next keeps the letter for another
// registration.
func (m *Model) save(next bool) tea.Cmd {
	if m.saving {
		return nil
	}
	m.form.ClearErrors()
	m.err = ""
	sub, reg, probs := m.collect()
	if m.subID == 0 { // the letter is being entered (not yet saved)
		for _, p := range sub.Validate(m.ctx.Today, m.ctx.Data.Campaign.Earliest()) {
			if probs.For(p.Field) == nil {
				probs = append(probs, p)
			}
		}
	}
	probs = append(probs, reg.Validate()...)
	if len(probs) > 0 {
		m.err = m.ctx.T(fmt.Sprintf("Chưa lưu: %d chỗ cần sửa, ghi ngay dưới từng ô", len(probs)),
			fmt.Sprintf("Not saved: %d %s, shown under the fields", len(probs), plural(len(probs), "problem", "problems")))
		for _, p := range probs {
			if fd := m.form.Field(p.Field); fd != nil && fd.Err == "" {
				fd.Err = m.ctx.T(p.Msg.VI, p.Msg.EN)
			}
		}
		m.form.FocusID(probs[0].Field)
		return nil
	}
	if m.subID == 0 && m.edit == nil && !m.bareAsked && sub.Number == "" && sub.LetterDate.IsZero() {
		// most letters have both: a blank pair is more often forgotten than
		// missing (asked once: the clerk who says yes is not asked again)
		return common.Cmd(common.ConfirmMsg{Question: m.ctx.T("Văn bản chưa có số, ngày — vẫn lưu?", "The letter has no number and no date — save anyway?"),
			OnYes: common.Cmd(saveBareMsg{next})})
	}
	if !m.sameAsked {
		if q := m.alreadyRecorded(sub, reg); q != "" {
			return common.Cmd(common.ConfirmMsg{Question: q, OnYes: common.Cmd(saveAnywayMsg{next})})
		}
	}
	m.sameAsked = false
	m.saving = true
	st, l := m.book, m.ctx.Lang
	subID, edit := m.subID, m.edit
	agencyName := m.form.Field(campaign.FieldAgency).Value()
	return func() tea.Msg {
		ctx := m.ctx.Work()
		var err error
		switch {
		case edit != nil && letterChanged(sub, edit):
			err = st.UpdateEntry(ctx, sub, reg)
		case edit != nil:
			err = st.UpdateRegistration(ctx, reg)
		case subID != 0:
			_, err = st.AddToSubmission(ctx, subID, []campaign.Registration{reg})
		default:
			subID, _, err = st.RecordSubmission(ctx, sub, []campaign.Registration{reg})
		}
		if err != nil {
			return saveErrMsg{err}
		}
		note := l.F("Đã lưu «%s» của %s", "Saved «%s» of %s", reg.Title, agencyName)
		return savedMsg{subID: subID, next: next, note: note}
	}
}

// afterSave keeps the letter for "save and add another", otherwise starts
// a new letter (or returns from an edit); the data reloads either way.
func (m *Model) afterSave(msg savedMsg) tea.Cmd {
	m.saving = false
	changed := common.Cmd(common.ChangedMsg{Note: msg.note})
	if m.edit != nil {
		m.reset(0)
		return tea.Batch(changed, common.Cmd(common.BackMsg{}))
	}
	if !msg.next {
		m.reset(0)
		return changed
	}
	f := m.form
	if m.subID == 0 {
		m.subLabel = m.letterSummary()
	}
	m.subID = msg.subID
	m.subCount++
	for _, id := range letterFields {
		f.Field(id).Hidden = true
	}
	for _, id := range []string{campaign.FieldTitle, fPartners, fTimeline, fResult, fSummary, fNote} {
		f.Field(id).SetText("")
		f.Field(id).Err = ""
	}
	// the next model is the sender's own until the clerk says otherwise:
	// a commune carried over would file the district's model under it
	f.Field(campaign.FieldLead).Choice = 0
	f.FocusID(campaign.FieldTitle)
	f.MarkClean()
	return changed
}

func (m *Model) letterSummary() string {
	f, c := m.form, m.ctx
	s := c.F("Văn bản của %s", "Letter from %s", f.Field(campaign.FieldAgency).Value())
	if n := f.Field(campaign.FieldNumber).Value(); n != "" {
		s += c.F(", số %s", ", No. %s", n)
	}
	return s + c.F(", nhận %s", ", received %s", f.Field(campaign.FieldReceived).Value())
}

// showProblems puts a save error on the form: field problems at their
// fields, anything else (a conflict, a locked file) in the message line.
func (m *Model) showProblems(err error) {
	m.err = lang.Message(err, m.ctx.Lang)
	// Store problems name the field in their text ("Ngày nhận: …"): find it.
	for _, fd := range m.form.Fields {
		if !fd.Hidden && strings.HasPrefix(m.err, fd.Label+":") {
			fd.Err = m.err
		}
	}
}

// View draws the form, scrolled so that the focused field stays visible.
func (m *Model) View() string {
	if m.form == nil {
		return common.Fit("", m.width, m.height)
	}
	c, st := m.ctx, m.ctx.Styles
	var head []string
	switch {
	case m.edit != nil:
		title := c.F("Sửa mô hình của %s", "Editing a registration of %s", m.edit.AgencyName)
		note := c.T("(sửa văn bản sẽ áp dụng cho mọi mô hình trong văn bản đó)", "(letter changes apply to all its registrations)")
		if vntext.Width(title+"  "+note) <= m.width-2 {
			head = append(head, " "+st.Title.Render(title)+"  "+st.Muted.Render(note))
		} else { // the note on a line of its own rather than cut
			head = append(head, " "+st.Title.Render(title), " "+st.Muted.Render(note))
		}
	case m.subID != 0:
		head = append(head, " "+st.Title.Render(m.subLabel), " "+st.Muted.Render(c.F("Đã lưu %d mô hình; nhập mô hình %d (esc: xong văn bản này)",
			"%d saved; entering registration %d (esc: finish this letter)", m.subCount, m.subCount+1)))
	default:
		head = append(head, " "+st.Title.Render(c.T("Văn bản đăng ký mới", "New letter")))
	}
	labelW := 14
	body := m.form.View(m.width, labelW)
	if m.subID == 0 {
		// a rule between the letter and the registration
		idx := 0
		for i, line := range body {
			if strings.Contains(line, m.form.Field(campaign.FieldTitle).Label) {
				idx = i
				break
			}
		}
		n := m.subCount + 1
		title := "── " + c.F("Mô hình %d ", "Registration %d ", n)
		rule := " " + st.Rule.Render(title+strings.Repeat("─", max(0, m.width-2-vntext.Width(title))))
		body = append(body[:idx], append([]string{common.FitLine(rule, m.width)}, body[idx:]...)...)
	}
	var foot []string
	if m.err != "" { // whole, over two lines if it must (it may quote a title)
		foot = append(foot, common.WrapLines("! "+m.err, m.width-2, 2, " ", st.Error)...)
	}
	foot = append(foot, m.conflictLines()...)
	if m.saving {
		foot = append(foot, " "+st.Muted.Render(c.T("Đang lưu…", "Saving…")))
	}
	room := m.height - len(head) - len(foot)
	body = window(body, m.focusLine(body), room)
	all := append(append(head, body...), foot...)
	return common.Fit(strings.Join(all, "\n"), m.width, m.height)
}

// focusLine finds the line of the focused field (marked with ›).
func (m *Model) focusLine(lines []string) int {
	label := m.form.Focused().Label
	for i, l := range lines {
		if strings.Contains(l, "›") && strings.Contains(l, label) {
			return i
		}
	}
	return 0
}

// window crops lines to room, keeping line focus (and a few after it) in view.
func window(lines []string, focus, room int) []string {
	if room <= 0 || len(lines) <= room {
		return lines
	}
	start := focus - room/3
	if start < 0 {
		start = 0
	}
	if start+room > len(lines) {
		start = len(lines) - room
	}
	return lines[start : start+room]
}

// plural is the English word for n things (Vietnamese has no plural).
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// saveAnywayMsg comes back when the clerk confirmed saving a registration
// or a letter that looks already recorded.
type saveAnywayMsg struct{ next bool }

// saveBareMsg comes back when the clerk confirmed saving a letter with no
// number and no date.
type saveBareMsg struct{ next bool }

// alreadyRecorded asks, before a new registration is saved, about one the
// sending agency already has under the same title in the campaign, or a
// new letter whose number it already sent: typed twice, most likely (an
// import skips such a row as a duplicate). "" when there is nothing to ask.
func (m *Model) alreadyRecorded(sub campaign.Submission, reg campaign.Registration) string {
	d := m.ctx.Data
	if m.edit != nil || d == nil || d.Registrations == nil {
		return ""
	}
	c := m.ctx
	title, number := vntext.Fold(reg.Title), vntext.Fold(sub.Number)
	for i := range d.Registrations {
		r := &d.Registrations[i]
		if r.Agency.ID != sub.AgencyID {
			continue
		}
		if r.TitleKey == title {
			return c.F("%s đã có mô hình «%s» (văn bản số %s, nhận %s). Vẫn lưu thêm một lần nữa?",
				"%s already has «%s» (letter %s, received %s). Save it once more?",
				r.Agency.Name, r.Title, common.Dash(r.LetterNumber()), r.Received())
		}
	}
	if m.subID != 0 || number == "" {
		return ""
	}
	for i := range d.Registrations {
		r := &d.Registrations[i]
		if r.Agency.ID == sub.AgencyID && r.Letter != nil && r.Letter.Key == number {
			return c.F("Văn bản số %s của %s đã được nhập (nhận %s). Vẫn lưu là một văn bản mới?",
				"Letter %s of %s was recorded already (received %s). Save it as a new letter?",
				r.LetterNumber(), r.Agency.Name, r.Received())
		}
	}
	return ""
}
