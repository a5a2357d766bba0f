package registrations

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"cchc/internal/campaign"
	"cchc/internal/vndate"
	"cchc/ui/common"
)

// progressForm moves the open registration to its next stage, with the
// day and a short note.
type progressForm struct {
	ctx  *common.Context
	book Book
	id   int64
	last int64 // the latest step shown, so a step someone else made is not stepped over
	form *common.Form
	next []campaign.Stage
	err  string
}

// newProgressForm offers the stages reachable from where the model is,
// on day (today when zero: the day of the last step is kept); nil when it
// is at its last stage.
func newProgressForm(ctx *common.Context, b Book, id int64, steps []campaign.Step, day vndate.Date) *progressForm {
	from := campaign.Registered
	var last int64
	if n := len(steps); n > 0 {
		from, last = steps[n-1].Stage, steps[n-1].ID
	}
	next := from.Next()
	if len(next) == 0 {
		return nil
	}
	var choices []common.Choice
	for i, s := range next {
		choices = append(choices, common.Choice{Label: s.Label(ctx.Lang), Value: int64(i)})
	}
	if day.IsZero() || day.After(ctx.Today) {
		day = ctx.Today
	}
	on := common.NewText("on", ctx.T("Ngày", "Date"), "dd/mm/yyyy", 10)
	on.SetText(day.String())
	on.Date = true
	f := common.NewForm(ctx,
		common.NewChoice("stage", ctx.T("Chuyển sang", "Move to"), choices),
		on,
		common.NewText("note", ctx.T("Ghi chú", "Note"), ctx.T("kết quả, lý do…", "result, reason…"), campaign.MaxLine),
	)
	return &progressForm{ctx: ctx, book: b, id: id, last: last, form: f, next: next}
}

type progressSavedMsg struct {
	note string
	on   vndate.Date
}
type progressErrMsg struct{ err error }

// update handles a key; done reports the form closed.
func (p *progressForm) update(msg tea.KeyMsg) (done bool, cmd tea.Cmd) {
	k := p.ctx.Keys
	switch {
	case key.Matches(msg, k.Back):
		return true, nil
	case key.Matches(msg, k.Save):
		return false, p.save()
	}
	p.form.Update(msg)
	p.err = ""
	return false, nil
}

func (p *progressForm) save() tea.Cmd {
	d, err := p.form.Field("on").ReadDate()
	if err != nil || d.IsZero() {
		p.err = p.ctx.T("Ngày: cần ngày có thật dạng dd/mm/yyyy", "Date: expected a real date as dd/mm/yyyy")
		return nil
	}
	step := campaign.Step{RegistrationID: p.id, Stage: p.next[p.form.Field("stage").Choice], On: d, Note: p.form.Field("note").Value()}
	st, l, last := p.book, p.ctx.Lang, p.last
	return func() tea.Msg {
		if err := st.AdvanceProgress(p.ctx.Work(), step, last); err != nil {
			return progressErrMsg{err}
		}
		return progressSavedMsg{l.F("Đã cập nhật tiến độ: %s (%s)", "Progress updated: %s (%s)", step.Stage.Label(l), step.On), step.On}
	}
}

func (p *progressForm) view(width int) []string {
	st := p.ctx.Styles
	lines := []string{"", " " + st.Title.Render(p.ctx.T("Cập nhật tiến độ", "Update progress"))}
	lines = append(lines, p.form.View(width, 14)...)
	if p.err != "" {
		lines = append(lines, " "+st.Error.Render("! "+p.err))
	}
	return lines
}

// progressLines shows where the model stands and each change on the way.
func progressLines(ctx *common.Context, steps []campaign.Step, width int) []string {
	st := ctx.Styles
	stage, since := campaign.Registered, ""
	if n := len(steps); n > 0 {
		stage, since = steps[n-1].Stage, ctx.F(" từ %s", " since %s", steps[n-1].On)
	}
	lines := []string{"", " " + st.Bold.Render(ctx.T("Tiến độ: ", "Progress: ")+stage.Label(ctx.Lang)) + st.Muted.Render(since)}
	for _, s := range steps {
		line := "   " + s.On.String() + "  " + s.Stage.Label(ctx.Lang)
		if s.Note != "" {
			line += " — " + s.Note
		}
		lines = append(lines, st.Muted.Render(common.FitLine(line, width)))
	}
	if len(stage.Next()) > 0 {
		var names []string
		for _, n := range stage.Next() {
			names = append(names, n.Label(ctx.Lang))
		}
		lines = append(lines, " "+st.Muted.Render(ctx.F("Nhấn p để chuyển sang: %s", "Press p to move to: %s", strings.Join(names, ctx.T(" hoặc ", " or ")))))
	}
	return lines
}
