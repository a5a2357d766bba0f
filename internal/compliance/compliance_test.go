package compliance

import (
	"cmp"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"cchc/internal/campaign"
	"cchc/internal/lang"
	"cchc/internal/vndate"
)

var (
	deadline = vndate.Of(2023, 3, 24)
	c2023    = campaign.Campaign{Year: 2023, Deadline: deadline, Quotas: map[campaign.Group]campaign.Quota{
		campaign.Department: {Required: 1, Target: 1},
		campaign.Central:    {Required: 1, Target: 1},
		campaign.District:   {Required: 2, Target: 3},
	}}
	soYTe   = Agency{ID: 1, Name: "Sở Y tế", Group: campaign.Department}
	ducTho  = Agency{ID: 2, Name: "Huyện Đức Thọ", Group: campaign.District}
	tungAnh = Agency{ID: 3, Name: "Xã Tùng Ảnh", Group: campaign.Commune, ParentID: 2}
	congAn  = Agency{ID: 4, Name: "Công an tỉnh", Group: campaign.Central}
	all     = []Agency{soYTe, ducTho, tungAnh, congAn}
)

func d(day, month int) vndate.Date { return vndate.Of(2023, timeMonth(month), day) }

func TestJudgeRules(t *testing.T) {
	t.Parallel()
	type want struct {
		registered int
		status     Status
		targetMet  bool
		metOn      vndate.Date
		late       bool
		overdue    bool
	}
	cases := []struct {
		name     string
		agency   int64
		received []Received
		asOf     vndate.Date
		want     want
	}{
		{"nothing before the deadline", 1, nil, d(20, 3),
			want{0, Missing, false, vndate.Date{}, false, false}},
		{"nothing on the deadline day is not yet overdue", 1, nil, d(24, 3),
			want{0, Missing, false, vndate.Date{}, false, false}},
		{"nothing the day after the deadline is overdue", 1, nil, d(25, 3),
			want{0, Missing, false, vndate.Date{}, false, true}},
		{"one for a department meets and hits target", 1, []Received{{1, d(10, 3), 1}}, d(30, 3),
			want{1, Met, true, d(10, 3), false, false}},
		{"received on the deadline day is on time", 1, []Received{{1, d(24, 3), 1}}, d(30, 3),
			want{1, Met, true, d(24, 3), false, false}},
		{"received the day after is late", 1, []Received{{1, d(25, 3), 1}}, d(30, 3),
			want{1, Met, true, d(25, 3), true, false}},
		{"received after as-of does not count", 1, []Received{{1, d(25, 3), 1}}, d(24, 3),
			want{0, Missing, false, vndate.Date{}, false, false}},
		{"district with one is short", 2, []Received{{2, d(10, 3), 1}}, d(20, 3),
			want{1, Short, false, vndate.Date{}, false, false}},
		{"short district past the deadline is overdue", 2, []Received{{2, d(10, 3), 1}}, d(1, 4),
			want{1, Short, false, vndate.Date{}, false, true}},
		{"commune registrations roll up to the district", 2,
			[]Received{{2, d(10, 3), 1}, {3, d(12, 3), 1}}, d(20, 3),
			want{2, Met, false, d(12, 3), false, false}},
		{"met_on is the letter that reached required, not the last", 2,
			[]Received{{2, d(28, 3), 1}, {3, d(1, 3), 1}, {2, d(5, 3), 1}}, d(30, 3),
			want{3, Met, true, d(5, 3), false, false}},
		{"district reaching required only after the deadline is late", 2,
			[]Received{{2, d(1, 3), 1}, {3, d(2, 4), 1}}, d(5, 4),
			want{2, Met, false, d(2, 4), true, false}},
		{"one letter of two registrations meets a district on its day", 2,
			[]Received{{2, d(3, 3), 1}, {2, d(9, 3), 2}}, d(30, 3),
			want{3, Met, true, d(9, 3), false, false}},
		{"a letter of three reaches the target at once", 2,
			[]Received{{3, d(20, 3), 3}}, d(30, 3),
			want{3, Met, true, d(20, 3), false, false}},
		{"a letter whose registrations were all deleted counts for nothing", 1,
			[]Received{{1, d(10, 3), 0}}, d(30, 3),
			want{0, Missing, false, vndate.Date{}, false, true}},
		{"other agencies' registrations do not count", 1,
			[]Received{{2, d(1, 3), 1}, {4, d(1, 3), 1}}, d(30, 3),
			want{0, Missing, false, vndate.Date{}, false, true}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := Judge(c2023, all, tc.received, tc.asOf)
			var got *Result
			for i := range s.Results {
				if s.Results[i].Agency.ID == tc.agency {
					got = &s.Results[i]
				}
			}
			if got == nil {
				t.Fatalf("agency %d not judged", tc.agency)
			}
			w := tc.want
			if got.Registered != w.registered || got.Status != w.status || got.TargetMet != w.targetMet ||
				!got.MetOn.Equal(w.metOn) || got.Late != w.late || got.Overdue != w.overdue {
				t.Fatalf("got registered=%d status=%s target=%v met_on=%v late=%v overdue=%v; want %+v",
					got.Registered, got.Status, got.TargetMet, got.MetOn, got.Late, got.Overdue, w)
			}
		})
	}
}

