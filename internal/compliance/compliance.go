// Package compliance judges, for a campaign on a given day, which agencies
// have registered what the campaign asks of them. Pure Go, no I/O.
package compliance

import (
	"cmp"
	"slices"

	"cchc/internal/campaign"
	"cchc/internal/vndate"
	"cchc/internal/vntext"
)

// Status of an agency against its quota.
type Status string

const (
	Missing Status = "missing" // nothing registered
	Short   Status = "short"   // something, but fewer than required
	Met     Status = "met"     // at least what is required
)

// Statuses in the order reports list them: worst first.
var Statuses = []Status{Missing, Short, Met}

// Agency is what the judgement needs to know of one agency.
type Agency struct {
	ID       int64
	Name     string
	Group    campaign.Group
	ParentID int64 // a commune's district: its registrations count there
	// SucceededBy is the unit that took over from this one in the campaign
	// (a merge): its letters count there. Such a unit is no longer followed.
	SucceededBy int64
	// Predecessors are the names of the units this one succeeds, for
	// readers ("hợp nhất Sở TN&MT, Sở NN&PTNT").
	Predecessors []string
}

// Received is one letter as counted: the agency that sent it, the day the
// Department received it and how many registrations it holds (a letter
// whose registrations were all deleted holds none and counts for nothing).
type Received struct {
	AgencyID      int64
	On            vndate.Date
	Registrations int
}

// Result is the compliance of one agency.
type Result struct {
	Agency     Agency
	Quota      campaign.Quota
	Registered int // its own registrations and those of the units under it
	Status     Status
	TargetMet  bool
	MetOn      vndate.Date // the received day of the letter that brought it to Required; zero when not met
	Late       bool        // met, but after the deadline
	Overdue    bool        // not met, and the deadline has passed as of the day judged
	LastOn     vndate.Date // the latest received day counted; zero when none
}

// GroupTotal sums the results of one group.
type GroupTotal struct {
	Group         campaign.Group
	Agencies      int
	Met           int
	Short         int
	Missing       int
	TargetMet     int
	Late          int
	Registrations int // all registrations counted toward the group's agencies
}

// Summary is the judgement of a campaign as of one day.
type Summary struct {
	Deadline vndate.Date
	AsOf     vndate.Date
	Results  []Result     // in the order the agencies were given
	Groups   []GroupTotal // in campaign.Groups order, only groups with agencies
}

// DaysLeft is the number of days from AsOf to the deadline: negative once
// the deadline has passed (-12 = 12 days overdue), 0 on the deadline day.
func (s Summary) DaysLeft() int { return s.AsOf.DaysUntil(s.Deadline) }

// Judge computes the compliance of the agencies of a campaign as of asOf.
// Only registrations received on or before asOf count. A registration
// counts toward its own agency and, when that agency has a parent (a
// commune), toward the parent too, and toward the unit that succeeded it
// (a merge within the campaign). Agencies whose group has no quota
// (required 0, communes by default) are not judged: they appear in neither
// Results nor Groups; their registrations still roll up.
func Judge(c campaign.Campaign, agencies []Agency, received []Received, asOf vndate.Date) Summary {
	return Prepare(c, agencies, received).Judge(asOf)
}

// Keep is what judging campaign c as of one day needs of each sender's
// letters (see Cut): the largest minimum of its groups.
func Keep(c campaign.Campaign) int {
	keep := 0
	for _, q := range c.Quotas {
		keep = max(keep, q.Required)
	}
	return keep
}

// Cut shortens one sender's letters, in day order and none after the day
// judged, to what judging that day needs: the letters until the sender's
// own count reaches keep (Keep), then one on the last day holding all the
// rest. Judge gives the same with or without the cut: a unit is met at
// the latest on the day one unit counting for it reaches keep, so no later
// letter of that unit can be the one that met it, and the sum keeps the
// count and the last day. It cuts in place.
func Cut(letters []Received, keep int) []Received {
	sum := 0
	for i, r := range letters {
		if sum >= keep {
			rest := letters[i:]
			last := rest[len(rest)-1]
			for _, l := range rest[:len(rest)-1] {
				last.Registrations += l.Registrations
			}
			return append(letters[:i], last)
		}
		sum += r.Registrations
	}
	return letters
}

