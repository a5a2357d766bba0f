package common_test

import (
	"testing"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/compliance"
	"cchc/internal/vndate"
	"cchc/ui/uitest"
)

// The snapshot is read from the few methods of a Source and judged once:
// the units no longer followed left out, each unit's own registrations
// counted, the list loaded (empty, not nil, when there is none).
func TestLoadJudgesTheSnapshot(t *testing.T) {
	health := campaign.Agency{ID: 1, Name: "Sở Y tế", Group: campaign.Department, Active: true}
	justice := campaign.Agency{ID: 2, Name: "Sở Tư pháp", Group: campaign.Department, Active: true}
	gone := campaign.Agency{ID: 3, Name: "Sở Thông tin và Truyền thông", Group: campaign.Department}
	src := &uitest.Source{
		Camp: campaign.Campaign{ID: 7, Year: 2023, Deadline: vndate.Of(2023, 3, 24),
			Quotas: map[campaign.Group]campaign.Quota{campaign.Department: {Required: 2, Target: 3}}},
		Units: []campaign.Agency{health, justice, gone},
		Rows: []book.ListRow{
			uitest.Row(11, "Khám bệnh không giấy tờ", health, "57/SYT-VP", vndate.Of(2023, 3, 22)),
			uitest.Row(10, "Một cửa số", health, "50/SYT-VP", vndate.Of(2023, 3, 20)),
		},
	}
	d := uitest.Data(t, src)
	if len(d.Judged) != 2 || d.ByID[3] == nil || d.ByID[3].Name != gone.Name {
		t.Fatalf("judged %v of %d agencies", d.Judged, len(d.ByID))
	}
	if d.OwnCount[1] != 2 || d.OwnCount[2] != 0 || len(d.Registrations) != 2 {
		t.Fatalf("counted %v, listed %d", d.OwnCount, len(d.Registrations))
	}
	if d.ResultByID[1].Status != compliance.Met || d.ResultByID[2].Status != compliance.Missing {
		t.Fatalf("judged %v", d.ResultByID)
	}
	for _, r := range d.Judge(vndate.Of(2023, 3, 21)).Results {
		if r.Agency.ID == health.ID && r.Status != compliance.Short {
			t.Fatalf("as of 21/3 the Sở Y tế had sent one of two, not %s", r.Status)
		}
	}
	src.Rows = nil
	if d := uitest.Data(t, src); d.Registrations == nil || d.ResultByID[1].Status != compliance.Missing {
		t.Fatalf("an empty list is %#v, judged %v", d.Registrations, d.ResultByID)
	}
}
