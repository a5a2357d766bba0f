package campaign

import (
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"cchc/ui/common"
)

// Picker lists the campaigns; enter switches the application to one.
type Picker struct {
	ctx  *common.Context
	list common.ListView
}

// NewPicker lists the campaigns of the book, the one shown selected.
func NewPicker(ctx *common.Context) *Picker {
	p := &Picker{ctx: ctx}
	p.list = common.NewListView(&ctx.Styles,
		common.Column{Title: ctx.T("Năm", "Year"), Width: 5},
		common.Column{Title: ctx.T("Hạn đăng ký", "Deadline"), Width: 11},
		common.Column{Title: ctx.T("Tên đợt", "Title"), Width: 20, Flex: 1},
	)
	var rows [][]string
	for i, c := range ctx.Data.Campaigns {
		rows = append(rows, []string{fmt.Sprint(c.Year), c.Deadline.String(), c.Title})
		if c.ID == ctx.Data.Campaign.ID {
			p.list.SetCursor(i)
		}
	}
	p.list.SetRows(rows)
	return p
}

// ShortHelp lists the picker's keys.
func (p *Picker) ShortHelp() []key.Binding {
	k := p.ctx.Keys
	open := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", p.ctx.T("chuyển sang đợt này", "switch to it")))
	return []key.Binding{open, k.Back}
}

// Update handles a key; it returns Done or a switch as commands.
func (p *Picker) Update(msg tea.Msg) tea.Cmd {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		if mm, ok := msg.(tea.MouseMsg); ok {
			p.list.Update(mm, p.ctx.Keys)
		}
		return nil
	}
	if p.list.Update(km, p.ctx.Keys) {
		return nil
	}
	switch {
	case key.Matches(km, p.ctx.Keys.Back):
		return common.Cmd(Done{})
	case key.Matches(km, p.ctx.Keys.Open):
		if i := p.list.Cursor(); i >= 0 {
			year := p.ctx.Data.Campaigns[i].Year
			return tea.Batch(common.Cmd(Done{}), common.Cmd(common.SwitchCampaignMsg{Year: year}))
		}
	}
	return nil
}

// View draws the list in width×height.
func (p *Picker) View(width, height int) string {
	c, st := p.ctx, p.ctx.Styles
	head := " " + st.Title.Render(c.T("Chọn đợt đăng ký", "Choose a campaign")) + "\n" +
		" " + st.Muted.Render(c.T("Mở đợt năm mới bằng lệnh: cchc campaign new --year NĂM --deadline dd/mm/yyyy",
		"Open a new year with: cchc campaign new --year YEAR --deadline dd/mm/yyyy")) + "\n"
	p.list.SetSize(width, height-3)
	return common.Fit(head+"\n"+p.list.View(), width, height)
}
