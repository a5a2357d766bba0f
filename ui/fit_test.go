package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"cchc/internal/lang"
)

// keysLines are the lines under the status line: the keys, one or two.
func keysLines(h *harness) string {
	lines := strings.Split(h.view(), "\n")
	return oneSpaced(strings.Join(lines[len(lines)-h.m.keyRows:], " "))
}

// Every key a screen tells is on its keys' lines, at the narrowest size
// and at 80 columns, in both languages: a key that does not fit is carried
// to a second line, not dropped.
func TestNoKeyIsLeftOffTheKeysLine(t *testing.T) {
	st := seeded(t)
	states := []struct {
		name string
		keys func(h *harness)
	}{
		{"overview", func(h *harness) {}},
		{"agencies", func(h *harness) { h.keys("2") }},
		{"agency", func(h *harness) { h.keys("2", "/", "duc tho", "enter", "enter") }},
		{"entry", func(h *harness) { h.keys("3") }},
		{"registrations", func(h *harness) { h.keys("4") }},
		{"registration", func(h *harness) { h.keys("4", "enter") }},
		{"compliance", func(h *harness) { h.keys("5") }},
		{"reports", func(h *harness) { h.keys("6") }},
	}
	for _, l := range []lang.Lang{lang.VI, lang.EN} {
		for _, sz := range []struct{ w, h int }{{72, 20}, {80, 24}} {
			for _, s := range states {
				h := newHarness(t, st, l, sz.w, sz.h)
				s.keys(h)
				checkFills(t, h.view(), sz.w, sz.h)
				got := keysLines(h)
				keys, global := h.m.helpKeys()
				for _, b := range append(keys, global...) {
					if want := b.Help().Key + " " + b.Help().Desc; !strings.Contains(got, want) {
						t.Errorf("%s %dx%d %s: %q is not told: %q\n%s", l, sz.w, sz.h, s.name, want, got, h.view())
					}
				}
				h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("1"), Alt: true})
			}
		}
	}
	// the one reported: the overview's year key in English at 80 columns
	h := newHarness(t, st, lang.EN, 80, 24)
	if got := keysLines(h); !strings.Contains(got, "y switch year") || !strings.Contains(got, "q quit") {
		t.Fatalf("the overview's keys: %q\n%s", got, h.view())
	}
}

// The campaign settings' discard question tells its answers on the keys'
// line, as every other question does.
func TestSettingsDiscardQuestionTellsItsKeys(t *testing.T) {
	h := newHarness(t, seeded(t), lang.VI, 80, 24)
	h.keys("c", "Đợt mới", "esc")
	if v := h.view(); !strings.Contains(v, "Bỏ các thay đổi chưa lưu?") || !strings.Contains(keysLines(h), "y/c đồng ý · n/k không") {
		t.Fatalf("the question's keys:\n%s", v)
	}
	h.keys("y")
	if v := h.view(); !strings.Contains(keysLines(h), "c thiết lập đợt") {
		t.Fatalf("not back on the overview:\n%s", v)
	}
}
