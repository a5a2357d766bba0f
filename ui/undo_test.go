package ui

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"cchc/internal/lang"
)

// ctrl+z typed in a form does not undo a change made elsewhere; u, out
// of a field, says what it would undo and asks first.
func TestUndoAsksAndIsNotTypedAway(t *testing.T) {
	st := seeded(t)
	h := newHarness(t, st, lang.VI, 100, 30)
	row := findRow(t, h, "Khám bệnh không giấy tờ")
	h.keys("4", "/", "khám", "enter", "d", "y")
	deleted := func() bool {
		_, err := st.Registration(context.Background(), row.ID)
		return err != nil
	}
	if !deleted() {
		t.Fatal("not deleted")
	}
	h.keys("3")
	if !h.m.activeScreen().Capturing() {
		t.Fatalf("the entry form does not take text:\n%s", h.view())
	}
	h.keys("kho bac")
	h.send(tea.KeyMsg{Type: tea.KeyCtrlZ})
	if v := h.view(); !deleted() || strings.Contains(v, "Đã hoàn tác") || !strings.Contains(v, "ctrl+z không hoàn tác") {
		t.Fatalf("ctrl+z in a field (deleted: %v):\n%s", deleted(), v)
	}
	h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("4"), Alt: true})
	h.send(tea.KeyMsg{Type: tea.KeyCtrlZ})
	if v := h.view(); !deleted() || !strings.Contains(v, "Hoàn tác: Xóa mô hình «Khám bệnh không giấy tờ» của Sở Y tế?") {
		t.Fatalf("ctrl+z out of a field does not ask:\n%s", v)
	}
	h.keys("n")
	if !deleted() {
		t.Fatal("undone though the clerk said no")
	}
	h.keys("u", "y")
	if v := h.view(); deleted() || !strings.Contains(v, "Đã hoàn tác: Xóa mô hình") {
		t.Fatalf("u then y (deleted: %v):\n%s", deleted(), v)
	}
}
