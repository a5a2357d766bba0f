package importer

import (
	"context"
	"slices"

	"cchc/internal/campaign"
	"cchc/internal/compliance"
	"cchc/internal/lang"
)

// Successions is what the book says of units merged away: the campaigns,
// who succeeds whom in each (book.Standing), and the units themselves.
type Successions interface {
	Campaigns(ctx context.Context) ([]campaign.Campaign, error)
	Successions(ctx context.Context, campaignID int64) (compliance.Succession, error)
	Agency(ctx context.Context, id int64) (campaign.Agency, error)
}

// merged is who succeeds whom in the campaign, and the units merged away
// before it that its list no longer holds (a year copied after the merge),
// so that a file naming one by its old name is still read.
type merged struct {
	succ  compliance.Succession
	extra map[int64]bool // predecessors added to the names resolved, not in the campaign
}

// withPredecessors adds to agencies (the campaign's) the units merged away
// that it does not list, as not followed.
func withPredecessors(ctx context.Context, st Successions, c campaign.Campaign, agencies []campaign.Agency) ([]campaign.Agency, merged, error) {
	m := merged{extra: map[int64]bool{}}
	var err error
	if m.succ, err = st.Successions(ctx, c.ID); err != nil {
		return nil, m, err
	}
	listed := map[int64]bool{}
	for _, a := range agencies {
		listed[a.ID] = true
	}
	for pred := range m.succ.Successor {
		if listed[pred] {
			continue
		}
		a, err := st.Agency(ctx, pred)
		if err != nil {
			return nil, m, err
		}
		a.Active = false
		agencies = append(agencies, a)
		m.extra[pred] = true
	}
	return agencies, m, nil
}

// nameMerged warns of each sender merged away before the campaign, which
// the file still names (a reply of an earlier year, or from an old
// letterhead): "Sở TT&TT đã hợp nhất vào Sở KH&CN từ đợt 2026". One the
// campaign does not list sends its letter as the unit that succeeds it;
// either way its registrations count there, and the clerk is told.
func (p *RegistrationPlan) nameMerged(ctx context.Context, st Successions, agencies []campaign.Agency, m merged) error {
	if len(m.succ.Successor) == 0 {
		return nil
	}
	cs, err := st.Campaigns(ctx)
	if err != nil {
		return err
	}
	slices.SortFunc(cs, func(a, b campaign.Campaign) int { return a.Year - b.Year })
	byID := map[int64]campaign.Agency{}
	for _, a := range agencies {
		byID[a.ID] = a
	}
	short := func(id int64) string {
		if a := byID[id]; a.ShortName != "" {
			return a.ShortName
		}
		return byID[id].Name
	}
	told := map[int64]bool{}
	for i, r := range p.Rows {
		id := r.Agency.ID
		into, ok := m.succ.Successor[id]
		if !ok {
			continue
		}
		if m.extra[id] {
			p.Rows[i].Agency = byID[into]
			if r.Lead == r.Agency.Name {
				p.Rows[i].Lead = byID[into].Name
			}
		}
		if told[id] {
			continue
		}
		told[id] = true
		since := p.Campaign.Year
		for _, c := range cs { // the first campaign that records the merge
			if c.Year >= since {
				break
			}
			s, err := st.Successions(ctx, c.ID)
			if err != nil {
				return err
			}
			if _, ok := s.Successor[id]; ok {
				since = c.Year
				break
			}
		}
		p.Problems = append(p.Problems, Problem{Line: r.Line, Warning: true, Msg: lang.Errorf(
			"%s đã hợp nhất vào %s từ đợt %d: các mô hình này được tính cho %s",
			"%s was merged into %s from the %d campaign: these registrations count for %s",
			short(id), short(into), since, short(into))})
	}
	for i := range p.letters {
		if into, ok := m.succ.Successor[p.letters[i].AgencyID]; ok && m.extra[p.letters[i].AgencyID] {
			p.letters[i].AgencyID = into
		}
	}
	return nil
}
