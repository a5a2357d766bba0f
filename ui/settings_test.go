package ui

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"cchc/internal/campaign"
	"cchc/internal/lang"
)

// The settings of the demo's 2026 campaign offer no district quota, show
// the one carried over from 2023 as kept, and keep it on saving; 2023's
// settings still offer their districts.
func TestSettingsOfferOnlyTheGroupsFollowed(t *testing.T) {
	st := provinceDemo(t)
	ctx := context.Background()
	before, err := st.Campaign(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	kept := before.Quotas[campaign.District]
	if kept == (campaign.Quota{}) {
		t.Fatal("the demo's 2026 campaign carries no district quota to keep")
	}
	h := newHarness(t, st, lang.EN, 80, 24)
	h.keys("c")
	for range 17 { // to the last quota field, the commune target
		h.keys("tab")
	}
	v := h.view()
	if !strings.Contains(v, "Settings of the 2026 campaign") || !strings.Contains(v, "Target: Commune") ||
		strings.Contains(v, "Minimum: District") || strings.Contains(v, "Target: District") {
		t.Fatalf("2026 settings:\n%s", v)
	}
	if !strings.Contains(v, "Stored quota of a group this campaign does not follow (kept):") ||
		!strings.Contains(v, "Districts: minimum "+itoa(kept.Required)+", target "+itoa(kept.Target)) {
		t.Fatalf("the district quota kept is not shown:\n%s", v)
	}
	h.send(tea.KeyMsg{Type: tea.KeyBackspace})
	h.keys("9", "ctrl+s")
	if v := h.view(); !strings.Contains(v, "Saved the 2026 campaign's settings") {
		t.Fatalf("not saved:\n%s", v)
	}
	after, err := st.Campaign(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	if after.Quotas[campaign.District] != kept || after.Quotas[campaign.Commune].Target != 9 {
		t.Fatalf("quotas after saving = %+v (before %+v)", after.Quotas, before.Quotas)
	}

	h = newHarness(t, st, lang.VI, 80, 24)
	h.keys("y", "down", "enter", "c")
	for range 16 {
		h.keys("tab")
	}
	v = h.view()
	if !strings.Contains(v, "Thiết lập đợt đăng ký năm 2023") || !strings.Contains(v, "Tối thiểu: Cấp huyện") ||
		strings.Contains(v, "giữ nguyên") {
		t.Fatalf("2023 settings:\n%s", v)
	}
}
