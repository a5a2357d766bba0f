package ui

import (
	"strings"
	"testing"

	"cchc/internal/lang"
)

// Two communes of one name under different districts are told apart by
// their district; a name borne once stays bare.
func TestSameNamedUnitsShowTheirDistrict(t *testing.T) {
	st := seeded(t)
	addCommune(t, st, "Huyện Đức Thọ", "Xã Kim Châu")
	addCommune(t, st, "Huyện Kỳ Anh", "Xã Kim Châu")
	addCommune(t, st, "Huyện Kỳ Anh", "Xã Kỳ Tây")
	h := newHarness(t, st, lang.VI, 140, 40)
	h.keys("2", "/", "kim chau", "enter")
	v := h.view()
	for _, want := range []string{"Xã Kim Châu (Huyện Đức Thọ)", "Xã Kim Châu (Huyện Kỳ Anh)"} {
		if !strings.Contains(v, want) {
			t.Fatalf("no %q:\n%s", want, v)
		}
	}
	h.keys("esc", "/", "ky tay", "enter")
	if v := h.view(); !strings.Contains(v, "Xã Kỳ Tây") || strings.Contains(v, "Xã Kỳ Tây (") {
		t.Fatalf("a unique name got its district:\n%s", v)
	}
}

// The agency just added is the one selected, wherever it sorts.
func TestAnAddedAgencyIsSelected(t *testing.T) {
	st := seeded(t)
	h := newHarness(t, st, lang.VI, 80, 24)
	h.keys("2", "a", "Xã Tùng Ảnh", "tab", "XTA", "tab", "cấp xã", "tab", "duc", "ctrl+s")
	if line := lineWith(h.view(), " › "); !strings.Contains(line, "Xã Tùng Ảnh") {
		t.Fatalf("the selected row is %q:\n%s", line, h.view())
	}
}
