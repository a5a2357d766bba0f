package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/vndate"
	"cchc/internal/vntext"
)

// Trash lists the deleted registrations of a campaign not yet restored,
// the latest deleted first. A deletion later undone is not in the trash.
func (s *Store) Trash(ctx context.Context, campaignID int64) ([]book.TrashEntry, error) {
	names, err := s.agencyNames(ctx)
	if err != nil {
		return nil, err
	}
	d := s.d
	rows, err := s.db.QueryContext(ctx, `SELECT i.id, h.at, h.who, coalesce(i.agency_id, 0), i.old,
		coalesce((SELECT `+d.JSONText("si.old", "received_on")+` FROM history_item si
			WHERE si.history_id = i.history_id AND si.tbl = 'submission' AND si.row_id = `+d.JSONInt("i.old", "submission_id")+`), ''),
		coalesce((SELECT campaign_id FROM submission WHERE id = `+d.JSONInt("i.old", "submission_id")+`),
			(SELECT `+d.JSONInt("si.old", "campaign_id")+` FROM history_item si
			WHERE si.tbl = 'submission' AND si.action = 'delete' AND si.row_id = `+d.JSONInt("i.old", "submission_id")+`
			ORDER BY si.id DESC LIMIT 1), 0)
		FROM history_item i JOIN history h ON h.id = i.history_id
		WHERE i.tbl = 'registration' AND i.action = 'delete' AND i.restored_by IS NULL AND h.undone_by IS NULL AND h.open = 0
		ORDER BY i.id DESC`)
	if err != nil {
		return nil, s.explain(err)
	}
	defer rows.Close()
	var out []book.TrashEntry
	for rows.Next() {
		var e book.TrashEntry
		var at, old, received string
		var agencyID, campID int64
		if err := rows.Scan(&e.ItemID, &at, &e.Who, &agencyID, &old, &received, &campID); err != nil {
			return nil, s.explain(err)
		}
		if campID != campaignID {
			continue
		}
		e.DeletedAt, _ = time.Parse(time.RFC3339, at)
		e.Who = vntext.Line(e.Who)
		e.AgencyName = names[agencyID]
		e.Registration = registrationFromRow(decodeRow(old))
		e.Received, _ = vndate.ParseISO(received)
		out = append(out, e)
	}
	return out, s.explain(rows.Err())
}

func registrationFromRow(m map[string]any) campaign.Registration {
	str := func(k string) string { v, _ := m[k].(string); return v }
	num := func(k string) int64 { v, _ := m[k].(int64); return v }
	return cleanRegistration(campaign.Registration{
		ID: num("id"), SubmissionID: num("submission_id"), Title: str("title"),
		Kind: campaign.Kind(str("kind")), Area: campaign.Area(str("area")), LeadAgencyID: num("lead_agency_id"),
		Partners: str("partners"), Summary: str("summary"), Timeline: str("timeline"),
		ExpectedResult: str("expected_result"), Note: str("note"), Version: num("version"),
	})
}

// Restore takes a registration out of the trash: it comes back in its
// letter, and the letter too when it had been deleted with it. It returns
// the restored registration's title.
func (s *Store) Restore(ctx context.Context, itemID int64) (string, error) {
	var title string
	err := s.write(withOp(ctx, book.OpRestore), func(tx *sql.Tx) error {
		var old string
		err := tx.QueryRowContext(ctx, `SELECT i.old FROM history_item i JOIN history h ON h.id = i.history_id
			WHERE i.id = ? AND i.tbl = 'registration' AND i.action = 'delete' AND i.restored_by IS NULL AND h.undone_by IS NULL`, itemID).Scan(&old)
		if errors.Is(err, sql.ErrNoRows) {
			return book.NotInTrash()
		}
		if err != nil {
			return err
		}
		reg := decodeRow(old)
		title = vntext.Line(reg["title"].(string))
		subID, _ := reg["submission_id"].(int64)
		regID, _ := reg["id"].(int64)
		newSub, err := restoreLetter(ctx, tx, itemID, subID)
		if err != nil {
			return err
		}
		reg["submission_id"] = newSub
		if exists(ctx, tx, "registration", regID) {
			delete(reg, "id") // the id was given to another registration since
		}
		newReg, err := insertRowID(ctx, tx, "registration", reg)
		if err != nil {
			return err
		}
		// its files, and the letter's when the letter came back with it
		if err := restoreAttachments(ctx, tx, itemID, regID, newReg, subID, newSub); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE history_item SET restored_by = (SELECT id FROM history WHERE open = 1) WHERE id = ?`, itemID)
		return err
	})
	return title, err
}

// restoreLetter makes sure the letter of a deleted registration is there
// and returns its id. A letter deleted at or after the registration is put
// back; as ids of deleted rows can be given to new rows, a letter now at
// that id that is not the same one (agency, time of entry) is left alone
// and the deleted letter comes back under a new id.
func restoreLetter(ctx context.Context, tx *sql.Tx, itemID, subID int64) (int64, error) {
	var subOld string
	var subItem int64
	err := tx.QueryRowContext(ctx, `SELECT id, old FROM history_item WHERE tbl = 'submission' AND action = 'delete' AND row_id = ? AND id >= ?
		ORDER BY id DESC LIMIT 1`, subID, itemID).Scan(&subItem, &subOld)
	if errors.Is(err, sql.ErrNoRows) {
		if !exists(ctx, tx, "submission", subID) {
			return 0, book.LetterUnknown()
		}
		return subID, nil
	}
	if err != nil {
		return 0, err
	}
	letter := decodeRow(subOld)
	var agencyID int64
	var created string
	err = tx.QueryRowContext(ctx, `SELECT agency_id, created_at FROM submission WHERE id = ?`, subID).Scan(&agencyID, &created)
	switch {
	case err == nil && agencyID == letter["agency_id"] && created == letter["created_at"]:
		return subID, nil // already back
	case err == nil:
		delete(letter, "id")
	case !errors.Is(err, sql.ErrNoRows):
		return 0, err
	}
	id, err := insertRowID(ctx, tx, "submission", letter)
	if err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE history_item SET restored_by = (SELECT id FROM history WHERE open = 1) WHERE id = ? AND restored_by IS NULL`, subItem); err != nil {
		return 0, err
	}
	return id, nil
}

func exists(ctx context.Context, tx *sql.Tx, table string, id int64) bool {
	var one int
	return tx.QueryRowContext(ctx, `SELECT 1 FROM `+table+` WHERE id = ?`, id).Scan(&one) == nil
}
