package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"cchc/internal/campaign"
	"cchc/internal/demo"
	"cchc/internal/demo/demobook"
	"cchc/internal/store"
	"cchc/internal/tooltest"
)

// The reference queries that the status benchmarks compare cchc with
// (testdata/status.sql, status-tally.sql) must judge what `cchc status`
// judges, or the comparison is of two different things: same agencies,
// same counts, same status, same last letter, on a small book where a
// commune that sent letters has been deactivated in the campaign.
func TestReferenceQueriesAgreeWithStatus(t *testing.T) {
	sqlite3 := tooltest.Need(t, "run the reference queries (Debian: sqlite3)", "sqlite3")
	db := filepath.Join(t.TempDir(), "demo.db")
	if _, err := demobook.Create(context.Background(), db, demo.Province, 3); err != nil {
		t.Fatal(err)
	}
	deactivated := deactivateASender(t, db)

	const asOf, asOfISO = "30/04/2023", "2023-04-30"
	code, out, errs := cchc(t, "--db", db, "status", "--format", "json", "--as-of", asOf)
	if code != 0 {
		t.Fatalf("status: exit %d: %s", code, errs)
	}
	var st struct {
		Agencies []struct {
			Name         string  `json:"name"`
			Group        string  `json:"group"`
			Required     int     `json:"required"`
			Target       int     `json:"target"`
			Registered   int     `json:"registered"`
			Status       string  `json:"status"`
			LastReceived *string `json:"last_received"`
		} `json:"agencies"`
	}
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, a := range st.Agencies {
		last := ""
		if a.LastReceived != nil {
			last = *a.LastReceived
		}
		want = append(want, fmt.Sprintf("%s|%s|%d/%d|%d|%s|%s", a.Group, a.Name, a.Required, a.Target, a.Registered, a.Status, last))
	}
	slices.Sort(want)

	for _, file := range []string{"testdata/status.sql", "testdata/status-tally.sql"} {
		query, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		// the queries are written for the national book's day
		q := strings.ReplaceAll(string(query), "2024-04-30", asOfISO)
		cmd := exec.Command(sqlite3, "-json", "-readonly", db)
		cmd.Stdin = strings.NewReader(q)
		raw, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		var rows []struct {
			Name       string  `json:"name"`
			Group      string  `json:"group"`
			Required   int     `json:"required"`
			Target     int     `json:"target"`
			Registered int     `json:"registered"`
			Status     string  `json:"status"`
			LastOn     *string `json:"last_on"`
		}
		if err := json.Unmarshal(raw, &rows); err != nil {
			t.Fatalf("%s: %v: %s", file, err, raw)
		}
		var got []string
		for _, r := range rows {
			last := ""
			if r.LastOn != nil {
				last = *r.LastOn
			}
			got = append(got, fmt.Sprintf("%s|%s|%d/%d|%d|%s|%s", r.Group, r.Name, r.Required, r.Target, r.Registered, r.Status, last))
		}
		slices.Sort(got)
		if len(got) == 0 || !slices.Equal(got, want) {
			t.Errorf("%s disagrees with cchc status (a letter of %s counted?):\n%s", file, deactivated, diffLines(want, got))
		}
	}
}

// deactivateASender deactivates, in the latest campaign, a commune whose
// letters count for its district, and returns its name.
func deactivateASender(t *testing.T, db string) string {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	c, err := st.Campaign(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	received, err := st.Received(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	agencies, err := st.CampaignAgencies(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	sent := map[int64]bool{}
	for _, r := range received {
		sent[r.AgencyID] = r.Registrations > 0
	}
	for _, a := range agencies {
		if a.Group == campaign.Commune && a.Active && sent[a.ID] {
			a.Active = false
			if err := st.UpdateAgency(ctx, c.ID, a); err != nil {
				t.Fatal(err)
			}
			return a.Name
		}
	}
	t.Fatal("no commune of the demo sent a letter")
	return ""
}

// diffLines lists the lines only one side has.
func diffLines(want, got []string) string {
	var b strings.Builder
	for _, w := range want {
		if !slices.Contains(got, w) {
			b.WriteString("  cchc:  " + w + "\n")
		}
	}
	for _, g := range got {
		if !slices.Contains(want, g) {
			b.WriteString("  query: " + g + "\n")
		}
	}
	return b.String()
}
