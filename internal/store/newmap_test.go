package store

import (
	"context"
	"errors"
	"testing"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/lang"
	"cchc/internal/provmap"
	"cchc/internal/vndate"
)

// A year opened from 2023 on today's map: the five merges, no districts,
// the 69 communes and wards with their codes at 2/3, in one change that
// one undo takes back whole.
func TestNewCampaignOnMapIsOneChange(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	c23 := campaignOf(t, s, 2023)
	// an old-map commune already holds the code of Phường Thành Sen
	thach := agencyByName(t, s, c23, "Thành phố Hà Tĩnh")
	if _, err := s.AddAgency(ctx, c23.ID, campaign.Agency{Name: "Phường Bắc Hà", Group: campaign.Commune, ParentID: thach.ID, Code: "18073"}); err != nil {
		t.Fatal(err)
	}
	before, err := s.History(ctx, book.HistoryQuery{})
	fatalIf(t, err)
	m := provmap.HaTinh2025()
	plan := m.Plan(agenciesOf(t, s, c23.ID))
	if plan.Departments != 14 || plan.Central != 8 || plan.Communes != 69 || plan.Districts != 0 || plan.Stopped != 14 {
		t.Fatalf("plan = %+v", plan)
	}
	id, err := s.NewCampaignOnMap(ctx, campaign.Campaign{Year: 2027, Deadline: vndate.Of(2027, 3, 31)}, 2023, plan.Change)
	fatalIf(t, err)
	count := map[campaign.Group]int{}
	codes := 0
	for _, a := range agenciesOf(t, s, id) {
		if !a.Active {
			continue
		}
		count[a.Group]++
		if a.Group == campaign.Commune {
			if a.ParentID != 0 {
				t.Errorf("%s is under %d, want the province", a.Name, a.ParentID)
			}
			if a.Code != "" {
				codes++
			}
			if a.Name == "Phường Thành Sen" && a.Code != "" {
				t.Errorf("Phường Thành Sen took the old map's code %s", a.Code)
			}
		}
	}
	if count[campaign.Department] != 14 || count[campaign.Central] != 8 || count[campaign.Commune] != 69 || count[campaign.District] != 0 || codes != 68 {
		t.Fatalf("followed = %v, %d with codes", count, codes)
	}
	c27 := campaignOf(t, s, 2027)
	if c27.Quotas[campaign.Commune] != (campaign.Quota{Required: 2, Target: 3}) {
		t.Fatalf("commune quota = %+v", c27.Quotas[campaign.Commune])
	}
	succ, err := s.Successions(ctx, id)
	fatalIf(t, err)
	if len(succ.Successor) != 6 {
		t.Fatalf("successions = %v", succ.Successor)
	}
	after, err := s.History(ctx, book.HistoryQuery{})
	fatalIf(t, err)
	if len(after) != len(before)+1 || after[0].Op != book.OpMap {
		t.Fatalf("history: %d → %d changes, latest %q", len(before), len(after), after[0].Op)
	}
	if got := after[0].Summary(lang.VI); got != "Mở đợt đăng ký 2027 theo bản đồ hành chính hiện nay: ngừng theo dõi 20 đơn vị (hợp nhất, cấp huyện), thêm 70 đơn vị mới" {
		t.Errorf("summary = %q", got)
	}
	if _, err := s.UndoLast(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Campaign(ctx, 2027); !errors.Is(err, book.ErrNotFound) {
		t.Fatalf("2027 after undo: %v", err)
	}
	if n := len(agenciesOf(t, s, c23.ID)); n != 41 {
		t.Fatalf("2023 after undo: %d agencies, want 41", n)
	}
	// the map again, on the same book: the same outcome
	if _, err := s.NewCampaignOnMap(ctx, campaign.Campaign{Year: 2027, Deadline: vndate.Of(2027, 3, 31)}, 2023, plan.Change); err != nil {
		t.Fatal(err)
	}
	c27 = campaignOf(t, s, 2027)
	if m.Old(agenciesOf(t, s, c27.ID)) {
		t.Fatal("2027 is still on the old map")
	}
	// another year from 2023 merges into the same new unit, links the same
	// communes; from 2027 (on the map already) nothing is added twice
	if _, err := s.NewCampaignOnMap(ctx, campaign.Campaign{Year: 2028, Deadline: vndate.Of(2028, 3, 31)}, 2023, plan.Change); err != nil {
		t.Fatal(err)
	}
	c28 := campaignOf(t, s, 2028)
	if a, b := agencyByName(t, s, c27, "Sở Nông nghiệp và Môi trường"), agencyByName(t, s, c28, "Sở Nông nghiệp và Môi trường"); a.ID != b.ID {
		t.Errorf("two units made: %d, %d", a.ID, b.ID)
	}
	if p := m.Plan(agenciesOf(t, s, c28.ID)); len(p.Change.Add) != 0 || p.Communes != 69 || len(p.Change.Merges) != 0 {
		t.Errorf("the plan of a list on the map: %+v", p)
	}
}
