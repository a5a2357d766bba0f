package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/lang"
	"cchc/internal/vndate"
	"cchc/internal/vntext"
)

const campaignColumns = `id, year, title, letter_number, letter_date, issuer, issuer_parent, place,
	signer_title, signer_name, signer_authority, copies_to, legal_basis, deadline, version`

type rowScanner interface{ Scan(dest ...any) error }

func scanCampaign(r rowScanner) (campaign.Campaign, error) {
	var c campaign.Campaign
	var letterDate, deadline, copiesTo string
	err := r.Scan(&c.ID, &c.Year, &c.Title, &c.LetterNumber, &letterDate, &c.Issuer, &c.IssuerParent, &c.Place,
		&c.SignerTitle, &c.SignerName, &c.SignerAuthority, &copiesTo, &c.LegalBasis, &deadline, &c.Version)
	if err != nil {
		return c, err
	}
	c.LetterDate = storedDay(letterDate, &err)
	c.Deadline = storedDay(deadline, &err)
	if err != nil {
		return c, err
	}
	for _, p := range []*string{&c.Title, &c.LetterNumber, &c.Issuer, &c.IssuerParent, &c.Place, &c.SignerTitle, &c.SignerName, &c.SignerAuthority} {
		*p = vntext.Line(*p) // nothing stored reaches a terminal raw
	}
	c.CopiesTo = campaign.ParseCopiesTo(copiesTo)
	c.LegalBasis = vntext.Text(c.LegalBasis)
	return c, nil
}

// Campaigns lists every campaign, the latest year first.
func (s *Store) Campaigns(ctx context.Context) ([]campaign.Campaign, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+campaignColumns+` FROM campaign ORDER BY year DESC`)
	if err != nil {
		return nil, s.explain(err)
	}
	defer rows.Close()
	var out []campaign.Campaign
	for rows.Next() {
		c, err := scanCampaign(rows)
		if err != nil {
			return nil, s.explain(err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, s.explain(err)
	}
	for i := range out {
		if out[i].Quotas, err = s.quotas(ctx, out[i].ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Campaign returns the campaign of a year, or the latest when year is 0.
func (s *Store) Campaign(ctx context.Context, year int) (campaign.Campaign, error) {
	q := `SELECT ` + campaignColumns + ` FROM campaign WHERE year = ?`
	args := []any{year}
	if year == 0 {
		q, args = `SELECT `+campaignColumns+` FROM campaign ORDER BY year DESC LIMIT 1`, nil
	}
	c, err := scanCampaign(s.db.QueryRowContext(ctx, q, args...))
	if errors.Is(err, sql.ErrNoRows) {
		if year == 0 {
			return c, book.NoCampaign(0)
		}
		return c, book.NoCampaign(year)
	}
	if err != nil {
		return c, s.explain(err)
	}
	c.Quotas, err = s.quotas(ctx, c.ID)
	return c, err
}

func (s *Store) quotas(ctx context.Context, campaignID int64) (map[campaign.Group]campaign.Quota, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT agency_group, required, target FROM quota WHERE campaign_id = ?`, campaignID)
	if err != nil {
		return nil, s.explain(err)
	}
	defer rows.Close()
	out := map[campaign.Group]campaign.Quota{}
	for rows.Next() {
		var g string
		var q campaign.Quota
		if err := rows.Scan(&g, &q.Required, &q.Target); err != nil {
			return nil, s.explain(err)
		}
		out[campaign.Group(g)] = q
	}
	return out, s.explain(rows.Err())
}

func insertCampaign(ctx context.Context, tx *sql.Tx, c campaign.Campaign, now string) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `INSERT INTO campaign (year, title, letter_number, letter_date, issuer, issuer_parent,
		place, signer_title, signer_name, signer_authority, copies_to, legal_basis, deadline, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		c.Year, c.Title, c.LetterNumber, c.LetterDate.ISO(), c.Issuer, c.IssuerParent, c.Place,
		c.SignerTitle, c.SignerName, c.SignerAuthority, copiesToColumn(c.CopiesTo), c.LegalBasis, c.Deadline.ISO(), now, now).Scan(&id)
	if err != nil {
		return 0, err
	}
	for _, g := range campaign.Groups {
		q := c.Quotas[g]
		if _, err := tx.ExecContext(ctx, `INSERT INTO quota (campaign_id, agency_group, required, target) VALUES (?, ?, ?, ?)`,
			id, string(g), q.Required, q.Target); err != nil {
			return 0, err
		}
	}
	return id, nil
}

// copiesToColumn stores a "Nơi nhận" list one recipient a line.
func copiesToColumn(list []string) string { return strings.Join(list, "\n") }

// storedDay reads a day the book holds (ISO, or empty). A malformed one,
// written behind cchc's back, sets *errp rather than becoming an empty day
// that an edit would then save over the real one.
func storedDay(iso string, errp *error) vndate.Date {
	d, err := vndate.ParseISO(iso)
	if err != nil && *errp == nil {
		*errp = lang.Wrap(err, "Sổ dữ liệu có ngày không đọc được %q; hãy chạy cchc check",
			"The book holds an unreadable date %q; run cchc check", iso)
	}
	return d
}
