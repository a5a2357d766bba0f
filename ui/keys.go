package ui

import (
	"unicode"

	tea "github.com/charmbracelet/bubbletea"
)

// cleanKeys turns a key as the console sent it into the keys the screens
// understand, once, before any screen sees it:
//   - a key made only of control characters is dropped: on Windows a lone
//     Ctrl, Alt, Caps Lock or Windows key comes as the rune NUL (bubbletea
//     v1 skips only Shift), which forms took as typing;
//   - a backspace sent as a character (0x08 or 0x7F, as Unikey and EVKey
//     send it to replace a letter they compose) or as ctrl+h is backspace.
//
// Other messages pass as they are. A key holding letters and such
// backspaces at once becomes the keys in their order.
func cleanKeys(msg tea.Msg) []tea.Msg {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return []tea.Msg{msg}
	}
	switch {
	case k.Type == tea.KeyCtrlH && !k.Alt:
		return []tea.Msg{tea.KeyMsg{Type: tea.KeyBackspace}}
	case k.Type == tea.KeyNull:
		return nil
	case k.Type != tea.KeyRunes || k.Paste:
		return []tea.Msg{msg} // a paste's controls are the field's to clean
	}
	var out []tea.Msg
	var text []rune
	flush := func() {
		if len(text) > 0 {
			out = append(out, tea.KeyMsg{Type: tea.KeyRunes, Runes: text, Alt: k.Alt})
			text = nil
		}
	}
	for _, r := range k.Runes {
		switch {
		case r == '\b' || r == 0x7f:
			flush()
			out = append(out, tea.KeyMsg{Type: tea.KeyBackspace, Alt: k.Alt})
		case unicode.IsControl(r):
			// NUL of a modifier alone, or another stray control: not text
		default:
			text = append(text, r)
		}
	}
	flush()
	return out
}
