package store

import (
	"context"
	"errors"
	"strings"
	"testing"

	"cchc/internal/campaign"
	"cchc/internal/vndate"
)

func TestNewCampaignCopiesAgenciesAndQuotasNotRegistrations(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	c23, _ := s.Campaign(ctx, 2023)
	yte := agencyByName(t, s, c23, "Sở Y tế")
	if _, _, err := s.RecordSubmission(ctx, campaign.Submission{CampaignID: c23.ID, AgencyID: yte.ID, Received: vndate.Of(2023, 3, 1)},
		[]campaign.Registration{sampleReg("Khám bệnh không giấy tờ")}); err != nil {
		t.Fatal(err)
	}
	ngoaiVu := agencyByName(t, s, c23, "Sở Ngoại vụ")
	ngoaiVu.Active = false
	if err := s.UpdateAgency(ctx, c23.ID, ngoaiVu); err != nil {
		t.Fatal(err)
	}
	// the 2023 district quota is changed before copying
	c23.Quotas[campaign.District] = campaign.Quota{Required: 3, Target: 4}
	if err := s.UpdateCampaign(ctx, c23); err != nil {
		t.Fatal(err)
	}

	id, err := s.NewCampaign(ctx, campaign.Campaign{Year: 2024, Deadline: vndate.Of(2024, 3, 29), LetterNumber: "215/SNV-CCHC&VTLT"}, 2023)
	if err != nil {
		t.Fatal(err)
	}
	c24, err := s.Campaign(ctx, 0)
	if err != nil || c24.ID != id || c24.Year != 2024 {
		t.Fatalf("latest = %+v, %v", c24, err)
	}
	if !strings.HasSuffix(c24.Title, "năm 2024") || c24.Issuer != "Sở Nội vụ" || c24.SignerName != c23.SignerName || c24.LetterNumber != "215/SNV-CCHC&VTLT" {
		t.Fatalf("2024 = %+v", c24)
	}
	if c24.Quotas[campaign.District] != (campaign.Quota{Required: 3, Target: 4}) || c24.Quotas[campaign.Department] != (campaign.Quota{Required: 1, Target: 1}) {
		t.Fatalf("quotas = %+v", c24.Quotas)
	}
	list, _ := s.CampaignAgencies(ctx, id)
	if len(list) != 39 {
		t.Fatalf("2024 agencies = %d, want 39 (the inactive one left behind)", len(list))
	}
	rows, _ := s.Registrations(ctx, id)
	if len(rows) != 0 {
		t.Fatalf("registrations copied: %d", len(rows))
	}
	if _, err := s.NewCampaign(ctx, campaign.Campaign{Year: 2024, Deadline: vndate.Of(2024, 3, 29)}, 0); err == nil || !strings.Contains(messageOf(err), "Đã có đợt đăng ký năm 2024") {
		t.Fatalf("duplicate year: %v", err)
	}
	if _, err := s.NewCampaign(ctx, campaign.Campaign{Year: 2025, Deadline: vndate.Of(2025, 3, 29)}, 2019); !errors.Is(err, ErrNotFound) {
		t.Fatalf("missing source: %v", err)
	}
}

func TestUpdateCampaignRules(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	c, _ := s.Campaign(ctx, 2023)
	stale := c
	c.LegalBasis = "Quyết định số 2629/QĐ-UBND ngày 23/12/2022"
	c.Deadline = vndate.Of(2023, 3, 31)
	if err := s.UpdateCampaign(ctx, c); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Campaign(ctx, 2023)
	if got.Deadline.ISO() != "2023-03-31" || got.Version != c.Version+1 {
		t.Fatalf("after update: %+v", got)
	}
	stale.Title = "Khác"
	if err := s.UpdateCampaign(ctx, stale); !errors.Is(err, ErrConflict) {
		t.Fatalf("stale update = %v", err)
	}
	bad := got
	bad.Quotas = map[campaign.Group]campaign.Quota{campaign.District: {Required: 3, Target: 2}}
	if err := s.UpdateCampaign(ctx, bad); err == nil || !strings.Contains(messageOf(err), "Chỉ tiêu UBND cấp huyện") {
		t.Fatalf("bad quota = %v", err)
	}
	if again, _ := s.Campaign(ctx, 2023); again.Version != got.Version {
		t.Fatal("refused update changed the campaign")
	}
}

func TestSetExpected(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	c, _ := s.Campaign(ctx, 2023)
	yte := agencyByName(t, s, c, "Sở Y tế")
	tp := agencyByName(t, s, c, "Sở Tư pháp")
	if _, _, err := s.RecordSubmission(ctx, campaign.Submission{CampaignID: c.ID, AgencyID: yte.ID, Received: vndate.Of(2023, 3, 1)},
		[]campaign.Registration{sampleReg("X")}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetExpected(ctx, c.ID, yte.ID, false); err == nil {
		t.Fatal("removed an agency with letters")
	}
	if err := s.SetExpected(ctx, c.ID, tp.ID, false); err != nil {
		t.Fatal(err)
	}
	list, _ := s.CampaignAgencies(ctx, c.ID)
	if len(list) != 39 {
		t.Fatalf("agencies = %d", len(list))
	}
	if err := s.SetExpected(ctx, c.ID, tp.ID, true); err != nil {
		t.Fatal(err)
	}
	list, _ = s.CampaignAgencies(ctx, c.ID)
	if len(list) != 40 {
		t.Fatalf("agencies = %d", len(list))
	}
}
