package campaign

import (
	"fmt"
	"strconv"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	dom "cchc/internal/campaign"
	"cchc/internal/lang"
	"cchc/internal/provmap"
	"cchc/internal/vndate"
	"cchc/ui/common"
)

// newYear opens the next year's campaign, as `cchc campaign new` does: the
// agencies still followed, the quotas, issuer and signer of the year it
// copies, none of its registrations; on the province's current map when
// the year copied is on an older one (--map 2025). Two steps: the year,
// then the request letter, issuer and signer it carries over, to confirm.
type newYear struct {
	ctx     *common.Context
	book    Book
	form    *common.Form // the year, its deadline, what it copies, the map
	confirm *common.Form // the letter, issuer and signer; nil before
	err     string
	saving  bool

	proposed string               // the deadline proposed, replaced while the clerk keeps it
	lists    map[int][]dom.Agency // the agencies of each year copied from, read once
	plan     *provmap.Plan        // what the current map changes, when it applies
	other    *lang.Error          // the hint for a province whose map cchc does not carry
	src      dom.Campaign         // the campaign copied from
	camp     dom.Campaign         // the year as the first step left it
	from     int                  // the year it copies
}

type openedMsg struct{ year int }
type openErrMsg struct{ err error }

// Choices of the map field.
const (
	mapApply int64 = 1
	mapKeep  int64 = 0
)

// proposedYear is the year a new campaign is likely for: this year's, or
// from October the next (the campaign a clerk opens in December is next
// year's); never one the book has already.
func proposedYear(today vndate.Date, latest int) int {
	y := today.Year()
	if today.Month() >= time.October {
		y++
	}
	return max(y, latest+1)
}

// proposedDeadline is the day and month of the campaign copied, in the new
// year; one already past is a month from today, within the year.
func proposedDeadline(src dom.Campaign, year int, today vndate.Date) vndate.Date {
	d := vndate.Of(year, time.March, 31)
	if dl := src.Deadline; !dl.IsZero() {
		d = vndate.Of(year, dl.Month(), dl.Day())
		if dl.Month() == time.February && dl.Day() == 29 && d.Month() != time.February {
			d = vndate.Of(year, time.February, 28)
		}
	}
	if !d.After(today) && year == today.Year() {
		d = today.AddDays(30)
		if d.Year() != year {
			d = vndate.Of(year, time.December, 31)
		}
	}
	return d
}

func newNewYear(ctx *common.Context, b Book) *newYear {
	t := ctx.T
	latest := ctx.Data.Campaigns[0] // newest first
	for _, c := range ctx.Data.Campaigns {
		if c.Year > latest.Year {
			latest = c
		}
	}
	var from []common.Choice
	for _, c := range ctx.Data.Campaigns {
		from = append(from, common.Choice{Label: fmt.Sprint(c.Year), Value: int64(c.Year)})
	}
	year := common.NewText("year", t("Năm", "Year"), "", 4)
	year.SetText(fmt.Sprint(proposedYear(ctx.Today, latest.Year)))
	deadline := common.NewText("deadline", t("Hạn đăng ký", "Deadline"), "dd/mm/yyyy", 10)
	deadline.Date = true
	copyFrom := common.NewChoice("from", t("Sao chép từ đợt", "Copy from"), from)
	copyFrom.SelectValue(int64(latest.Year))
	onMap := common.NewChoice("map", t("Bản đồ hành chính", "Map"), []common.Choice{
		{Label: t("theo bản đồ hiện nay (từ 2025)", "today's map (since 2025)"), Value: mapApply},
		{Label: t("giữ như đợt sao chép", "as the year copied"), Value: mapKeep},
	})
	f := common.NewForm(ctx, year, deadline, copyFrom, onMap)
	n := &newYear{ctx: ctx, book: b, form: f, lists: map[int][]dom.Agency{}}
	n.refresh()
	f.FocusID("deadline") // proposed: typing replaces it
	return n
}

// refresh follows the year and the year copied: the deadline proposed,
// and whether the current map is offered.
func (n *newYear) refresh() {
	c, f := n.ctx, n.form
	n.from = int(f.Field("from").Selected())
	for _, x := range c.Data.Campaigns {
		if x.Year == n.from {
			n.src = x
		}
	}
	y, err := strconv.Atoi(f.Field("year").Value())
	if err == nil && y > 2000 && y <= 2100 {
		if dl := f.Field("deadline"); dl.Value() == n.proposed {
			n.proposed = proposedDeadline(n.src, y, c.Today).String()
			dl.SetText(n.proposed)
		}
	}
	n.plan, n.other = nil, nil
	f.Field("map").Hidden = true
	m, carried := provmap.For(n.src)
	if err != nil || y < provmap.HaTinh2025().FirstYear() {
		return
	}
	list, ok := n.lists[n.from]
	if !ok {
		list, _ = n.book.CampaignAgencies(c.Work(), n.src.ID) // a few hundred rows; an error leaves no offer
		n.lists[n.from] = list
	}
	if !carried {
		if provmap.HaTinh2025().Old(list) { // follows districts: the map of before 2025
			n.other = provmap.NotCarried(n.src)
		}
		return
	}
	if !m.Old(list) {
		return
	}
	p := m.Plan(list)
	n.plan = &p
	f.Field("map").Hidden = false
}

