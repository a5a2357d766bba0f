package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"cchc/internal/lang"
	"cchc/ui/common"
)

// A report written while the clerk went to another screen ends on the
// report screen all the same: its bar gone, the file told, ctrl+s working.
func TestAWriteLeftForAnotherScreenEnds(t *testing.T) {
	common.ShowAfter = 0
	defer func() { common.ShowAfter = 500 * time.Millisecond }()
	// wide enough for the whole path: a Windows temporary folder's is
	// long, and the status line cuts what does not fit
	h := newHarness(t, seeded(t), lang.VI, 140, 40)
	path := filepath.Join(t.TempDir(), "danh-sach.xlsx")
	h.keys("6", "right", "right", "tab", "right", "right", "right", "right", "tab", "tab", "ctrl+u", path)
	_, cmd := h.m.Update(tea.KeyMsg{Type: tea.KeyCtrlS})
	waitFor(t, h, "Đang ghi…")
	h.keys("esc")
	h.run(cmd) // the job ends while the overview is shown
	if v := oneSpaced(h.view()); !strings.Contains(v, "Đã ghi "+path) {
		t.Fatalf("the overview's status line does not tell the file:\n%s", h.view())
	}
	h.keys("6")
	v := h.view()
	if strings.Contains(v, "Đang ghi…") || !strings.Contains(oneSpaced(v), "Đã ghi: "+path) {
		t.Fatalf("the report screen after the write:\n%s", v)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
	h.keys("ctrl+s") // not busy any more: asks before writing over
	if !strings.Contains(h.view(), "Tệp danh-sach.xlsx đã có. Ghi đè?") {
		t.Fatalf("ctrl+s after the write:\n%s", h.view())
	}
}

// A write that fails while another screen is shown says why there.
func TestAFailedWriteLeftForAnotherScreenIsTold(t *testing.T) {
	h := newHarness(t, seeded(t), lang.VI, 80, 24)
	path := filepath.Join(t.TempDir(), "danh-sach.csv") // the format is text: refused
	h.keys("6", "tab", "tab", "tab", "ctrl+u", path)
	_, cmd := h.m.Update(tea.KeyMsg{Type: tea.KeyCtrlS})
	h.keys("esc")
	h.run(cmd)
	if v := h.view(); !strings.Contains(lineWith(v, "! "), "Tệp") {
		t.Fatalf("the overview does not tell the failure:\n%s", v)
	}
	h.keys("6")
	if v := h.view(); strings.Contains(v, "Đang ghi…") {
		t.Fatalf("the report screen still writes:\n%s", v)
	}
}

// The dossier shows how far it got, as the reports do: seven rows of the
// list and one for the rest, no kept file.
func TestTheDossierShowsItsProgress(t *testing.T) {
	common.ShowAfter = 0
	defer func() { common.ShowAfter = 500 * time.Millisecond }()
	t.Chdir(t.TempDir())
	h := newHarness(t, seeded(t), lang.VI, 80, 24)
	h.keys("6")
	_, cmd := h.m.Update(tea.KeyMsg{Type: tea.KeyCtrlG})
	waitFor(t, h, "Đang ghi… 8/8")
	if !strings.Contains(lineWith(h.view(), "Đang ghi…"), "█") {
		t.Fatalf("no bar:\n%s", h.view())
	}
	h.run(cmd)
	if v := h.view(); !strings.Contains(oneSpaced(v), "HO-SO-2023.zip") || strings.Contains(v, "Đang ghi…") {
		t.Fatalf("after the dossier:\n%s", v)
	}
}
