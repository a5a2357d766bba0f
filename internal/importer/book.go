package importer

import (
	"context"

	"cchc/internal/book"
	"cchc/internal/campaign"
)

// Book is what planning an import reads and writes of the registration
// book: the campaign's agencies, to match names against, and the imports
// (rehearsed first, so a plan tells what applying it will do), and who
// succeeds whom, to name a sender merged away.
type Book interface {
	CampaignAgencies(ctx context.Context, campaignID int64) ([]campaign.Agency, error)
	Successions
	book.Imports
}
