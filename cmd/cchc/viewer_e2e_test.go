package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/store"
	"cchc/internal/vndate"
)

// The copy a kept file is opened from goes when cchc quits, and a copy an
// earlier run left (a viewer held it) goes at the next start once a day
// old; a younger one stays, a viewer may hold it still. The real binary
// in a terminal, a fake xdg-open taking the file.
func TestViewerCopiesGoWhenCchcQuits(t *testing.T) {
	dir := t.TempDir()
	bin := buildForTmux(t, dir)
	db := filepath.Join(dir, "cchc.db")
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	c, err := st.Campaign(ctx, 2023)
	if err != nil {
		t.Fatal(err)
	}
	agencies, err := st.CampaignAgencies(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var yte int64
	for _, a := range agencies {
		if a.Name == "Sở Y tế" {
			yte = a.ID
		}
	}
	letter, _, err := st.RecordSubmission(ctx, campaign.Submission{CampaignID: c.ID, AgencyID: yte, Number: "57/SYT-VP",
		LetterDate: vndate.Of(2023, 3, 20), Received: vndate.Of(2023, 3, 21)},
		[]campaign.Registration{{Title: "Khám bệnh từ xa", Kind: campaign.Model, Area: campaign.Procedures}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Attach(ctx, letter, 0, book.NewFile{Name: "Công văn 57.pdf", Content: []byte("%PDF-1.7\ncông văn\n")}); err != nil {
		t.Fatal(err)
	}
	st.Close()

	tmp := filepath.Join(dir, "tmp")
	old, young := filepath.Join(tmp, "cchc-tep-old"), filepath.Join(tmp, "cchc-tep-young")
	for _, d := range []string{old, young} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	now := time.Now()
	if err := os.Chtimes(old, now.Add(-48*time.Hour), now.Add(-48*time.Hour)); err != nil {
		t.Fatal(err)
	}
	fake := filepath.Join(dir, "bin")
	seen := filepath.Join(dir, "seen")
	if err := os.Mkdir(fake, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(fake, "xdg-open"), []byte("#!/bin/sh\ncp \"$1\" '"+seen+"'\n"), 0o700); err != nil {
		t.Fatal(err)
	}

	r := startTmux(t, "env", "CCHC_TODAY=27/03/2023", "TERM=xterm-256color", "TMPDIR="+tmp, "PATH="+fake+":"+os.Getenv("PATH"), bin, "--db", db)
	copies := func() []string {
		m, _ := filepath.Glob(filepath.Join(tmp, "cchc-tep-*"))
		return m
	}
	r.until("removed the day-old copy at start", func() bool { _, err := os.Stat(old); return os.IsNotExist(err) })
	r.press("Khám bệnh từ xa", "4")
	r.press("Tệp kèm (1)", "Enter")
	r.send("o")
	r.until("opened the file", func() bool { _, err := os.Stat(seen); return err == nil })
	if got := copies(); len(got) != 2 {
		t.Fatalf("copies while cchc runs: %q", got)
	}
	r.send("Escape") // alone: Escape and q at once are alt+q
	r.until("went back to the list", func() bool { return !strings.Contains(r.screen(), "Tệp kèm") })
	r.press("Hôm nay chưa sao lưu", "q") // once a day, a backup is offered on quit
	r.send("y")
	r.until("quit", func() bool { return !r.running() })
	if got := copies(); len(got) != 1 || got[0] != young {
		t.Fatalf("after quitting: %q, want only %s", got, young)
	}
}
