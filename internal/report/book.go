package report

import (
	"context"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/vndate"
)

// Book is what the reports read of the registration book: the campaign,
// its judgement, its registrations in report order and how far each went.
type Book interface {
	Campaign(ctx context.Context, year int) (campaign.Campaign, error)
	CampaignStages(ctx context.Context, campaignID int64, asOf vndate.Date) (map[int64]campaign.Step, error)
	CampaignCompletions(ctx context.Context, campaignID int64, asOf vndate.Date) (map[int64]campaign.Step, error)
	book.Reports
}
