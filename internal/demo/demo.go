// Package demo fills a new book with realistic made-up data: a province
// shaped like Hà Tĩnh, or the whole country at the Ministry's scale. The
// same seed always gives the same book, so that benchmarks, screenshots
// and a newcomer's first look can be repeated.
package demo

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/lang"
	"cchc/internal/vndate"
	"cchc/internal/vntext"
)

// Scale is how big a book to make.
type Scale string

const (
	Province Scale = "province" // Hà Tĩnh's shape: 19 departments, 8 central, 13 districts, 216 communes; in 2026 14 departments and 69 communes and wards
	National Scale = "national" // 63 provinces: about 15,000 agencies, 200,000 registrations in the latest campaign
)

// Scales lists the scales for help and messages.
var Scales = []Scale{Province, National}

// ParseScale accepts a scale's name.
func ParseScale(s string) (Scale, bool) {
	for _, x := range Scales {
		if string(x) == strings.TrimSpace(strings.ToLower(s)) {
			return x, true
		}
	}
	return "", false
}

// NationalRegistrations is the size of the latest national campaign: the
// case the speed targets are set for.
const NationalRegistrations = 200_000

// batch is how many registrations go in one transaction.
const batch = 10_000

// Stats counts what Create wrote.
type Stats struct {
	Agencies      int
	Campaigns     int
	Letters       int
	Registrations int
	Latest        int // registrations in the latest campaign
}

// Opener opens the book to fill, its writes stamped by now.
type Opener func(now func() time.Time) (book.Book, error)

// Fill opens a book with open and fills it. The book must be one nobody
// has worked in yet (book.ErrNotNew otherwise: see Filling.IsNew): data a
// clerk typed is never mixed with made-up data. With times above 1 the
// latest national campaign is made times as big (times ×
// NationalRegistrations, in about times as many letters from the same
// agencies), so that how costs grow with a book is measured, not guessed.
// A province book has no fixed size: times must be 1 there.
func Fill(ctx context.Context, open Opener, scale Scale, seed uint64, times int) (Stats, error) {
	if times < 1 || (times > 1 && scale != National) {
		return Stats{}, lang.Errorf("Chỉ dữ liệu toàn quốc mới nhân được số văn bản (--times %d)", "Only the national book can be grown (--times %d)", times)
	}
	g := newGenerator(scale, seed)
	g.times = times
	st, err := open(func() time.Time { return g.clock })
	if err != nil {
		return Stats{}, err
	}
	stats, err := g.fill(ctx, st)
	if cerr := st.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		return Stats{}, err
	}
	return stats, nil
}

// unit is one generated agency and what the generator needs to know of it.
type unit struct {
	campaign.Agency
	province string // "tỉnh Hà Tĩnh"
	abbr     string // the letter-number suffix, e.g. "SYT-VP"
	children []int  // indexes of its communes
}

type generator struct {
	scale Scale
	r     *rand.Rand
	clock time.Time // what the store stamps agencies and campaigns with
	units []unit
	stats Stats
	times int // the latest national campaign is times × NationalRegistrations
	seed  uint64
}

func newGenerator(scale Scale, seed uint64) *generator {
	return &generator{scale: scale, seed: seed, r: rand.New(rand.NewPCG(seed, 0x63636863)),
		clock: time.Date(2021, 1, 4, 8, 0, 0, 0, time.UTC)}
}

