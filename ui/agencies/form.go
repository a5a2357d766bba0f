package agencies

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"cchc/internal/campaign"
	"cchc/internal/lang"
	"cchc/ui/common"
)

// agencyForm adds a new agency or edits one (id ≠ 0).
type agencyForm struct {
	ctx     *common.Context
	book    Book
	id      int64
	orig    campaign.Agency
	theirs  *campaign.Agency // saved by someone else meanwhile, while the clerk chooses (conflict.go)
	form    *common.Form
	err     string
	parents bool // a district to put a commune under
}

type savedMsg struct {
	note  string
	added int64 // the agency just added, to select once the list has it
}

func newAgencyForm(ctx *common.Context, b Book, id int64) *agencyForm {
	var a *campaign.Agency
	if x := ctx.Data.ByID[id]; x != nil {
		a = x
	}
	if a == nil { // a new agency (id 0), or one gone meanwhile: saving says so
		return newAgencyFormFrom(ctx, b, id, campaign.Agency{})
	}
	return newAgencyFormFrom(ctx, b, id, *a)
}

// newAgencyFormFrom opens the form on agency a as given (id 0: a new one).
func newAgencyFormFrom(ctx *common.Context, b Book, id int64, a campaign.Agency) *agencyForm {
	f := &agencyForm{ctx: ctx, book: b, id: id}
	// only the districts the campaign follows (none on the two-tier map),
	// and whatever the agency edited already is
	var parents []common.Choice
	for _, d := range ctx.Data.Agencies {
		if d.Group == campaign.District && (d.Active || d.ID == a.ParentID) {
			parents = append(parents, common.Choice{Label: d.Name, Value: d.ID})
		}
	}
	var groups []common.Choice
	for i, g := range campaign.Groups {
		if g != campaign.District || len(parents) > 0 || (id != 0 && a.Group == g) {
			groups = append(groups, common.Choice{Label: g.Label(ctx.Lang), Value: int64(i)})
		}
	}
	f.parents = len(parents) > 0
	parents = append([]common.Choice{{Label: ctx.T("(trực thuộc tỉnh)", "(directly under the province)"), Value: 0}}, parents...)
	f.form = common.NewForm(ctx,
		common.NewText(campaign.FieldName, ctx.T("Tên", "Name"), ctx.T("ví dụ: Sở Nội vụ", "e.g. Sở Nội vụ"), campaign.MaxLine),
		common.NewText("short", ctx.T("Tên viết tắt", "Short name"), ctx.T("ví dụ: Sở NV", "e.g. Sở NV"), 60),
		common.NewChoice(campaign.FieldGroup, ctx.T("Nhóm", "Group"), groups),
		common.NewChoice(campaign.FieldParent, ctx.T("Thuộc huyện", "District"), parents),
		common.NewText("code", ctx.T("Mã đơn vị", "Code"), ctx.T("mã hành chính (nếu có)", "GSO code, if any"), 20),
	)
	if id != 0 {
		f.orig = a
		f.form.Field(campaign.FieldName).SetText(a.Name)
		f.form.Field("short").SetText(a.ShortName)
		for i, g := range campaign.Groups {
			if g == a.Group {
				f.form.Field(campaign.FieldGroup).SelectValue(int64(i))
			}
		}
		f.form.Field(campaign.FieldParent).SelectValue(a.ParentID)
		f.form.Field("code").SetText(a.Code)
	}
	f.syncParent()
	f.form.MarkClean()
	return f
}

func (f *agencyForm) group() campaign.Group {
	return campaign.Groups[f.form.Field(campaign.FieldGroup).Selected()]
}

// syncParent shows the district field only for communes, and only when
// there is a district to choose.
func (f *agencyForm) syncParent() {
	f.form.Field(campaign.FieldParent).Hidden = f.group() != campaign.Commune || !f.parents
}

func (f *agencyForm) agency() campaign.Agency {
	a := f.orig
	a.ID = f.id
	a.Name = f.form.Field(campaign.FieldName).Value()
	a.ShortName = f.form.Field("short").Value()
	a.Group = f.group()
	a.ParentID = 0
	if a.Group == campaign.Commune {
		a.ParentID = f.form.Field(campaign.FieldParent).Selected()
	}
	a.Code = f.form.Field("code").Value()
	if f.id == 0 {
		a.Active = true
	}
	return a
}

