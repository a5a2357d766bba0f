package ui

import (
	"context"
	"path/filepath"

	"cchc/internal/demo"
	"cchc/internal/demo/demobook"
	"cchc/internal/store"
	"strings"
	"testing"

	"cchc/internal/lang"
	"cchc/ui/common"
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
	// at 80 columns the rows are cut; the line under the list tells it whole
	h = newHarness(t, st, lang.VI, 80, 24)
	h.keys("2", "/", "kim chau", "enter")
	if line := lineWith(h.view(), " › Xã Kim Châu"); !strings.Contains(line, "Xã Kim Châu (Huyện") {
		t.Fatalf("the selected line is %q", line)
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

// provinceDemo is the province demo book: 2026 on the two-tier map, 2023
// with its districts.
func provinceDemo(t *testing.T) *store.Store {
	path := filepath.Join(t.TempDir(), "demo.db")
	if _, err := demobook.Create(context.Background(), path, demo.Province, 1); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// groupsOffered cycles the group of the add form and says what it saw.
func groupsOffered(h *harness) string {
	h.keys("2", "a", "tab", "tab")
	var seen []string
	for range 5 {
		seen = append(seen, lineWith(h.view(), "Nhóm"))
		if strings.Contains(h.view(), "UBND cấp xã") && strings.Contains(h.view(), "Thuộc huyện") {
			seen = append(seen, "Thuộc huyện")
		}
		h.keys("right")
	}
	return strings.Join(seen, "\n")
}

// The two-tier campaign of the demo follows no district: the form offers
// neither the district group nor a district to stand under; 2023 does.
func TestTheFormOffersOnlyWhatTheCampaignFollows(t *testing.T) {
	h := newHarness(t, provinceDemo(t), lang.VI, 80, 24)
	if h.m.ctx.Data.Campaign.Year != 2026 {
		t.Fatalf("the demo opened on %d", h.m.ctx.Data.Campaign.Year)
	}
	if seen := groupsOffered(h); strings.Contains(seen, "huyện") || !strings.Contains(seen, "UBND cấp xã") {
		t.Fatalf("2026 offers:\n%s", seen)
	}
	if seen := groupsOffered(newHarness(t, seeded(t), lang.VI, 80, 24)); !strings.Contains(seen, "UBND cấp huyện") || !strings.Contains(seen, "Thuộc huyện") {
		t.Fatalf("2023 offers:\n%s", seen)
	}
}

// On an agency's page e edits the registration selected, as d deletes it;
// E edits the agency itself, and the help says so.
func TestAgencyPageEditsWhatIsSelected(t *testing.T) {
	st := seeded(t)
	h := newHarness(t, st, lang.VI, 100, 30)
	h.keys("2", "/", "y te", "enter", "enter")
	if !strings.Contains(h.view(), "E sửa cơ quan") {
		t.Fatalf("the help does not tell E:\n%s", h.view())
	}
	h.keys("e")
	if v := h.view(); h.m.tab != common.TabEntry || !strings.Contains(v, "Sửa mô hình của Sở Y tế") {
		t.Fatalf("e on the agency's page shows:\n%s", v)
	}
	h.keys("esc")
	if h.m.tab != common.TabAgencies {
		t.Fatalf("esc from the form went to tab %d", h.m.tab+1)
	}
	h.keys("E")
	if v := h.view(); !strings.Contains(v, "Sửa: Sở Y tế") {
		t.Fatalf("E on the agency's page shows:\n%s", v)
	}
}

// An agency opened from screen 5 goes back there on esc, its day and its
// row as they were.
func TestEscFromAnAgencyGoesBackWhereItWasOpened(t *testing.T) {
	st := seeded(t)
	h := newHarness(t, st, lang.VI, 100, 30)
	h.keys("5", "[", "[", "down", "down")
	before := h.view()
	selected := lineWith(before, " › ")
	h.keys("enter")
	if h.m.tab != common.TabAgencies {
		t.Fatalf("enter on screen 5 shows tab %d", h.m.tab+1)
	}
	h.keys("esc")
	if h.m.tab != common.TabCompliance {
		t.Fatalf("esc went to tab %d:\n%s", h.m.tab+1, h.view())
	}
	if v := h.view(); v != before || selected == "" {
		t.Fatalf("screen 5 was\n%s\nand is back as\n%s", before, v)
	}
	// opened from its own list, esc stays on screen 2
	h.keys("2", "enter", "esc")
	if h.m.tab != common.TabAgencies {
		t.Fatalf("esc from an agency opened on screen 2 went to tab %d", h.m.tab+1)
	}
}

// The letter's agency picker, finding no unit followed, says that units
// of that name exist but are no longer followed, and how to follow one.
func TestPickerTellsOfUnitsNoLongerFollowed(t *testing.T) {
	h := newHarness(t, provinceDemo(t), lang.VI, 100, 30)
	h.keys("3", "xa duc")
	if v := strings.Join(strings.Fields(h.view()), " "); !strings.Contains(v, "khớp nhưng đã ngừng theo dõi trong đợt này (Xã Đức") || !strings.Contains(v, "theo dõi lại ở màn 2 (x)") {
		t.Fatalf("the picker says:\n%s", v)
	}
	h.keys("ctrl+u", "zzz")
	if v := h.view(); !strings.Contains(v, "không có tên nào khớp") {
		t.Fatalf("the picker says:\n%s", v)
	}
}

// n on an agency's page opens a letter from it; esc with nothing typed
// goes back to the page, as from e, whether the page was opened on
// screen 2 or from screen 5.
func TestNewLetterFromAnAgencyPageGoesBackOnEsc(t *testing.T) {
	st := seeded(t)
	h := newHarness(t, st, lang.VI, 100, 30)
	h.keys("2", "/", "y te", "enter", "enter")
	page := h.view()
	h.keys("n")
	if v := h.view(); h.m.tab != common.TabEntry || !strings.Contains(v, "Sở Y tế") {
		t.Fatalf("n on the agency's page shows:\n%s", v)
	}
	h.keys("esc")
	if v := h.view(); h.m.tab != common.TabAgencies || v != page {
		t.Fatalf("esc from the new letter went to tab %d:\n%s", h.m.tab+1, v)
	}
	h.keys("esc", "5", "[", "[", "down", "down", "enter")
	page = h.view()
	h.keys("n", "esc")
	if v := h.view(); h.m.tab != common.TabAgencies || v != page {
		t.Fatalf("esc from the new letter went to tab %d:\n%s", h.m.tab+1, v)
	}
	h.keys("esc")
	if h.m.tab != common.TabCompliance {
		t.Fatalf("esc from the page went to tab %d", h.m.tab+1)
	}
	// screen 3 chosen by its number: esc goes to the overview, as before
	h.keys("3", "esc")
	if h.m.tab != common.TabOverview {
		t.Fatalf("esc from screen 3 went to tab %d", h.m.tab+1)
	}
}