func (g *generator) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *generator) fill(ctx context.Context, st book.Book) (Stats, error) {
	if err := st.ClearNewBook(ctx); err != nil {
		return Stats{}, err
	}
	campaigns, err := g.campaigns()
	if err != nil {
		return Stats{}, err
	}
	if g.scale == National {
		g.nationalUnits()
	} else if err := g.provinceUnits(); err != nil {
		return Stats{}, err
	}
	if err := g.insertUnits(ctx, st); err != nil {
		return Stats{}, err
	}
	ids := make([]int64, len(g.units))
	for i, u := range g.units {
		ids[i] = u.ID
	}
	for i, c := range campaigns {
		id, err := st.BulkAddCampaign(ctx, c, ids)
		if err != nil {
			return Stats{}, err
		}
		c.ID = id
		total := 0
		if g.scale == National && i == len(campaigns)-1 {
			total = NationalRegistrations * max(g.times, 1)
		}
		n, err := g.letters(ctx, st, c, total)
		if err != nil {
			return Stats{}, err
		}
		g.stats.Campaigns++
		g.stats.Latest = n
		// a past province year's models, reported under way or done
		if g.scale == Province {
			if err := g.progress(ctx, st, c); err != nil {
				return Stats{}, err
			}
		}
	}
	if g.scale == Province {
		if err := g.twoTier(ctx, st, campaigns[len(campaigns)-1].Year); err != nil {
			return Stats{}, wrap(err)
		}
	}
	g.stats.Agencies = len(g.units)
	return g.stats, nil
}

// campaigns are three yearly calls, the latest last.
func (g *generator) campaigns() ([]campaign.Campaign, error) {
	base, _, err := book.DefaultCampaign()
	if err != nil {
		return nil, err
	}
	first := base.Year - 2
	if g.scale == National {
		base.Issuer, base.IssuerParent, base.Place = "Bộ Nội vụ", "", "Hà Nội"
		base.LetterNumber = "/BNV-CCHC"
		base.SignerTitle = "Thứ trưởng"
		base.SignerName = g.person()
		base.Quotas = map[campaign.Group]campaign.Quota{
			campaign.Department: {Required: 1, Target: 2}, campaign.Central: {Required: 1, Target: 1},
			campaign.District: {Required: 2, Target: 3}, campaign.Commune: {Required: 0, Target: 0},
		}
		first = base.Year - 1
	}
	var out []campaign.Campaign
	for y := first; y < first+3; y++ {
		c := base
		c.Year = y
		c.Title = strings.Replace(base.Title, fmt.Sprint(base.Year), fmt.Sprint(y), 1)
		c.Deadline = vndate.Of(y, base.Deadline.Month(), base.Deadline.Day())
		c.LetterDate = c.Deadline.AddDays(-30)
		if y != base.Year || g.scale == National {
			c.LegalBasis = fmt.Sprintf("Kế hoạch cải cách hành chính năm %d", y)
		}
		out = append(out, c)
	}
	return out, nil
}

func (g *generator) person() string {
	return g.pick(surnames) + " " + g.pick(middles) + " " + g.pick(givens)
}

// placeName is a made-up two-syllable name not yet in used (folded).
func (g *generator) placeName(prefix string, used map[string]bool) string {
	for {
		n := prefix + g.pick(firstSyllables) + " " + g.pick(secondSyllables)
		if k := vntext.Fold(n); !used[k] {
			used[k] = true
			return n
		}
	}
}

// provinceUnits is Hà Tĩnh: the default campaign's agencies and 216
// communes spread over its 13 districts.
func (g *generator) provinceUnits() error {
	_, agencies, err := book.DefaultCampaign()
	if err != nil {
		return err
	}
	var districts []int
	for _, a := range agencies {
		if a.Group == campaign.District {
			districts = append(districts, len(g.units))
		}
		g.units = append(g.units, unit{Agency: a, province: "tỉnh Hà Tĩnh", abbr: g.abbr(a)})
	}
	g.communes(districts, 216)
	g.units[len(g.units)-1].Active = false // one commune merged away: inactive
	return nil
}

// communes adds n communes, every district getting some.
func (g *generator) communes(districts []int, n int) {
	counts := make([]int, len(districts))
	for i := range counts {
		counts[i] = 1
	}
	for i := len(districts); i < n; i++ {
		counts[g.r.IntN(len(districts))]++
	}
	for di, d := range districts {
		used := map[string]bool{}
		for range counts[di] {
			prefix := "Xã "
			switch x := g.r.IntN(20); {
			case x == 0:
				prefix = "Thị trấn "
			case x < 3:
				prefix = "Phường "
			}
			a := campaign.Agency{Name: g.placeName(prefix, used), Group: campaign.Commune, Active: true}
			g.units[d].children = append(g.units[d].children, len(g.units))
			g.units = append(g.units, unit{Agency: a, province: g.units[d].province, abbr: "UBND"})
		}
	}
}