// update handles a key; done reports the form closed.
func (f *agencyForm) update(msg tea.KeyMsg) (done bool, cmd tea.Cmd) {
	k := f.ctx.Keys
	if f.theirs != nil {
		if handled, cmd := f.conflictKey(msg); handled {
			return false, cmd
		}
	}
	switch {
	case key.Matches(msg, k.Back):
		if f.form.Dirty() { // asked above the keys, like every question
			return false, common.Cmd(common.ConfirmMsg{Question: f.ctx.T("Bỏ các thay đổi chưa lưu?", "Discard unsaved changes?"),
				OnYes: common.Cmd(discardFormMsg{})})
		}
		return true, nil
	case key.Matches(msg, k.Save):
		return false, f.save()
	}
	if changed, _ := f.form.Update(msg); changed {
		f.err = "" // said of what was there before
	}
	f.syncParent()
	return false, nil
}

// discardFormMsg comes back when the clerk agreed to drop the changes.
type discardFormMsg struct{}

// save validates, then writes in the background; problems stay on the form.
func (f *agencyForm) save() tea.Cmd {
	a := f.agency()
	var parent *campaign.Agency
	if p := f.ctx.Data.ByID[a.ParentID]; p != nil {
		parent = p
	}
	f.form.ClearErrors()
	f.err = ""
	if probs := a.Validate(parent); len(probs) > 0 {
		for _, p := range probs {
			if fd := f.form.Field(p.Field); fd != nil && fd.Err == "" {
				fd.Err = f.ctx.T(p.Msg.VI, p.Msg.EN)
			}
		}
		f.err = lang.Message(probs.Err(), f.ctx.Lang)
		return nil
	}
	st, l, campaignID := f.book, f.ctx.Lang, f.ctx.Data.Campaign.ID
	id := f.id
	if id != 0 && a.Name != f.orig.Name {
		// a new name is asked about, and recorded as a rename
		q := l.F("Đổi tên «%s» thành «%s» trong đợt đăng ký %d? (các đợt khác giữ tên cũ)",
			"Rename «%s» to «%s» in the %d campaign? (the other campaigns keep the old name)", f.orig.Name, a.Name, f.ctx.Data.Campaign.Year)
		return common.Cmd(common.ConfirmMsg{Question: q, OnYes: func() tea.Msg {
			if err := st.RenameAgency(f.ctx.Work(), campaignID, a); err != nil {
				return formErrMsg{err}
			}
			return savedMsg{note: l.F("Đã đổi tên %s thành %s", "Renamed %s to %s", f.orig.Name, a.Name)}
		}})
	}
	return func() tea.Msg {
		var err error
		var added int64
		if id == 0 {
			added, err = st.AddAgency(f.ctx.Work(), campaignID, a)
		} else {
			err = st.UpdateAgency(f.ctx.Work(), campaignID, a)
		}
		if err != nil {
			return formErrMsg{err}
		}
		if id == 0 {
			return savedMsg{note: l.F("Đã thêm %s", "Added %s", a.Name), added: added}
		}
		return savedMsg{note: l.F("Đã lưu %s", "Saved %s", a.Name)}
	}
}

type formErrMsg struct{ err error }

func (f *agencyForm) view(width, height int) string {
	c, st := f.ctx, f.ctx.Styles
	title := c.T("Thêm cơ quan, đơn vị", "Add an agency")
	if f.id != 0 {
		title = c.F("Sửa: %s (phiên bản %s)", "Edit: %s (version %s)", f.orig.Name, strconv.FormatInt(f.orig.Version, 10))
	}
	lines := []string{" " + st.Title.Render(title), ""}
	lines = append(lines, f.form.View(width, 16)...)
	lines = append(lines, "")
	lines = append(lines, f.conflictLines()...)
	if f.err != "" && f.theirs == nil {
		lines = append(lines, " "+st.Error.Render("! "+f.err))
	}
	return common.Fit(strings.Join(lines, "\n"), width, height)
}
