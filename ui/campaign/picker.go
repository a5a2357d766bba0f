package campaign

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"cchc/ui/common"
)

// Picker lists the campaigns; enter switches the application to one.
type Picker struct {
	ctx  *common.Context
	book Book
	list common.ListView
	open *newYear // the new year's form, while it is open
}

var keyNewYear = key.NewBinding(key.WithKeys("n"), key.WithHelp("n", ""))

// NewPicker lists the campaigns of the book, the one shown selected.
func NewPicker(ctx *common.Context, b Book) *Picker {
	p := &Picker{ctx: ctx, book: b}
	p.list = common.NewListView(&ctx.Styles,
		common.Column{Title: ctx.T("Năm", "Year"), Width: 5},
		common.Column{Title: ctx.T("Hạn đăng ký", "Deadline"), Width: 11},
		common.Column{Title: ctx.T("Tên đợt", "Title"), Width: 20, Flex: 1, Middle: true}, // the titles differ by their year, at the end
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
	if p.open != nil {
		return p.open.shortHelp()
	}
	open := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", p.ctx.T("chuyển sang đợt này", "switch to it")))
	n := keyNewYear
	n.SetHelp("n", p.ctx.T("mở đợt năm mới", "open a new year"))
	return []key.Binding{k.Up, k.Down, open, n, k.Back}
}

// Typing reports whether a field is typed into: the new year's form,
// not the list of years.
func (p *Picker) Typing() bool { return p.open != nil }

// Update handles a key; it returns Done or a switch as commands.
func (p *Picker) Update(msg tea.Msg) tea.Cmd {
	if p.open != nil {
		done, cmd := p.open.update(msg)
		if done {
			p.open = nil
		}
		return cmd
	}
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
	case key.Matches(km, keyNewYear) && !p.book.ReadOnly():
		p.open = newNewYear(p.ctx, p.book)
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
	if p.open != nil {
		return common.Fit(strings.Join(p.open.view(width), "\n"), width, height)
	}
	head := " " + st.Title.Render(c.T("Chọn đợt đăng ký", "Choose a campaign")) + "\n" +
		" " + st.Muted.Render(c.T("enter: xem đợt đã chọn · n: mở đợt năm mới", "enter: show the campaign chosen · n: open a new year")) + "\n"
	p.list.SetSize(width, height-3)
	return common.Fit(head+"\n"+p.list.View(), width, height)
}
