package store

import (
	"context"
	"database/sql"

	"strconv"
	"strings"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/lang"
	"cchc/internal/vntext"
)

// NewCampaign opens the campaign of a new year. Its quotas, issuer and
// signer, and its list of expected agencies (those active in the source)
// are copied from the campaign of fromYear (the latest when 0), with what
// those agencies succeed; its registrations are not. Fields set in c win over the copied ones.
func (s *Store) NewCampaign(ctx context.Context, c campaign.Campaign, fromYear int) (int64, error) {
	src, err := s.Campaign(ctx, fromYear)
	if err != nil {
		return 0, err
	}
	c = cleanCampaign(c)
	if c.Title == "" {
		c.Title = strings.ReplaceAll(src.Title, strconv.Itoa(src.Year), strconv.Itoa(c.Year))
	}
	for _, f := range []struct {
		dst *string
		src string
	}{
		{&c.Issuer, src.Issuer}, {&c.IssuerParent, src.IssuerParent}, {&c.Place, src.Place},
		{&c.SignerTitle, src.SignerTitle}, {&c.SignerName, src.SignerName},
	} {
		if *f.dst == "" {
			*f.dst = f.src
		}
	}
	if c.SignerAuthority == "" && c.SignerTitle == src.SignerTitle {
		c.SignerAuthority = src.SignerAuthority // "KT. Giám đốc" goes with its deputy
	}
	if len(c.CopiesTo) == 0 {
		c.CopiesTo = src.CopiesTo
	}
	if c.LetterNumber == "" {
		// the letter's code without its number: "/SNV-CCHC&VTLT"
		if i := strings.Index(src.LetterNumber, "/"); i >= 0 {
			c.LetterNumber = src.LetterNumber[i:]
		}
	}
	if len(c.Quotas) == 0 {
		c.Quotas = src.Quotas
	}
	if err := c.Validate().Err(); err != nil {
		return 0, err
	}
	var id int64
	err = s.write(ctx, func(tx *sql.Tx) error {
		var clash int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM campaign WHERE year = ?`, c.Year).Scan(&clash); err != nil {
			return err
		}
		if clash > 0 {
			return book.CampaignExists(c.Year)
		}
		var err error
		if id, err = insertCampaign(ctx, tx, c, s.stamp()); err != nil {
			return err
		}
		if _, err = tx.ExecContext(ctx, `INSERT INTO campaign_agency (campaign_id, agency_id)
			SELECT ?, ca.agency_id FROM campaign_agency ca JOIN agency a ON a.id = ca.agency_id
			WHERE ca.campaign_id = ? AND coalesce(ca.active, a.active) = 1`, id, src.ID); err != nil {
			return err
		}
		// a unit copied keeps what it succeeds (migration 0006)
		_, err = tx.ExecContext(ctx, `INSERT INTO succession (campaign_id, predecessor_id, successor_id)
			SELECT ?1, x.predecessor_id, x.successor_id FROM succession x
			WHERE x.campaign_id = ?2 AND x.successor_id IN (SELECT agency_id FROM campaign_agency WHERE campaign_id = ?1)`, id, src.ID)
		return err
	})
	return id, err
}

func cleanCampaign(c campaign.Campaign) campaign.Campaign {
	for _, p := range []*string{&c.Title, &c.LetterNumber, &c.Issuer, &c.IssuerParent, &c.Place, &c.SignerTitle, &c.SignerName, &c.SignerAuthority} {
		*p = vntext.Line(*p)
	}
	c.CopiesTo = campaign.ParseCopiesTo(strings.Join(c.CopiesTo, "\n"))
	c.LegalBasis = vntext.Text(c.LegalBasis)
	return c
}

// UpdateCampaign saves the campaign's settings (letter, issuer, legal
// basis, deadline, quotas), refusing with ErrConflict when someone changed
// them since c.Version was read.
func (s *Store) UpdateCampaign(ctx context.Context, c campaign.Campaign) error {
	c = cleanCampaign(c)
	if err := c.Validate().Err(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE campaign SET title = ?, letter_number = ?, letter_date = ?, issuer = ?,
			issuer_parent = ?, place = ?, signer_title = ?, signer_name = ?, signer_authority = ?, copies_to = ?,
			legal_basis = ?, deadline = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?`,
			c.Title, c.LetterNumber, c.LetterDate.ISO(), c.Issuer, c.IssuerParent, c.Place, c.SignerTitle, c.SignerName,
			c.SignerAuthority, copiesToColumn(c.CopiesTo), c.LegalBasis, c.Deadline.ISO(), s.stamp(), c.ID, c.Version)
		if err != nil {
			return err
		}
		if err := s.changedOne(ctx, tx, res, "campaign", c.ID, lang.VI.F("Đợt đăng ký %d", "", c.Year)); err != nil {
			return err
		}
		for _, g := range campaign.Groups {
			q := c.Quotas[g]
			if _, err := tx.ExecContext(ctx, `INSERT INTO quota (campaign_id, agency_group, required, target) VALUES (?, ?, ?, ?)
				ON CONFLICT (campaign_id, agency_group) DO UPDATE SET required = excluded.required, target = excluded.target
				WHERE quota.required <> excluded.required OR quota.target <> excluded.target`,
				c.ID, string(g), q.Required, q.Target); err != nil {
				return err
			}
		}
		return nil
	})
}

// SetExpected adds an agency to a campaign's list of expected agencies, or
// takes it off (its registrations in the campaign, if any, stay).
func (s *Store) SetExpected(ctx context.Context, campaignID, agencyID int64, expected bool) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		if expected {
			_, err := tx.ExecContext(ctx, `INSERT INTO campaign_agency (campaign_id, agency_id) VALUES (?, ?) ON CONFLICT DO NOTHING`, campaignID, agencyID)
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM submission WHERE campaign_id = ? AND agency_id = ?`, campaignID, agencyID).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return book.HasLetters()
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM campaign_agency WHERE campaign_id = ? AND agency_id = ?`, campaignID, agencyID)
		return err
	})
}
