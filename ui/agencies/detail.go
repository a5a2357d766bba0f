package agencies

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/report"
	"cchc/internal/vntext"
	"cchc/ui/common"
)

// detailView is one agency's page: who it is, how it stands, its letters'
// registrations (and its communes' for a district).
type detailView struct {
	ctx           *common.Context
	book          Book
	id            int64
	width, height int
	regs          []book.ListRow
	list          common.ListView

	// the files of the agency's letters (FilesMsg), the selected row's
	// and its letter's shown under the list
	kept     []book.FileRow
	letterOf map[int64]int64 // each registration's letter
	files    common.KeptFiles
}

// FilesMsg brings the files of an agency's letters and which letter each
// of its registrations came in. The root gives it to this screen whichever
// is shown (a reload after a file was attached elsewhere).
type FilesMsg struct {
	agency   int64
	kept     []book.FileRow
	letterOf map[int64]int64
	err      error
}

// loadFiles reads the files of the agency's letters and its communes'.
func (d *detailView) loadFiles() tea.Cmd {
	st, campaignID, id := d.book, d.ctx.Data.Campaign.ID, d.id
	return func() tea.Msg {
		ctx := d.ctx.Work()
		regs, err := st.AgencyRegistrations(ctx, campaignID, id)
		if err != nil {
			return FilesMsg{agency: id, err: err}
		}
		msg := FilesMsg{agency: id, letterOf: map[int64]int64{}}
		agencies := []int64{id}
		for _, r := range regs {
			msg.letterOf[r.ID] = r.SubmissionID
			if !slices.Contains(agencies, r.AgencyID) {
				agencies = append(agencies, r.AgencyID)
			}
		}
		for _, a := range agencies {
			list, err := st.Files(ctx, book.FilesQuery{CampaignID: campaignID, AgencyID: a})
			if err != nil {
				return FilesMsg{agency: id, err: err}
			}
			msg.kept = append(msg.kept, list...)
		}
		return msg
	}
}

// showFiles shows the files of the selected registration and its letter.
func (d *detailView) showFiles() {
	r := d.selected()
	if r == nil || d.letterOf == nil {
		d.files.Show(nil, 0, "", 0, "")
		return
	}
	letter := d.letterOf[r.ID]
	d.files.Show(common.FilesOf(d.kept, letter, r.ID), letter, r.LetterNumber(), r.ID, r.Title)
}

func newDetail(ctx *common.Context, b Book, id int64) *detailView {
	d := &detailView{ctx: ctx, book: b, id: id}
	d.list = common.NewListView(&ctx.Styles,
		common.Column{Title: ctx.T("Nhận", "Recv."), Width: 10},
		common.Column{Title: ctx.T("Số văn bản", "Letter"), Width: 14},
		common.Column{Title: ctx.T("Tên mô hình, sáng kiến", "Title"), Width: 20, Flex: 3},
		common.Column{Title: ctx.T("Loại", "Kind"), Width: 12},
		common.Column{Title: ctx.T("Chủ trì", "Lead"), Width: 16, Middle: true},
	)
	d.list.Empty = ctx.T("Chưa có mô hình, sáng kiến nào. Nhấn n để nhập, i để nhập từ tệp.", "No registration yet. Press n to record one, i to import a file.")
	d.refresh()
	return d
}

// refresh picks this agency's registrations out of the loaded data.
func (d *detailView) refresh() {
	data := d.ctx.Data
	if data.Registrations == nil && len(d.regs) > 0 {
		return // a reload's first step: its list comes next, the rows shown stay
	}
	var keep int64 // the registration selected stays selected (a file attached to it)
	if r := d.selected(); r != nil {
		keep = r.ID
	}
	d.regs = d.regs[:0]
	for _, r := range data.Registrations {
		a := data.ByID[r.Agency.ID]
		if r.Agency.ID == d.id || (a != nil && a.ParentID == d.id) {
			d.regs = append(d.regs, r)
		}
	}
	// oldest first, the order the letters came in
	for i, j := 0, len(d.regs)-1; i < j; i, j = i+1, j-1 {
		d.regs[i], d.regs[j] = d.regs[j], d.regs[i]
	}
	regs := d.regs
	d.list.SetRowFunc(len(regs), func(i int) []string {
		r := &regs[i]
		if common.Narrow(d.width) { // the title takes the room: the day and the kind short
			return []string{r.Received().Short(), common.Dash(r.LetterNumber()), r.Title, r.Kind().Word(d.ctx.Lang), r.Lead.Name}
		}
		return []string{r.Received().String(), common.Dash(r.LetterNumber()), r.Title, r.Kind().Label(d.ctx.Lang), r.Lead.Name}
	})
	for i := range regs {
		if regs[i].ID == keep {
			d.list.SetCursor(i)
		}
	}
}

