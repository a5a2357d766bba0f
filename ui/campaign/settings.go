// Package campaign holds the campaign's settings form (letter, issuer,
// legal basis, deadline, quotas) and the picker that switches the campaign
// shown, both opened from the overview.
package campaign

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	dom "cchc/internal/campaign"
	"cchc/internal/lang"
	"cchc/internal/vndate"
	"cchc/ui/common"
)

// Settings edits the campaign shown.
type Settings struct {
	ctx        *common.Context
	book       Book
	orig       dom.Campaign
	form       *common.Form
	err        string
	confirming bool
	saving     bool
	// groups are those the campaign follows, each with its quota fields;
	// kept are the others with a quota stored (a district quota carried
	// into a campaign after July 2025): shown, never edited nor dropped.
	groups, kept []dom.Group
}

// Done is sent when the settings form closes.
type Done struct{}

type savedMsg struct{ note string }
type saveErrMsg struct{ err error }

func quotaID(g dom.Group, target bool) string {
	if target {
		return "target_" + string(g)
	}
	return "required_" + string(g)
}

// NewSettings opens the form on the campaign shown.
func NewSettings(ctx *common.Context, b Book) *Settings {
	c := ctx.Data.Campaign
	s := &Settings{ctx: ctx, book: b, orig: c}
	t := ctx.T
	text := func(id, label, value string, limit int) *common.Field {
		f := common.NewText(id, label, "", limit)
		f.SetText(value)
		return f
	}
	fields := []*common.Field{
		text("title", t("Tên đợt", "Title"), c.Title, dom.MaxLine),
		text("letter_number", t("Số văn bản", "Letter No."), c.LetterNumber, 60),
		text("letter_date", t("Ngày văn bản", "Letter date"), c.LetterDate.String(), 10),
		text("deadline", t("Hạn đăng ký", "Deadline"), c.Deadline.String(), 10),
		text("legal_basis", t("Căn cứ", "Legal basis"), strings.ReplaceAll(c.LegalBasis, "\n", " "), dom.MaxText),
		text("issuer_parent", t("Cơ quan chủ quản", "Parent body"), c.IssuerParent, dom.MaxLine),
		text("issuer", t("Cơ quan ban hành", "Issuer"), c.Issuer, dom.MaxLine),
		text("place", t("Địa danh", "Place"), c.Place, 100),
		text("signer_authority", t("Thẩm quyền ký", "Signing authority"), c.SignerAuthority, 100),
		text("signer_title", t("Chức vụ người ký", "Signer's title"), c.SignerTitle, 100),
		text("signer_name", t("Người ký", "Signer"), c.SignerName, 100),
		text("copies_to", t("Nơi nhận", "Copies to"), dom.JoinCopiesTo(c.Recipients(lang.VI)), dom.MaxLine*4),
	}
	s.groups = dom.QuotaGroups(slices.ContainsFunc(ctx.Data.Agencies, func(a dom.Agency) bool {
		return a.Active && a.Group == dom.District
	}))
	for _, g := range dom.Groups {
		if q := c.Quotas[g]; !slices.Contains(s.groups, g) && q != (dom.Quota{}) {
			s.kept = append(s.kept, g)
		}
	}
	for _, g := range s.groups {
		q := c.Quotas[g]
		fields = append(fields,
			text(quotaID(g, false), t("Tối thiểu: ", "Minimum: ")+g.Short(ctx.Lang), strconv.Itoa(q.Required), 3),
			text(quotaID(g, true), t("Phấn đấu: ", "Target: ")+g.Short(ctx.Lang), strconv.Itoa(q.Target), 3))
	}
	s.form = common.NewForm(ctx, fields...)
	s.form.Field("letter_date").Hint = "dd/mm/yyyy"
	s.form.Field("deadline").Hint = "dd/mm/yyyy"
	s.form.Field("letter_date").Date, s.form.Field("deadline").Date = true, true
	s.form.Field("signer_authority").Hint = t("vd. KT. Giám đốc", "e.g. KT. Giám đốc")
	s.form.MarkClean()
	return s
}

// Dirty reports unsaved changes.
func (s *Settings) Dirty() bool { return s.form.Dirty() }

// ShortHelp lists the form's keys.
func (s *Settings) ShortHelp() []key.Binding {
	k := s.ctx.Keys
	if s.confirming { // esc, as n, goes back to the form
		return []key.Binding{k.Yes, k.No}
	}
	return []key.Binding{k.Save, k.NextField, k.Back}
}

