package common

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"golang.org/x/text/unicode/norm"
)

// Search is the incremental search of a list: "/" opens it, typing filters
// as you go, enter keeps the filter, esc clears it. Arrow and page keys
// still move the list while typing.
type Search struct {
	Input  textinput.Model
	Active bool
	ctx    *Context
}

// NewSearch makes a search box with a hint shown while it is empty.
func NewSearch(ctx *Context, placeholder string) Search {
	return Search{Input: NewInput(placeholder, 100), ctx: ctx}
}

// Value is the text searched for (NFC: a letter may still be in its
// typed parts).
func (s *Search) Value() string { return norm.NFC.String(s.Input.Value()) }

// Open starts typing into the box.
func (s *Search) Open() {
	s.Active = true
	s.Input.Focus()
}

// Clear empties the box; it reports whether there was anything to clear.
func (s *Search) Clear() bool {
	had := s.Input.Value() != ""
	s.Input.SetValue("")
	return had
}

// Update handles a key while the box is open: it reports whether the text
// changed (the list must be filtered again). Keys that move the list are
// passed to list.
func (s *Search) Update(msg tea.KeyMsg, list *ListView) (changed bool) {
	switch msg.String() {
	case "enter":
		s.Active = false
		s.Input.Blur()
	case "esc":
		s.Active = false
		s.Input.Blur()
		return s.Clear()
	case "up", "down", "pgup", "pgdown":
		list.Update(msg, s.ctx.Keys)
	default:
		before := s.Input.Value()
		s.Input, _ = UpdateInput(s.Input, msg)
		return s.Input.Value() != before
	}
	return false
}

// Help lists the keys while the box is open.
func (s *Search) Help() []key.Binding {
	return []key.Binding{
		key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", s.ctx.T("xong", "done"))),
		key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", s.ctx.T("xóa tìm kiếm", "clear search"))),
	}
}

// View is the box as the filter line shows it.
func (s *Search) View() string {
	switch {
	case s.Active:
		return s.Input.View()
	case s.Input.Value() == "":
		return s.ctx.Styles.Muted.Render(s.ctx.T("(nhấn /)", "(press /)"))
	}
	return s.Input.Value()
}

// Key handles a list's search keys while the box is closed: "/" opens it,
// esc clears a search still filtering the list. handled reports the key
// was the search's; changed that the list must be filtered again.
func (s *Search) Key(msg tea.KeyMsg) (handled, changed bool) {
	switch {
	case key.Matches(msg, s.ctx.Keys.Search):
		s.Open()
		return true, false
	case key.Matches(msg, s.ctx.Keys.Back) && s.Input.Value() != "":
		return true, s.Clear()
	}
	return false, false
}
