package agencies

import (
	"context"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/ui/common"
)

// Book is what the agencies screen asks of the book: the campaign's
// agencies as they are now (after a conflict), the changes of its list,
// and on an agency's page its registrations' files (read, opened, saved,
// attached) and a registration deleted.
type Book interface {
	common.Deleter
	common.FileBook
	AgencyRegistrations(ctx context.Context, campaignID, agencyID int64) ([]book.RegistrationRow, error)
	Files(ctx context.Context, q book.FilesQuery) ([]book.FileRow, error)
	CampaignAgencies(ctx context.Context, campaignID int64) ([]campaign.Agency, error)
	AddAgency(ctx context.Context, campaignID int64, a campaign.Agency) (int64, error)
	UpdateAgency(ctx context.Context, campaignID int64, a campaign.Agency) error
	RenameAgency(ctx context.Context, campaignID int64, a campaign.Agency) error
	FollowAgencies(ctx context.Context, campaignID int64, ids []int64, follow bool) (int, error)
	MergeAgencies(ctx context.Context, campaignID int64, olds []campaign.Agency, into campaign.Agency) (int64, error)
}
