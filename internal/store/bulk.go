package store

import (
	"context"
	"database/sql"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/vndate"
	"cchc/internal/vntext"
)

// Bulk loading, for generated books (cchc demo): many rows through
// prepared statements, one transaction per batch. Only a new book may be
// filled this way, so nothing a clerk typed is ever mixed with made-up data.
// These writes are not recorded in the history: made-up rows are nothing
// to undo, and recording 200,000 of them would double the file.

// IsNew reports whether the book holds only what Open puts in a new file:
// the default campaign and its agencies, unedited, and no letter.
func (s *Store) IsNew(ctx context.Context) (bool, error) { return s.isNew(ctx, s.db) }

type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func (s *Store) isNew(ctx context.Context, q querier) (bool, error) {
	var campaigns, edited, letters, agencies int
	err := q.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM campaign),
		(SELECT count(*) FROM campaign WHERE version <> 1) + (SELECT count(*) FROM agency WHERE version <> 1),
		(SELECT count(*) FROM submission),
		(SELECT count(*) FROM agency)`).Scan(&campaigns, &edited, &letters, &agencies)
	if err != nil {
		return false, s.explain(err)
	}
	_, def, err := book.DefaultCampaign()
	if err != nil {
		return false, err
	}
	return campaigns == 1 && edited == 0 && letters == 0 && agencies == len(def), nil
}

// ClearNewBook empties a new book (see IsNew) so that generated data can
// take the default campaign's place; any other book is refused with ErrNotNew.
func (s *Store) ClearNewBook(ctx context.Context) error {
	return s.bulkWrite(ctx, func(tx *sql.Tx) error {
		fresh, err := s.isNew(ctx, tx)
		if err != nil {
			return err
		}
		if !fresh {
			return book.ErrNotNew
		}
		tables := []string{"campaign_agency", "quota", "campaign", "agency"}
		for _, t := range tables {
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+t); err != nil {
				return err
			}
		}
		// SQLite numbers the rows of an emptied table from 1 again; a
		// sequence goes on, and the same demo would have other ids there
		if r, ok := s.d.(idResetter); ok {
			for _, t := range []string{"campaign", "agency"} { // the others have no id
				if err := r.ResetIDs(ctx, tx, t, 1); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// BulkAddAgencies adds agencies in one transaction and returns their ids
// in order. A commune's ParentID must name an agency added before.
func (s *Store) BulkAddAgencies(ctx context.Context, list []campaign.Agency) ([]int64, error) {
	ids := make([]int64, 0, len(list))
	err := s.bulkWrite(ctx, func(tx *sql.Tx) error {
		st, err := tx.PrepareContext(ctx, `INSERT INTO agency (name, name_key, short_name, agency_group, parent_id, code, active, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`)
		if err != nil {
			return err
		}
		defer st.Close()
		now := s.stamp()
		for _, a := range list {
			a = cleanAgency(a)
			if !a.Group.Valid() || a.Name == "" {
				return book.InvalidAgency(a.Name)
			}
			var id int64
			if err := st.QueryRowContext(ctx, a.Name, vntext.Fold(a.Name), a.ShortName, string(a.Group), nullID(a.ParentID),
				nullText(a.Code), a.Active, now, now).Scan(&id); err != nil {
				return err
			}
			ids = append(ids, id)
		}
		return nil
	})
	return ids, err
}

// BulkAddCampaign adds a campaign with its quotas and the agencies it
// expects, in one transaction, and returns its id.
func (s *Store) BulkAddCampaign(ctx context.Context, c campaign.Campaign, agencyIDs []int64) (int64, error) {
	if err := c.Validate().Err(); err != nil {
		return 0, err
	}
	var id int64
	err := s.bulkWrite(ctx, func(tx *sql.Tx) error {
		var err error
		if id, err = insertCampaign(ctx, tx, c, s.stamp()); err != nil {
			return err
		}
		st, err := tx.PrepareContext(ctx, `INSERT INTO campaign_agency (campaign_id, agency_id) VALUES (?, ?)`)
		if err != nil {
			return err
		}
		defer st.Close()
		for _, a := range agencyIDs {
			if _, err := st.ExecContext(ctx, id, a); err != nil {
				return err
			}
		}
		return nil
	})
	return id, err
}

// BulkAddLetters records letters in one transaction. Each is checked like
// a typed one (fields, limits), but against nothing else in the book: the
// caller vouches that agencies and lead units belong to the campaign. A
// letter is stamped as recorded on the day it was received.
func (s *Store) BulkAddLetters(ctx context.Context, letters []book.BulkLetter) error {
	return s.bulkWrite(ctx, func(tx *sql.Tx) error {
		subStmt, err := tx.PrepareContext(ctx, `INSERT INTO submission (campaign_id, agency_id, number, letter_date, received_on, note, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`)
		if err != nil {
			return err
		}
		defer subStmt.Close()
		regStmt, err := tx.PrepareContext(ctx, `INSERT INTO registration (submission_id, seq, title, title_key, kind, area, lead_agency_id,
			partners, summary, timeline, expected_result, note, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer regStmt.Close()
		for _, l := range letters {
			sub := cleanSubmission(l.Submission)
			if err := sub.Validate(sub.Received, vndate.Date{}).Err(); err != nil { // made-up letters: any day
				return err
			}
			stamp := sub.Received.ISO() + "T09:00:00Z"
			var subID int64
			if err := subStmt.QueryRowContext(ctx, sub.CampaignID, sub.AgencyID, sub.Number, sub.LetterDate.ISO(), sub.Received.ISO(),
				sub.Note, stamp, stamp).Scan(&subID); err != nil {
				return err
			}
			for i, r := range l.Registrations {
				r = cleanRegistration(r)
				if err := r.Validate().Err(); err != nil {
					return err
				}
				if _, err := regStmt.ExecContext(ctx, subID, i+1, r.Title, vntext.Fold(r.Title), string(r.Kind), string(r.Area),
					nullID(r.LeadAgencyID), r.Partners, r.Summary, r.Timeline, r.ExpectedResult, r.Note, stamp, stamp); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// bulkWrite runs fn in one immediate transaction, like write but without
// a history record.
func (s *Store) bulkWrite(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if err := s.canWrite(); err != nil {
		return err
	}
	tx, err := s.begin(ctx)
	if err != nil {
		return s.explain(err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return s.explain(err)
	}
	return s.explain(tx.Commit())
}
