package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"io"
	"time"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/files"
	"cchc/internal/vntext"
)

// Files kept with letters and registrations (migration 0008): each content
// once in file_blob by its SHA-256, linked by attachment rows, which are
// under history.

// Attach keeps a file with a letter or a registration in one transaction.
func (s *Store) Attach(ctx context.Context, letterID, registrationID int64, f book.NewFile) (int64, error) {
	var id int64
	err := s.write(ctx, func(tx *sql.Tx) error {
		var one int
		q, target := `SELECT 1 FROM submission WHERE id = ?`, letterID
		if letterID == 0 {
			q, target = `SELECT 1 FROM registration WHERE id = ?`, registrationID
		}
		if err := tx.QueryRowContext(ctx, q, target).Scan(&one); errors.Is(err, sql.ErrNoRows) {
			return book.AttachTargetGone(letterID != 0, target)
		} else if err != nil {
			return err
		}
		var err error
		id, err = attachTx(ctx, tx, letterID, registrationID, f, s.stamp())
		return err
	})
	return id, err
}

// RemoveFile takes a kept file away from its letter or registration in
// one change, as deleting a registration takes its files
// (deleteAttachments): under history, so undo links it again; the content
// stays, as file_blob is never emptied.
func (s *Store) RemoveFile(ctx context.Context, id int64) (book.FileRow, error) {
	var f book.FileRow
	err := s.write(withOp(ctx, book.OpRemoveFile), func(tx *sql.Tx) error {
		var err error
		f, err = scanFile(tx.QueryRowContext(ctx, fileSelect+` WHERE a.id = ?`, id))
		if errors.Is(err, sql.ErrNoRows) {
			var one int
			if tx.QueryRowContext(ctx, `SELECT 1 FROM history_item WHERE tbl = 'attachment' AND row_id = ? LIMIT 1`, id).Scan(&one) == nil {
				return book.FileGone(id) // it was here: removed meanwhile, or gone with its record
			}
			return book.FileNotFound(id)
		}
		if err != nil {
			return err
		}
		return deleteAttachments(ctx, tx, "id", id)
	})
	return f, err
}

// attachTx stores the content (once) and links it, inside tx. The name is
// cleaned, the content must be what its extension says, and a content not
// kept yet must fit the limits.
func attachTx(ctx context.Context, tx *sql.Tx, letterID, registrationID int64, f book.NewFile, now string) (int64, error) {
	name := files.CleanName(f.Name)
	if name == "" {
		return 0, files.NoName()
	}
	if err := files.CheckSize(name, int64(len(f.Content)), 0); err != nil {
		return 0, err
	}
	if err := files.CheckContent(name, f.Content); err != nil {
		return 0, err
	}
	sum := sha256.Sum256(f.Content)
	hash := hex.EncodeToString(sum[:])
	var have int
	err := tx.QueryRowContext(ctx, `SELECT 1 FROM file_blob WHERE sha256 = ?`, hash).Scan(&have)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		var stored int64
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(sum(size), 0) FROM file_blob`).Scan(&stored); err != nil {
			return 0, err
		}
		if err := files.CheckSize(name, int64(len(f.Content)), stored); err != nil {
			return 0, err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO file_blob (sha256, size, content) VALUES (?, ?, ?)`, hash, len(f.Content), f.Content); err != nil {
			return 0, err
		}
	case err != nil:
		return 0, err
	}
	var id int64
	err = tx.QueryRowContext(ctx, `INSERT INTO attachment (sha256, name, submission_id, registration_id, created_at)
		VALUES (?, ?, ?, ?, ?) RETURNING id`, hash, name, nullID(letterID), nullID(registrationID), now).Scan(&id)
	return id, err
}

const fileSelect = `SELECT a.id, a.name, b.size, a.sha256, coalesce(a.submission_id, 0), coalesce(a.registration_id, 0),
	s.agency_id, coalesce(ca.name, ag.name), ag.agency_group, s.number, s.letter_date, s.received_on, coalesce(g.title, ''), a.created_at
	FROM attachment a
	JOIN file_blob b ON b.sha256 = a.sha256
	LEFT JOIN registration g ON g.id = a.registration_id
	JOIN submission s ON s.id = coalesce(a.submission_id, g.submission_id)
	JOIN agency ag ON ag.id = s.agency_id
	LEFT JOIN campaign_agency ca ON ca.campaign_id = s.campaign_id AND ca.agency_id = s.agency_id`

func scanFile(rows rowScanner) (book.FileRow, error) {
	var f book.FileRow
	var group, letterDate, received, added string
	err := rows.Scan(&f.ID, &f.Name, &f.Size, &f.SHA256, &f.LetterID, &f.RegistrationID,
		&f.AgencyID, &f.Agency, &group, &f.LetterNumber, &letterDate, &received, &f.Title, &added)
	f.Name, f.Agency, f.LetterNumber, f.Title = files.CleanName(f.Name), vntext.Line(f.Agency), vntext.Line(f.LetterNumber), vntext.Line(f.Title)
	f.AgencyGroup = group
	f.LetterDate = storedDay(letterDate, &err)
	f.Received = storedDay(received, &err)
	f.Added, _ = time.Parse(time.RFC3339, added)
	return f, err
}

