package demobook

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/demo"
	"cchc/internal/lang"
	"cchc/internal/store"
	"cchc/internal/vndate"
)

// A province book has Hà Tĩnh's shape, three campaigns and registrations
// in every status; the same seed gives the same book.
func TestProvince(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	a, b, c := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db"), filepath.Join(dir, "c.db")
	sa, err := Create(ctx, a, demo.Province, 1)
	if err != nil {
		t.Fatal(err)
	}
	if sa.Agencies != 19+8+13+216+1+69 || sa.Campaigns != 4 || sa.Registrations == 0 || sa.Latest == 0 {
		t.Fatalf("stats %+v", sa)
	}
	sb, err := Create(ctx, b, demo.Province, 1)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Create(ctx, c, demo.Province, 2)
	if err != nil {
		t.Fatal(err)
	}
	if sa != sb {
		t.Errorf("same seed, different books: %+v, %+v", sa, sb)
	}
	if dumpOf(t, a) != dumpOf(t, b) {
		t.Error("same seed, different contents")
	}
	if dumpOf(t, a) == dumpOf(t, c) {
		t.Error("seeds 1 and 2 gave the same contents")
	}

	st, err := store.Open(a, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	cs, err := st.Campaigns(ctx)
	if err != nil || len(cs) != 4 || cs[0].Year != 2026 || cs[1].Year != 2023 || cs[1].Issuer != "Sở Nội vụ" {
		t.Fatalf("campaigns %v %v", cs, err)
	}
	// 2026: the two-tier map, the merged departments
	followed := map[campaign.Group]int{}
	list26, err := st.CampaignAgencies(ctx, cs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, ag := range list26 {
		if ag.Active {
			followed[ag.Group]++
			if ag.Group == campaign.Commune && ag.ParentID != 0 {
				t.Errorf("2026: %s is under a district", ag.Name)
			}
		}
	}
	if want := (map[campaign.Group]int{campaign.Department: 14, campaign.Central: 8, campaign.Commune: 69}); fmt.Sprint(followed) != fmt.Sprint(want) {
		t.Errorf("2026 follows %v, want %v", followed, want)
	}
	if q := cs[0].QuotaFor(campaign.Commune); q != (campaign.Quota{Required: 2, Target: 3}) {
		t.Errorf("2026 commune quota %+v", q)
	}
	if p, err := st.Check(ctx); err != nil || len(p) != 0 {
		t.Errorf("check: %v %v", p, err)
	}
	cs = cs[1:] // 2023 and before
	agencies, err := st.CampaignAgencies(ctx, cs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	groups := map[campaign.Group]int{}
	diacritics := 0
	for _, ag := range agencies {
		groups[ag.Group]++
		if ag.Group == campaign.Commune {
			parent, err := st.Agency(ctx, ag.ParentID)
			if err != nil || parent.Group != campaign.District {
				t.Fatalf("commune %s has parent %+v (%v)", ag.Name, parent, err)
			}
		}
		if strings.ContainsAny(ag.Name, "ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ") {
			diacritics++
		}
	}
	want := map[campaign.Group]int{campaign.Department: 19, campaign.Central: 8, campaign.District: 13, campaign.Commune: 216}
	for g, n := range want {
		if groups[g] != n {
			t.Errorf("%s: %d agencies, want %d", g, groups[g], n)
		}
	}
	if diacritics < len(agencies)/2 {
		t.Errorf("only %d of %d names have diacritics", diacritics, len(agencies))
	}
	sum, err := book.Compliance(ctx, st, cs[0], vndate.Of(2023, 4, 30))
	if err != nil {
		t.Fatal(err)
	}
	tot := sum.Total()
	if tot.Met == 0 || tot.Short == 0 || tot.Missing == 0 || tot.Late == 0 {
		t.Errorf("statuses not spread: %+v", tot)
	}
	regs, err := st.Registrations(ctx, cs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	days, kinds, areas, communeLetters := map[string]bool{}, map[campaign.Kind]bool{}, map[campaign.Area]bool{}, 0
	for _, r := range regs {
		days[r.Received.ISO()] = true
		kinds[r.Kind], areas[r.Area] = true, true
		if r.AgencyGroup == campaign.Commune {
			communeLetters++
		}
	}
	if len(days) < 20 || len(kinds) != len(campaign.Kinds) || len(areas) != len(campaign.Areas) || communeLetters == 0 {
		t.Errorf("registrations not spread: %d days, %d kinds, %d areas, %d from communes", len(days), len(kinds), len(areas), communeLetters)
	}
	checkProgress(t, st)
}

// checkProgress: a past year's models are mostly completed or under way
// by its end, some never reported, each step within its year and after
// its letter; the latest campaign has none yet.
func checkProgress(t *testing.T, st *store.Store) {
	t.Helper()
	ctx := context.Background()
	cs, err := st.Campaigns(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range cs {
		stages, err := st.CampaignStages(ctx, c.ID, vndate.Date{})
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			if len(stages) != 0 {
				t.Errorf("%d, the latest campaign: %d models reported", c.Year, len(stages))
			}
			continue
		}
		regs, err := st.Registrations(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		count := map[campaign.Stage]int{}
		for _, r := range regs {
			s, ok := stages[r.ID]
			if !ok {
				count[campaign.Registered]++
				continue
			}
			count[s.Stage]++
			steps, err := st.ProgressSteps(ctx, r.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range steps {
				if p.On.Year() != c.Year || p.On.Before(r.Received) {
					t.Errorf("%d: %q %s on %s, received %s", c.Year, r.Title, p.Stage, p.On, r.Received)
				}
			}
		}
		done := count[campaign.Completed] + count[campaign.Replicating] + count[campaign.Recognised]
		if done*2 < len(regs) || count[campaign.InProgress] == 0 || count[campaign.Registered] == 0 || done+count[campaign.InProgress] < len(regs)*3/4 {
			t.Errorf("%d: progress not plausible: %v of %d", c.Year, count, len(regs))
		}
	}
}

// dumpOf is the book's contents as text, timestamps included.
func dumpOf(t *testing.T, path string) string {
	t.Helper()
	st, err := store.Open(path, store.Options{AllowReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	cs, err := st.Campaigns(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, c := range cs {
		agencies, err := st.CampaignAgencies(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		regs, err := st.Registrations(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range agencies {
			b.WriteString(a.Name + "|" + a.ShortName + "\n")
		}
		stages, err := st.CampaignStages(ctx, c.ID, vndate.Date{})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range regs {
			p := stages[r.ID]
			b.WriteString(r.Title + "|" + r.AgencyName + "|" + r.LeadName + "|" + r.LetterNumber + "|" + r.Received.ISO() + "|" + string(r.Kind) + "|" + string(p.Stage) + "|" + p.On.ISO() + "\n")
		}
	}
	return b.String()
}

// A book the clerk has worked in is refused and left as it was; a file
// that is not a book too.
func TestRefusesUsedBook(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	path := filepath.Join(dir, "used.db")
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := st.Campaign(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	agencies, err := st.CampaignAgencies(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := st.RecordSubmission(ctx, campaign.Submission{CampaignID: c.ID, AgencyID: agencies[0].ID, Received: vndate.Of(2023, 3, 1)},
		[]campaign.Registration{{Title: "Một cửa số", Kind: campaign.Model, Area: campaign.Procedures}}); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	before := readFile(t, path)
	_, err = Create(ctx, path, demo.Province, 1)
	if !errors.Is(err, book.ErrNotNew) || !strings.Contains(lang.Message(err, lang.VI), "chỉ được ghi vào một tệp mới") {
		t.Fatalf("used book: %v", err)
	}
	if _, statErr := os.Stat(path); statErr != nil {
		t.Fatal("the clerk's book was removed")
	}
	if after := readFile(t, path); len(before) != len(after) {
		t.Error("the clerk's book changed")
	}

	other := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(other, []byte("ghi chú của tôi"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Create(ctx, other, demo.Province, 1); err == nil {
		t.Fatal("a text file was taken for a book")
	}
	if readFile(t, other) != "ghi chú của tôi" {
		t.Error("the text file changed")
	}

	// a book just made by opening cchc (nothing typed yet) is fine
	fresh := filepath.Join(dir, "fresh.db")
	if st, err = store.Open(fresh, store.Options{}); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := Create(ctx, fresh, demo.Province, 1); err != nil {
		t.Fatalf("new book refused: %v", err)
	}
}

func BenchmarkCreateNational(b *testing.B) {
	for b.Loop() {
		if _, err := Create(context.Background(), filepath.Join(b.TempDir(), "n.db"), demo.National, 1); err != nil {
			b.Fatal(err)
		}
	}
}

// readFile is the text of the file at path.
func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
