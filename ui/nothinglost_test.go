package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"cchc/internal/lang"
	"cchc/ui/common"
)

// The reports screen never writes over the open book, however its name
// is typed, even when the clerk would say yes to overwriting.
func TestReportsScreenNeverWritesOverTheBook(t *testing.T) {
	st := seeded(t)
	h := newHarness(t, st, lang.VI, 80, 24)
	book := st.Path()
	before, err := os.ReadFile(book)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Dir(book)
	h.keys("6", "tab", "right", "tab", "tab") // status report, md, the file's name
	for _, name := range []string{book, filepath.Join(dir, "x", "..", filepath.Base(book)), book + "-wal"} {
		h.keys("ctrl+u", name, "ctrl+s")
		v := strings.Join(strings.Fields(h.view()), " ")
		if !strings.Contains(v, "không bao giờ ghi đè lên tệp dữ liệu") || strings.Contains(v, "Đã ghi: ") {
			t.Fatalf("%s:\n%s", name, v)
		}
	}
	after, err := os.ReadFile(book)
	if err != nil {
		t.Fatal(err)
	}
	if string(after) != string(before) {
		t.Fatal("the book was written over")
	}
}

// Below the minimum size, keys do nothing unseen: a delete asked before
// the window shrank is not confirmed, a "d" then "y" deletes nothing, and
// only quitting acts (asking about unsaved input on the small screen).
func TestKeysDoNothingInATooSmallWindow(t *testing.T) {
	st := seeded(t)
	h := newHarness(t, st, lang.VI, 80, 24)
	count := func() int {
		rows, err := st.Registrations(t.Context(), h.m.ctx.Data.Campaign.ID)
		if err != nil {
			t.Fatal(err)
		}
		return len(rows)
	}
	before := count()
	h.keys("4", "d") // the registrations list asks to delete the first one
	if !strings.Contains(h.view(), "(y/c = có") {
		t.Fatalf("no delete question at 80x24:\n%s", h.view())
	}
	h.send(tea.WindowSizeMsg{Width: 60, Height: 15})
	h.keys("y", "d", "y", "c", "2", "x", "y", "u", "i")
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	after := count()
	if after != before || h.m.tab != common.TabRegistrations || h.m.overlay != nil {
		t.Fatalf("keys acted unseen: %d registrations (was %d), tab %d, overlay %v", after, before, h.m.tab, h.m.overlay != nil)
	}

	// the question asked before is still there, seen now: no leaves it
	if !strings.Contains(h.view(), "(y/c = có") {
		t.Fatalf("the delete question went unanswered:\n%s", h.view())
	}
	h.keys("n")

	// quitting works, and asks first about unsaved input, on the small screen
	h.keys("3", "Sở")
	h.send(tea.WindowSizeMsg{Width: 60, Height: 15})
	_, cmd := h.m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q")})
	if cmd != nil {
		if _, quit := cmd().(tea.QuitMsg); quit {
			t.Fatal("quit without asking about the unsaved input")
		}
	}
	if v := h.view(); !strings.Contains(strings.Join(strings.Fields(v), " "), "chưa lưu") {
		t.Fatalf("the question is not on the small screen:\n%s", v)
	}
	_, cmd = h.m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("y")})
	if cmd == nil {
		t.Fatal("yes did not quit")
	}
	if _, quit := cmd().(tea.QuitMsg); !quit {
		t.Fatal("yes did not quit")
	}
}
