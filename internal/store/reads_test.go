package store

import (
	"context"
	"os"
	"testing"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/compliance"
	"cchc/internal/vndate"
)

// The reads below are a test's own: each stops the test when the book
// cannot be read, so that a failed read never passes for an empty answer
// in a set-up or an assertion.

func fatalIf(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// readFile is the text of the file at path.
func readFile(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	fatalIf(t, err)
	return string(b)
}

func campaignOf(t testing.TB, s *Store, year int) campaign.Campaign {
	t.Helper()
	c, err := s.Campaign(context.Background(), year)
	fatalIf(t, err)
	return c
}

func agenciesOf(t testing.TB, s *Store, campaignID int64) []campaign.Agency {
	t.Helper()
	list, err := s.CampaignAgencies(context.Background(), campaignID)
	fatalIf(t, err)
	return list
}

func registrationOf(t testing.TB, s *Store, id int64) book.RegistrationRow {
	t.Helper()
	r, err := s.Registration(context.Background(), id)
	fatalIf(t, err)
	return r
}

func registrationsOf(t testing.TB, s *Store, campaignID int64) []book.RegistrationRow {
	t.Helper()
	rows, err := s.Registrations(context.Background(), campaignID)
	fatalIf(t, err)
	return rows
}

func submissionsOf(t testing.TB, s *Store, campaignID int64) []book.SubmissionRow {
	t.Helper()
	subs, err := s.Submissions(context.Background(), campaignID)
	fatalIf(t, err)
	return subs
}

func complianceOf(t testing.TB, s *Store, c campaign.Campaign, asOf vndate.Date) compliance.Summary {
	t.Helper()
	sum, err := book.Compliance(context.Background(), s, c, asOf)
	fatalIf(t, err)
	return sum
}

// lastChange is the newest entry of the book's history.
func lastChange(t testing.TB, s *Store) book.Change {
	t.Helper()
	h, err := s.History(context.Background(), book.HistoryQuery{Limit: 1})
	fatalIf(t, err)
	if len(h) == 0 {
		t.Fatal("the history is empty")
	}
	return h[0]
}