func TestCommunesWithoutQuotaAreNotJudged(t *testing.T) {
	t.Parallel()
	s := Judge(c2023, all, []Received{{3, d(1, 3), 1}}, d(30, 3))
	for _, r := range s.Results {
		if r.Agency.Group == campaign.Commune {
			t.Fatalf("commune judged: %+v", r)
		}
	}
	for _, g := range s.Groups {
		if g.Group == campaign.Commune {
			t.Fatal("commune group listed without a quota")
		}
	}
	// A campaign that does give communes a quota judges them.
	c := c2023
	c.Quotas = map[campaign.Group]campaign.Quota{campaign.Commune: {Required: 1, Target: 1}}
	s = Judge(c, all, []Received{{3, d(1, 3), 1}}, d(30, 3))
	if len(s.Results) != 1 || s.Results[0].Status != Met {
		t.Fatalf("commune with quota: %+v", s.Results)
	}
}

func TestGroupTotalsAndOrder(t *testing.T) {
	t.Parallel()
	agencies := []Agency{
		congAn, soYTe, {ID: 5, Name: "Sở Tư pháp", Group: campaign.Department},
		{ID: 6, Name: "Sở Nội vụ", Group: campaign.Department}, ducTho, tungAnh,
	}
	received := []Received{{1, d(1, 3), 1}, {1, d(2, 3), 1}, {5, d(30, 3), 1}, {2, d(3, 3), 1}, {3, d(4, 3), 1}, {3, d(5, 3), 1}}
	s := Judge(c2023, agencies, received, d(31, 3))
	if len(s.Groups) != 3 {
		t.Fatalf("groups = %+v", s.Groups)
	}
	order := []campaign.Group{campaign.Department, campaign.Central, campaign.District}
	for i, g := range s.Groups {
		if g.Group != order[i] {
			t.Fatalf("group %d = %s, want %s", i, g.Group, order[i])
		}
	}
	dep := s.Groups[0]
	if dep.Agencies != 3 || dep.Met != 2 || dep.Missing != 1 || dep.Short != 0 || dep.Late != 1 || dep.Registrations != 3 || dep.TargetMet != 2 {
		t.Fatalf("department totals = %+v", dep)
	}
	dist := s.Groups[2]
	if dist.Agencies != 1 || dist.Met != 1 || dist.Registrations != 3 || dist.TargetMet != 1 {
		t.Fatalf("district totals = %+v", dist)
	}
	tot := s.Total()
	if tot.Agencies != 5 || tot.Met != 3 || tot.Missing != 2 || tot.Registrations != 6 {
		t.Fatalf("total = %+v", tot)
	}
	if got := len(s.Filter(campaign.Department, "unmet")); got != 1 {
		t.Fatalf("unmet departments = %d", got)
	}
	if got := len(s.Filter("", "met")); got != 3 {
		t.Fatalf("met = %d", got)
	}
	if got := s.DaysLeft(); got != -7 {
		t.Fatalf("DaysLeft = %d", got)
	}
}