// nationalUnits is 63 provinces of 19 departments, 8 central agencies,
// 9 to 14 districts and 11 to 23 communes in each district.
func (g *generator) nationalUnits() {
	usedDistricts := map[string]bool{}
	for pi, p := range provinces {
		label := "tỉnh " + p
		if pi < centrallyRun {
			label = "thành phố " + p
		}
		for _, d := range departments {
			a := campaign.Agency{Name: d.name + " " + label, ShortName: d.short + " " + p, Group: campaign.Department, Active: true}
			g.units = append(g.units, unit{Agency: a, province: label, abbr: g.abbr(campaign.Agency{Name: d.name, Group: campaign.Department})})
		}
		for _, c := range centrals {
			a := campaign.Agency{Name: c.prefix + " " + label, ShortName: c.short + " " + p, Group: campaign.Central, Active: true}
			g.units = append(g.units, unit{Agency: a, province: label, abbr: g.abbr(campaign.Agency{Name: c.prefix, Group: campaign.Central})})
		}
		var districts []int
		nd := 9 + g.r.IntN(6)
		communes := 0
		for k := range nd {
			prefix := "Huyện "
			if k == 0 {
				prefix = "Thành phố "
			} else if g.r.IntN(8) == 0 {
				prefix = "Thị xã "
			}
			name := g.placeName(prefix, usedDistricts)
			short := strings.TrimPrefix(name, prefix)
			districts = append(districts, len(g.units))
			g.units = append(g.units, unit{Agency: campaign.Agency{Name: name, ShortName: short, Group: campaign.District, Active: true},
				province: label, abbr: "UBND-NV"})
			communes += 11 + g.r.IntN(13)
		}
		g.communes(districts, communes)
		if g.r.IntN(3) == 0 { // now and then a commune merged away
			g.units[len(g.units)-1].Active = false
		}
	}
}

// abbr is the suffix of an agency's letter numbers: "SYT-VP" for Sở Y tế.
func (g *generator) abbr(a campaign.Agency) string {
	switch a.Group {
	case campaign.District:
		return "UBND-NV"
	case campaign.Commune:
		return "UBND"
	}
	var b strings.Builder
	for _, w := range strings.Fields(vntext.Fold(a.Name)) {
		if w != "va" && w != "-" && w != "tinh" {
			b.WriteString(strings.ToUpper(w[:1]))
		}
	}
	return b.String() + "-VP"
}

// insertUnits adds the agencies: those without a parent first, then the
// communes, which need their district's id.
func (g *generator) insertUnits(ctx context.Context, st book.Book) error {
	var top, low []int
	for i, u := range g.units {
		if u.Group == campaign.Commune {
			low = append(low, i)
		} else {
			top = append(top, i)
		}
	}
	add := func(idx []int) error {
		for start := 0; start < len(idx); start += batch {
			part := idx[start:min(start+batch, len(idx))]
			list := make([]campaign.Agency, len(part))
			for k, i := range part {
				list[k] = g.units[i].Agency
			}
			ids, err := st.BulkAddAgencies(ctx, list)
			if err != nil {
				return err
			}
			for k, i := range part {
				g.units[i].ID = ids[k]
				for _, c := range g.units[i].children {
					g.units[c].ParentID = ids[k]
				}
			}
		}
		return nil
	}
	if err := add(top); err != nil {
		return err
	}
	return add(low)
}

// wrap turns a store or generator failure into a message for the clerk.
func wrap(err error) error {
	var le *lang.Error
	if errors.As(err, &le) {
		return err
	}
	return lang.Wrap(err, "Không tạo được dữ liệu mẫu", "Cannot make the demo data")
}
