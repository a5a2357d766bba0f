package store

import (
	"context"
	"testing"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/vndate"
)

// tallyProblems runs Check and keeps what it says about letter_tally.
func tallyProblems(t *testing.T, s *Store) []string {
	t.Helper()
	p, err := s.Check(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, x := range p {
		out = append(out, x.EN)
	}
	return out
}

// registeredBy is what the judgement counts for an agency.
func registeredBy(t *testing.T, s *Store, c campaign.Campaign, agencyID int64) int {
	t.Helper()
	sum, err := book.Compliance(context.Background(), s, c, vndate.Of(2023, 12, 31))
	if err != nil {
		t.Fatal(err)
	}
	return find(sum, agencyID).Registered
}

// The tally the judgement reads follows every way a letter or a
// registration changes: recorded, added to, edited, moved to another
// agency or day, deleted, undone, restored from the trash, imported.
func TestLetterTallyFollowsEveryChange(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	c := campaignOf(t, s, 2023)
	yte := agencyByName(t, s, c, "Sở Y tế")
	tp := agencyByName(t, s, c, "Sở Tư pháp")
	step := func(what string, wantYte, wantTp int) {
		t.Helper()
		if p := tallyProblems(t, s); len(p) != 0 {
			t.Fatalf("%s: %v", what, p)
		}
		if got := registeredBy(t, s, c, yte.ID); got != wantYte {
			t.Fatalf("%s: Sở Y tế registered %d, want %d", what, got, wantYte)
		}
		if got := registeredBy(t, s, c, tp.ID); got != wantTp {
			t.Fatalf("%s: Sở Tư pháp registered %d, want %d", what, got, wantTp)
		}
	}
	subID, ids, err := s.RecordSubmission(ctx, campaign.Submission{CampaignID: c.ID, AgencyID: yte.ID, Number: "1/SYT", Received: vndate.Of(2023, 3, 1)},
		[]campaign.Registration{sampleReg("Một"), sampleReg("Hai")})
	if err != nil {
		t.Fatal(err)
	}
	step("recorded", 2, 0)
	if _, err := s.AddToSubmission(ctx, subID, []campaign.Registration{sampleReg("Ba")}); err != nil {
		t.Fatal(err)
	}
	step("added to the letter", 3, 0)
	r := registrationOf(t, s, ids[0])
	if err := s.DeleteRegistration(ctx, ids[0], r.Version); err != nil {
		t.Fatal(err)
	}
	step("one deleted", 2, 0)
	if _, err := s.UndoLast(ctx); err != nil {
		t.Fatal(err)
	}
	step("delete undone", 3, 0)
	// the letter moves to another agency: its count goes with it
	r = registrationOf(t, s, ids[1])
	sub := campaign.Submission{ID: subID, CampaignID: c.ID, AgencyID: tp.ID, Number: "1/STP", Received: vndate.Of(2023, 3, 2), Version: r.SubmissionVer}
	if err := s.UpdateSubmission(ctx, sub); err != nil {
		t.Fatal(err)
	}
	step("letter moved to another agency", 0, 3)
	if _, err := s.UndoLast(ctx); err != nil {
		t.Fatal(err)
	}
	step("move undone", 3, 0)
	// deleting every registration deletes the letter, and its tally
	for _, id := range []int64{ids[0], ids[1]} {
		r := registrationOf(t, s, id)
		if err := s.DeleteRegistration(ctx, id, r.Version); err != nil {
			t.Fatal(err)
		}
	}
	all := registrationsOf(t, s, c.ID)
	if err := s.DeleteRegistration(ctx, all[0].ID, all[0].Version); err != nil {
		t.Fatal(err)
	}
	step("all deleted", 0, 0)
	if n := countOf(t, s.db, `SELECT count(*) FROM letter_tally`); n != 0 {
		t.Fatalf("%d tally rows left after the letter went", n)
	}
	trash, err := s.Trash(ctx, c.ID)
	fatalIf(t, err)
	if _, err := s.Restore(ctx, trash[0].ItemID); err != nil {
		t.Fatal(err)
	}
	step("one restored from the trash", 1, 0)
	var items []book.ImportItem
	for _, title := range []string{"Bốn", "Năm"} {
		items = append(items, book.ImportItem{Line: 2, Registration: sampleReg(title)})
	}
	if _, err := s.ImportRegistrations(ctx, []book.ImportLetter{{Submission: campaign.Submission{CampaignID: c.ID, AgencyID: tp.ID, Received: vndate.Of(2023, 3, 5)}, Items: items}}, false); err != nil {
		t.Fatal(err)
	}
	step("imported", 1, 2)
	// a change made behind the program's back (the sqlite3 tool) is
	// followed by the triggers too
	if _, err := s.db.Exec(`DELETE FROM registration WHERE title = 'Bốn'`); err != nil {
		t.Fatal(err)
	}
	step("deleted with the sqlite3 tool", 1, 1)
	// and a tally damaged by hand is found by check
	if _, err := s.db.Exec(`UPDATE letter_tally SET registrations = 7`); err != nil {
		t.Fatal(err)
	}
	if p := tallyProblems(t, s); len(p) != 2 {
		t.Fatalf("damaged tally: check said %v", p)
	}
}

// A book made before the tally (schema 4) gets it counted from its
// registrations when it is opened.
func TestUpgradeCountsTheTally(t *testing.T) {
	sqliteOnly(t)
	s := openTemp(t)
	ctx := context.Background()
	c := campaignOf(t, s, 2023)
	yte := agencyByName(t, s, c, "Sở Y tế")
	if _, _, err := s.RecordSubmission(ctx, campaign.Submission{CampaignID: c.ID, AgencyID: yte.ID, Received: vndate.Of(2023, 3, 1)},
		[]campaign.Registration{sampleReg("Một"), sampleReg("Hai")}); err != nil {
		t.Fatal(err)
	}
	// back to schema 4: no tally, no triggers
	for _, q := range []string{`DROP TABLE letter_tally`, `DROP TRIGGER tally_submission_insert`, `DROP TRIGGER tally_submission_update`,
		`DROP TRIGGER tally_submission_delete`, `DROP TRIGGER tally_registration_insert`, `DROP TRIGGER tally_registration_move`,
		`DROP TRIGGER tally_registration_delete`, `DROP TABLE succession`,
		// and without what later schemas added (7: the letter's foot; 8: files)
		`DROP TABLE attachment`, `DROP TABLE file_blob`,
		`DROP TRIGGER history_campaign_insert`, `DROP TRIGGER history_campaign_update`, `DROP TRIGGER history_campaign_delete`,
		`ALTER TABLE campaign DROP COLUMN signer_authority`, `ALTER TABLE campaign DROP COLUMN copies_to`,
		`PRAGMA user_version = 4`} {
		if _, err := s.db.Exec(q); err != nil {
			t.Fatal(q, err)
		}
	}
	path := s.Path()
	fatalIf(t, s.Close())
	s, err := Open(path, Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if p := tallyProblems(t, s); len(p) != 0 {
		t.Fatalf("after the upgrade: %v", p)
	}
	if got := registeredBy(t, s, c, yte.ID); got != 2 {
		t.Fatalf("after the upgrade Sở Y tế registered %d, want 2", got)
	}
}
