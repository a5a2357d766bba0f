package store

import (
	"context"
	"testing"
	"unsafe"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/vndate"
)

// The list rows carry what the registrations list shows and searches,
// newest letter first, with agencies shared between rows.
func TestRegistrationListRows(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	c := campaignOf(t, s, 2023)
	ducTho := agencyByName(t, s, c, "Huyện Đức Thọ")
	yte := agencyByName(t, s, c, "Sở Y tế")
	xa, err := s.AddAgency(ctx, c.ID, campaign.Agency{Name: "Xã Tùng Ảnh", Group: campaign.Commune, ParentID: ducTho.ID, Active: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.RecordSubmission(ctx, campaign.Submission{CampaignID: c.ID, AgencyID: yte.ID, Number: "57/SYT-VP", Received: vndate.Of(2023, 3, 2)},
		[]campaign.Registration{sampleReg("Khám bệnh không giấy tờ")}); err != nil {
		t.Fatal(err)
	}
	led := campaign.Registration{Title: "Đường làng số", Kind: campaign.GoodPractice, Area: campaign.DigitalGovt, LeadAgencyID: xa}
	if _, _, err := s.RecordSubmission(ctx, campaign.Submission{CampaignID: c.ID, AgencyID: ducTho.ID, Number: "312/UBND-NV", Received: vndate.Of(2023, 3, 21)},
		[]campaign.Registration{sampleReg("Một cửa thân thiện"), led}); err != nil {
		t.Fatal(err)
	}
	// the commune leaves the campaign: its name still shows on the row it leads
	if _, err := s.db.Exec(`DELETE FROM campaign_agency WHERE agency_id = ?`, xa); err != nil {
		t.Fatal(err)
	}
	rows, err := s.RegistrationList(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || cap(rows) != 3 {
		t.Fatalf("%d rows, capacity %d; want 3, 3", len(rows), cap(rows))
	}
	first, second, last := rows[0], rows[1], rows[2]
	if first.Title != "Một cửa thân thiện" || second.Title != "Đường làng số" || last.Title != "Khám bệnh không giấy tờ" {
		t.Fatalf("order: %q, %q, %q", first.Title, second.Title, last.Title)
	}
	if second.TitleKey != "duong lang so" || second.Kind() != campaign.GoodPractice || second.Area() != campaign.DigitalGovt ||
		second.LetterNumber() != "312/UBND-NV" || !second.Received().Equal(vndate.Of(2023, 3, 21)) {
		t.Fatalf("row: %+v kind %s area %s received %s", second, second.Kind(), second.Area(), second.Received())
	}
	if second.Agency.Name != "Huyện Đức Thọ" || second.Agency.Group != campaign.District || second.Agency.Key != "huyen duc tho" ||
		second.Lead.Name != "Xã Tùng Ảnh" || second.Lead.Key != "xa tung anh" {
		t.Fatalf("agencies: %+v lead %+v", *second.Agency, *second.Lead)
	}
	if first.Agency != second.Agency || first.Lead != first.Agency {
		t.Fatal("a letter's agency is not shared between its rows, or a row without a lead is not led by its sender")
	}
	if first.Letter != second.Letter {
		t.Fatal("the letter number is copied into each of its registrations")
	}
	if last.Agency.Group != campaign.Department || last.Kind() != campaign.Model || last.Area() != campaign.Procedures {
		t.Fatalf("last row: %+v", last)
	}
	if size := unsafe.Sizeof(book.ListRow{}); size > 80 {
		t.Fatalf("a list row is %d bytes: 200,000 of them are held at national scale", size)
	}
}

// The list comes in list order (newest letter first, then the letter's own
// order) whatever order the rows lie in the file, for a campaign read past
// every registration and for one read through its letters.
func TestRegistrationListOrder(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	c2023 := campaignOf(t, s, 2023)
	idOther, err := s.NewCampaign(ctx, campaign.Campaign{Year: 2022, Deadline: vndate.Of(2022, 3, 29)}, 2023) // a year the test clock has passed
	if err != nil {
		t.Fatal(err)
	}
	cOther := campaignOf(t, s, 2022)
	agencies := agenciesOf(t, s, c2023.ID)
	record := func(campaignID int64, i int) {
		regs := []campaign.Registration{sampleReg("Mô hình " + itoa(int64(i)))}
		if i%3 == 0 {
			regs = append(regs, sampleReg("Giải pháp "+itoa(int64(i))))
		}
		// received days out of the order of recording, several letters a day
		sub := campaign.Submission{CampaignID: campaignID, AgencyID: agencies[i%len(agencies)].ID, Received: vndate.Of(2023, 3, 1+(i*7)%20)} // before the test clock's today
		subID, _, err := s.RecordSubmission(ctx, sub, regs)
		if err != nil {
			t.Fatal(err)
		}
		if i%5 == 0 { // added to later: its rows lie apart in the file
			defer func() {
				if _, err := s.AddToSubmission(ctx, subID, []campaign.Registration{sampleReg("Bổ sung " + itoa(int64(i)))}); err != nil {
					t.Fatal(err)
				}
			}()
		}
	}
	for i := range 12 {
		record(c2023.ID, i)
	}
	for i := range 60 {
		record(idOther, i)
	}
	for _, c := range []campaign.Campaign{c2023, cOther} {
		var want []int64
		rows, err := s.db.Query(`SELECT r.id FROM submission s JOIN registration r ON r.submission_id = s.id WHERE s.campaign_id = ?
			ORDER BY s.received_on DESC, s.id DESC, r.seq, r.id`, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var id int64
			fatalIf(t, rows.Scan(&id))
			want = append(want, id)
		}
		fatalIf(t, rows.Err())
		rows.Close()
		list, err := s.RegistrationList(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != len(want) {
			t.Fatalf("%d: %d rows, want %d", c.Year, len(list), len(want))
		}
		for i, r := range list {
			if r.ID != want[i] {
				t.Fatalf("%d: row %d is registration %d, want %d", c.Year, i, r.ID, want[i])
			}
			if full, err := s.Registration(ctx, r.ID); err != nil || full.Title != r.Title || full.LetterNumber != r.LetterNumber() || !full.Received.Equal(r.Received()) {
				t.Fatalf("%d: row %d does not match its registration: %+v (read: %v)", c.Year, i, r, err)
			}
		}
	}
}

// Each row carries its model's stage: its latest step's, "registered"
// without one (the models list's stage column and filter).
func TestRegistrationListStages(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	c := campaignOf(t, s, 2023)
	yte := agencyByName(t, s, c, "Sở Y tế")
	_, ids, err := s.RecordSubmission(ctx, campaign.Submission{CampaignID: c.ID, AgencyID: yte.ID, Number: "57/SYT-VP", Received: vndate.Of(2023, 3, 2)},
		[]campaign.Registration{sampleReg("Khám bệnh không giấy tờ"), sampleReg("Sổ sức khỏe điện tử")})
	if err != nil {
		t.Fatal(err)
	}
	step := campaign.Step{RegistrationID: ids[0], Stage: campaign.InProgress, On: vndate.Of(2023, 3, 10)}
	if err := s.AdvanceProgress(ctx, step, 0); err != nil {
		t.Fatal(err)
	}
	steps, err := s.ProgressSteps(ctx, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	step.Stage, step.On = campaign.Completed, vndate.Of(2023, 3, 20)
	if err := s.AdvanceProgress(ctx, step, steps[0].ID); err != nil {
		t.Fatal(err)
	}
	rows, err := s.RegistrationList(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]campaign.Stage{}
	for _, r := range rows {
		got[r.Title] = r.Stage()
	}
	if got["Khám bệnh không giấy tờ"] != campaign.Completed || got["Sổ sức khỏe điện tử"] != campaign.Registered {
		t.Fatalf("stages: %v", got)
	}
}
