package demo

import (
	"context"
	"fmt"

	"cchc/internal/book"
	"cchc/internal/campaign"
)

// Each agency with a quota is drawn missing (12%), short (15%, when the
// quota allows) or met; a met agency registers its minimum and now and
// then more. A district's registrations come partly in its communes' own
// letters, which count for it.
const (
	missingPct = 12
	shortPct   = 15
)

// weights of the extra registrations when a campaign's total is fixed:
// districts carry their communes' work.
var extraWeight = map[campaign.Group]int{campaign.Department: 2, campaign.Central: 1, campaign.District: 12}

// letters generates and records a campaign's letters. total, when not 0,
// is the exact number of registrations wanted; it returns the number made.
func (g *generator) letters(ctx context.Context, st book.Book, c campaign.Campaign, total int) (int, error) {
	counts := make([]int, len(g.units))
	var met []int
	sum := 0
	for i, u := range g.units {
		q := c.QuotaFor(u.Group)
		if q.Required <= 0 || !u.Active {
			continue
		}
		x := g.r.IntN(100)
		switch {
		case x < missingPct:
		case x < missingPct+shortPct && q.Required > 1:
			counts[i] = 1 + g.r.IntN(q.Required-1)
		default:
			counts[i] = q.Required
			switch y := g.r.IntN(10); {
			case y >= 8:
				counts[i] += 2 + g.r.IntN(3)
			case y >= 5:
				counts[i]++
			}
			met = append(met, i)
		}
		sum += counts[i]
	}
	if total > sum && len(met) > 0 {
		g.spread(counts, met, total-sum)
	}

	var pending []book.BulkLetter
	inBatch, made := 0, 0
	flush := func() error {
		if len(pending) == 0 {
			return nil
		}
		if err := st.BulkAddLetters(ctx, pending); err != nil {
			return wrap(err)
		}
		g.stats.Letters += len(pending)
		pending, inBatch = pending[:0], 0
		return nil
	}
	for i, n := range counts {
		if n == 0 {
			continue
		}
		// who sends each registration: the agency, or one of its communes
		senders := map[int]int{}
		order := []int{}
		for range n {
			s := i
			if kids := g.units[i].children; len(kids) > 0 && g.r.IntN(10) < 4 {
				s = kids[g.r.IntN(len(kids))]
			}
			if senders[s] == 0 {
				order = append(order, s)
			}
			senders[s]++
		}
		for _, s := range order {
			for k := senders[s]; k > 0; {
				size := min(k, 1+g.r.IntN(5))
				pending = append(pending, g.letter(c, s, size))
				k -= size
				inBatch += size
				made += size
			}
		}
		if inBatch >= batch {
			if err := flush(); err != nil {
				return 0, err
			}
		}
	}
	if err := flush(); err != nil {
		return 0, err
	}
	g.stats.Registrations += made
	return made, nil
}

// spread shares extra registrations among the met agencies by group weight.
func (g *generator) spread(counts, met []int, extra int) {
	weight := 0
	for _, i := range met {
		weight += extraWeight[g.units[i].Group]
	}
	given := 0
	for _, i := range met {
		share := extra * extraWeight[g.units[i].Group] / weight
		counts[i] += share
		given += share
	}
	for ; given < extra; given++ {
		counts[met[g.r.IntN(len(met))]]++
	}
}

// letter is one letter of n registrations from unit s.
func (g *generator) letter(c campaign.Campaign, s, n int) book.BulkLetter {
	u := g.units[s]
	// most letters arrive in the six weeks before the deadline, some late
	offset := -g.r.IntN(42)
	if g.r.IntN(100) < 18 {
		offset = 1 + g.r.IntN(30)
	}
	received := c.Deadline.AddDays(offset)
	l := book.BulkLetter{Submission: campaign.Submission{
		CampaignID: c.ID, AgencyID: u.ID,
		Number:     fmt.Sprintf("%d/%s", 10+g.r.IntN(990), u.abbr),
		LetterDate: received.AddDays(-g.r.IntN(5)),
		Received:   received,
	}}
	for range n {
		l.Registrations = append(l.Registrations, g.registration(c, s))
	}
	return l
}

var kindWeights = []struct {
	kind campaign.Kind
	w    int
}{{campaign.Model, 45}, {campaign.Initiative, 25}, {campaign.Solution, 15}, {campaign.GoodPractice, 15}}

var areaWeights = []struct {
	area campaign.Area
	w    int
}{{campaign.Procedures, 30}, {campaign.DigitalGovt, 30}, {campaign.CivilService, 12}, {campaign.Institutions, 8},
	{campaign.Apparatus, 7}, {campaign.PublicFinance, 6}, {campaign.OtherArea, 7}}

func (g *generator) registration(c campaign.Campaign, s int) campaign.Registration {
	u := g.units[s]
	kind := kindWeights[weighted(g.r.IntN(100), len(kindWeights), func(i int) int { return kindWeights[i].w })].kind
	area := areaWeights[weighted(g.r.IntN(100), len(areaWeights), func(i int) int { return areaWeights[i].w })].area
	r := campaign.Registration{Kind: kind, Area: area,
		Title:          g.pick(subjects[string(area)]),
		Partners:       g.pick(partners),
		Summary:        g.pick(summaries),
		ExpectedResult: g.pick(results),
		Note:           g.pick(notes),
	}
	switch g.r.IntN(3) {
	case 0:
		r.Title += " tại " + u.Name
	case 1:
		r.Title += " năm " + fmt.Sprint(c.Year)
	}
	switch g.r.IntN(4) {
	case 0:
		r.Timeline = fmt.Sprintf("Quý %s/%d", []string{"I", "II", "III", "IV"}[g.r.IntN(4)], c.Year)
	case 1:
		r.Timeline = fmt.Sprintf("Từ tháng %d/%d đến tháng 12/%d", 3+g.r.IntN(4), c.Year, c.Year)
	case 2:
		r.Timeline = fmt.Sprintf("Năm %d", c.Year)
	default:
		r.Timeline = fmt.Sprintf("%d - %d", c.Year, c.Year+1)
	}
	// a district's registration is now and then led by one of its communes
	if kids := u.children; len(kids) > 0 && g.r.IntN(10) < 3 {
		r.LeadAgencyID = g.units[kids[g.r.IntN(len(kids))]].ID
	}
	return r
}

// weighted is the index whose share of 100 holds x.
func weighted(x, n int, w func(int) int) int {
	for i := range n {
		if x < w(i) {
			return i
		}
		x -= w(i)
	}
	return n - 1
}
