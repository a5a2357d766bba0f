package ui

import (
	"context"
	"os"
	"testing"

	"cchc/internal/book"
	"cchc/internal/campaign"
)

// The reads below are a test's own: each stops the test when it fails, so
// that a failed read never passes for an empty answer.

// agenciesOf is the campaign of year (0: the latest) and its agencies.
func agenciesOf(t testing.TB, st book.Book, year int) (campaign.Campaign, []campaign.Agency) {
	t.Helper()
	ctx := context.Background()
	c, err := st.Campaign(ctx, year)
	if err != nil {
		t.Fatal(err)
	}
	list, err := st.CampaignAgencies(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	return c, list
}

func registrationOf(t testing.TB, st book.Book, id int64) book.RegistrationRow {
	t.Helper()
	r, err := st.Registration(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// readFile is the text of the file at path.
func readFile(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func writeFile(t testing.TB, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}
