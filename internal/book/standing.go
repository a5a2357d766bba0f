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

// CutReader is a Standing that can read only what judging one day needs:
// the letters received up to asOf, each sender's cut by compliance.Cut
// with keep. Compliance uses it when the book has it; the judgement is the
// same without, on more letters.
type CutReader interface {
	ReceivedAsOf(ctx context.Context, campaignID int64, asOf vndate.Date, keep int) ([]compliance.Received, error)
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
	var received []compliance.Received
	var err error
	if r, ok := b.(CutReader); ok {
		received, err = r.ReceivedAsOf(ctx, c.ID, asOf, compliance.Keep(c))
	} else {
		received, err = b.Received(ctx, c.ID)
	}
	<-done
	if err != nil {
		return compliance.Summary{}, err
	}
	if agenciesErr != nil {
		return compliance.Summary{}, agenciesErr
	}
	return compliance.Judge(c, compliance.Followed(c, agencies, succ), received, asOf), nil
}
