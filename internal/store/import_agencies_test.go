package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/vndate"
)

// A rehearsal (the dry run) writes nothing, yet says what the import does
// row by row, the agencies the list adds itself included: a new district
// and its communes, a row repeated, and, the second time, every agency
// already there; and it refuses what the import refuses.
func TestRehearsedAgencyImportSaysWhatTheImportDoes(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	c, err := s.Campaign(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	duc := agencyByName(t, s, c, "Huyện Đức Thọ")
	list := []book.AgencyImport{
		{Line: 2, Agency: campaign.Agency{Name: "Huyện Mới", Group: campaign.District, Code: "999"}},
		{Line: 3, Agency: campaign.Agency{Name: "Xã Một", Group: campaign.Commune, Code: "99901"}, ParentIndex: 1},
		{Line: 4, Agency: campaign.Agency{Name: "Xã Hai", Group: campaign.Commune}, ParentIndex: 1},
		{Line: 5, Agency: campaign.Agency{Name: "Xã Một", Group: campaign.Commune, Code: "99901"}, ParentIndex: 1}, // again
		{Line: 6, Agency: campaign.Agency{Name: "Xã Ba", Group: campaign.Commune, ParentID: duc.ID}},
	}
	before, err := s.History(ctx, book.HistoryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	outcomes := func(out []book.ImportedAgency) []book.AgencyOutcome {
		var o []book.AgencyOutcome
		for _, x := range out {
			o = append(o, x.Outcome)
		}
		return o
	}
	rehearsed, err := s.ImportAgencies(ctx, c.ID, list, true)
	if err != nil {
		t.Fatal(err)
	}
	after, err := s.History(ctx, book.HistoryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != len(before) || len(agenciesNamed(t, s, c, "Xã Một")) != 0 {
		t.Fatal("the rehearsal wrote to the book")
	}
	done, err := s.ImportAgencies(ctx, c.ID, list, false)
	if err != nil {
		t.Fatal(err)
	}
	want := []book.AgencyOutcome{book.AgencyAdded, book.AgencyAdded, book.AgencyAdded, book.AgencyUnchanged, book.AgencyAdded}
	if !slices.Equal(outcomes(rehearsed), want) || !slices.Equal(outcomes(done), want) {
		t.Fatalf("rehearsed %v, done %v, want %v", outcomes(rehearsed), outcomes(done), want)
	}
	if done[3].ID != done[1].ID || rehearsed[3].ID != rehearsed[1].ID {
		t.Fatal("the repeated row is not the agency of its first row")
	}
	if x := agenciesNamed(t, s, c, "Xã Hai"); len(x) != 1 || x[0].ParentID != done[0].ID {
		t.Fatalf("Xã Hai: %+v", x)
	}
	again, err := s.ImportAgencies(ctx, c.ID, list, true)
	if err != nil {
		t.Fatal(err)
	}
	for i, x := range again {
		if x.Outcome != book.AgencyUnchanged || x.ID != done[i].ID {
			t.Fatalf("the list again, row %d: %+v, want %d unchanged", list[i].Line, x, done[i].ID)
		}
	}

	// a name the list gives two agencies of different groups, or one the
	// book has already, or an official code the list gives two agencies of
	// different groups, is refused in the rehearsal as in the import
	for _, bad := range [][]book.AgencyImport{
		{{Line: 2, Agency: campaign.Agency{Name: "Huyện Khác", Group: campaign.District}},
			{Line: 3, Agency: campaign.Agency{Name: "Ban Năm", Group: campaign.Department, Code: "77701"}},
			{Line: 4, Agency: campaign.Agency{Name: "Ban Năm", Group: campaign.Central, Code: "77701"}}},
		{{Line: 2, Agency: campaign.Agency{Name: "Huyện Khác", Group: campaign.District}},
			{Line: 3, Agency: campaign.Agency{Name: "Ban Mới", Group: campaign.Department}},
			{Line: 4, Agency: campaign.Agency{Name: "Ban Mới", Group: campaign.Central}}},
		{{Line: 2, Agency: campaign.Agency{Name: "Huyện Khác", Group: campaign.District}},
			{Line: 3, Agency: campaign.Agency{Name: "Xã Bốn", Group: campaign.Commune}, ParentIndex: 1},
			{Line: 4, Agency: campaign.Agency{Name: "Huyện Đức Thọ", Group: campaign.Department}}},
	} {
		_, rerr := s.ImportAgencies(ctx, c.ID, bad, true)
		_, werr := s.ImportAgencies(ctx, c.ID, bad, false)
		if rerr == nil || werr == nil || !strings.Contains(messageOf(rerr), "Dòng 4") || messageOf(rerr) != messageOf(werr) {
			t.Errorf("rehearsed: %v; imported: %v", rerr, werr)
		}
	}
}

func agenciesNamed(t *testing.T, s *Store, c campaign.Campaign, name string) []campaign.Agency {
	t.Helper()
	list, err := s.CampaignAgencies(context.Background(), c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var out []campaign.Agency
	for _, a := range list {
		if a.Name == name {
			out = append(out, a)
		}
	}
	return out
}

// A title the agency already registered in the campaign is a duplicate,
// whether it was there before the import or came earlier in the same one,
// in another of its letters; importing the same file again adds nothing.
func TestImportSkipsDuplicatesOfTheBookAndOfItself(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	c := campaignOf(t, s, 2023)
	yte, tp := agencyByName(t, s, c, "Sở Y tế"), agencyByName(t, s, c, "Sở Tư pháp")
	if _, _, err := s.RecordSubmission(ctx, campaign.Submission{CampaignID: c.ID, AgencyID: yte.ID, Received: vndate.Of(2023, 3, 1)},
		[]campaign.Registration{sampleReg("Một cửa điện tử")}); err != nil {
		t.Fatal(err)
	}
	letter := func(a campaign.Agency, titles ...string) book.ImportLetter {
		l := book.ImportLetter{Submission: campaign.Submission{CampaignID: c.ID, AgencyID: a.ID, Received: vndate.Of(2023, 3, 2)}}
		for i, title := range titles {
			l.Items = append(l.Items, book.ImportItem{Line: i + 2, Registration: sampleReg(title)})
		}
		return l
	}
	letters := []book.ImportLetter{
		letter(yte, "MỘT CỬA ĐIỆN TỬ", "Hồ sơ sức khỏe", "Hồ sơ sức khỏe"),
		letter(yte, "ho so suc khoe", "Khám từ xa"),
		letter(tp, "Một cửa điện tử"), // another agency's: not a duplicate
	}
	got, err := s.ImportRegistrations(ctx, letters, false)
	if err != nil {
		t.Fatal(err)
	}
	want := [][2][]int{{{1}, {0, 2}}, {{1}, {0}}, {{0}, nil}}
	for i, w := range want {
		if fmt.Sprint(got[i].Added) != fmt.Sprint(w[0]) || fmt.Sprint(got[i].Duplicates) != fmt.Sprint(w[1]) {
			t.Errorf("letter %d: added %v, duplicates %v; want %v, %v", i+1, got[i].Added, got[i].Duplicates, w[0], w[1])
		}
	}
	again, err := s.ImportRegistrations(ctx, letters, false)
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range again {
		if len(l.Added) != 0 || l.SubmissionID != 0 {
			t.Errorf("the same file again, letter %d: added %v", i+1, l.Added)
		}
	}
}
