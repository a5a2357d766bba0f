package ui

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"cchc/internal/lang"
	"cchc/ui/common"
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

// The undo question is read whole, its keys last, on the smallest screen
// as at 80×24: a long edit is said without its fields when they do not fit.
func TestUndoQuestionIsWhole(t *testing.T) {
	long := " tại các trạm y tế xã, phường, thị trấn trên địa bàn tỉnh Hà Tĩnh"
	for _, size := range [][2]int{{80, 24}, {MinWidth, MinHeight}} {
		for _, l := range []lang.Lang{lang.VI, lang.EN} {
			for _, edit := range []string{" từ xa", long} {
				st := seeded(t)
				h := newHarness(t, st, l, size[0], size[1])
				row := findRow(t, h, "Khám bệnh không giấy tờ")
				h.send(common.EditRegistrationMsg{ID: row.ID})
				h.keys(edit, "ctrl+s")
				c, err := st.NextUndo(context.Background())
				if err != nil {
					t.Fatal(err)
				}
				keys := l.T(" (y/c = có, n/k = không)", " (y = yes, n = no)")
				whole := l.F("Hoàn tác: %s?", "Undo: %s?", c.Summary(l)) + keys
				brief := l.F("Hoàn tác: %s?", "Undo: %s?", c.Brief(l)) + keys
				h.keys("u")
				v := h.view()
				checkFills(t, v, size[0], size[1])
				got := oneSpaced(v)
				switch {
				case !strings.Contains(v, strings.TrimSpace(keys)):
					t.Errorf("%s %dx%d: the keys are not on one line:\n%s", l, size[0], size[1], v)
				case edit == " từ xa" && !strings.Contains(got, whole):
					t.Errorf("%s %dx%d: the question of a short edit is not whole, %q:\n%s", l, size[0], size[1], whole, v)
				case !strings.Contains(got, whole) && !strings.Contains(got, brief):
					t.Errorf("%s %dx%d: the question is cut, neither %q nor %q:\n%s", l, size[0], size[1], whole, brief, v)
				}
			}
		}
	}
}

// Other questions long enough for three lines at 72 columns (a merge of
// three units, the delete of a long title) are read whole there too.
func TestLongQuestionsAreWhole(t *testing.T) {
	for _, l := range []lang.Lang{lang.VI, lang.EN} {
		st := seeded(t)
		h := newHarness(t, st, l, MinWidth, MinHeight)
		keys := l.T("(y/c = có, n/k = không)", "(y = yes, n = no)")
		whole := func(question string) {
			t.Helper()
			v := h.view()
			checkFills(t, v, MinWidth, MinHeight)
			if !strings.Contains(oneSpaced(v), question+" "+keys) || !strings.Contains(v, keys) {
				t.Errorf("%s: not whole, %q:\n%s", l, question, v)
			}
		}
		h.keys("2", "/", "tai nguyen", "enter", "m", "esc")
		h.keys("/", "nong nghiep", "enter", "m", "esc")
		h.keys("/", "giao thong", "enter", "m", "esc")
		h.keys("/", "y te", "enter", "M")
		whole(l.T("Hợp nhất Sở Giao thông vận tải, Sở Nông nghiệp và Phát triển nông thôn, Sở Tài nguyên và Môi trường vào Sở Y tế trong đợt đăng ký 2023? (đơn vị cũ ngừng được theo dõi; thư của chúng tính cho Sở Y tế)",
			"Merge Sở Giao thông vận tải, Sở Nông nghiệp và Phát triển nông thôn, Sở Tài nguyên và Môi trường into Sở Y tế in the 2023 campaign? (the old units are no longer followed; their letters count for Sở Y tế)"))
		h.keys("n", "esc")

		row := findRow(t, h, "Khám bệnh không giấy tờ")
		r := row.Registration
		r.Title = "Khám bệnh không giấy tờ tại các trạm y tế xã, phường, thị trấn trên địa bàn tỉnh bằng căn cước điện tử"
		if err := st.UpdateRegistration(context.Background(), r); err != nil {
			t.Fatal(err)
		}
		h.send(common.ReloadMsg{})
		h.keys("4", "/", "can cuoc", "enter", "d")
		whole(l.F("Xóa mô hình «%s» của Sở Y tế (văn bản số 57/SYT-VP, nhận 22/03/2023)?",
			"Delete «%s» of Sở Y tế (letter 57/SYT-VP, received 22/03/2023)?", r.Title))
	}
}
