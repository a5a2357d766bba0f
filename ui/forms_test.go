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

// A form opens with its field's value selected, as a field moved into
// has: typing replaces it (the agency form's name, the import's path).
func TestAFormOpensWithItsValueSelected(t *testing.T) {
	st := seeded(t)
	h := newHarness(t, st, lang.VI, 80, 24)
	h.keys("2", "/", "y te", "enter", "e", "Sở Y tế và Dân số", "ctrl+s")
	if v := h.view(); !strings.Contains(v, "Đổi tên «Sở Y tế» thành «Sở Y tế và Dân số»") {
		t.Fatalf("the name typed is not the name:\n%s", v)
	}
	h.keys("n", "esc", "y", "esc")
	h.m.ctx.ImportPath = "/tmp/cu.xlsx"
	h.keys("i", "/tmp/moi.xlsx")
	if v := h.view(); !strings.Contains(v, "/tmp/moi.xlsx") || strings.Contains(v, "cu.xlsx") {
		t.Fatalf("the path typed is added to the last one:\n%s", v)
	}
}

// ctrl+u clears the whole field, not only what is left of the cursor.
func TestCtrlUClearsTheWholeField(t *testing.T) {
	st := seeded(t)
	h := newHarness(t, st, lang.EN, 80, 24)
	h.keys("2", "/", "y te", "enter", "e", "left", "left", "ctrl+u", "Sở Dân số", "ctrl+s")
	if v := h.view(); !strings.Contains(v, "«Sở Y tế» to «Sở Dân số»") {
		t.Fatalf("ctrl+u left some of the name:\n%s", v)
	}
}

// A value pasted (or typed fast: many letters in one key) is taken whole
// with no word of "too long"; one really too long is cut, and said so,
// and what is shown is what is kept.
func TestAPasteIsTakenWholeOrSaidCut(t *testing.T) {
	st := seeded(t)
	for _, l := range []lang.Lang{lang.VI, lang.EN} {
		h := newHarness(t, st, l, 80, 24)
		h.keys("3", "duc tho", "enter", "400/UBND-NV", "tab", "tab") // to Received, its date selected
		h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("20/03/2023"), Paste: true})
		tooLong := l.T("dài quá", "longer than")
		if v := h.view(); strings.Contains(v, tooLong) || !strings.Contains(v, "20/03/2023") || strings.Contains(v, "27/03/2023") {
			t.Fatalf("%s: a paste that fits:\n%s", l, v)
		}
		h.send(tea.KeyMsg{Type: tea.KeyShiftTab})
		h.keys("tab")
		h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("21/03/2023 qqq")})
		v := h.view()
		if !strings.Contains(v, tooLong) || strings.Contains(v, "qqq") || !strings.Contains(v, "21/03/2023") {
			t.Fatalf("%s: a paste too long:\n%s", l, v)
		}
		h.keys("esc", "y")
	}
	// "2026" typed fast over the year the new-year form proposes
	h := newHarness(t, st, lang.VI, 80, 24)
	h.keys("y", "n", "up", "2026")
	if v := h.view(); strings.Contains(v, "dài quá") || !strings.Contains(lineWith(v, "Năm"), "2026") {
		t.Fatalf("the year typed fast:\n%s", v)
	}
}

// On the report screen the screen keys act until the clerk moves into a
// field: 4 goes to the registrations, not into the file name.
func TestReportScreenKeysActUntilAFieldIsEntered(t *testing.T) {
	st := seeded(t)
	h := newHarness(t, st, lang.VI, 80, 24)
	h.keys("6", "4")
	if h.m.tab != common.TabRegistrations {
		t.Fatalf("4 on the report screen: tab %d\n%s", h.m.tab, h.view())
	}
	h.keys("6", "tab")
	if h.m.tab != common.TabReports {
		t.Fatalf("tab left the report screen: tab %d", h.m.tab)
	}
	h.keys("tab", "tab", "right", "4")
	if h.m.tab != common.TabReports || !strings.Contains(h.view(), ".txt4") {
		t.Fatalf("4 in the file name:\n%s", h.view())
	}
}

