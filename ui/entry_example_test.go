package ui

import (
	"context"
	"strings"
	"testing"

	"cchc/internal/campaign"
	"cchc/internal/lang"
	"cchc/internal/vndate"
)

// The entry form's timeline example is in the campaign's own year, so a
// 2024 letter is not prompted with "Quý II/2023".
func TestEntryTimelineExampleInTheCampaignsYear(t *testing.T) {
	st := seeded(t)
	if _, err := st.NewCampaign(context.Background(), campaign.Campaign{Year: 2024, Deadline: vndate.Of(2024, 3, 29)}, 2023); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, st, lang.VI, 80, 24)
	h.keys("3")
	if v := h.view(); !strings.Contains(v, "ví dụ: Quý II/2024 hoặc 04/2024 - 12/2024") {
		t.Fatalf("entry form of 2024:\n%s", v)
	}
}