// Prepared is a campaign's letters laid out for judging it as of any day:
// each judged agency's letters in day order with the running count, so
// that another day is a binary search per agency (the status screen's
// "as of" day moves one key at a time over 71,509 letters).
type Prepared struct {
	campaign campaign.Campaign
	judged   []prepared // in the order the agencies were given
}

type prepared struct {
	agency  Agency
	quota   campaign.Quota
	days    []int64       // each letter's received day as a number, ascending
	on      []vndate.Date // the same days
	counted []int         // registrations counted up to and including each letter
	met     int           // the letter that brought it to the minimum; len(days) when none did
}

// Prepare lays out the letters of the agencies of campaign c (see Judge).
func Prepare(c campaign.Campaign, agencies []Agency, received []Received) *Prepared {
	type letter struct {
		day int64 // On as a number, cheap to sort by
		on  vndate.Date
		n   int
	}
	// each agency by position: whether it is judged, and the unit its
	// letters count for next (commune → district, merged unit → its
	// successor; -1 for none)
	pos := make(map[int64]int32, len(agencies))
	for i, a := range agencies {
		pos[a.ID] = int32(i)
	}
	judged := make([]bool, len(agencies))
	up := make([]int32, len(agencies))
	for i, a := range agencies {
		judged[i] = c.QuotaFor(a.Group).Required > 0
		next := a.ParentID
		if a.SucceededBy != 0 {
			next = a.SucceededBy
		}
		up[i] = -1
		if j, ok := pos[next]; ok && next != 0 {
			up[i] = j
		}
	}
	// each letter counts for its own agency, then up the chain (a guard
	// against a cycle in bad data stops after a few steps): counted first,
	// then laid out in one array, each agency's letters side by side
	from := make([]int32, len(received))
	count := make([]int32, len(agencies)+1)
	for k, r := range received {
		from[k] = -1
		if i, ok := pos[r.AgencyID]; ok && r.Registrations > 0 {
			from[k] = i
			for step := 0; i >= 0 && step < 4; step++ {
				if judged[i] {
					count[i+1]++
				}
				i = up[i]
			}
		}
	}
	for i := range agencies {
		count[i+1] += count[i] // count[i] is now where agency i's letters start
	}
	all := make([]letter, count[len(agencies)])
	next := slices.Clone(count[:len(agencies)])
	for k, r := range received {
		if from[k] < 0 {
			continue
		}
		l := letter{r.On.Time().Unix(), r.On, r.Registrations}
		for i, step := from[k], 0; i >= 0 && step < 4; step++ {
			if judged[i] {
				all[next[i]] = l
				next[i]++
			}
			i = up[i]
		}
	}
	n := len(all)
	days, on, counted := make([]int64, n), make([]vndate.Date, n), make([]int, n)
	p := &Prepared{campaign: c}
	for i, a := range agencies {
		if !judged[i] {
			continue
		}
		q := c.QuotaFor(a.Group)
		start, end := count[i], count[i+1]
		letters := all[start:end]
		// an agency's own letters come in day order; only those of its
		// communes mixed in need sorting (equal days are alike: no need
		// for a stable sort)
		byDay := func(a, b letter) int { return cmp.Compare(a.day, b.day) }
		if !slices.IsSortedFunc(letters, byDay) {
			slices.SortFunc(letters, byDay)
		}
		x := prepared{agency: a, quota: q, days: days[start:end:end], on: on[start:end:end], counted: counted[start:end:end], met: len(letters)}
		sum := 0
		for k, l := range letters {
			if sum < q.Required && sum+l.n >= q.Required {
				x.met = k
			}
			sum += l.n
			x.days[k], x.on[k], x.counted[k] = l.day, l.on, sum
		}
		p.judged = append(p.judged, x)
	}
	return p
}

