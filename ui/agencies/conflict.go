package agencies

import (
	"context"
	"errors"
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/vntext"
)

// When another clerk saved the agency after this one opened it, the form
// shows what they changed and lets the clerk take their version (r) or
// write this one over it (o), as the entry form does for registrations.

// agencyConflictMsg brings the agency as the other clerk saved it.
type agencyConflictMsg struct {
	theirs campaign.Agency
	err    error // the store's message, when theirs cannot be read
}

// readTheirs reads the agency as the campaign now knows it.
func readTheirs(ctx context.Context, st Book, campaignID, id int64, cause error) tea.Cmd {
	return func() tea.Msg {
		list, err := st.CampaignAgencies(ctx, campaignID)
		if err != nil {
			return agencyConflictMsg{err: cause}
		}
		for _, a := range list {
			if a.ID == id {
				return agencyConflictMsg{theirs: a}
			}
		}
		return agencyConflictMsg{err: cause} // gone meanwhile: the store's message says so
	}
}

// isConflict reports an edit refused because the agency changed since.
func isConflict(err error) bool { return errors.Is(err, book.ErrConflict) }

// conflictKey handles r and o while the conflict is shown; other keys
// (esc included) go to the form as usual.
func (f *agencyForm) conflictKey(msg tea.KeyMsg) (handled bool, cmd tea.Cmd) {
	switch msg.String() {
	case "r": // theirs: the form starts again from their version
		*f = *newAgencyFormFrom(f.ctx, f.book, f.id, *f.theirs)
		return true, nil
	case "o": // mine, over theirs: saved against their version
		f.orig.Version = f.theirs.Version
		f.theirs = nil
		return true, f.save()
	}
	return false, nil
}

// conflictLines lists what the other clerk changed.
func (f *agencyForm) conflictLines() []string {
	if f.theirs == nil {
		return nil
	}
	c, st := f.ctx, f.ctx.Styles
	was, now := f.orig, *f.theirs
	name := func(id int64) string {
		if a := c.Data.ByID[id]; a != nil {
			return a.Name
		}
		return ""
	}
	active := func(a campaign.Agency) string {
		if a.Active {
			return c.T("đang theo dõi", "tracked")
		}
		return c.T("ngừng theo dõi", "not tracked")
	}
	fields := []struct{ label, was, now string }{
		{c.T("Tên", "Name"), was.Name, now.Name},
		{c.T("Tên viết tắt", "Short name"), was.ShortName, now.ShortName},
		{c.T("Nhóm", "Group"), was.Group.Label(c.Lang), now.Group.Label(c.Lang)},
		{c.T("Thuộc huyện", "District"), name(was.ParentID), name(now.ParentID)},
		{c.T("Mã đơn vị", "Code"), was.Code, now.Code},
		{c.T("Theo dõi", "Tracking"), active(was), active(now)},
	}
	lines := []string{" " + st.Warning.Render(c.T("Người khác đã lưu cơ quan này sau khi bạn mở. Họ đã sửa:", "Someone else saved this agency after you opened it. They changed:"))}
	n := 0
	for _, x := range fields {
		if x.was == x.now {
			continue
		}
		n++
		lines = append(lines, fmt.Sprintf("   %s: «%s» → «%s»", x.label, vntext.Line(x.was), vntext.Line(x.now)))
	}
	if n == 0 {
		lines = append(lines, "   "+c.T("(không khác nội dung; chỉ lưu lại)", "(same content; only saved again)"))
	}
	return append(lines, " "+st.Bold.Render(c.T("r: lấy bản của họ (bỏ sửa của bạn) · o: ghi đè bằng bản của bạn · esc: thôi sửa",
		"r: take theirs (drop your edits) · o: overwrite with yours · esc: stop editing")))
}