// The report screen writes the campaign's blank template, as cchc
// template does, in xlsx, csv or docx; never over a file unasked.
func TestTheReportScreenWritesTheTemplate(t *testing.T) {
	st := seeded(t)
	dir := t.TempDir()
	for _, l := range []lang.Lang{lang.VI, lang.EN} {
		h := newHarness(t, st, l, 80, 24)
		h.keys("6", "left") // the last kind: the template
		if v := h.view(); !strings.Contains(v, l.T("Mẫu đăng ký (để trống", "Registration template (blank")) || strings.Contains(v, l.T("Tính đến ngày", "As of")) {
			t.Fatalf("%s: no template offered:\n%s", l, v)
		}
		xlsx := filepath.Join(dir, "mau-"+l.String()+".xlsx")
		h.keys("tab", "tab", xlsx, "ctrl+s")
		if b, err := os.ReadFile(xlsx); err != nil || !strings.HasPrefix(string(b), "PK") {
			t.Fatalf("%s: xlsx not written: %v\n%s", l, err, h.view())
		}
		// csv, the name following the format
		h.keys("up", "right", "tab", "ctrl+s")
		b, err := os.ReadFile(strings.TrimSuffix(xlsx, ".xlsx") + ".csv")
		if err != nil || !strings.Contains(string(b), "2023") {
			t.Fatalf("%s: csv: %v %q\n%s", l, err, b, h.view())
		}
		h.keys("ctrl+s") // again: asked before writing over it
		if v := h.view(); !strings.Contains(v, l.T("Ghi đè?", "Overwrite?")) {
			t.Fatalf("%s: no question before overwriting:\n%s", l, v)
		}
		h.keys("n")
	}
}

// A day typed short (3/3/23) is read as 03/03/2023 and shown so: in its
// field once left, in the letter told over the next registration after
// ctrl+n, and on screen 6 once the report's day is left.
func TestShortDatesShowInFull(t *testing.T) {
	t.Chdir(t.TempDir()) // where the report is written
	h := newHarness(t, seeded(t), lang.VI, 80, 24)
	h.keys("3", "duc tho", "enter", "401/UBND-NV", "tab", "2/3/23", "tab")
	if v := h.view(); !strings.Contains(v, "02/03/2023") || strings.Contains(v, "2/3/23 ") {
		t.Fatalf("the letter's date left as typed:\n%s", v)
	}
	h.keys("3/3/23", "tab", "Một cửa thân thiện", "ctrl+n")
	if v := h.view(); !strings.Contains(v, "Văn bản của Huyện Đức Thọ, số 401/UBND-NV, nhận 03/03/2023") {
		t.Fatalf("after ctrl+n:\n%s", v)
	}
	h.keys("esc", "esc", "6", "tab", "tab", "1/3/23", "tab")
	if v := h.view(); !strings.Contains(v, "01/03/2023") || strings.Contains(v, "1/3/23") {
		t.Fatalf("screen 6 keeps the day as typed:\n%s", v)
	}
	// a day written with ctrl+s before leaving its field shows in full too
	h.keys("shift+tab", "5/3/23", "ctrl+s")
	if v := h.view(); !strings.Contains(v, "05/03/2023") || strings.Contains(v, "5/3/23") {
		t.Fatalf("screen 6 after ctrl+s:\n%s", v)
	}
}

// A day typed one key at a time is not read and rewritten on the way:
// "1/3/20" on the way to 1/3/2026 became 01/03/2020 on screen 6, as its
// file name followed each key.
func TestADayTypedKeyByKeyIsNotRewrittenOnTheWay(t *testing.T) {
	h := newHarness(t, seeded(t), lang.VI, 80, 24)
	h.keys("6", "tab", "tab", "ctrl+u")
	for _, r := range "1/3/2026" {
		h.keys(string(r))
	}
	if v := h.view(); !strings.Contains(v, "1/3/2026") || !strings.Contains(v, "tinh-hinh-2023-den-01-03-2026.txt") {
		t.Fatalf("the day typed key by key:\n%s", v)
	}
	h.keys("tab")
	if v := h.view(); !strings.Contains(v, "01/03/2026") {
		t.Fatalf("the day once left:\n%s", v)
	}
}
