package store

import (
	"context"
	"errors"
	"strings"
	"testing"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/vndate"
)

func TestNewCampaignCopiesAgenciesAndQuotasNotRegistrations(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	c23 := campaignOf(t, s, 2023)
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
	list := agenciesOf(t, s, id)
	if len(list) != 39 {
		t.Fatalf("2024 agencies = %d, want 39 (the inactive one left behind)", len(list))
	}
	rows := registrationsOf(t, s, id)
	if len(rows) != 0 {
		t.Fatalf("registrations copied: %d", len(rows))
	}
	if _, err := s.NewCampaign(ctx, campaign.Campaign{Year: 2024, Deadline: vndate.Of(2024, 3, 29)}, 0); err == nil || !strings.Contains(messageOf(err), "Đã có đợt đăng ký năm 2024") {
		t.Fatalf("duplicate year: %v", err)
	}
	if _, err := s.NewCampaign(ctx, campaign.Campaign{Year: 2025, Deadline: vndate.Of(2025, 3, 29)}, 2019); !errors.Is(err, book.ErrNotFound) {
		t.Fatalf("missing source: %v", err)
	}
}

func TestUpdateCampaignRules(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	c := campaignOf(t, s, 2023)
	stale := c
	c.LegalBasis = "Quyết định số 2629/QĐ-UBND ngày 23/12/2022"
	c.Deadline = vndate.Of(2023, 3, 31)
	if err := s.UpdateCampaign(ctx, c); err != nil {
		t.Fatal(err)
	}
	got := campaignOf(t, s, 2023)
	if got.Deadline.ISO() != "2023-03-31" || got.Version != c.Version+1 {
		t.Fatalf("after update: %+v", got)
	}
	stale.Title = "Khác"
	if err := s.UpdateCampaign(ctx, stale); !errors.Is(err, book.ErrConflict) {
		t.Fatalf("stale update = %v", err)
	}
	bad := got
	bad.Quotas = map[campaign.Group]campaign.Quota{campaign.District: {Required: 3, Target: 2}}
	if err := s.UpdateCampaign(ctx, bad); err == nil || !strings.Contains(messageOf(err), "Chỉ tiêu UBND cấp huyện") {
		t.Fatalf("bad quota = %v", err)
	}
	if again, err := s.Campaign(ctx, 2023); err != nil || again.Version != got.Version {
		t.Fatalf("refused update changed the campaign (read: %v)", err)
	}
}

func TestSetExpected(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	c := campaignOf(t, s, 2023)
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
	list := agenciesOf(t, s, c.ID)
	if len(list) != 39 {
		t.Fatalf("agencies = %d", len(list))
	}
	if err := s.SetExpected(ctx, c.ID, tp.ID, true); err != nil {
		t.Fatal(err)
	}
	list = agenciesOf(t, s, c.ID)
	if len(list) != 40 {
		t.Fatalf("agencies = %d", len(list))
	}
}

func TestPastCampaignsKeepTheirNames(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	c23 := campaignOf(t, s, 2023)
	ldtbxh := agencyByName(t, s, c23, "Sở Lao động - Thương binh và Xã hội")
	ducTho := agencyByName(t, s, c23, "Huyện Đức Thọ")
	if _, _, err := s.RecordSubmission(ctx, campaign.Submission{CampaignID: c23.ID, AgencyID: ldtbxh.ID, Received: vndate.Of(2023, 3, 1)},
		[]campaign.Registration{sampleReg("Chi trả trợ cấp qua tài khoản")}); err != nil {
		t.Fatal(err)
	}
	before := complianceOf(t, s, c23, vndate.Of(2023, 4, 1))
	id24, err := s.NewCampaign(ctx, campaign.Campaign{Year: 2024, Deadline: vndate.Of(2024, 3, 29)}, 2023)
	if err != nil {
		t.Fatal(err)
	}
	c24 := campaignOf(t, s, 2024)
	// 2024: the department is renamed (units merged), a district stops being followed
	a24 := agencyByName(t, s, c24, "Sở Lao động - Thương binh và Xã hội")
	a24.Name, a24.ShortName = "Sở Nội vụ và Lao động", "Sở NV&LĐ"
	if err := s.UpdateAgency(ctx, id24, a24); err != nil {
		t.Fatal(err)
	}
	d24 := agencyByName(t, s, c24, "Huyện Đức Thọ")
	d24.Active = false
	if err := s.UpdateAgency(ctx, id24, d24); err != nil {
		t.Fatal(err)
	}
	// 2023 shows what it showed
	a23 := agencyByName(t, s, c23, "Sở Lao động - Thương binh và Xã hội")
	if a23.ShortName != "Sở LĐ-TB&XH" || !agencyByName(t, s, c23, "Huyện Đức Thọ").Active {
		t.Fatalf("2023 changed: %+v", a23)
	}
	rows := registrationsOf(t, s, c23.ID)
	if len(rows) != 1 || rows[0].AgencyName != "Sở Lao động - Thương binh và Xã hội" {
		t.Fatalf("2023 registrations show %q", rows[0].AgencyName)
	}
	after := complianceOf(t, s, c23, vndate.Of(2023, 4, 1))
	if len(after.Results) != len(before.Results) {
		t.Fatalf("2023 judged %d agencies, was %d", len(after.Results), len(before.Results))
	}
	for i := range before.Results {
		if before.Results[i].Agency.Name != after.Results[i].Agency.Name || before.Results[i].Status != after.Results[i].Status {
			t.Fatalf("2023 result %d changed: %+v → %+v", i, before.Results[i], after.Results[i])
		}
	}
	// 2024 shows the new name and no longer judges the district
	if agencyByName(t, s, c24, "Sở Nội vụ và Lao động").ShortName != "Sở NV&LĐ" {
		t.Fatal("2024 lost the new name")
	}
	s24 := complianceOf(t, s, c24, vndate.Of(2024, 4, 1))
	for _, r := range s24.Results {
		if r.Agency.ID == ducTho.ID {
			t.Fatal("inactive district judged in 2024")
		}
	}
	// fixing a typo in 2023 later does not touch 2024
	a23.Name = "Sở Lao động – Thương binh và Xã hội"
	if err := s.UpdateAgency(ctx, c23.ID, a23); err != nil {
		t.Fatal(err)
	}
	if agencyByName(t, s, c24, "Sở Nội vụ và Lao động").ID != a24.ID {
		t.Fatal("2024 renamed by an edit of 2023")
	}
}
