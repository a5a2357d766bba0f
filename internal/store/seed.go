package store

import (
	"context"
	"database/sql"

	"cchc/internal/book"
)

func seedDefault(ctx context.Context, tx *sql.Tx, now string) error {
	c, agencies, err := book.DefaultCampaign()
	if err != nil {
		return book.DefaultDamaged(err)
	}
	id, err := insertCampaign(ctx, tx, c, now)
	if err != nil {
		return err
	}
	for _, a := range agencies {
		aid, err := insertAgency(ctx, tx, a, now)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO campaign_agency (campaign_id, agency_id) VALUES (?, ?)`, id, aid); err != nil {
			return err
		}
	}
	return nil
}
