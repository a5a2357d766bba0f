package store

import (
	"context"
	"strings"
	"testing"
	"time"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/lang"
	"cchc/internal/vndate"
)

// A mid-year merge in one campaign: the old departments stop being
// followed there, the new one succeeds them and gets their letters, the
// other campaigns stay as they were, the history names it and undo takes
// it back; the next campaign copies the successor with its succession.
func TestMergeStopFollowAndTheNextCampaign(t *testing.T) {
	s, err := Open(testBook(t), Options{Now: func() time.Time { return time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	c23 := campaignOf(t, s, 2023)
	if _, err := s.NewCampaign(ctx, campaign.Campaign{Year: 2026, Deadline: vndate.Of(2026, 3, 31)}, 2023); err != nil {
		t.Fatal(err)
	}
	c := campaignOf(t, s, 2026)
	tnmt := agencyByName(t, s, c, "Sở Tài nguyên và Môi trường")
	nn := agencyByName(t, s, c, "Sở Nông nghiệp và Phát triển nông thôn")
	if _, _, err := s.RecordSubmission(ctx, campaign.Submission{CampaignID: c.ID, AgencyID: tnmt.ID, Received: vndate.Of(2026, 2, 1)},
		[]campaign.Registration{sampleReg("Một cửa đất đai")}); err != nil {
		t.Fatal(err)
	}
	before := complianceOf(t, s, c23, vndate.Of(2023, 12, 31))

	if _, err := s.MergeAgencies(ctx, c.ID, []campaign.Agency{tnmt, tnmt}, campaign.Agency{Name: "X"}); err == nil || !strings.Contains(messageOf(err), "hai lần") {
		t.Fatalf("a unit named twice: %v", err)
	}
	if _, err := s.MergeAgencies(ctx, c.ID, []campaign.Agency{tnmt}, tnmt); err == nil || !strings.Contains(messageOf(err), "chính nó") {
		t.Fatalf("a merge into itself: %v", err)
	}
	if _, err := s.MergeAgencies(ctx, c.ID, []campaign.Agency{tnmt}, campaign.Agency{Name: "Sở Mới", Code: "440"}); err == nil || !strings.Contains(messageOf(err), "đã dùng cho") {
		t.Fatalf("a code held by another unit: %v", err)
	}
	id, err := s.MergeAgencies(ctx, c.ID, []campaign.Agency{tnmt, nn}, campaign.Agency{Name: "Sở Nông nghiệp và Môi trường"})
	if err != nil {
		t.Fatal(err)
	}
	sum, err := book.Compliance(ctx, s, c, vndate.Of(2026, 12, 31))
	if err != nil {
		t.Fatal(err)
	}
	if r := find(sum, id); r.Registered != 1 || len(r.Agency.Predecessors) != 2 || r.Agency.Group != campaign.Department {
		t.Fatalf("the successor: %+v", r)
	}
	for _, r := range sum.Results {
		if r.Agency.ID == tnmt.ID || r.Agency.ID == nn.ID {
			t.Fatalf("%s is still judged after the merge", r.Agency.Name)
		}
	}
	after := complianceOf(t, s, c23, vndate.Of(2023, 12, 31))
	if len(after.Results) != len(before.Results) {
		t.Fatalf("2023 changed: %d agencies judged, was %d", len(after.Results), len(before.Results))
	}
	h, err := s.History(ctx, book.HistoryQuery{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	merge := h[0]
	if got := merge.Summary(lang.VI); got != "Hợp nhất Sở Tài nguyên và Môi trường, Sở Nông nghiệp và Phát triển nông thôn vào Sở Nông nghiệp và Môi trường" {
		t.Errorf("history: %q", got)
	}
	if _, err := s.MergeAgencies(ctx, c.ID, []campaign.Agency{tnmt}, campaign.Agency{Name: "Khác"}); err == nil || !strings.Contains(messageOf(err), "đã được hợp nhất") {
		t.Fatalf("merging a unit twice: %v", err)
	}

	// stop the districts, follow one again
	list := agenciesOf(t, s, c.ID)
	var districts []int64
	for _, a := range list {
		if a.Group == campaign.District {
			districts = append(districts, a.ID)
		}
	}
	if n, err := s.FollowAgencies(ctx, c.ID, districts, false); err != nil || n != 13 {
		t.Fatalf("stop the districts: %d %v", n, err)
	}
	if n, err := s.FollowAgencies(ctx, c.ID, districts[:1], true); err != nil || n != 1 {
		t.Fatalf("follow one again: %d %v", n, err)
	}
	if err := s.SetQuota(ctx, c.ID, campaign.Commune, campaign.Quota{Required: 2, Target: 1}); err == nil {
		t.Fatal("a target below the minimum was accepted")
	}
	if err := s.SetQuota(ctx, c.ID, campaign.Commune, campaign.Quota{Required: 2, Target: 3}); err != nil {
		t.Fatal(err)
	}
	c = campaignOf(t, s, 2026)
	if q := c.QuotaFor(campaign.Commune); q != (campaign.Quota{Required: 2, Target: 3}) {
		t.Fatalf("quota: %+v", q)
	}
	if p, err := s.Check(ctx); err != nil || len(p) != 0 {
		t.Fatalf("check: %v %v", p, err)
	}

	// the next year copies the successor and what it succeeds
	if _, err := s.NewCampaign(ctx, campaign.Campaign{Year: 2027, Deadline: vndate.Of(2027, 3, 31)}, 2026); err != nil {
		t.Fatal(err)
	}
	c27 := campaignOf(t, s, 2027)
	succ, err := s.Successions(ctx, c27.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(succ.Predecessors[id], ", "); got != "Sở NN&PTNT, Sở TN&MT" {
		t.Fatalf("2027 successions: %q", got)
	}
	list27 := agenciesOf(t, s, c27.ID)
	for _, a := range list27 {
		if a.ID == tnmt.ID || a.Group == campaign.District && a.ID != districts[0] {
			t.Fatalf("2027 copied %s, no longer followed", a.Name)
		}
	}

	// undo the merge: refused while 2027 builds on it, then allowed
	if _, err := s.Undo(ctx, merge.ID); err == nil {
		t.Fatal("the merge was undone under the 2027 campaign that copied it")
	}
}

// Renaming in one campaign leaves the other's name; undo takes it back.
func TestRenameInOneCampaign(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	if _, err := s.NewCampaign(ctx, campaign.Campaign{Year: 2026, Deadline: vndate.Of(2026, 3, 31)}, 2023); err != nil {
		t.Fatal(err)
	}
	c := campaignOf(t, s, 2026)
	c23 := campaignOf(t, s, 2023)
	a := agencyByName(t, s, c, "Sở Thông tin và Truyền thông")
	a.Name, a.ShortName = "Sở Khoa học, Công nghệ và Truyền thông", ""
	if err := s.RenameAgency(ctx, c.ID, a); err != nil {
		t.Fatal(err)
	}
	agencyByName(t, s, c23, "Sở Thông tin và Truyền thông")
	agencyByName(t, s, c, "Sở Khoa học, Công nghệ và Truyền thông")
	h := lastChange(t, s)
	if got := h.Summary(lang.VI); got != "Đổi tên «Sở Thông tin và Truyền thông» thành «Sở Khoa học, Công nghệ và Truyền thông»" {
		t.Errorf("history: %q", got)
	}
	if _, err := s.Undo(ctx, h.ID); err != nil {
		t.Fatal(err)
	}
	agencyByName(t, s, c, "Sở Thông tin và Truyền thông")
}