func (n *newYear) shortHelp() []key.Binding {
	k := n.ctx.Keys
	if n.confirm != nil {
		save := key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", n.ctx.T("mở đợt", "open it")))
		back := key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", n.ctx.T("quay lại", "back")))
		return []key.Binding{save, k.NextField, back}
	}
	next := key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", n.ctx.T("tiếp: văn bản, người ký", "next: letter, signer")))
	return []key.Binding{next, k.NextField, k.Back}
}

// update handles a key; done reports the form closed.
func (n *newYear) update(msg tea.Msg) (done bool, cmd tea.Cmd) {
	switch msg := msg.(type) {
	case openErrMsg:
		n.saving, n.err = false, lang.Message(msg.err, n.ctx.Lang)
	case openedMsg:
		note := n.ctx.F("Đã mở đợt đăng ký năm %d; căn cứ và các thiết lập khác: phím c", "Opened the %d campaign; its legal basis and other settings: key c", msg.year)
		return true, tea.Batch(common.Cmd(Done{}), common.Cmd(common.SwitchCampaignMsg{Year: msg.year, Note: note}))
	case tea.KeyMsg:
		k := n.ctx.Keys
		switch {
		case key.Matches(msg, k.Back) && n.confirm != nil:
			n.confirm, n.err = nil, ""
			return false, nil
		case key.Matches(msg, k.Back):
			return true, nil
		case key.Matches(msg, k.Save) && n.confirm != nil:
			return false, n.save()
		case key.Matches(msg, k.Save):
			n.next()
			return false, nil
		}
		if n.confirm != nil {
			n.confirm.Update(msg)
		} else {
			n.form.Update(msg)
			n.refresh()
		}
		n.err = ""
	}
	return false, nil
}

// next checks the first step and opens the second: the request letter,
// issuer and signer carried over from the year copied, to confirm.
func (n *newYear) next() {
	c, f := n.ctx, n.form
	y, err := strconv.Atoi(f.Field("year").Value())
	if err != nil || y < 2000 || y > 2100 {
		n.err = c.T("Năm: cần một năm, ví dụ 2024", "Year: expected a year, e.g. 2024")
		return
	}
	for _, x := range c.Data.Campaigns {
		if x.Year == y {
			n.err = c.F("Năm %d đã có đợt đăng ký; chọn nó bằng enter trong danh sách", "%d has a campaign already; choose it with enter in the list", y)
			return
		}
	}
	d, err := f.Field("deadline").ReadDate()
	if err != nil || d.IsZero() {
		n.err = c.T("Hạn đăng ký: cần ngày có thật dạng dd/mm/yyyy", "Deadline: expected a real date as dd/mm/yyyy")
		return
	}
	if x := (dom.Campaign{Year: y, Deadline: d}); !x.DeadlineInYear() {
		n.err = c.F("Hạn đăng ký: phải thuộc năm %d của đợt đăng ký", "Deadline: must fall within the campaign's year %d", y)
		return
	}
	n.camp = dom.Campaign{Year: y, Deadline: d}
	src := n.src
	t := c.T
	text := func(id, label, value string, limit int) *common.Field {
		fd := common.NewText(id, label, "", limit)
		fd.SetText(value)
		return fd
	}
	letter := src.LetterNumber // its code without the number: "/SNV-CCHC&VTLT"
	for i, r := range letter {
		if r == '/' {
			letter = letter[i:]
			break
		}
	}
	n.confirm = common.NewForm(c,
		text("letter_number", t("Số công văn", "Letter No."), letter, 60),
		text("letter_date", t("Ngày công văn", "Letter date"), "", 10),
		text("issuer_parent", t("Cơ quan chủ quản", "Parent body"), src.IssuerParent, dom.MaxLine),
		text("issuer", t("Cơ quan ban hành", "Issuer"), src.Issuer, dom.MaxLine),
		text("signer_authority", t("Thẩm quyền ký", "Signing authority"), src.SignerAuthority, 100),
		text("signer_title", t("Chức vụ người ký", "Signer's title"), src.SignerTitle, 100),
		text("signer_name", t("Người ký", "Signer"), src.SignerName, 100),
	)
	n.confirm.Field("letter_number").Hint = t("số điền sau cũng được", "the number may come later")
	n.confirm.Field("letter_date").Hint = "dd/mm/yyyy"
	n.confirm.Field("letter_date").Date = true
	n.confirm.Field("signer_authority").Hint = t("vd. KT. Giám đốc", "e.g. KT. Giám đốc")
	n.confirm.FocusOpen("letter_number") // the code kept: the number goes in front
	n.err = ""
}

