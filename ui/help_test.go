package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"cchc/internal/lang"
)

// While the help is shown no key acts on the screen it hides: a delete
// is not asked unseen (y would answer it), a list does not move, no
// other screen or overlay opens. Esc closes the help on the screen as it
// was. So on every screen, its pages and the overlays.
func TestTheHelpKeepsKeysFromTheScreenUnder(t *testing.T) {
	places := []struct {
		name   string
		steps  []string
		typing bool // letters are typed there: f1 opens the help
	}{
		{"overview", []string{"1"}, false},
		{"agencies", []string{"2"}, false},
		{"an agency's page", []string{"2", "/", "duc tho", "enter", "enter"}, false},
		{"entry", []string{"3"}, true},
		{"registrations", []string{"4"}, false},
		{"a registration", []string{"4", "enter"}, false},
		{"compliance", []string{"5"}, false},
		{"reports", []string{"6"}, false},
		{"history", []string{"h"}, false},
		{"import", []string{"i"}, true},
	}
	for _, p := range places {
		t.Run(p.name, func(t *testing.T) {
			h := newHarness(t, seeded(t), lang.VI, 80, 24)
			h.keys(p.steps...)
			help := func() {
				if p.typing {
					h.send(keyF1())
				} else {
					h.keys("?")
				}
				if !h.m.showAll {
					t.Fatalf("no help:\n%s", h.view())
				}
			}
			help()
			h.keys("esc")
			before, regs, overlay := h.view(), len(h.m.ctx.Data.Registrations), h.m.overlay
			help()
			h.keys("d", "y", "down", "j", "enter", "tab", "2", "x", "u", "h", "i", "t", "p", "e", "a", "s", "f", "/")
			h.send(tea.MouseMsg{Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress, X: 10, Y: 8})
			if h.m.confirm != nil {
				t.Fatalf("a question asked under the help: %s", h.m.confirm.question)
			}
			v := h.view()
			if foot := v[strings.LastIndex(v, "\n"):]; !h.m.showAll || !strings.Contains(foot, "đóng trợ giúp") || strings.Contains(foot, "màn sau") {
				t.Fatalf("the help is not shown with the keys that act there:\n%s", v)
			}
			h.keys("esc")
			if v := h.view(); v != before || len(h.m.ctx.Data.Registrations) != regs || h.m.overlay != overlay {
				t.Fatalf("the keys pressed under the help acted:\nbefore:\n%s\nafter:\n%s", before, v)
			}
		})
	}
}

// A question asked while the help is shown (q with unsaved input) closes
// the help: it is read whole, over the screen it is about.
func TestAQuestionClosesTheHelp(t *testing.T) {
	h := newHarness(t, seeded(t), lang.VI, 80, 24)
	h.keys("3", "y te")
	h.send(keyF1())
	h.send(tea.KeyMsg{Type: tea.KeyCtrlC})
	if v := h.view(); h.m.confirm == nil || h.m.showAll || !strings.Contains(v, "Vẫn thoát") {
		t.Fatalf("the question is not shown:\n%s", v)
	}
}

// The history and the import, opened over the screens, take tab and the
// digits (alt+digits too): their keys line and their help do not offer
// them, but say that esc leaves.
func TestTheOverlaysHelpSaysWhatWorksThere(t *testing.T) {
	for _, l := range []lang.Lang{lang.VI, lang.EN} {
		for _, o := range []struct {
			open   string
			typing bool
		}{{"h", false}, {"i", true}} {
			h := newHarness(t, seeded(t), l, 80, 24)
			h.keys("2", o.open)
			h.keys("tab", "4")
			h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("4"), Alt: true})
			if h.m.overlay == nil || h.m.tab != 1 {
				t.Fatalf("%s %s: tab or 4 left the overlay (tab %d):\n%s", l, o.open, h.m.tab, h.view())
			}
			v := h.view()
			foot := strings.Join(h.m.helpLines(), "\n")
			if strings.Contains(foot, l.T("màn sau", "next screen")) || strings.Contains(foot, "alt+1") || !strings.Contains(foot, "esc") {
				t.Errorf("%s %s: the keys line offers keys that do nothing there:\n%s", l, o.open, v)
			}
			if o.typing {
				h.send(keyF1())
			} else {
				h.keys("?")
			}
			v = h.view()
			for _, no := range []string{"1-6", "alt+1", l.T("màn sau", "next screen"), l.T("màn trước", "previous screen")} {
				if strings.Contains(v, no) {
					t.Errorf("%s %s: the help offers %q, which does nothing there:\n%s", l, o.open, no, v)
				}
			}
			if !strings.Contains(v, "esc") || !strings.Contains(v, l.T("thoát", "quit")) {
				t.Errorf("%s %s: the help does not say how to leave:\n%s", l, o.open, v)
			}
		}
	}
}

