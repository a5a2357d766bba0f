package demo

import (
	"context"
	"time"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/vndate"
	"cchc/internal/vntext"
)

// The province's 2026 campaign, in the shape of the map since 2025, made
// the way a clerk makes it (so that its history shows how): opened from
// 2023, the departments merged as on 1 March 2025, districts and their
// communes no longer followed, the 69 communes and wards of 1 July 2025
// (60 xã, 9 phường) added directly under the province as from the new
// official list, each asked for 02 and aiming for 03.

// merges2025 are the departments merged from 1 March 2025: the old ones
// (by name in the default campaign) into the one that follows on.
var merges2025 = []struct {
	olds []string
	into string
}{
	{[]string{"Sở Kế hoạch và Đầu tư"}, "Sở Tài chính"},
	{[]string{"Sở Thông tin và Truyền thông"}, "Sở Khoa học và Công nghệ"},
	{[]string{"Sở Giao thông vận tải"}, "Sở Xây dựng"},
	{[]string{"Sở Tài nguyên và Môi trường", "Sở Nông nghiệp và Phát triển nông thôn"}, "Sở Nông nghiệp và Môi trường"},
	{[]string{"Sở Lao động - Thương binh và Xã hội"}, "Sở Nội vụ"},
}

// Communes and wards since 1 July 2025 in Hà Tĩnh.
const (
	communes2025 = 60
	wards2025    = 9
)

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
	for _, m := range merges2025 {
		var olds []campaign.Agency
		for _, n := range m.olds {
			olds = append(olds, g.units[byName[n]].Agency)
			g.units[byName[n]].Active = false
		}
		into := campaign.Agency{Name: m.into}
		if i, ok := byName[m.into]; ok {
			into = g.units[i].Agency
		}
		id, err := st.MergeAgencies(ctx, c.ID, olds, into)
		if err != nil {
			return err
		}
		if into.ID == 0 {
			a := campaign.Agency{ID: id, Name: m.into, Group: campaign.Department, Active: true}
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
	for k := range communes2025 + wards2025 {
		prefix := "Xã "
		if k < wards2025 {
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
	if err := st.SetQuota(ctx, c.ID, campaign.Commune, campaign.Quota{Required: 2, Target: 3}); err != nil {
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
