package campaign

import (
	"context"

	"cchc/internal/book"
	dom "cchc/internal/campaign"
)

// Book is what the campaign screens ask of the book: whether it can be
// written, the agencies a year follows (to offer the current map), and
// the writes of a new year and of a campaign's settings.
type Book interface {
	ReadOnly() bool
	CampaignAgencies(ctx context.Context, campaignID int64) ([]dom.Agency, error)
	NewCampaign(ctx context.Context, c dom.Campaign, fromYear int) (int64, error)
	NewCampaignOnMap(ctx context.Context, c dom.Campaign, fromYear int, m book.MapChange) (int64, error)
	UpdateCampaign(ctx context.Context, c dom.Campaign) error
}
