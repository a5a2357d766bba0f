package store

import (
	"context"
	"database/sql"
	"errors"
	"maps"

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
	c, src, err := s.newCampaign(ctx, c, fromYear)
	if err != nil {
		return 0, err
	}
	var id int64
	err = s.write(ctx, func(tx *sql.Tx) error {
		var err error
		id, err = s.copyCampaign(ctx, tx, c, src)
		return err
	})
	return id, err
}

// newCampaign is c with what it copies from the campaign of fromYear
// filled in, checked, and that campaign.
func (s *Store) newCampaign(ctx context.Context, c campaign.Campaign, fromYear int) (campaign.Campaign, campaign.Campaign, error) {
	src, err := s.Campaign(ctx, fromYear)
	if err != nil {
		return c, src, err
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
	return c, src, c.Validate().Err()
}

// copyCampaign writes the campaign c, with the agencies of src it follows
// and what they succeed, inside tx.
func (s *Store) copyCampaign(ctx context.Context, tx *sql.Tx, c, src campaign.Campaign) (int64, error) {
	var clash int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM campaign WHERE year = ?`, c.Year).Scan(&clash); err != nil {
		return 0, err
	}
	if clash > 0 {
		return 0, book.CampaignExists(c.Year)
	}
	id, err := insertCampaign(ctx, tx, c, s.stamp())
	if err != nil {
		return 0, err
	}
	if _, err = tx.ExecContext(ctx, `INSERT INTO campaign_agency (campaign_id, agency_id)
		SELECT ?, ca.agency_id FROM campaign_agency ca JOIN agency a ON a.id = ca.agency_id
		WHERE ca.campaign_id = ? AND coalesce(ca.active, a.active) = 1`, id, src.ID); err != nil {
		return 0, err
	}
	// a unit copied keeps what it succeeds (migration 0006)
	_, err = tx.ExecContext(ctx, `INSERT INTO succession (campaign_id, predecessor_id, successor_id)
		SELECT ?1, x.predecessor_id, x.successor_id FROM succession x
		WHERE x.campaign_id = ?2 AND x.successor_id IN (SELECT agency_id FROM campaign_agency WHERE campaign_id = ?1)`, id, src.ID)
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

// NewCampaignOnMap opens the campaign of a new year as NewCampaign does
// and, in the same transaction and the same change of the history, brings
// its list onto the province's current map: m's merges, the units it no
// longer follows, those it adds directly under the province and its
// quotas. Undone, the whole year goes.
func (s *Store) NewCampaignOnMap(ctx context.Context, c campaign.Campaign, fromYear int, m book.MapChange) (int64, error) {
	c, src, err := s.newCampaign(ctx, c, fromYear)
	if err != nil {
		return 0, err
	}
	quotas := maps.Clone(c.Quotas)
	if quotas == nil {
		quotas = map[campaign.Group]campaign.Quota{}
	}
	for g, q := range m.Quotas {
		if err := q.Validate(g).Err(); err != nil {
			return 0, err
		}
		quotas[g] = q
	}
	c.Quotas = quotas
	var id int64
	err = s.write(withOp(ctx, book.OpMap), func(tx *sql.Tx) error {
		var err error
		if id, err = s.copyCampaign(ctx, tx, c, src); err != nil {
			return err
		}
		for _, mg := range m.Merges {
			olds := make([]campaign.Agency, len(mg.Olds))
			for i, oid := range mg.Olds {
				if olds[i], err = scanAgency(tx.QueryRowContext(ctx, `SELECT `+agencyColumns+` FROM agency a WHERE a.id = ?`, oid)); err != nil {
					return err
				}
			}
			into := mg.Into
			if into.ID == 0 { // made already for another year: the same unit
				err := tx.QueryRowContext(ctx, `SELECT id FROM agency WHERE name_key = ? AND agency_group = ? AND parent_id IS NULL
					ORDER BY id LIMIT 1`, vntext.Fold(into.Name), string(into.Group)).Scan(&into.ID)
				if err != nil && !errors.Is(err, sql.ErrNoRows) {
					return err
				}
			}
			if _, err := s.merge(ctx, tx, id, olds, into); err != nil {
				return err
			}
		}
		for _, aid := range m.Stop {
			if _, err := setFollowed(ctx, tx, id, aid, false); err != nil {
				return err
			}
		}
		list := make([]book.AgencyImport, len(m.Add))
		for i, a := range m.Add {
			// a code a unit of the old map still holds stays with it
			// (new units often took the code of one merged into them)
			var holder string
			err := tx.QueryRowContext(ctx, `SELECT name_key FROM agency WHERE code = ?`, a.Code).Scan(&holder)
			if err == nil && holder != vntext.Fold(a.Name) {
				a.Code = ""
			} else if err != nil && !errors.Is(err, sql.ErrNoRows) {
				return err
			}
			list[i] = book.AgencyImport{Agency: a}
		}
		q := newStatements(tx)
		defer q.Close()
		_, err = s.importAgencies(ctx, q, id, list, false)
		return err
	})
	return id, err
}
