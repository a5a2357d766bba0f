package book

import (
	"context"

	"cchc/internal/campaign"
	"cchc/internal/compliance"
	"cchc/internal/vndate"
)

// Standing is what judging a campaign reads: the rows only; the
// judgement is compliance's (Compliance).
type Standing interface {
	// FollowedAgencies lists the agencies a campaign follows, in any order.
	FollowedAgencies(ctx context.Context, campaignID int64) ([]compliance.Agency, error)
	// Received lists a campaign's letters as compliance counts them.
	Received(ctx context.Context, campaignID int64) ([]compliance.Received, error)
	// Successions is who succeeded whom in a campaign (merges).
	Successions(ctx context.Context, campaignID int64) (compliance.Succession, error)
}

// Compliance judges campaign c as of asOf from what b holds. The agencies
// are read while the letters are.
func Compliance(ctx context.Context, b Standing, c campaign.Campaign, asOf vndate.Date) (compliance.Summary, error) {
	var agencies []compliance.Agency
	var succ compliance.Succession
	var agenciesErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		if agencies, agenciesErr = b.FollowedAgencies(ctx, c.ID); agenciesErr == nil {
			succ, agenciesErr = b.Successions(ctx, c.ID)
		}
	}()
	received, err := b.Received(ctx, c.ID)
	<-done
	if err != nil {
		return compliance.Summary{}, err
	}
	if agenciesErr != nil {
		return compliance.Summary{}, agenciesErr
	}
	return compliance.Judge(c, compliance.Followed(c, agencies, succ), received, asOf), nil
}