// collect reads the form; problems name the field.
func (s *Settings) collect() (dom.Campaign, []string) {
	c := s.orig
	f := s.form
	var probs []string
	l := s.ctx.Lang
	date := func(id string, required bool) vndate.Date {
		fd := f.Field(id)
		d, err := fd.ReadDate()
		if err != nil || (required && d.IsZero()) {
			probs = append(probs, l.F("%s: cần ngày có thật dạng dd/mm/yyyy", "%s: expected a real date as dd/mm/yyyy", fd.Label))
		}
		return d
	}
	c.Title = f.Field("title").Value()
	c.LetterNumber = f.Field("letter_number").Value()
	c.LetterDate = date("letter_date", false)
	c.Deadline = date("deadline", true)
	c.LegalBasis = f.Field("legal_basis").Value()
	c.IssuerParent = f.Field("issuer_parent").Value()
	c.Issuer = f.Field("issuer").Value()
	c.Place = f.Field("place").Value()
	c.SignerTitle = f.Field("signer_title").Value()
	c.SignerName = f.Field("signer_name").Value()
	c.SignerAuthority = f.Field("signer_authority").Value()
	c.CopiesTo = dom.ParseCopiesTo(f.Field("copies_to").Value())
	if dom.JoinCopiesTo(c.CopiesTo) == dom.JoinCopiesTo(dom.DefaultCopiesTo(c, lang.VI)) {
		c.CopiesTo = nil // the default follows the issuer and the letter's code
	}
	c.Quotas = maps.Clone(s.orig.Quotas) // the groups not shown keep theirs
	if c.Quotas == nil {
		c.Quotas = map[dom.Group]dom.Quota{}
	}
	for _, g := range s.groups {
		var q dom.Quota
		for _, target := range []bool{false, true} {
			fd := f.Field(quotaID(g, target))
			n, err := strconv.Atoi(fd.Value())
			if err != nil || n < 0 || n > 100 {
				probs = append(probs, l.F("%s: cần một số từ 0 đến 100", "%s: expected a number from 0 to 100", fd.Label))
			}
			if target {
				q.Target = n
			} else {
				q.Required = n
			}
		}
		c.Quotas[g] = q
	}
	return c, probs
}

// Update handles a message; it returns Done (as a command) when closing.
func (s *Settings) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case savedMsg:
		s.saving = false
		return tea.Batch(common.Cmd(common.ChangedMsg{Note: msg.note}), common.Cmd(Done{}))
	case saveErrMsg:
		s.saving = false
		s.err = lang.Message(msg.err, s.ctx.Lang)
		return nil
	case tea.KeyMsg:
		k := s.ctx.Keys
		if s.confirming {
			switch {
			case key.Matches(msg, k.Yes):
				return common.Cmd(Done{})
			case key.Matches(msg, k.No):
				s.confirming = false
			}
			return nil
		}
		switch {
		case key.Matches(msg, k.Back):
			if s.form.Dirty() {
				s.confirming = true
				return nil
			}
			return common.Cmd(Done{})
		case key.Matches(msg, k.Save):
			return s.save()
		}
		s.form.Update(msg)
	}
	return nil
}

func (s *Settings) save() tea.Cmd {
	if s.saving {
		return nil
	}
	c, probs := s.collect()
	if len(probs) == 0 {
		if err := c.Validate().Err(); err != nil {
			probs = append(probs, lang.Message(err, s.ctx.Lang))
		}
	}
	if len(probs) > 0 {
		s.err = strings.Join(probs, "; ")
		return nil
	}
	s.saving, s.err = true, ""
	st, l := s.book, s.ctx.Lang
	return func() tea.Msg {
		if err := st.UpdateCampaign(s.ctx.Work(), c); err != nil {
			return saveErrMsg{err}
		}
		return savedMsg{note: l.F("Đã lưu thiết lập đợt đăng ký năm %d", "Saved the %d campaign's settings", c.Year)}
	}
}

// keptLines show the quotas stored for groups the campaign does not
// follow, read-only, so that the clerk knows they are there and kept.
func (s *Settings) keptLines() []string {
	if len(s.kept) == 0 {
		return nil
	}
	c, st := s.ctx, s.ctx.Styles
	out := []string{"", "  " + st.Muted.Render(c.T("Chỉ tiêu đã lưu của nhóm đợt này không theo dõi (giữ nguyên):",
		"Stored quota of a group this campaign does not follow (kept):"))}
	for _, g := range s.kept {
		q := s.orig.Quotas[g]
		out = append(out, "  "+st.Muted.Render(c.F("%s: tối thiểu %d, phấn đấu %d", "%s: minimum %d, target %d", g.Label(c.Lang), q.Required, q.Target)))
	}
	return out
}

// View draws the form in width×height.
func (s *Settings) View(width, height int) string {
	c, st := s.ctx, s.ctx.Styles
	head := []string{" " + st.Title.Render(c.F("Thiết lập đợt đăng ký năm %d", "Settings of the %d campaign", s.orig.Year)), ""}
	body := append(s.form.View(width, 26), s.keptLines()...) // 26: room for "Phấn đấu: CQ Trung ương"
	var foot []string
	if s.err != "" {
		foot = append(foot, " "+st.Error.Render("! "+s.err))
	}
	if s.confirming {
		foot = append(foot, " "+st.Warning.Render(c.T("Bỏ các thay đổi chưa lưu? (y/c = có, n/k = không)", "Discard unsaved changes? (y = yes, n = no)")))
	}
	room := height - len(head) - len(foot)
	focus := 0
	for i, l := range body {
		if strings.Contains(l, "›") {
			focus = i
			break
		}
	}
	if room > 0 && len(body) > room {
		start := focus - room/3
		if start < 0 {
			start = 0
		}
		if start+room > len(body) {
			start = len(body) - room
		}
		body = body[start : start+room]
	}
	return common.Fit(strings.Join(append(append(head, body...), foot...), "\n"), width, height)
}
