package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/vntext"
)

func insertAgency(ctx context.Context, tx txQuerier, a campaign.Agency, now string) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `INSERT INTO agency (name, name_key, short_name, agency_group, parent_id, code, active, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		a.Name, vntext.Fold(a.Name), a.ShortName, string(a.Group), nullID(a.ParentID), nullText(a.Code), a.Active, now, now).Scan(&id)
	return id, err
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func nullText(s string) any {
	if s == "" {
		return nil
	}
	return s
}

const agencyColumns = `a.id, a.name, a.short_name, a.agency_group, coalesce(a.parent_id, 0), coalesce(a.code, ''), a.active, a.version`

func scanAgency(r rowScanner) (campaign.Agency, error) {
	var a campaign.Agency
	var g string
	err := r.Scan(&a.ID, &a.Name, &a.ShortName, &g, &a.ParentID, &a.Code, &a.Active, &a.Version)
	a.Group = campaign.Group(g)
	return cleanAgency(a), err // text written behind our back must not reach a terminal raw
}

// campaignAgencyColumns are agencyColumns as one campaign knows them: its
// own name, short name and active flag where it keeps them (migration 0004).
const campaignAgencyColumns = `a.id, coalesce(ca.name, a.name), coalesce(ca.short_name, a.short_name), a.agency_group,
	coalesce(a.parent_id, 0), coalesce(a.code, ''), coalesce(ca.active, a.active), a.version`

// CampaignAgencies lists the agencies a campaign expects, active or not,
// in report order, with the names that campaign knows them by.
func (s *Store) CampaignAgencies(ctx context.Context, campaignID int64) ([]campaign.Agency, error) {
	var out []campaign.Agency
	err := s.eachRow(ctx, `SELECT `+campaignAgencyColumns+` FROM agency a
		JOIN campaign_agency ca ON ca.agency_id = a.id WHERE ca.campaign_id = ?`, []any{campaignID},
		func(v []driver.Value) error {
			out = append(out, cleanAgency(campaign.Agency{ID: asInt(v[0]), Name: asText(v[1]), ShortName: asText(v[2]), Group: campaign.Group(asText(v[3])),
				ParentID: asInt(v[4]), Code: asText(v[5]), Active: asInt(v[6]) != 0, Version: asInt(v[7])}))
			return nil
		})
	if err != nil {
		return nil, err
	}
	campaign.SortAgencies(out)
	return out, nil
}

// OtherAgencies lists the agencies of the book that a campaign does not
// list (units of other campaigns and years), by their present names, as
// not followed, in report order.
func (s *Store) OtherAgencies(ctx context.Context, campaignID int64) ([]campaign.Agency, error) {
	var out []campaign.Agency
	err := s.eachRow(ctx, `SELECT `+agencyColumns+` FROM agency a
		WHERE NOT EXISTS (SELECT 1 FROM campaign_agency ca WHERE ca.campaign_id = ? AND ca.agency_id = a.id)`, []any{campaignID},
		func(v []driver.Value) error {
			out = append(out, cleanAgency(campaign.Agency{ID: asInt(v[0]), Name: asText(v[1]), ShortName: asText(v[2]), Group: campaign.Group(asText(v[3])),
				ParentID: asInt(v[4]), Code: asText(v[5]), Version: asInt(v[7])}))
			return nil
		})
	if err != nil {
		return nil, err
	}
	campaign.SortAgencies(out)
	return out, nil
}

// Agency returns one agency.
func (s *Store) Agency(ctx context.Context, id int64) (campaign.Agency, error) {
	a, err := scanAgency(s.db.QueryRowContext(ctx, `SELECT `+agencyColumns+` FROM agency a WHERE a.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return a, book.AgencyNotFound(id)
	}
	return a, s.explain(err)
}

func cleanAgency(a campaign.Agency) campaign.Agency {
	a.Name = vntext.Line(a.Name)
	a.ShortName = vntext.Line(a.ShortName)
	a.Code = vntext.Line(a.Code)
	return a
}

// validateAgency checks a in the light of its parent and of the agencies
// already in the campaign (no two with the same name).
func (s *Store) validateAgency(ctx context.Context, tx txQuerier, campaignID int64, a campaign.Agency) error {
	var parent *campaign.Agency
	if a.ParentID != 0 {
		p, err := scanAgency(tx.QueryRowContext(ctx, `SELECT `+agencyColumns+` FROM agency a WHERE a.id = ?`, a.ParentID))
		if err != nil {
			return book.ParentGone()
		}
		parent = &p
	}
	return s.checkAgency(ctx, tx, campaignID, a, parent)
}