// An opened registration's help lists its own keys (scrolling, progress,
// edit, delete, its files), not the list's search and filters, which do
// nothing there; its progress form's help, the form's keys.
func TestTheReadingViewsHelpListsItsKeys(t *testing.T) {
	for _, l := range []lang.Lang{lang.VI, lang.EN} {
		h := newHarness(t, seeded(t), l, 80, 24)
		h.keys("4", "enter", "?")
		v := oneSpaced(h.view())
		for _, want := range []string{"PgDn", "p " + l.T("cập nhật tiến độ", "update progress"), "e " + l.T("sửa", "edit"),
			"d " + l.T("xóa", "delete"), "a " + l.T("đính kèm tệp", "attach a file"), "esc " + l.T("quay lại", "back")} {
			if !strings.Contains(v, want) {
				t.Errorf("%s: the reading view's help lacks %q:\n%s", l, want, h.view())
			}
		}
		for _, no := range []string{"/ " + l.T("tìm", "search"), "f " + l.T("lọc nhóm", "group filter"), "l " + l.T("lọc loại", "kind filter"),
			"n " + l.T("nhập mới", "new entry"), l.T("đầu danh sách", "first")} {
			if strings.Contains(v, no) {
				t.Errorf("%s: the reading view's help offers the list's %q:\n%s", l, no, h.view())
			}
		}
		h.keys("esc", "p")
		h.send(keyF1())
		if v := oneSpaced(h.view()); !strings.Contains(v, "ctrl+s "+l.T("lưu", "save")) || strings.Contains(v, "e "+l.T("sửa", "edit")) {
			t.Errorf("%s: the progress form's help:\n%s", l, h.view())
		}
	}
}

// Where a screen shows a form or a box typed into, its help lists that
// one's keys, not those of the list under it.
func TestATypedPlacesHelpListsItsKeys(t *testing.T) {
	for _, c := range []struct {
		name     string
		steps    []string
		want, no []string
	}{
		{"the agency form", []string{"2", "a"}, []string{"ctrl+s lưu", "shift+tab/↑ ô trước"}, []string{"a thêm cơ quan", "enter mở"}},
		{"the agencies' search", []string{"2", "/"}, []string{"esc xóa tìm kiếm", "PgDn"}, []string{"a thêm cơ quan", "enter mở"}},
		{"the registrations' search", []string{"4", "/"}, []string{"esc xóa tìm kiếm", "PgDn"}, []string{"f lọc nhóm", "enter mở"}},
		{"the day typed", []string{"5", "t"}, []string{"enter xem"}, []string{"w ghi báo cáo", "[ lùi 1 ngày"}},
		{"an edit", []string{"4", "e"}, []string{"ctrl+s lưu"}, []string{"ctrl+n"}},
	} {
		h := newHarness(t, seeded(t), lang.VI, 100, 30)
		h.keys(c.steps...)
		h.send(keyF1())
		v := oneSpaced(h.view())
		for _, want := range c.want {
			if !strings.Contains(v, want) {
				t.Errorf("%s: the help lacks %q:\n%s", c.name, want, h.view())
			}
		}
		for _, no := range c.no {
			if strings.Contains(v, no) {
				t.Errorf("%s: the help offers %q, which does nothing there:\n%s", c.name, no, h.view())
			}
		}
	}
}

