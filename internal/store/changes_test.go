package store

import (
	"context"
	"strings"
	"testing"
	"time"

	"cchc/internal/campaign"
	"cchc/internal/lang"
	"cchc/internal/store/postgres"
	"cchc/internal/vndate"
)

// A clerk's program notices what another clerk commits: DataVersion moves
// (PRAGMA data_version on SQLite, LISTEN/NOTIFY on PostgreSQL) and stays
// put while nobody writes.
func TestDataVersionSeesAnotherClerk(t *testing.T) {
	book := testBook(t)
	mine, err := Open(book, Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	defer mine.Close()
	theirs, err := Open(book, Options{Now: fixedNow, User: "Anh Minh"})
	if err != nil {
		t.Fatal(err)
	}
	defer theirs.Close()
	ctx := context.Background()
	before, err := mine.DataVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if before == 0 {
		t.Fatal("version 0: the application takes it for one not read yet")
	}
	if _, err := mine.Campaigns(ctx); err != nil { // reading changes nothing
		t.Fatal(err)
	}
	if v, err := mine.DataVersion(ctx); err != nil || v != before {
		t.Fatalf("nobody wrote, yet the version moved from %d to %d (%v)", before, v, err)
	}
	c := campaignOf(t, theirs, 2023)
	a := agencyByName(t, theirs, c, "Sở Y tế")
	if _, _, err := theirs.RecordSubmission(ctx, campaign.Submission{CampaignID: c.ID, AgencyID: a.ID, Received: vndate.Of(2023, 3, 1)},
		[]campaign.Registration{sampleReg("Của người khác")}); err != nil {
		t.Fatal(err)
	}
	// the server tells of a commit a moment after it
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		v, err := mine.DataVersion(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if v != before {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("another clerk's commit was not noticed: version still %d", v)
		}
	}
}

// A password in the address is never shown, whatever fails.
func TestPasswordNeverShown(t *testing.T) {
	for _, dsn := range []string{"postgres://cchc:s3cr3t-pw@[::1", "postgres://cchc:s3cr3t-pw@/nodb?host=/nonexistent-dir&sslmode=disable",
		"postgresql://cchc@/x?host=/nonexistent-dir&password=s3cr3t-pw"} {
		_, err := Open(dsn, Options{})
		if err == nil {
			t.Fatalf("%s opened", dsn)
		}
		for _, l := range []lang.Lang{lang.VI, lang.EN} {
			if msg := lang.Message(err, l); strings.Contains(msg, "s3cr3t") || !strings.Contains(msg, "xxxxx") {
				t.Errorf("%s: %s", dsn, msg)
			}
		}
	}
}

// A write held off by another for longer than the wait (a clerk's PC that
// froze mid-write) is refused as busy, in the clerk's words, and changes
// nothing; once the other is done, writes go on.
func TestWriteHeldTooLongIsBusy(t *testing.T) {
	if !onPostgres {
		t.Skip("SQLite's wait is its busy timeout (WriteWait), tested by the contention tests")
	}
	defer func(w time.Duration) { postgres.LockWait = w }(postgres.LockWait)
	postgres.LockWait = 300 * time.Millisecond
	s := openTemp(t)
	ctx := context.Background()
	frozen, err := s.begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	c := campaignOf(t, s, 2023)
	yte := agencyByName(t, s, c, "Sở Y tế")
	add := func() error {
		_, _, err := s.RecordSubmission(ctx, campaign.Submission{CampaignID: c.ID, AgencyID: yte.ID, Received: vndate.Of(2023, 3, 1)},
			[]campaign.Registration{sampleReg("Chờ")})
		return err
	}
	start := time.Now()
	err = add()
	if err == nil || !strings.Contains(lang.Message(err, lang.EN), "try again") {
		t.Fatalf("a write behind a frozen one: %v", err)
	}
	if waited := time.Since(start); waited > 5*time.Second {
		t.Fatalf("waited %v", waited)
	}
	fatalIf(t, frozen.Rollback())
	if err := add(); err != nil {
		t.Fatal(err)
	}
	if n := registeredBy(t, s, c, yte.ID); n != 1 {
		t.Fatalf("Sở Y tế has %d registrations, want 1", n)
	}
}

// On PostgreSQL a clerk's program is told of another clerk's commit as
// it comes (Changed), not at its next poll; SQLite tells nothing (nil),
// its DataVersion being polled.
func TestChangedTellsOfAnotherClerksCommit(t *testing.T) {
	book := testBook(t)
	mine, err := Open(book, Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	defer mine.Close()
	changed := mine.Changed()
	if !onPostgres {
		if changed != nil {
			t.Fatal("SQLite tells of changes it cannot see")
		}
		return
	}
	theirs, err := Open(book, Options{Now: fixedNow, User: "Anh Minh"})
	if err != nil {
		t.Fatal(err)
	}
	defer theirs.Close()
	ctx := context.Background()
	before, err := mine.DataVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	select {
	case <-changed:
		t.Fatal("told of a change before anyone wrote")
	default:
	}
	c := campaignOf(t, theirs, 2023)
	a := agencyByName(t, theirs, c, "Sở Y tế")
	if _, _, err := theirs.RecordSubmission(ctx, campaign.Submission{CampaignID: c.ID, AgencyID: a.ID, Received: vndate.Of(2023, 3, 1)},
		[]campaign.Registration{sampleReg("Của người khác")}); err != nil {
		t.Fatal(err)
	}
	select {
	case <-changed:
	case <-time.After(10 * time.Second): // a deadline, not a pause: the value comes a moment after the commit
		t.Fatal("another clerk's commit was not told")
	}
	if v, err := mine.DataVersion(ctx); err != nil || v == before {
		t.Fatalf("told, yet the version is still %d (%v)", v, err)
	}
}