// checkAgency is validateAgency with the parent given (nil: none).
func (s *Store) checkAgency(ctx context.Context, tx txQuerier, campaignID int64, a campaign.Agency, parent *campaign.Agency) error {
	if err := a.Validate(parent).Err(); err != nil {
		return err
	}
	var clash string
	err := tx.QueryRowContext(ctx, `SELECT a.name FROM agency a JOIN campaign_agency ca ON ca.agency_id = a.id
		WHERE ca.campaign_id = ? AND a.name_key = ? AND a.id <> ? AND coalesce(a.parent_id, 0) = ?`,
		campaignID, vntext.Fold(a.Name), a.ID, a.ParentID).Scan(&clash)
	if err == nil {
		return book.NameTaken(clash)
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return s.explain(err)
	}
	if a.Code != "" {
		err := tx.QueryRowContext(ctx, `SELECT name FROM agency WHERE code = ? AND id <> ?`, a.Code, a.ID).Scan(&clash)
		if err == nil {
			return book.CodeTaken(a.Code, clash)
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return s.explain(err)
		}
	}
	return nil
}

// AddAgency adds a new agency to the campaign's list and returns its id.
func (s *Store) AddAgency(ctx context.Context, campaignID int64, a campaign.Agency) (int64, error) {
	a = cleanAgency(a)
	a.ID = 0
	a.Active = true
	var id int64
	err := s.write(ctx, func(tx *sql.Tx) error {
		if err := s.validateAgency(ctx, tx, campaignID, a); err != nil {
			return err
		}
		var err error
		if id, err = insertAgency(ctx, tx, a, s.stamp()); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO campaign_agency (campaign_id, agency_id) VALUES (?, ?)`, campaignID, id)
		return err
	})
	return id, err
}

// UpdateAgency saves changes to an agency the clerk edited; a.Version is
// the version the clerk started from, and the save is refused with
// ErrConflict when someone else has changed the agency since.
func (s *Store) UpdateAgency(ctx context.Context, campaignID int64, a campaign.Agency) error {
	a = cleanAgency(a)
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := s.validateAgency(ctx, tx, campaignID, a); err != nil {
			return err
		}
		if err := keepOtherCampaignsNames(ctx, tx, campaignID, a.ID); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE agency SET name = ?, name_key = ?, short_name = ?, agency_group = ?,
			parent_id = ?, code = ?, active = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?`,
			a.Name, vntext.Fold(a.Name), a.ShortName, string(a.Group), nullID(a.ParentID), nullText(a.Code), a.Active,
			s.stamp(), a.ID, a.Version)
		if err != nil {
			return err
		}
		return s.changedOne(ctx, tx, res, "agency", a.ID, a.Name)
	})
}

// keepOtherCampaignsNames writes an agency's present name, short name and
// active flag into every other campaign that still follows the agency, so
// that editing it in one campaign leaves the others as they were; the
// campaign being edited follows the agency again.
func keepOtherCampaignsNames(ctx context.Context, tx *sql.Tx, campaignID, agencyID int64) error {
	if _, err := tx.ExecContext(ctx, `UPDATE campaign_agency SET
		name = coalesce(name, (SELECT name FROM agency WHERE id = ?)),
		short_name = coalesce(short_name, (SELECT short_name FROM agency WHERE id = ?)),
		active = coalesce(active, (SELECT active FROM agency WHERE id = ?))
		WHERE agency_id = ? AND campaign_id <> ? AND (name IS NULL OR short_name IS NULL OR active IS NULL)`,
		agencyID, agencyID, agencyID, agencyID, campaignID); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `UPDATE campaign_agency SET name = NULL, short_name = NULL, active = NULL
		WHERE agency_id = ? AND campaign_id = ? AND (name IS NOT NULL OR short_name IS NOT NULL OR active IS NOT NULL)`, agencyID, campaignID)
	return err
}

// changedOne turns "no row updated" into ErrConflict (someone changed the
// record) or ErrNotFound (someone deleted it).
func (s *Store) changedOne(ctx context.Context, tx *sql.Tx, res sql.Result, table string, id int64, name string) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 1 {
		return nil
	}
	var exists int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM `+table+` WHERE id = ?`, id).Scan(&exists); err != nil {
		return err // not "deleted elsewhere": we could not tell
	}
	if exists == 0 {
		return book.DeletedElsewhere(name)
	}
	return book.ChangedElsewhere(name)
}

// write runs fn in one immediate transaction: all of it is saved or none,
// together with its record in the history (history.go).
func (s *Store) write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if err := s.canWrite(); err != nil {
		return err
	}
	for attempt := 1; ; attempt++ {
		err := s.writeOnce(ctx, fn)
		if err == nil || attempt == 10 || !s.d.Retry(err) {
			return err
		}
	}
}

// writeOnce is one attempt of write.
func (s *Store) writeOnce(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.begin(ctx)
	if err != nil {
		return s.explain(err)
	}
	defer tx.Rollback()
	change, err := s.beginHistory(ctx, tx)
	if err != nil {
		return s.explain(err)
	}
	if err := fn(tx); err != nil {
		return s.explain(err)
	}
	kept, err := s.endHistory(ctx, tx, change)
	if err != nil {
		return s.explain(err)
	}
	if err := tx.Commit(); err != nil {
		return s.explain(err)
	}
	if kept {
		s.remember(change)
	}
	return nil
}