func timeMonth(m int) time.Month { return time.Month(m) }

// madeUpLetters is a campaign of five districts with three communes each
// and one department, and n letters of up to maxRegs-1 registrations sent
// by random agencies on random days around the deadline.
func madeUpLetters(r *rand.Rand, n, maxRegs int) (campaign.Campaign, []Agency, []Received) {
	c := campaign.Campaign{Deadline: vndate.Of(2024, 3, 29), Quotas: map[campaign.Group]campaign.Quota{
		campaign.District: {Required: 3, Target: 5}, campaign.Department: {Required: 1, Target: 2}}}
	var agencies []Agency
	for d := int64(1); d <= 5; d++ {
		agencies = append(agencies, Agency{ID: d, Group: campaign.District})
		for k := int64(1); k <= 3; k++ {
			agencies = append(agencies, Agency{ID: d*10 + k, Group: campaign.Commune, ParentID: d})
		}
	}
	agencies = append(agencies, Agency{ID: 99, Group: campaign.Department})
	var received []Received
	for range n {
		a := agencies[r.IntN(len(agencies))]
		received = append(received, Received{AgencyID: a.ID, On: c.Deadline.AddDays(r.IntN(50) - 35), Registrations: r.IntN(maxRegs)})
	}
	return c, agencies, received
}

// One Prepared judged day after day agrees with counting the letters of
// each day afresh, on made-up letters of districts and their communes.
func TestPreparedAgreesDayByDay(t *testing.T) {
	t.Parallel()
	c, agencies, received := madeUpLetters(rand.New(rand.NewPCG(7, 7)), 60, 3)
	p := Prepare(c, agencies, received)
	for day := c.Deadline.AddDays(-40); !day.After(c.Deadline.AddDays(20)); day = day.AddDays(1) {
		got := p.Judge(day)
		for _, res := range got.Results {
			want, last, met := 0, vndate.Date{}, vndate.Date{}
			var days []Received
			for _, l := range received {
				if (l.AgencyID == res.Agency.ID || l.AgencyID/10 == res.Agency.ID && l.AgencyID >= 10 && res.Agency.ID < 10) && !l.On.After(day) && l.Registrations > 0 {
					days = append(days, l)
				}
			}
			slices.SortStableFunc(days, func(a, b Received) int { return a.On.Time().Compare(b.On.Time()) })
			for _, l := range days {
				if want < res.Quota.Required && want+l.Registrations >= res.Quota.Required {
					met = l.On
				}
				want += l.Registrations
				last = l.On
			}
			if res.Registered != want || !res.LastOn.Equal(last) || !res.MetOn.Equal(met) {
				t.Fatalf("%s, agency %d: %d last %s met %s; want %d last %s met %s", day, res.Agency.ID,
					res.Registered, res.LastOn, res.MetOn, want, last, met)
			}
		}
	}
}

