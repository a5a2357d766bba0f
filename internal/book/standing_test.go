package book

import (
	"context"
	"errors"
	"testing"

	"cchc/internal/campaign"
	"cchc/internal/compliance"
	"cchc/internal/vndate"
)

// standing is a book that holds only what judging reads.
type standing struct {
	agencies []compliance.Agency
	received []compliance.Received
	succ     compliance.Succession
	err      error
}

func (s standing) FollowedAgencies(context.Context, int64) ([]compliance.Agency, error) {
	return s.agencies, nil
}

func (s standing) Received(context.Context, int64) ([]compliance.Received, error) {
	return s.received, s.err
}

func (s standing) Successions(context.Context, int64) (compliance.Succession, error) {
	return s.succ, nil
}

// Compliance judges what any storage reads, in whatever order it reads
// it: report order, communes counted for their district, a merged unit's
// letters for its successor.
func TestComplianceFromRows(t *testing.T) {
	c := campaign.Campaign{ID: 1, Year: 2023, Deadline: vndate.Of(2023, 3, 24), Quotas: map[campaign.Group]campaign.Quota{
		campaign.Department: {Required: 1, Target: 1}, campaign.District: {Required: 2, Target: 3},
	}}
	on := vndate.Of(2023, 3, 20)
	b := standing{
		agencies: []compliance.Agency{
			{ID: 3, Name: "Xã Tùng Ảnh", Group: campaign.Commune, ParentID: 2},
			{ID: 2, Name: "Huyện Đức Thọ", Group: campaign.District},
			{ID: 4, Name: "Sở Nông nghiệp và Môi trường", Group: campaign.Department},
			{ID: 1, Name: "Sở Giáo dục và Đào tạo", Group: campaign.Department},
		},
		received: []compliance.Received{{AgencyID: 3, On: on, Registrations: 2}, {AgencyID: 5, On: on, Registrations: 1}},
		succ:     compliance.Succession{Successor: map[int64]int64{5: 4}, Predecessors: map[int64][]string{4: {"Sở TN&MT"}}},
	}
	s, err := Compliance(context.Background(), b, c, vndate.Of(2023, 3, 24))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range s.Results {
		got = append(got, r.Agency.Name+":"+string(r.Status))
	}
	want := []string{"Sở Giáo dục và Đào tạo:missing", "Sở Nông nghiệp và Môi trường:met", "Huyện Đức Thọ:met"}
	if len(got) != len(want) {
		t.Fatalf("judged %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("judged %v, want %v", got, want)
			break
		}
	}
	b.err = errors.New("gone")
	if _, err := Compliance(context.Background(), b, c, vndate.Of(2023, 3, 24)); err == nil {
		t.Error("a failed read was judged")
	}
}
