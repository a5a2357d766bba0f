package store

import (
	"context"
	"strings"
	"testing"
)

// A date written behind cchc's back that does not parse is reported, not
// read as an empty day: an edit would save the empty day over it.
func TestMalformedStoredDateIsReportedNotDropped(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	c, err := s.Campaign(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.ExecContext(ctx, `UPDATE campaign SET deadline = '24/03/2023' WHERE id = ?`, c.ID); err != nil {
		t.Fatal(err)
	}
	_, err = s.Campaign(ctx, 0)
	if err == nil {
		t.Fatal("Campaign read a malformed deadline without error")
	}
	if msg := messageOf(err); !strings.Contains(msg, "24/03/2023") || !strings.Contains(msg, "cchc check") {
		t.Fatalf("message = %q", msg)
	}
}