func (d *detailView) setSize(w, h int) {
	d.width, d.height = w, h
	cols := d.list.Columns
	cols[0].Width, cols[1].Width, cols[3].Width = 10, 14, common.KindWidth(d.ctx, false)
	cols[4].Width, cols[4].Flex, cols[4].Title = 16, 1, d.ctx.T("Chủ trì", "Lead")
	if common.Narrow(w) { // the title takes the room; the lead is told under the list
		cols[0].Width, cols[1].Width, cols[3].Width = 5, 12, common.KindWidth(d.ctx, true)
		cols[4].Width, cols[4].Flex, cols[4].Title = 0, 0, ""
	}
	d.list.SetSize(w, h-len(d.headLines())-selectedRows)
}

// selectedRows is the lines that tell the selected registration whole.
const selectedRows = 2

// selectedLine tells the selected registration whole, under the list, in
// selectedRows lines.
func (d *detailView) selectedLine() string {
	text := ""
	if r := d.selected(); r != nil {
		c := d.ctx
		text = r.Title + " · " + c.F("văn bản %s, nhận %s", "letter %s, received %s", common.Dash(r.LetterNumber()), r.Received()) +
			" · " + c.F("chủ trì: %s", "lead: %s", r.Lead.Name)
	}
	return strings.Join(common.DetailLines(d.ctx, text, d.width, selectedRows), "\n")
}

func (d *detailView) headLines() []string {
	c, st := d.ctx, d.ctx.Styles
	a := c.Data.ByID[d.id]
	if a == nil {
		return []string{" " + c.T("Cơ quan, đơn vị này không còn trong đợt đăng ký.", "This agency is no longer in the campaign.")}
	}
	title := a.Name
	if a.ShortName != "" {
		title += " (" + a.ShortName + ")"
	}
	lines := []string{" " + st.Title.Render(title)}
	info := []string{c.Data.Campaign.GroupHeading(a.Group, c.Lang)}
	if a.Code != "" {
		info = append(info, c.F("mã %s", "code %s", a.Code))
	}
	if p := c.Data.ByID[a.ParentID]; p != nil {
		info = append(info, c.F("thuộc %s", "under %s", p.Name))
	}
	if !a.Active {
		info = append(info, st.Warning.Render(c.T("ngừng hoạt động", "inactive")))
	}
	lines = append(lines, " "+st.Muted.Render(strings.Join(info, " · ")))
	if r, ok := c.Data.ResultByID[a.ID]; ok {
		status := st.Status(r.Status).Render(r.Status.Marker(c.ASCII) + " " + r.Status.Label(c.Lang))
		line := c.F(" Đã đăng ký %d / chỉ tiêu %s · ", " Registered %d / quota %s · ", r.Registered, report.QuotaText(r.Quota)) + status
		if !r.MetOn.IsZero() {
			line += c.F(" · đạt ngày %s", " · met on %s", r.MetOn)
		}
		if rem := report.Remarks(r, c.Lang, c.ASCII); rem != "" {
			line += " · " + st.Warning.Render(rem)
		}
		lines = append(lines, line)
	}
	if a.Group == campaign.District {
		lines = append(lines, d.communeLine(a))
	}
	return append(lines, "")
}

// communeLine summarises a district's communes and which have registered.
func (d *detailView) communeLine(a *campaign.Agency) string {
	c := d.ctx
	communes := c.Data.Children(a.ID)
	if len(communes) == 0 {
		return " " + c.Styles.Muted.Render(c.T("Chưa có danh sách xã: nhấn i để nhập danh sách đơn vị hành chính từ tệp.", "No communes listed yet: press i to import the list of administrative units."))
	}
	var with []string
	for _, x := range communes {
		if n := c.Data.OwnCount[x.ID]; n > 0 {
			with = append(with, fmt.Sprintf("%s (%d)", x.Name, n))
		}
	}
	line := c.F(" %d xã, phường, thị trấn; %d có văn bản riêng", " %d communes; %d sent their own letters", len(communes), len(with))
	if len(with) > 0 {
		line += ": " + strings.Join(with, ", ")
	}
	return vntext.Truncate(line, d.width)
}

func (d *detailView) shortHelp() []key.Binding {
	k := d.ctx.Keys
	if d.files.Capturing() {
		return d.files.Keys(d.ctx)
	}
	return append([]key.Binding{k.New, k.Edit, k.Delete, editAgencyKey(d.ctx), k.Toggle, k.Back}, d.files.Keys(d.ctx)...)
}

