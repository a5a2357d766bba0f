package store

import (
	"context"
	"database/sql"
	"errors"

	"cchc/internal/book"
	"cchc/internal/campaign"
)

// Units that change within one campaign: merged, renamed, no longer
// followed or followed again, and the quotas of a group. Each is one
// write, recorded in the history under its own operation so that the
// history names it, and undone like any other change.

// SetQuota sets what a campaign asks of each agency of group g.
func (s *Store) SetQuota(ctx context.Context, campaignID int64, g campaign.Group, q campaign.Quota) error {
	if !g.Valid() {
		return book.NoSuchGroup(g)
	}
	if err := q.Validate(g).Err(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO quota (campaign_id, agency_group, required, target) VALUES (?, ?, ?, ?)
			ON CONFLICT (campaign_id, agency_group) DO UPDATE SET required = excluded.required, target = excluded.target
			WHERE quota.required <> excluded.required OR quota.target <> excluded.target`, campaignID, string(g), q.Required, q.Target)
		return err
	})
}

// RenameAgency gives an agency a new name (and short name) in a campaign;
// the other campaigns keep the name they showed (see UpdateAgency). a is
// the agency as the campaign knows it, with the new names.
func (s *Store) RenameAgency(ctx context.Context, campaignID int64, a campaign.Agency) error {
	return s.UpdateAgency(withOp(ctx, book.OpRename), campaignID, a)
}

// FollowAgencies stops following agencies in a campaign (follow false) or
// follows them again; the other campaigns are left as they were. It
// returns how many changed.
func (s *Store) FollowAgencies(ctx context.Context, campaignID int64, ids []int64, follow bool) (int, error) {
	op := book.OpStop
	if follow {
		op = book.OpFollow
	}
	n := 0
	err := s.write(withOp(ctx, op), func(tx *sql.Tx) error {
		n = 0
		for _, id := range ids {
			changed, err := setFollowed(ctx, tx, campaignID, id, follow)
			if err != nil {
				return err
			}
			if changed {
				n++
			}
		}
		return nil
	})
	return n, err
}

// setFollowed sets whether a campaign follows an agency, in that campaign
// only (campaign_agency.active, migration 0004). Following a unit the
// campaign does not list (one of another campaign) adds it to the list.
func setFollowed(ctx context.Context, tx *sql.Tx, campaignID, agencyID int64, follow bool) (bool, error) {
	res, err := tx.ExecContext(ctx, `UPDATE campaign_agency SET active = ?1
		WHERE campaign_id = ?2 AND agency_id = ?3
		AND coalesce(active, (SELECT active FROM agency WHERE id = ?3)) <> ?1`, follow, campaignID, agencyID)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	if err != nil || n > 0 || !follow {
		return n > 0, err
	}
	res, err = tx.ExecContext(ctx, `INSERT INTO campaign_agency (campaign_id, agency_id, active)
		SELECT ?, id, 1 FROM agency WHERE id = ? ON CONFLICT DO NOTHING`, campaignID, agencyID)
	if err != nil {
		return false, err
	}
	n, err = res.RowsAffected()
	return n > 0, err
}

// MergeAgencies merges olds into into in a campaign: the old units are no
// longer followed there, into is followed (created in the campaign when
// into.ID is 0) and recorded as succeeding them. It returns into's id.
func (s *Store) MergeAgencies(ctx context.Context, campaignID int64, olds []campaign.Agency, into campaign.Agency) (int64, error) {
	if err := campaign.CheckMerge(olds, into); err != nil {
		return 0, err
	}
	var id int64
	err := s.write(withOp(ctx, book.OpMerge), func(tx *sql.Tx) error {
		var err error
		id, err = s.merge(ctx, tx, campaignID, olds, into)
		return err
	})
	if err != nil {
		return 0, err
	}
	return id, nil
}

// merge is MergeAgencies inside tx.
func (s *Store) merge(ctx context.Context, tx *sql.Tx, campaignID int64, olds []campaign.Agency, into campaign.Agency) (int64, error) {
	id := into.ID
	for _, o := range olds {
		var succ string
		err := tx.QueryRowContext(ctx, `SELECT a.name FROM succession x JOIN agency a ON a.id = x.successor_id
			WHERE x.campaign_id = ? AND x.predecessor_id = ?`, campaignID, o.ID).Scan(&succ)
		if err == nil {
			return 0, book.AlreadyMerged(o.Name, succ)
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return 0, err
		}
	}
	if id == 0 {
		a := into
		a.Group, a.Active = olds[0].Group, true
		// a failed look-up must fail the merge, not make the province the parent
		var lookErr error
		a.ParentID = campaign.MergedParent(olds, func(pid int64) bool {
			var n int
			lookErr = tx.QueryRowContext(ctx, `SELECT count(*) FROM campaign_agency ca JOIN agency a ON a.id = ca.agency_id
				WHERE ca.campaign_id = ? AND ca.agency_id = ? AND coalesce(ca.active, a.active) = 1`, campaignID, pid).Scan(&n)
			return n > 0
		})
		if lookErr != nil {
			return 0, lookErr
		}
		a = cleanAgency(a)
		if err := s.validateAgency(ctx, tx, campaignID, a); err != nil {
			return 0, err
		}
		var err error
		if id, err = insertAgency(ctx, tx, a, s.stamp()); err != nil {
			return 0, err
		}
		if err := linkAgency(ctx, tx, campaignID, id); err != nil {
			return 0, err
		}
	} else if _, err := setFollowed(ctx, tx, campaignID, id, true); err != nil {
		return 0, err
	}
	for _, o := range olds {
		if _, err := setFollowed(ctx, tx, campaignID, o.ID, false); err != nil {
			return 0, err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO succession (campaign_id, predecessor_id, successor_id) VALUES (?, ?, ?)`,
			campaignID, o.ID, id); err != nil {
			return 0, err
		}
	}
	return id, nil
}
