package store

import (
	"cmp"
	"context"
	"database/sql/driver"
	"slices"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/compliance"
	"cchc/internal/vndate"
	"cchc/internal/vntext"
)

// Lists for screens that must stay instant at national scale (15,000
// agencies, 200,000 registrations in a campaign): only what a list shows
// and searches, shared strings, no per-row join.

// RegistrationList lists a campaign's registrations like Registrations,
// newest letter first, as list rows (see ListRow).
func (s *Store) RegistrationList(ctx context.Context, campaignID int64) ([]book.ListRow, error) {
	agencies := map[int64]*book.ListAgency{}
	arows, err := s.db.QueryContext(ctx, `SELECT a.id, coalesce(ca.name, a.name), a.agency_group FROM agency a
		JOIN campaign_agency ca ON ca.agency_id = a.id WHERE ca.campaign_id = ?
		UNION SELECT a.id, a.name, a.agency_group FROM agency a
		WHERE a.id IN (SELECT agency_id FROM submission WHERE campaign_id = ?)`, campaignID, campaignID)
	if err != nil {
		return nil, s.explain(err)
	}
	for arows.Next() {
		var a book.ListAgency
		var group string
		if err := arows.Scan(&a.ID, &a.Name, &group); err != nil {
			arows.Close()
			return nil, s.explain(err)
		}
		a.Name, a.Group = vntext.Line(a.Name), campaign.Group(group)
		a.Key = vntext.Fold(a.Name)
		agencies[a.ID] = &a
	}
	arows.Close()
	if err := arows.Err(); err != nil {
		return nil, s.explain(err)
	}
	var total, all int
	if err := s.db.QueryRowContext(ctx, `SELECT coalesce(sum(registrations) FILTER (WHERE campaign_id = ?), 0), coalesce(sum(registrations), 0)
		FROM letter_tally`, campaignID).Scan(&total, &all); err != nil {
		return nil, s.explain(err)
	}
	// The rows are read in the order they lie in the file and put in list
	// order here: read letter by letter, each registration was a random
	// read of the file (1.8 s for 200,000). A campaign that is a small part
	// of the book (an earlier year beside a national one) is read through
	// its letters instead of past every registration of every year.
	from := `registration r CROSS JOIN submission s WHERE s.id = r.submission_id` // CROSS: SQLite keeps this order
	if total < all/4 {
		from = `submission s JOIN registration r ON r.submission_id = s.id WHERE true`
	}
	type place struct {
		received, seq int32
		letter, id    int64
	}
	places := make([]place, 0, total)

	out := make([]book.ListRow, 0, total) // the exact size: no slice grown twice over
	packed := map[string]int32{}          // yyyymmdd of each day, worked out once
	kinds, areas := map[string]uint8{}, map[string]uint8{}
	// each title and its key held once however many registrations bear it:
	// agencies register the same models under the same names (43,000 titles
	// in 200,000 registrations of the national demo)
	titles := make(titles, total/4)
	var lastLetter int64 = -1
	var lastNumber *book.ListLetter
	err = s.eachRow(ctx, `SELECT r.id, r.version, r.title, r.kind, r.area,
		coalesce(r.lead_agency_id, 0), s.id, s.agency_id, s.number, s.received_on, r.seq
		FROM `+from+` AND s.campaign_id = ?`, []any{campaignID}, func(v []driver.Value) error {
		t := titles.of(asText(v[2]))
		x := book.ListRow{ID: asInt(v[0]), Version: asInt(v[1]), Title: t.text, TitleKey: t.key}
		lead, letter, sender := asInt(v[5]), asInt(v[6]), asInt(v[7])
		if letter != lastLetter { // a letter's registrations come together
			n := vntext.Line(asText(v[8]))
			lastLetter, lastNumber = letter, &book.ListLetter{Number: n, Key: vntext.Fold(n)}
		}
		x.Letter = lastNumber
		kind, area, received := asText(v[3]), asText(v[4]), asText(v[9])
		k, ok := kinds[kind]
		if !ok {
			k = uint8(slices.Index(campaign.Kinds, campaign.Kind(kind)) + 1)
			kinds[kind] = k
		}
		a, ok := areas[area]
		if !ok {
			a = uint8(slices.Index(campaign.Areas, campaign.Area(area)) + 1)
			areas[area] = a
		}
		x.KindNo, x.AreaNo = k, a
		d, ok := packed[received]
		if !ok {
			if day, err := vndate.ParseISO(received); err == nil {
				d = int32(day.Year()*10000 + int(day.Month())*100 + day.Day())
			}
			packed[received] = d
		}
		x.Day = d
		x.Agency = agencies[sender]
		if x.Agency == nil { // not possible with the foreign keys; never a nil to dereference
			x.Agency = &book.ListAgency{ID: sender}
			agencies[sender] = x.Agency
		}
		x.Lead = x.Agency
		if lead != 0 && lead != sender {
			if x.Lead = agencies[lead]; x.Lead == nil { // a lead outside the campaign: rare
				x.Lead = &book.ListAgency{ID: lead}
				if a, err := s.Agency(ctx, lead); err == nil {
					x.Lead = &book.ListAgency{ID: a.ID, Name: a.Name, Key: vntext.Fold(a.Name), Group: a.Group}
				}
				agencies[lead] = x.Lead
			}
		}
		places = append(places, place{d, int32(asInt(v[10])), letter, x.ID})
		out = append(out, x)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := s.listStages(ctx, campaignID, out); err != nil {
		return nil, err
	}
	// newest letter first, then the letter's own order
	sortRows(out, func(i, j int) int {
		a, b := &places[i], &places[j]
		if c := cmp.Compare(b.received, a.received); c != 0 {
			return c
		}
		if c := cmp.Compare(b.letter, a.letter); c != 0 {
			return c
		}
		if c := cmp.Compare(a.seq, b.seq); c != 0 {
			return c
		}
		return cmp.Compare(a.id, b.id)
	})
	return out, nil
}

// listStages sets each row's stage, its latest step's: read apart from
// the rows, as most registrations have no step (the model list's stage
// column and filter).
func (s *Store) listStages(ctx context.Context, campaignID int64, out []book.ListRow) error {
	latest := map[int64]uint8{}
	err := s.eachRow(ctx, `SELECT p.registration_id, p.stage FROM progress p
		JOIN registration r ON r.id = p.registration_id JOIN submission s ON s.id = r.submission_id
		WHERE s.campaign_id = ? ORDER BY p.registration_id, p.on_date, p.id`, []any{campaignID}, func(v []driver.Value) error {
		latest[asInt(v[0])] = uint8(slices.Index(campaign.Stages, campaign.Stage(asText(v[1]))) + 1)
		return nil
	})
	if err != nil || len(latest) == 0 {
		return err
	}
	for i := range out {
		if n, ok := latest[out[i].ID]; ok {
			out[i].StageNo = n
		}
	}
	return nil
}

// titles holds each title of a long list once, cleaned (vntext.Line),
// with its key for the search, folded once (the stored title_key, not
// read: 200,000 more strings handed over by SQLite).
type titles map[string]title

type title struct{ text, key string }

func (t titles) of(s string) title {
	x, ok := t[s]
	if !ok {
		x.text = vntext.Line(s)
		x.key = vntext.Fold(x.text)
		t[s] = x
	}
	return x
}

// Received lists the letters of a campaign as compliance counts them, for
// a caller that already has the agencies.
func (s *Store) Received(ctx context.Context, campaignID int64) ([]compliance.Received, error) {
	return s.received(ctx, campaignID, nil)
}

var _ book.CutReader = (*Store)(nil)

// ReceivedAsOf lists what judging a campaign as of one day needs of its
// letters (book.CutReader): at national scale a third of the rows kept.
func (s *Store) ReceivedAsOf(ctx context.Context, campaignID int64, asOf vndate.Date, keep int) ([]compliance.Received, error) {
	return s.received(ctx, campaignID, &cut{asOf: asOf.ISO(), keep: keep})
}

// LatestSubmissions lists the n letters of a campaign received last, the
// latest first, as Submissions does.
func (s *Store) LatestSubmissions(ctx context.Context, campaignID int64, n int) ([]book.SubmissionRow, error) {
	return s.submissions(ctx, campaignID, n)
}
