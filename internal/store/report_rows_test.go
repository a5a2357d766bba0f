package store

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"strconv"
	"testing"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/vndate"
	"cchc/internal/vntext"
)

// ReportRegistrations gives what Registrations gives, received by asOf, in
// report order (group, agency in Vietnamese order, day received, letter,
// place in the letter), in chunks on two connections, with counts that agree
// with the rows even when a letter is recorded while they are read.
func TestReportRegistrationsOrderAndCounts(t *testing.T) {
	reportChunk = 2 // several chunks on each connection
	t.Cleanup(func() { reportChunk = 1500 })
	s := openTemp(t)
	ctx := context.Background()
	c := campaignOf(t, s, 2023)
	ducTho := agencyByName(t, s, c, "Huyện Đức Thọ")
	tungAnh, err := s.AddAgency(ctx, c.ID, campaign.Agency{Name: "Xã Tùng Ảnh", Group: campaign.Commune, ParentID: ducTho.ID})
	if err != nil {
		t.Fatal(err)
	}
	record := func(agency int64, number string, received vndate.Date, titles ...string) int64 {
		t.Helper()
		var regs []campaign.Registration
		for _, title := range titles {
			r := sampleReg(title)
			if agency == ducTho.ID {
				r.LeadAgencyID = tungAnh
			}
			regs = append(regs, r)
		}
		id, _, err := s.RecordSubmission(ctx, campaign.Submission{CampaignID: c.ID, AgencyID: agency, Number: number,
			LetterDate: received.AddDays(-1), Received: received}, regs)
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	// Recorded out of report order: later days first, districts before departments.
	record(ducTho.ID, "312/UBND", vndate.Of(2023, 3, 21), "Một cửa cấp xã", "Chuyển đổi số")
	yTe := agencyByName(t, s, c, "Sở Y tế").ID
	first := record(yTe, "88/SYT", vndate.Of(2023, 3, 28), "Số hóa hồ sơ")
	record(agencyByName(t, s, c, "Sở Tư pháp").ID, "120/STP", vndate.Of(2023, 3, 16), "Bộ phận Một cửa")
	record(yTe, "80/SYT", vndate.Of(2023, 3, 10), "Khám bệnh từ xa", "Đặt lịch trực tuyến")
	record(tungAnh, "5/UBND", vndate.Of(2023, 3, 23), "Tiếp dân lưu động")
	record(agencyByName(t, s, c, "Công an tỉnh").ID, "57/CAT", vndate.Of(2023, 3, 22), "Cấp căn cước tại nhà")
	record(yTe, "99/SYT", vndate.Of(2023, 4, 2), "Sau ngày tính") // after asOf: left out
	if _, err := s.AddToSubmission(ctx, first, []campaign.Registration{sampleReg("Thêm vào văn bản")}); err != nil {
		t.Fatal(err)
	}
	asOf := vndate.Of(2023, 3, 29)

	all, err := s.Registrations(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	rank := map[campaign.Group]int{}
	for i, g := range campaign.Groups {
		rank[g] = i
	}
	// Registrations lists a letter's registrations in their order in it.
	want := slices.DeleteFunc(slices.Clone(all), func(x book.RegistrationRow) bool { return x.Received.After(asOf) })
	// A commune's registrations are listed under its district, the commune
	// named as the lead unit, so that the district's count is the status's.
	for i, x := range want {
		if x.AgencyID == tungAnh {
			want[i].AgencyID, want[i].AgencyName, want[i].AgencyGroup, want[i].LeadAgencyID = ducTho.ID, "Huyện Đức Thọ", campaign.District, tungAnh
		}
	}
	slices.SortStableFunc(want, func(a, b book.RegistrationRow) int {
		return cmp.Or(rank[a.AgencyGroup]-rank[b.AgencyGroup], vntext.Compare(a.AgencyName, b.AgencyName),
			cmp.Compare(a.AgencyID, b.AgencyID), a.Received.Time().Compare(b.Received.Time()), cmp.Compare(a.SubmissionID, b.SubmissionID))
	})

	rr, err := s.ReportRegistrations(ctx, c.ID, asOf)
	if err != nil {
		t.Fatal(err)
	}
	defer rr.Close()
	// Recorded while the report is open: neither counted nor listed.
	record(yTe, "100/SYT", vndate.Of(2023, 3, 24), "Ghi trong khi in")
	counts, err := rr.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []book.RegistrationRow
	if err := rr.Each(ctx, func(x book.RegistrationRow) error { got = append(got, x); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) || len(want) != 9 {
		t.Fatalf("got %d rows, want %d (of %d)", len(got), len(want), len(all))
	}
	for i := range want {
		w := want[i]
		w.TitleKey, w.SubmissionVer = "", 0 // not read for reports
		if got[i] != w {
			t.Errorf("row %d:\n got %+v\nwant %+v", i, got[i], w)
		}
	}
	if got[0].AgencyName != "Sở Tư pháp" || got[1].Title != "Khám bệnh từ xa" || got[4].Title != "Thêm vào văn bản" {
		t.Errorf("order: %q %q %q", got[0].AgencyName, got[1].Title, got[4].Title)
	}
	wantCounts := book.RegistrationCounts{Registrations: 9, Agencies: 4, Groups: []book.GroupCount{
		{Group: campaign.Department, Registrations: 5, Agencies: 2}, {Group: campaign.Central, Registrations: 1, Agencies: 1}, {Group: campaign.District, Registrations: 3, Agencies: 1}}}
	if !slices.Equal(counts.Groups, wantCounts.Groups) || counts.Registrations != 9 || counts.Agencies != 4 {
		t.Errorf("counts %+v, want %+v", counts, wantCounts)
	}
}

// Cancelled while its rows are handed out (the clerk quit during a
// report), Each stops within the chunk, not after its thousands of rows.
func TestReportRegistrationsStopWhenCancelled(t *testing.T) {
	s := openTemp(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	c := campaignOf(t, s, 2023)
	regs := make([]campaign.Registration, 300)
	for i := range regs {
		regs[i] = sampleReg("Mô hình số " + strconv.Itoa(i+1))
	}
	if _, _, err := s.RecordSubmission(ctx, campaign.Submission{CampaignID: c.ID, AgencyID: agencyByName(t, s, c, "Sở Y tế").ID,
		Number: "1/SYT", LetterDate: vndate.Of(2023, 3, 1), Received: vndate.Of(2023, 3, 2)}, regs); err != nil {
		t.Fatal(err)
	}
	rr, err := s.ReportRegistrations(ctx, c.ID, vndate.Date{})
	if err != nil {
		t.Fatal(err)
	}
	defer rr.Close()
	given := 0
	err = rr.Each(ctx, func(book.RegistrationRow) error {
		given++
		cancel()
		return nil
	})
	if !errors.Is(err, context.Canceled) || given > 64 {
		t.Fatalf("after cancelling: %d of 300 rows given, then %v", given, err)
	}
}
