package common

import (
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"golang.org/x/text/unicode/norm"
)

func matches(msg tea.KeyMsg, b key.Binding) bool { return key.Matches(msg, b) }

// NewInput is a text input that edits whole Vietnamese letters: whatever
// is typed or pasted is kept in NFC, so a letter and its marks are one rune.
func NewInput(placeholder string, limit int) textinput.Model {
	ti := textinput.New()
	ti.Prompt = ""
	ti.Placeholder = placeholder
	ti.CharLimit = limit
	ti.Cursor.SetMode(cursor.CursorStatic)
	return ti
}

// UpdateInput passes msg to the input and renormalises its value to NFC,
// keeping the cursor after the same letter.
func UpdateInput(ti textinput.Model, msg tea.Msg) (textinput.Model, tea.Cmd) {
	if km, ok := msg.(tea.KeyMsg); ok && km.Type == tea.KeyRunes {
		// colour and cursor codes copied along with text (from a terminal,
		// a web page) are not text: dropped whole, not left as "[31m"
		if s := string(km.Runes); strings.ContainsRune(s, '\x1b') {
			km.Runes = []rune(ansi.Strip(s))
			msg = km
		}
	}
	ti, cmd := ti.Update(msg)
	v := ti.Value()
	if n := norm.NFC.String(v); n != v {
		runes := []rune(v)
		pos := ti.Position()
		if pos > len(runes) {
			pos = len(runes)
		}
		newPos := len([]rune(norm.NFC.String(string(runes[:pos]))))
		ti.SetValue(n)
		ti.SetCursor(newPos)
	}
	return ti, cmd
}
