package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/compliance"
)

// Compliance as of a day reads only what that day's judgement needs (the
// cut, read from both ends at once); it must judge exactly as all the
// letters do, on every day, with communes rolling up, several letters a
// day and letters that hold nothing.
func TestComplianceAsOfAgreesWithEveryLetter(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	c, err := s.Campaign(ctx, 2023)
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range []string{"Huyện Đức Thọ", "Huyện Can Lộc"} {
		district := agencyByName(t, s, c, d)
		for k := range 4 {
			if _, err := s.AddAgency(ctx, c.ID, campaign.Agency{Name: fmt.Sprintf("Xã Thử %d-%d", i, k), Group: campaign.Commune,
				ParentID: district.ID, Code: fmt.Sprintf("9%d%d00", i, k)}); err != nil {
				t.Fatal(err)
			}
		}
	}
	agencies, err := s.CampaignAgencies(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(16, 3))
	var letters []book.BulkLetter
	for i := range 600 {
		a := agencies[r.IntN(len(agencies))]
		l := book.BulkLetter{Submission: campaign.Submission{CampaignID: c.ID, AgencyID: a.ID, Number: fmt.Sprint(i),
			Received: c.Deadline.AddDays(r.IntN(70) - 40)}}
		for k := range r.IntN(4) {
			l.Registrations = append(l.Registrations, sampleReg(fmt.Sprintf("Mô hình %d-%d", i, k)))
		}
		letters = append(letters, l)
	}
	if err := s.BulkAddLetters(ctx, letters); err != nil {
		t.Fatal(err)
	}
	followed, err := s.FollowedAgencies(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	succ, err := s.Successions(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	all, err := s.Received(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, required := range []int{2, 3} { // the largest minimum decides what is cut
		c.Quotas[campaign.District] = campaign.Quota{Required: required, Target: 4}
		for day := c.Deadline.AddDays(-45); !day.After(c.Deadline.AddDays(35)); day = day.AddDays(1) {
			got, err := book.Compliance(ctx, s, c, day)
			if err != nil {
				t.Fatal(err)
			}
			if want := compliance.Judge(c, compliance.Followed(c, followed, succ), all, day); !reflect.DeepEqual(got, want) {
				t.Fatalf("minimum %d, as of %s: the cut letters judge otherwise than all of them", required, day)
			}
		}
	}
	cut, err := s.ReceivedAsOf(ctx, c.ID, c.Deadline.AddDays(35), compliance.Keep(c))
	if err != nil {
		t.Fatal(err)
	}
	if len(cut) >= len(all) {
		t.Fatalf("the cut kept %d rows of %d", len(cut), len(all))
	}
}
