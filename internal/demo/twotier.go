package demo

import (
	"context"
	"strings"
	"time"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/provmap"
	"cchc/internal/vndate"
	"cchc/internal/vntext"
)

// The province's 2026 campaign, in the shape of the map since 2025, made
// the way a clerk makes it (so that its history shows how): opened from
// 2023, the departments merged as on 1 March 2025, districts and their
// communes no longer followed, the 69 communes and wards of 1 July 2025
// (60 xã, 9 phường) added directly under the province as from the new
// official list, each asked for 02 and aiming for 03.

// hatinh is the map since 2025 (internal/provmap): its merges, and how
// many communes and wards (60 xã, 9 phường) the demo names.
var hatinh = provmap.HaTinh2025()

func (g *generator) twoTier(ctx context.Context, st book.Book, from int) error {
	g.clock = time.Date(2026, 1, 5, 8, 0, 0, 0, time.UTC)
	deadline := vndate.Of(2026, time.March, 24)
	c := campaign.Campaign{Year: 2026, Deadline: deadline, LetterDate: deadline.AddDays(-30),
		LegalBasis: "Kế hoạch cải cách hành chính năm 2026"}
	if _, err := st.NewCampaign(ctx, c, from); err != nil {
		return err
	}
	c, err := st.Campaign(ctx, 2026)
	if err != nil {
		return err
	}
	byName := map[string]int{}
	for i, u := range g.units {
		byName[u.Name] = i
	}
	for _, m := range hatinh.Merges {
		var olds []campaign.Agency
		for _, n := range m.Olds {
			olds = append(olds, g.units[byName[n]].Agency)
			g.units[byName[n]].Active = false
		}
		into := campaign.Agency{Name: m.Into}
		if i, ok := byName[m.Into]; ok {
			into = g.units[i].Agency
		}
		id, err := st.MergeAgencies(ctx, c.ID, olds, into)
		if err != nil {
			return err
		}
		if into.ID == 0 {
			a := campaign.Agency{ID: id, Name: m.Into, Group: campaign.Department, Active: true}
			g.units = append(g.units, unit{Agency: a, province: "tỉnh Hà Tĩnh", abbr: g.abbr(a)})
		}
	}
	// no more districts, nor the communes under them
	var old []int64
	for i, u := range g.units {
		if u.Group == campaign.District || u.Group == campaign.Commune {
			old = append(old, u.ID)
			g.units[i].Active = false
		}
	}
	if _, err := st.FollowAgencies(ctx, c.ID, old, false); err != nil {
		return err
	}
	// the new communes and wards, as the official list brings them
	used := map[string]bool{}
	for _, u := range g.units {
		used[vntext.Fold(u.Name)] = true
	}
	var list []book.AgencyImport
	wards := 0
	for _, u := range hatinh.Units {
		if strings.HasPrefix(u.Name, "Phường ") {
			wards++
		}
	}
	for k := range hatinh.Units {
		prefix := "Xã "
		if k < wards {
			prefix = "Phường "
		}
		a := campaign.Agency{Name: g.placeName(prefix, used), Group: campaign.Commune, Active: true}
		list = append(list, book.AgencyImport{Line: k + 2, Agency: a})
	}
	added, err := st.ImportAgencies(ctx, c.ID, list, false)
	if err != nil {
		return err
	}
	for k, a := range added {
		u := unit{Agency: list[k].Agency, province: "tỉnh Hà Tĩnh", abbr: "UBND"}
		u.ID = a.ID
		g.units = append(g.units, u)
	}
	if err := st.SetQuota(ctx, c.ID, campaign.Commune, hatinh.Quota); err != nil {
		return err
	}
	if c, err = st.Campaign(ctx, 2026); err != nil {
		return err
	}
	n, err := g.letters(ctx, st, c, 0)
	if err != nil {
		return err
	}
	g.stats.Campaigns++
	g.stats.Latest = n
	return nil
}