// Since 1 July 2025: communes directly under the province are judged on
// their own when their group has a quota, and a merged unit's letters
// count for its successor, which alone is judged.
func TestTwoTierAndSuccession(t *testing.T) {
	t.Parallel()
	c := campaign.Campaign{Year: 2023, Deadline: deadline, Quotas: map[campaign.Group]campaign.Quota{
		campaign.Department: {Required: 1, Target: 1}, campaign.Commune: {Required: 2, Target: 3},
	}}
	xa := Agency{ID: 10, Name: "Xã Thạch Hà", Group: campaign.Commune}
	newDept := Agency{ID: 11, Name: "Sở Nông nghiệp và Môi trường", Group: campaign.Department}
	list := WithSuccession([]Agency{newDept, xa}, Succession{
		Successor:    map[int64]int64{1: 11},
		Predecessors: map[int64][]string{11: {"Sở YT"}},
	})
	s := Judge(c, list, []Received{{AgencyID: 10, On: d(1, 3), Registrations: 2}, {AgencyID: 1, On: d(2, 3), Registrations: 1}}, d(31, 12))
	if len(s.Results) != 2 {
		t.Fatalf("judged %d agencies, want the department and the commune", len(s.Results))
	}
	for _, r := range s.Results {
		switch r.Agency.ID {
		case 10:
			if r.Status != Met || r.Registered != 2 || r.TargetMet {
				t.Errorf("commune: %+v", r)
			}
		case 11:
			if r.Status != Met || r.MetOn != d(2, 3) || len(r.Agency.Predecessors) != 1 {
				t.Errorf("successor: %+v", r)
			}
		default:
			t.Errorf("judged %s", r.Agency.Name)
		}
	}
	if got := campaign.WithPredecessors("Sở NN&MT", []string{"Sở TN&MT", "Sở NN&PTNT"}, lang.VI); got != "Sở NN&MT (hợp nhất Sở TN&MT, Sở NN&PTNT)" {
		t.Errorf("named %q", got)
	}
}

// Followed puts the judged agencies in report order (group, then
// Vietnamese order), leaves the others as they came, and adds the units a
// merge took over.
func TestFollowedOrder(t *testing.T) {
	t.Parallel()
	thachHa := Agency{ID: 5, Name: "Huyện Thạch Hà", Group: campaign.District}
	anhSon := Agency{ID: 6, Name: "Xã Ân Sơn", Group: campaign.Commune, ParentID: 5}
	given := []Agency{tungAnh, thachHa, anhSon, congAn, ducTho, soYTe}
	got := Followed(c2023, given, Succession{Successor: map[int64]int64{7: 1}, Predecessors: map[int64][]string{1: {"Sở cũ"}}})
	var ids []int64
	for _, a := range got {
		ids = append(ids, a.ID)
	}
	if want := []int64{1, 4, 2, 5, 3, 6, 7}; !slices.Equal(ids, want) {
		t.Errorf("order %v, want %v", ids, want)
	}
	if got[0].Predecessors[0] != "Sở cũ" || got[6].SucceededBy != 1 {
		t.Errorf("succession not applied: %+v, %+v", got[0], got[6])
	}
}

// Judging one day on the letters cut for it (Cut, each sender's letters
// in day order up to that day) is judging it on all of them.
func TestCutJudgesAsAllLetters(t *testing.T) {
	t.Parallel()
	c, agencies, received := madeUpLetters(rand.New(rand.NewPCG(16, 4)), 80, 4)
	slices.SortStableFunc(received, func(a, b Received) int {
		return cmp.Or(cmp.Compare(a.AgencyID, b.AgencyID), a.On.Time().Compare(b.On.Time()))
	})
	if Keep(c) != 3 {
		t.Fatalf("Keep = %d", Keep(c))
	}
	for day := c.Deadline.AddDays(-40); !day.After(c.Deadline.AddDays(20)); day = day.AddDays(1) {
		var cut []Received
		for i := 0; i < len(received); {
			j := i
			for j < len(received) && received[j].AgencyID == received[i].AgencyID {
				j++
			}
			var sender []Received
			for _, l := range received[i:j] {
				if !l.On.After(day) && l.Registrations > 0 {
					sender = append(sender, l)
				}
			}
			cut = append(cut, Cut(sender, Keep(c))...)
			i = j
		}
		if got, want := Judge(c, agencies, cut, day), Judge(c, agencies, received, day); !reflect.DeepEqual(got, want) {
			t.Fatalf("as of %s: cut %+v\nall %+v", day, got.Results, want.Results)
		}
	}
}
