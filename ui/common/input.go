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

// UpdateInput passes msg to the input. A letter typed alone is kept as it
// came, mark and all, until the cursor moves: Unikey and EVKey in "tổ hợp"
// mode send a letter as base and marks, then erase it with one backspace
// per code point to put the next form; renormalised at once, their
// backspaces would eat the letters before. Text that comes in one piece
// (a paste, a fast read) and any other key renormalise the value to NFC,
// keeping the cursor after the same letter, so that the cursor moves by
// whole letters. Values are read through Field.Value, which is NFC.
func UpdateInput(ti textinput.Model, msg tea.Msg) (textinput.Model, tea.Cmd) {
	km, isKey := msg.(tea.KeyMsg)
	if isKey && km.Type == tea.KeyRunes {
		// colour and cursor codes copied along with text (from a terminal,
		// a web page) are not text: dropped whole, not left as "[31m"
		if s := string(km.Runes); strings.ContainsRune(s, '\x1b') {
			km.Runes = []rune(ansi.Strip(s))
			msg = km
		}
	}
	typed := isKey && (km.Type == tea.KeyRunes && len(km.Runes) == 1 && !km.Paste || km.Type == tea.KeyBackspace || km.Type == tea.KeySpace)
	if !typed {
		ti = nfc(ti) // the cursor moves over whole letters
	}
	ti, cmd := ti.Update(msg)
	if !typed {
		ti = nfc(ti)
	}
	return ti, cmd
}

// nfc renormalises the input's value, keeping the cursor after the same
// letter.
func nfc(ti textinput.Model) textinput.Model {
	v := ti.Value()
	if n := norm.NFC.String(v); n != v {
		runes := []rune(v)
		pos := min(ti.Position(), len(runes))
		newPos := len([]rune(norm.NFC.String(string(runes[:pos]))))
		ti.SetValue(n)
		ti.SetCursor(newPos)
	}
	return ti
}