// Files lists kept files in report order: by group and agency, then by
// letter received, then as attached.
func (s *Store) Files(ctx context.Context, q book.FilesQuery) ([]book.FileRow, error) {
	where, args := ` WHERE 1 = 1`, []any{}
	if q.CampaignID != 0 {
		where += ` AND s.campaign_id = ?`
		args = append(args, q.CampaignID)
	}
	if q.AgencyID != 0 {
		where += ` AND s.agency_id = ?`
		args = append(args, q.AgencyID)
	}
	rows, err := s.db.QueryContext(ctx, fileSelect+where+` ORDER BY s.received_on, s.id, a.id`, args...)
	if err != nil {
		return nil, s.explain(err)
	}
	defer rows.Close()
	var out []book.FileRow
	for rows.Next() {
		f, err := scanFile(rows)
		if err != nil {
			return nil, s.explain(err)
		}
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, s.explain(err)
	}
	// report order, stable: within an agency, as received
	vntext.SortByKey(out, func(f book.FileRow) []byte { return campaign.ReportKey(campaign.Group(f.AgencyGroup), f.Agency) })
	return out, nil
}

// FileContent writes a kept file to w, the whole of it read at once (a
// file is at most files.MaxSize).
func (s *Store) FileContent(ctx context.Context, id int64, w io.Writer) (book.FileRow, error) {
	f, err := scanFile(s.db.QueryRowContext(ctx, fileSelect+` WHERE a.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return f, book.FileNotFound(id)
	}
	if err != nil {
		return f, s.explain(err)
	}
	var content []byte
	if err := s.db.QueryRowContext(ctx, `SELECT content FROM file_blob WHERE sha256 = ?`, f.SHA256).Scan(&content); err != nil {
		return f, s.explain(err)
	}
	_, err = w.Write(content)
	return f, err
}

// FilesStored is the bytes the book keeps in files, each content once.
func (s *Store) FilesStored(ctx context.Context) (int64, error) {
	var n int64
	err := s.db.QueryRowContext(ctx, `SELECT coalesce(sum(size), 0) FROM file_blob`).Scan(&n)
	return n, s.explain(err)
}

// checkFiles reads every kept content, one at a time, against its SHA-256
// and size, and names the files that use a damaged one.
func (s *Store) checkFiles(ctx context.Context) ([]Problem, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT sha256, size, content FROM file_blob ORDER BY sha256`)
	if err != nil {
		return nil, s.explain(err)
	}
	var bad []string
	for rows.Next() {
		var hash string
		var size int64
		var content []byte
		if err := rows.Scan(&hash, &size, &content); err != nil {
			rows.Close()
			return nil, s.explain(err)
		}
		sum := sha256.Sum256(content)
		if hex.EncodeToString(sum[:]) != hash || int64(len(content)) != size {
			bad = append(bad, hash)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, s.explain(err)
	}
	var out []Problem
	for _, hash := range bad {
		found := false
		rows, err := s.db.QueryContext(ctx, `SELECT id, name FROM attachment WHERE sha256 = ? ORDER BY id`, hash)
		if err != nil {
			return nil, s.explain(err)
		}
		for rows.Next() {
			var id int64
			var name string
			if err := rows.Scan(&id, &name); err != nil {
				rows.Close()
				return nil, s.explain(err)
			}
			out = append(out, book.FileDamaged(id, files.CleanName(name)))
			found = true
		}
		rows.Close()
		if !found { // kept for an undo, linked to nothing now
			out = append(out, book.FileDamaged(0, hash[:12]))
		}
	}
	return out, nil
}

// deleteAttachments takes the files of a registration or a letter with it
// (under history: undo and the trash bring them back).
func deleteAttachments(ctx context.Context, tx *sql.Tx, column string, id int64) error {
	_, err := tx.ExecContext(ctx, `DELETE FROM attachment WHERE `+column+` = ?`, id)
	return err
}

// restoreAttachments puts back the files deleted, in the change that put
// item itemID in the trash, with the registration oldReg (now newReg) or
// with its letter oldSub (now newSub).
func restoreAttachments(ctx context.Context, tx *sql.Tx, itemID, oldReg, newReg, oldSub, newSub int64) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, old FROM history_item WHERE tbl = 'attachment' AND action = 'delete' AND restored_by IS NULL
		AND history_id = (SELECT history_id FROM history_item WHERE id = ?) ORDER BY id`, itemID)
	if err != nil {
		return err
	}
	type item struct {
		id  int64
		row map[string]any
	}
	var items []item
	for rows.Next() {
		var id int64
		var old string
		if err := rows.Scan(&id, &old); err != nil {
			rows.Close()
			return err
		}
		items = append(items, item{id, decodeRow(old)})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, it := range items {
		reg, _ := it.row["registration_id"].(int64)
		sub, _ := it.row["submission_id"].(int64)
		switch {
		case reg != 0 && reg == oldReg:
			it.row["registration_id"] = newReg
		case sub != 0 && sub == oldSub && newSub != 0:
			it.row["submission_id"] = newSub
		default:
			continue
		}
		if id, _ := it.row["id"].(int64); exists(ctx, tx, "attachment", id) {
			delete(it.row, "id")
		}
		if err := insertRow(ctx, tx, "attachment", it.row); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE history_item SET restored_by = (SELECT id FROM history WHERE open = 1) WHERE id = ?`, it.id); err != nil {
			return err
		}
	}
	return nil
}
