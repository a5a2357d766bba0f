package campaign

import (
	"context"
	"fmt"
	"strconv"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	dom "cchc/internal/campaign"
	"cchc/internal/lang"
	"cchc/internal/vndate"
	"cchc/ui/common"
)

// newYear opens the next year's campaign, as `cchc campaign new` does: the
// agencies still followed, the quotas, issuer and signer of the year it
// copies, none of its registrations.
type newYear struct {
	ctx    *common.Context
	form   *common.Form
	err    string
	saving bool
}

type openedMsg struct{ year int }
type openErrMsg struct{ err error }

func newNewYear(ctx *common.Context) *newYear {
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
	year.SetText(fmt.Sprint(latest.Year + 1))
	deadline := common.NewText("deadline", t("Hạn đăng ký", "Deadline"), "dd/mm/yyyy", 10)
	letter := common.NewText("letter", t("Số công văn", "Letter No."), t("để trống: điền sau (phím c)", "empty: fill it in later (key c)"), 60)
	copyFrom := common.NewChoice("from", t("Sao chép từ đợt", "Copy from"), from)
	copyFrom.SelectValue(int64(latest.Year))
	f := common.NewForm(ctx, year, deadline, letter, copyFrom)
	f.FocusOpen("deadline")
	return &newYear{ctx: ctx, form: f}
}

func (n *newYear) shortHelp() []key.Binding {
	k := n.ctx.Keys
	save := key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", n.ctx.T("mở đợt", "open it")))
	return []key.Binding{save, k.NextField, k.Back}
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
		case key.Matches(msg, k.Back):
			return true, nil
		case key.Matches(msg, k.Save):
			return false, n.save()
		}
		n.form.Update(msg)
		n.err = ""
	}
	return false, nil
}

func (n *newYear) save() tea.Cmd {
	if n.saving {
		return nil
	}
	c, f := n.ctx, n.form
	y, err := strconv.Atoi(f.Field("year").Value())
	if err != nil || y < 2000 || y > 2100 {
		n.err = c.T("Năm: cần một năm, ví dụ 2024", "Year: expected a year, e.g. 2024")
		return nil
	}
	for _, x := range c.Data.Campaigns {
		if x.Year == y {
			n.err = c.F("Năm %d đã có đợt đăng ký; chọn nó bằng enter trong danh sách", "%d has a campaign already; choose it with enter in the list", y)
			return nil
		}
	}
	d, err := vndate.Parse(f.Field("deadline").Value())
	if err != nil || d.IsZero() {
		n.err = c.T("Hạn đăng ký: cần ngày có thật dạng dd/mm/yyyy", "Deadline: expected a real date as dd/mm/yyyy")
		return nil
	}
	camp := dom.Campaign{Year: y, Deadline: d, LetterNumber: f.Field("letter").Value()}
	from := int(f.Field("from").Selected())
	st := c.Store
	n.saving = true
	return func() tea.Msg {
		if _, err := st.NewCampaign(context.Background(), camp, from); err != nil {
			return openErrMsg{err}
		}
		return openedMsg{y}
	}
}

func (n *newYear) view(width int) []string {
	c, st := n.ctx, n.ctx.Styles
	lines := []string{" " + st.Title.Render(c.T("Mở đợt đăng ký năm mới", "Open a new year's campaign"))}
	lines = append(lines, common.WrapLines(c.T("Sao chép danh sách cơ quan đang theo dõi, chỉ tiêu, cơ quan ban hành và người ký; không sao chép mô hình.",
		"Copies the agencies followed, quotas, issuer and signer; no registrations."), width-2, 3, " ", st.Muted)...)
	lines = append(lines, "")
	lines = append(lines, n.form.View(width, 18)...)
	if n.saving {
		lines = append(lines, "", " "+st.Muted.Render(c.T("Đang mở đợt…", "Opening…")))
	}
	if n.err != "" {
		lines = append(lines, "", " "+st.Error.Render("! "+n.err))
	}
	return lines
}