// editAgencyKey edits the agency itself on its page, where e edits the
// registration selected (as d deletes it).
func editAgencyKey(c *common.Context) key.Binding {
	// English in a word: at 72 columns the page's keys fit two lines
	return key.NewBinding(key.WithKeys("E"), key.WithHelp("E", c.T("sửa cơ quan", "agency")))
}

func (d *detailView) selected() *book.ListRow {
	if i := d.list.Cursor(); i >= 0 && i < len(d.regs) {
		return &d.regs[i]
	}
	return nil
}

func (d *detailView) key(msg tea.KeyMsg) tea.Cmd {
	k := d.ctx.Keys
	if took, cmd := d.files.Key(d.ctx, d.book, msg); took {
		return cmd
	}
	if d.list.Update(msg, k) {
		d.showFiles()
		return nil
	}
	switch {
	case key.Matches(msg, k.New):
		return common.Cmd(common.NewEntryMsg{AgencyID: d.id})
	case key.Matches(msg, k.Open), key.Matches(msg, k.Edit): // e (told; enter too) edits what d deletes: the registration selected
		if r := d.selected(); r != nil {
			return common.Cmd(common.EditRegistrationMsg{ID: r.ID})
		}
	case key.Matches(msg, k.Delete):
		if r := d.selected(); r != nil {
			t := common.ListTarget(r)
			letter, last := d.letterOf[r.ID], true
			for id, l := range d.letterOf {
				last = last && (l != letter || id == r.ID)
			}
			t.Files = common.FilesGoing(d.kept, r.ID, letter, last && letter != 0)
			return common.ConfirmDelete(d.ctx, d.book, t)
		}
	case key.Matches(msg, k.Toggle):
		return confirmToggle(d.ctx, d.book, d.id)
	}
	return nil
}

func (d *detailView) view() string {
	head := d.headLines()
	kept := d.files.Lines(d.ctx, d.width)
	if len(kept) > 0 && kept[0] == "" {
		kept = kept[1:] // the selected line above sets them apart already
	}
	// the files take at most half of what the list would have
	kept = kept[max(0, len(kept)-(d.height-len(head)-selectedRows)/2):]
	d.list.SetSize(d.width, d.height-len(head)-selectedRows-len(kept))
	body := strings.Join(head, "\n") + "\n" + d.list.View() + "\n" + d.selectedLine()
	if len(kept) > 0 {
		body += "\n" + strings.Join(kept, "\n")
	}
	return common.Fit(body, d.width, d.height)
}

// confirmToggle asks before deactivating (or reactivating) an agency.
func confirmToggle(ctx *common.Context, st Book, id int64) tea.Cmd {
	a := ctx.Data.ByID[id]
	if a == nil {
		return nil
	}
	return confirmFollow(ctx, st, []campaign.Agency{*a}, !a.Active)
}

// confirmFollow asks once, naming them, before no longer following units
// (follow false) or following them again: one change in the history, as
// cchc agency stop and follow make.
func confirmFollow(ctx *common.Context, st Book, units []campaign.Agency, follow bool) tea.Cmd {
	if len(units) == 0 {
		return nil
	}
	l, campaignID, year := ctx.Lang, ctx.Data.Campaign.ID, ctx.Data.Campaign.Year
	ids := make([]int64, len(units))
	names := make([]string, len(units))
	for i, a := range units {
		ids[i], names[i] = a.ID, a.Name
	}
	what := names[0]
	if len(units) > 1 { // the count first: a long list is cut at the end of the question
		what = l.Count(len(units), "đơn vị", "unit", "units") + " (" + strings.Join(names, ", ") + ")"
	}
	q := l.F("Ngừng theo dõi %s trong đợt đăng ký %d? (không tính vào tình hình; dữ liệu đã nhập và các đợt khác vẫn giữ)",
		"Stop following %s in the %d campaign? (no longer judged; its data and the other campaigns are kept)", what, year)
	if len(units) > 1 {
		q = l.F("Ngừng theo dõi %[2]s trong đợt đăng ký %[1]d? (không tính vào tình hình; dữ liệu đã nhập và các đợt khác vẫn giữ)",
			"Stop following %[2]s in the %[1]d campaign? (no longer judged; their data and the other campaigns are kept)", year, what)
	}
	done := l.F("Đã ngừng theo dõi %s", "Stopped following %s", what)
	if follow {
		q = l.F("Theo dõi lại %s trong đợt đăng ký %d?", "Follow %s again in the %d campaign?", what, year)
		done = l.F("Đã theo dõi lại %s", "Following %s again", what)
	}
	return common.Cmd(common.ConfirmMsg{Question: q, OnYes: func() tea.Msg {
		if _, err := st.FollowAgencies(ctx.Work(), campaignID, ids, follow); err != nil {
			return common.ErrMsg{Err: err}
		}
		return common.ChangedMsg{Note: done}
	}})
}
