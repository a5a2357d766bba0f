package store

import (
	"context"
	"database/sql"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/vndate"
	"cchc/internal/vntext"
)

// ProgressSteps lists a registration's changes of stage, oldest first.
func (s *Store) ProgressSteps(ctx context.Context, registrationID int64) ([]campaign.Step, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, registration_id, stage, on_date, note FROM progress
		WHERE registration_id = ? ORDER BY on_date, id`, registrationID)
	if err != nil {
		return nil, s.explain(err)
	}
	defer rows.Close()
	var out []campaign.Step
	for rows.Next() {
		st, err := scanStep(rows)
		if err != nil {
			return nil, s.explain(err)
		}
		out = append(out, st)
	}
	return out, s.explain(rows.Err())
}

func scanStep(r rowScanner) (campaign.Step, error) {
	var st campaign.Step
	var stage, on string
	err := r.Scan(&st.ID, &st.RegistrationID, &stage, &on, &st.Note)
	st.Stage = campaign.Stage(stage)
	st.On = storedDay(on, &err)
	return st, err
}

// CampaignStages is the latest step, dated on or before asOf (zero: any
// day), of every registration of a campaign that has one; a registration
// without is at campaign.Registered.
func (s *Store) CampaignStages(ctx context.Context, campaignID int64, asOf vndate.Date) (map[int64]campaign.Step, error) {
	return s.latestSteps(ctx, campaignID, "", asOf)
}

// CampaignCompletions gives the latest completion step, dated on or before
// asOf (zero: any day), of each registration of the campaign that was
// completed, whatever came after (proposed for replication, recognised):
// its day and what it achieved.
func (s *Store) CampaignCompletions(ctx context.Context, campaignID int64, asOf vndate.Date) (map[int64]campaign.Step, error) {
	return s.latestSteps(ctx, campaignID, campaign.Completed, asOf)
}

// latestSteps gives the latest step of each registration of the campaign
// up to asOf, only among the steps at stage when stage is not empty.
func (s *Store) latestSteps(ctx context.Context, campaignID int64, stage campaign.Stage, asOf vndate.Date) (map[int64]campaign.Step, error) {
	q := `SELECT p.id, p.registration_id, p.stage, p.on_date, p.note FROM progress p
		JOIN registration r ON r.id = p.registration_id
		JOIN submission s ON s.id = r.submission_id
		WHERE s.campaign_id = ?`
	args := []any{campaignID}
	if !asOf.IsZero() { // ISO days compare as text
		q += ` AND p.on_date <= ?`
		args = append(args, asOf.ISO())
	}
	if stage != "" {
		q += ` AND p.stage = ?`
		args = append(args, string(stage))
	}
	rows, err := s.db.QueryContext(ctx, q+` ORDER BY p.registration_id, p.on_date, p.id`, args...)
	if err != nil {
		return nil, s.explain(err)
	}
	defer rows.Close()
	out := map[int64]campaign.Step{}
	for rows.Next() {
		st, err := scanStep(rows)
		if err != nil {
			return nil, s.explain(err)
		}
		out[st.RegistrationID] = st // ordered: the last one wins
	}
	return out, s.explain(rows.Err())
}

// AdvanceProgress records a registration's move to a new stage, in one
// transaction: only the moves campaign.Stage allows, dated on or after the
// previous change and not in the future. lastSeen is the id of the latest
// step the clerk was shown (0 for none), so that a move someone else made
// meanwhile is not silently stepped over.
func (s *Store) AdvanceProgress(ctx context.Context, step campaign.Step, lastSeen int64) error {
	step.Note = vntext.Line(step.Note)
	return s.write(ctx, func(tx *sql.Tx) error {
		var title, received string
		if err := tx.QueryRowContext(ctx, `SELECT r.title, s.received_on FROM registration r JOIN submission s ON s.id = r.submission_id
			WHERE r.id = ?`, step.RegistrationID).Scan(&title, &received); err != nil {
			if err == sql.ErrNoRows {
				return book.RegistrationDeletedElsewhere()
			}
			return err
		}
		from, since, lastID := campaign.Registered, vndate.Date{}, int64(0)
		last, err := scanStep(tx.QueryRowContext(ctx, `SELECT id, registration_id, stage, on_date, note FROM progress
			WHERE registration_id = ? ORDER BY on_date DESC, id DESC LIMIT 1`, step.RegistrationID))
		switch {
		case err == nil:
			from, since, lastID = last.Stage, last.On, last.ID
		case err != sql.ErrNoRows:
			return err
		}
		if lastID != lastSeen {
			return book.ProgressChanged(title, from)
		}
		if perr := campaign.CheckStep(from, since, step, s.today()); perr != nil {
			return perr
		}
		// nothing happens to a model before its letter arrived
		if got, err := vndate.ParseISO(received); err == nil && step.On.Before(got) {
			return book.StepBeforeLetter(step.On, got)
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO progress (registration_id, stage, on_date, note, created_at) VALUES (?, ?, ?, ?, ?)`,
			step.RegistrationID, string(step.Stage), step.On.ISO(), step.Note, s.stamp())
		return err
	})
}
