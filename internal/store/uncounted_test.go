package store

import (
	"context"
	"testing"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/vndate"
)

// Uncounted are the registrations, received by the day, of the units a
// campaign stopped following and no unit succeeded: not those of a unit
// merged into another (its successor counts them), nor deleted ones.
func TestUncountedAreTheStoppedUnits(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	c := campaignOf(t, s, 2023)
	record := func(name string, on vndate.Date, titles ...string) []int64 {
		t.Helper()
		var regs []campaign.Registration
		for _, title := range titles {
			regs = append(regs, sampleReg(title))
		}
		_, ids, err := s.RecordSubmission(ctx, campaign.Submission{CampaignID: c.ID, AgencyID: agencyByName(t, s, c, name).ID, Received: on}, regs)
		fatalIf(t, err)
		return ids
	}
	record("Sở Y tế", vndate.Of(2023, 3, 10), "Một")
	record("Huyện Đức Thọ", vndate.Of(2023, 3, 10), "Hai", "Ba")
	gone := record("Huyện Đức Thọ", vndate.Of(2023, 3, 20), "Bốn", "Năm")
	record("Sở Tư pháp", vndate.Of(2023, 3, 12), "Sáu")
	record("Sở Nội vụ", vndate.Of(2023, 3, 12), "Bảy")
	fatalIf(t, s.DeleteRegistration(ctx, gone[1], 1))
	stop := []int64{agencyByName(t, s, c, "Huyện Đức Thọ").ID, agencyByName(t, s, c, "Sở Tư pháp").ID}
	if n, err := s.FollowAgencies(ctx, c.ID, stop, false); err != nil || n != 2 {
		t.Fatalf("stop: %d %v", n, err)
	}
	if _, err := s.MergeAgencies(ctx, c.ID, []campaign.Agency{agencyByName(t, s, c, "Sở Nội vụ")}, campaign.Agency{Name: "Sở Nội vụ mới"}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		asOf vndate.Date
		want book.Uncounted
	}{
		{vndate.Date{}, book.Uncounted{Registrations: 4, Units: 2}},
		{vndate.Of(2023, 3, 12), book.Uncounted{Registrations: 3, Units: 2}},
		{vndate.Of(2023, 3, 11), book.Uncounted{Registrations: 2, Units: 1}},
		{vndate.Of(2023, 3, 9), book.Uncounted{}},
	} {
		got, err := s.Uncounted(ctx, c.ID, tc.asOf)
		if err != nil || got != tc.want {
			t.Errorf("as of %s: %+v %v, want %+v", tc.asOf, got, err, tc.want)
		}
	}
}