func (n *newYear) save() tea.Cmd {
	if n.saving {
		return nil
	}
	c, f := n.ctx, n.confirm
	camp := n.camp
	ld, err := f.Field("letter_date").ReadDate()
	if err != nil {
		n.err = c.T("Ngày công văn: cần ngày có thật dạng dd/mm/yyyy", "Letter date: expected a real date as dd/mm/yyyy")
		return nil
	}
	camp.LetterNumber, camp.LetterDate = f.Field("letter_number").Value(), ld
	camp.IssuerParent, camp.Issuer = f.Field("issuer_parent").Value(), f.Field("issuer").Value()
	camp.SignerAuthority, camp.SignerTitle, camp.SignerName = f.Field("signer_authority").Value(), f.Field("signer_title").Value(), f.Field("signer_name").Value()
	from, st := n.from, n.book
	var change *provmap.Plan
	if n.plan != nil && n.form.Field("map").Selected() == mapApply {
		change = n.plan
	}
	n.saving = true
	return func() tea.Msg {
		var err error
		if change != nil {
			_, err = st.NewCampaignOnMap(n.ctx.Work(), camp, from, change.Change)
		} else {
			_, err = st.NewCampaign(n.ctx.Work(), camp, from)
		}
		if err != nil {
			return openErrMsg{err}
		}
		return openedMsg{camp.Year}
	}
}

func (n *newYear) view(width int) []string {
	c, st := n.ctx, n.ctx.Styles
	muted := func(text string, lines int) []string { return common.WrapLines(text, width-2, lines, " ", st.Muted) }
	lines := []string{" " + st.Title.Render(c.T("Mở đợt đăng ký năm mới", "Open a new year's campaign"))}
	if n.confirm != nil {
		lines[0] = " " + st.Title.Render(c.F("Mở đợt đăng ký năm %d: văn bản đề nghị và người ký", "Open the %d campaign: request letter and signer", n.camp.Year))
		lines = append(lines, muted(c.F("Sao chép từ đợt %d: xem lại, sửa nếu đã thay đổi (người ký, chức vụ…), rồi ctrl+s để mở đợt.",
			"Copied from %d: check them, change what is no longer so (signer, title…), then ctrl+s opens the year.", n.from), 2)...)
		lines = append(lines, muted(n.firstStep(), 3)...)
		lines = append(lines, "")
		lines = append(lines, n.confirm.View(width, 20)...)
	} else {
		lines = append(lines, muted(c.T("Sao chép danh sách cơ quan đang theo dõi, chỉ tiêu, cơ quan ban hành và người ký; không sao chép mô hình.",
			"Copies the agencies followed, quotas, issuer and signer; no registrations."), 3)...)
		lines = append(lines, "")
		lines = append(lines, n.form.View(width, 20)...)
		switch {
		case n.plan != nil && n.form.Field("map").Selected() == mapApply:
			lines = append(lines, "")
			lines = append(lines, common.WrapLines(n.mapChanges(), width-2, 6, " ", st.Warning)...)
		case n.plan != nil:
			lines = append(lines, "")
			lines = append(lines, muted(c.F("Đợt %d theo bản đồ trước năm 2025 (còn cấp huyện); ←/→ ở ô Bản đồ hành chính để áp dụng bản đồ hiện nay.",
				"The %d campaign is on the map before 2025 (with districts); ←/→ on Map to apply today's.", n.from), 2)...)
		case n.other != nil:
			lines = append(lines, "")
			lines = append(lines, muted(lang.Message(n.other, c.Lang), 6)...)
		}
	}
	if n.saving {
		lines = append(lines, "", " "+st.Muted.Render(c.T("Đang mở đợt…", "Opening…")))
	}
	if n.err != "" {
		lines = append(lines, "", " "+st.Error.Render("! "+n.err))
	}
	return lines
}

// mapChanges says what applying the map does: "Theo bản đồ hiện nay: hợp
// nhất 6 sở (từ 01/3/2025), ngừng theo dõi 13 đơn vị cấp huyện, thêm 69
// xã, phường (từ 01/7/2025). Sau đó: 14 sở…".
func (n *newYear) mapChanges() string {
	c, p := n.ctx, n.plan
	return c.F("Theo bản đồ hành chính hiện nay của tỉnh Hà Tĩnh, trong một thay đổi (u hoàn tác): hợp nhất %d sở thành %d (từ 01/3/2025), ngừng theo dõi %d đơn vị cấp huyện và xã cũ, thêm %d xã, phường (từ 01/7/2025). Sau đó: %s.",
		"On Hà Tĩnh's administrative map of today, in one change (u undoes it): %d departments merged into %d (since 1 March 2025), %d districts and old communes no longer followed, %d communes and wards added (since 1 July 2025). Then: %s.",
		p.Merged, len(p.Change.Merges), p.Stopped, len(p.Change.Add), p.Summary(c.Lang))
}

// firstStep recalls the first step's choices on the second.
func (n *newYear) firstStep() string {
	c := n.ctx
	s := c.F("Năm %d, hạn %s, sao chép từ đợt %d", "Year %d, deadline %s, copied from %d", n.camp.Year, n.camp.Deadline, n.from)
	if n.plan != nil && n.form.Field("map").Selected() == mapApply {
		s += c.F(", theo bản đồ hiện nay: %s", ", on today's map: %s", n.plan.Summary(c.Lang))
	}
	return s + c.T(" (esc: quay lại).", " (esc: back).")
}