// Screen 6's help lists what its keys do in the field the clerk is in:
// on the report's field tab moves into the form (not to the next screen)
// and the year is changed on screen 1; on the format's, a letter picks a
// format, q is typed (ctrl+c quits) and nothing is cleared with ctrl+u.
func TestTheReportsHelpFollowsTheField(t *testing.T) {
	for _, l := range []lang.Lang{lang.VI, lang.EN} {
		for _, size := range [][2]int{{80, 24}, {72, 20}} {
			h := newHarness(t, seeded(t), l, size[0], size[1])
			h.keys("6", "?")
			v := h.view()
			for _, want := range []string{l.T("ô sau", "next field"), l.T("y ở màn 1", "y on screen 1"), l.T("đổi báo cáo", "change report")} {
				if !strings.Contains(v, want) {
					t.Fatalf("%v %v: the report's field's help lacks %q:\n%s", l, size, want, v)
				}
			}
			if strings.Contains(v, l.T("màn sau", "next screen")) || strings.Contains(v, l.T("màn trước", "previous screen")) {
				t.Fatalf("%v %v: the help says tab goes to another screen:\n%s", l, size, v)
			}
			h.keys("esc", "tab")
			h.send(keyF1())
			v = h.view()
			for _, want := range []string{l.T("chọn định dạng (p pdf", "picks a format (p pdf"), "ctrl+c"} {
				if !strings.Contains(v, want) {
					t.Fatalf("%v %v: the format's help lacks %q:\n%s", l, size, want, v)
				}
			}
			for _, not := range []string{l.T("lịch sử", "history"), l.T("xóa ô đang nhập", "clear the field"), l.T("gõ vào ô", "typed into the field"), "q "} {
				if strings.Contains(v, not) {
					t.Fatalf("%v %v: the format's help lists %q:\n%s", l, size, not, v)
				}
			}
			h.keys("esc", "tab")
			h.send(keyF1())
			if v = h.view(); !strings.Contains(v, l.T("xóa ô đang nhập", "clear the field")) || strings.Contains(v, l.T("chọn định dạng", "picks a format")) {
				t.Fatalf("%v %v: the date's help:\n%s", l, size, v)
			}
		}
	}
}

// Where nothing is typed, the help offers no field to type into: the
// list of years (with its ↑/↓) and the import's dry run. The history
// says that r restores in the trash, which t opens.
func TestTheHelpOffersNoFieldWhereThereIsNone(t *testing.T) {
	file := filepath.Join(t.TempDir(), "duc-tho.csv")
	if err := os.WriteFile(file, []byte("Tên cơ quan, đơn vị: Huyện Đức Thọ\nSố: 19/UBND\nSTT;Tên mô hình;Loại;Lĩnh vực\n1;Một cửa số;Mô hình;TTHC\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, l := range []lang.Lang{lang.VI, lang.EN} {
		for _, p := range []struct {
			name  string
			steps []string
		}{{"years", []string{"1", "y"}}, {"dry run", []string{"2", "i", file, "ctrl+s"}}} {
			h := newHarness(t, seeded(t), l, 80, 24)
			h.keys(p.steps...)
			h.send(keyF1())
			v := h.view()
			if !h.m.showAll || strings.Contains(v, "ctrl+u") || strings.Contains(v, l.T("gõ vào ô", "typed into the field")) || !strings.Contains(v, "↑/k") {
				t.Errorf("%v %s: the help:\n%s", l, p.name, v)
			}
		}
		h := newHarness(t, seeded(t), l, 80, 24)
		h.keys("h", "?")
		if v := h.view(); !strings.Contains(v, l.T("khôi phục (trong thùng rác, t)", "restore (in the trash, t)")) {
			t.Errorf("%v: the history's help:\n%s", l, v)
		}
		h.keys("esc", "t", "?")
		if v := h.view(); strings.Contains(v, l.T("trong thùng rác", "in the trash,")) || !strings.Contains(v, l.T("khôi phục", "restore")) {
			t.Errorf("%v: the trash's help:\n%s", l, v)
		}
	}
}