// Judge is the compliance as of asOf (see the function Judge).
func (p *Prepared) Judge(asOf vndate.Date) Summary {
	c := p.campaign
	s := Summary{Deadline: c.Deadline, AsOf: asOf, Results: make([]Result, 0, len(p.judged))}
	day := asOf.Time().Unix()
	totals := make(map[campaign.Group]*GroupTotal)
	for i := range p.judged {
		x := &p.judged[i]
		q := x.quota
		k, _ := slices.BinarySearch(x.days, day+1) // the first letter after asOf: k letters count
		res := Result{Agency: x.agency, Quota: q}
		if k > 0 {
			res.Registered, res.LastOn = x.counted[k-1], x.on[k-1]
		}
		if x.met < k {
			res.MetOn = x.on[x.met]
		}
		switch {
		case res.Registered == 0:
			res.Status = Missing
		case res.Registered < q.Required:
			res.Status = Short
		default:
			res.Status = Met
			res.Late = res.MetOn.After(c.Deadline)
		}
		res.TargetMet = res.Registered >= q.Target
		res.Overdue = res.Status != Met && asOf.After(c.Deadline)
		s.Results = append(s.Results, res)

		t := totals[x.agency.Group]
		if t == nil {
			t = &GroupTotal{Group: x.agency.Group}
			totals[x.agency.Group] = t
		}
		t.Agencies++
		t.Registrations += res.Registered
		switch res.Status {
		case Met:
			t.Met++
		case Short:
			t.Short++
		case Missing:
			t.Missing++
		}
		if res.TargetMet {
			t.TargetMet++
		}
		if res.Late {
			t.Late++
		}
	}
	for _, g := range campaign.Groups {
		if t := totals[g]; t != nil {
			s.Groups = append(s.Groups, *t)
		}
	}
	return s
}

// Total sums the group totals.
func (s Summary) Total() GroupTotal {
	var t GroupTotal
	for _, g := range s.Groups {
		t.Agencies += g.Agencies
		t.Met += g.Met
		t.Short += g.Short
		t.Missing += g.Missing
		t.TargetMet += g.TargetMet
		t.Late += g.Late
		t.Registrations += g.Registrations
	}
	return t
}

// Filter keeps the results matching group (empty: any) and status filter
// ("" any, "missing", "short", "met", or "unmet" = missing or short).
func (s Summary) Filter(group campaign.Group, only string) []Result {
	var out []Result
	for _, r := range s.Results {
		if group != "" && r.Agency.Group != group {
			continue
		}
		switch only {
		case "":
		case "unmet":
			if r.Status == Met {
				continue
			}
		default:
			if string(r.Status) != only {
				continue
			}
		}
		out = append(out, r)
	}
	return out
}

// Succession is who took over from whom in one campaign (merges).
type Succession struct {
	Successor    map[int64]int64    // predecessor → successor
	Predecessors map[int64][]string // successor → its predecessors' names
}

// WithSuccession names each agency's predecessors and adds those no
// longer followed, so that their letters of the campaign count for the
// unit that succeeded them.
func WithSuccession(agencies []Agency, s Succession) []Agency {
	if len(s.Successor) == 0 {
		return agencies
	}
	listed := make(map[int64]bool, len(agencies))
	for i := range agencies {
		listed[agencies[i].ID] = true
		agencies[i].Predecessors = s.Predecessors[agencies[i].ID]
	}
	for pred, succ := range s.Successor {
		if !listed[pred] {
			agencies = append(agencies, Agency{ID: pred, SucceededBy: succ})
		}
	}
	return agencies
}

// Followed is the list Judge takes, made from the agencies a campaign
// follows (in any order) and who succeeded whom: those of groups with a
// quota in report order, then the others (communes whose registrations
// only roll up) as they came, sparing the Vietnamese sort of the ten
// thousand communes of a national campaign.
func Followed(c campaign.Campaign, agencies []Agency, s Succession) []Agency {
	var judged, rest []Agency
	for _, a := range agencies {
		if c.QuotaFor(a.Group).Required > 0 {
			judged = append(judged, a)
		} else {
			rest = append(rest, a)
		}
	}
	vntext.SortByKey(judged, func(a Agency) []byte { return campaign.ReportKey(a.Group, a.Name) })
	return WithSuccession(append(judged, rest...), s)
}
