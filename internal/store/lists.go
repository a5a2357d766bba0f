package store

import (
	"context"

	"cchc/internal/campaign"
	"cchc/internal/compliance"
	"cchc/internal/vndate"
	"cchc/internal/vntext"
)

// Lists for screens that must stay instant at national scale (15,000
// agencies, 200,000 registrations in a campaign): only what a list shows
// and searches, shared strings, no per-row join.

// RegistrationList lists a campaign's registrations like Registrations,
// newest letter first, with what a list shows and searches: id, title and
// its folded key, kind, area, sending agency (name and group), lead unit's
// name, letter number, received day and versions. The long texts
// (partners, summary, timeline, expected result, note) and the letter date
// are left out: read one registration with Registration. Agency names are
// shared between rows, not copied into each.
func (s *Store) RegistrationList(ctx context.Context, campaignID int64) ([]RegistrationRow, error) {
	type agencyInfo struct {
		name  string
		group campaign.Group
	}
	agencies := map[int64]agencyInfo{}
	arows, err := s.db.QueryContext(ctx, `SELECT a.id, coalesce(ca.name, a.name), a.agency_group FROM agency a
		JOIN campaign_agency ca ON ca.agency_id = a.id WHERE ca.campaign_id = ?
		UNION SELECT a.id, a.name, a.agency_group FROM agency a
		WHERE a.id IN (SELECT agency_id FROM submission WHERE campaign_id = ?)`, campaignID, campaignID)
	if err != nil {
		return nil, s.explain(err)
	}
	for arows.Next() {
		var id int64
		var name, group string
		if err := arows.Scan(&id, &name, &group); err != nil {
			arows.Close()
			return nil, s.explain(err)
		}
		agencies[id] = agencyInfo{vntext.Line(name), campaign.Group(group)}
	}
	arows.Close()
	if err := arows.Err(); err != nil {
		return nil, s.explain(err)
	}

	rows, err := s.db.QueryContext(ctx, `SELECT r.id, r.submission_id, r.title, r.title_key, r.kind, r.area,
		coalesce(r.lead_agency_id, 0), r.version, s.agency_id, s.number, s.received_on, s.version
		FROM submission s JOIN registration r ON r.submission_id = s.id
		WHERE s.campaign_id = ?
		ORDER BY s.received_on DESC, s.id DESC, r.seq, r.id`, campaignID)
	if err != nil {
		return nil, s.explain(err)
	}
	defer rows.Close()
	var out []RegistrationRow
	days := map[string]vndate.Date{}
	kinds, areas := map[string]campaign.Kind{}, map[string]campaign.Area{} // shared, not one string per row
	var kind, area, received []byte
	for rows.Next() {
		var x RegistrationRow
		if err := rows.Scan(&x.ID, &x.SubmissionID, &x.Title, &x.TitleKey, &kind, &area, &x.LeadAgencyID, &x.Version,
			&x.AgencyID, &x.LetterNumber, &received, &x.SubmissionVer); err != nil {
			return nil, s.explain(err)
		}
		x.Title, x.LetterNumber = vntext.Line(x.Title), vntext.Line(x.LetterNumber)
		k, ok := kinds[string(kind)]
		if !ok {
			k = campaign.Kind(kind)
			kinds[string(kind)] = k
		}
		a, ok := areas[string(area)]
		if !ok {
			a = campaign.Area(area)
			areas[string(area)] = a
		}
		x.Kind, x.Area = k, a
		d, ok := days[string(received)]
		if !ok {
			d, _ = vndate.ParseISO(string(received))
			days[string(received)] = d
		}
		x.Received = d
		sender := agencies[x.AgencyID]
		x.AgencyName, x.AgencyGroup, x.LeadName = sender.name, sender.group, sender.name
		if x.LeadAgencyID != 0 {
			if lead, ok := agencies[x.LeadAgencyID]; ok {
				x.LeadName = lead.name
			} else if a, err := s.Agency(ctx, x.LeadAgencyID); err == nil { // a lead outside the campaign: rare
				agencies[a.ID] = agencyInfo{a.Name, a.Group}
				x.LeadName = a.Name
			}
		}
		out = append(out, x)
	}
	return out, s.explain(rows.Err())
}

// Received lists the letters of a campaign as compliance counts them, for
// a caller that already has the agencies.
func (s *Store) Received(ctx context.Context, campaignID int64) ([]compliance.Received, error) {
	return s.received(ctx, campaignID)
}

// LatestSubmissions lists the n letters of a campaign received last, the
// latest first, as Submissions does.
func (s *Store) LatestSubmissions(ctx context.Context, campaignID int64, n int) ([]SubmissionRow, error) {
	return s.submissions(ctx, campaignID, n)
}
