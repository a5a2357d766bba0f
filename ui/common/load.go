package common

import (
	"context"
	"sync"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/compliance"
	"cchc/internal/vndate"
)

// latestLetters is how many of the latest letters the overview may list.
const latestLetters = 100

// Source is what a snapshot (Data) is read from, all but the list of
// registrations: the campaign, its agencies, what they sent and how far
// their registrations got.
type Source interface {
	Campaign(ctx context.Context, year int) (campaign.Campaign, error)
	Campaigns(ctx context.Context) ([]campaign.Campaign, error)
	CampaignAgencies(ctx context.Context, campaignID int64) ([]campaign.Agency, error)
	Received(ctx context.Context, campaignID int64) ([]compliance.Received, error)
	Successions(ctx context.Context, campaignID int64) (compliance.Succession, error)
	LatestSubmissions(ctx context.Context, campaignID int64, n int) ([]book.SubmissionRow, error)
	CampaignStages(ctx context.Context, campaignID int64, asOf vndate.Date) (map[int64]campaign.Step, error)
}

// ListSource is a Source that also lists the registrations.
type ListSource interface {
	Source
	RegistrationList(ctx context.Context, campaignID int64) ([]book.ListRow, error)
}

// LoadData reads everything the screens show of one campaign.
func LoadData(ctx context.Context, st ListSource, year int, today vndate.Date) (*Data, error) {
	d, err := LoadSummary(ctx, st, year, today)
	if err != nil {
		return nil, err
	}
	if d.Registrations, err = st.RegistrationList(ctx, d.Campaign.ID); d.Registrations == nil {
		d.Registrations = []book.ListRow{} // loaded, none
	}
	return d, err
}

// LoadSummary reads all but the registration list, which the app reads
// next, after the first screen is drawn: at national scale (15,000
// agencies, 200,000 registrations) that list takes most of a second, the
// rest a fraction. Registrations come as list rows (no long texts; a
// screen reads one in full from its own Book), only the latest
// letters are kept, and the independent reads run at once.
func LoadSummary(ctx context.Context, st Source, year int, today vndate.Date) (*Data, error) {
	c, err := st.Campaign(ctx, year)
	if err != nil {
		return nil, err
	}
	d := &Data{Campaign: c}
	if d.Campaigns, err = st.Campaigns(ctx); err != nil {
		return nil, err
	}
	var wg sync.WaitGroup
	errs := make([]error, 5)
	var succession compliance.Succession
	wg.Add(5)
	go func() {
		defer wg.Done()
		defer DoingAny.Catch(&errs[4]) // a panic on a goroutine would end the program
		succession, errs[4] = st.Successions(ctx, c.ID)
	}()
	go func() {
		defer wg.Done()
		defer DoingAny.Catch(&errs[0])
		d.Agencies, errs[0] = st.CampaignAgencies(ctx, c.ID)
	}()
	go func() {
		defer wg.Done()
		defer DoingAny.Catch(&errs[1])
		d.Received, errs[1] = st.Received(ctx, c.ID)
	}()
	go func() {
		defer wg.Done()
		defer DoingAny.Catch(&errs[2])
		d.Submissions, errs[2] = st.LatestSubmissions(ctx, c.ID, latestLetters)
	}()
	go func() {
		defer wg.Done()
		defer DoingAny.Catch(&errs[3])
		steps, err := st.CampaignStages(ctx, c.ID, vndate.Date{})
		d.Stages, errs[3] = make(map[int64]campaign.Stage, len(steps)), err
		for id, s := range steps {
			d.Stages[id] = s.Stage
		}
	}()
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	for _, a := range d.Agencies {
		if a.Active {
			d.Judged = append(d.Judged, compliance.Agency{ID: a.ID, Name: a.Name, Group: a.Group, ParentID: a.ParentID})
		}
	}
	d.Judged = compliance.Followed(c, d.Judged, succession)
	d.Succession = succession
	d.ByID = make(map[int64]*campaign.Agency, len(d.Agencies))
	for i := range d.Agencies {
		d.ByID[d.Agencies[i].ID] = &d.Agencies[i]
	}
	d.OwnCount = make(map[int64]int)
	for _, r := range d.Received {
		d.OwnCount[r.AgencyID] += r.Registrations
	}
	d.Summary = d.Judge(today)
	d.ResultByID = make(map[int64]compliance.Result, len(d.Summary.Results))
	for _, r := range d.Summary.Results {
		d.ResultByID[r.Agency.ID] = r
	}
	return d, nil
}
