// Package provmap carries the administrative map a province has today, so
// that a new year's campaign can be opened on it without the clerk typing
// the merges and the new communes in: Hà Tĩnh's since 2025, the five
// department merges of 1 March 2025 and the 69 communes and wards of 1
// July 2025 with their official codes. Pure data and the plan of what
// applying it to a campaign changes; the store writes it (book.MapChange).
package provmap

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"strings"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/lang"
	"cchc/internal/vndate"
	"cchc/internal/vntext"
)

// hatinh2025 is the official list of Hà Tĩnh's commune-level units since
// 01/07/2025 (Mã, Tên, Cấp, Mã TP, Tỉnh / Thành Phố), as published after
// the 2025 arrangement of administrative units decided by the National
// Assembly Standing Committee: public facts (names and codes), copied
// unchanged from ../shared/data/hatinh-dvhc-2025.csv. See README.md.
//
//go:embed hatinh-2025.csv
var hatinh2025 []byte

// Merge is departments merged into one that follows on.
type Merge struct {
	Olds      []string // names as the 2023 list has them
	Into      string
	IntoShort string
}

// Unit is a commune or ward of the official list.
type Unit struct {
	Code string
	Name string // with its level: "Phường Thành Sen", "Xã Hương Sơn"
}

// Map is a province's map from a year on.
type Map struct {
	Province string // "Hà Tĩnh"
	Year     int    // the year it was made: 2025
	Since    vndate.Date
	Merges   []Merge
	Units    []Unit
	Quota    campaign.Quota // what each commune or ward is asked for
}

// FirstYear is the first campaign year the map is for: a campaign of 2026
// or later on the old map is offered the new one.
func (m Map) FirstYear() int { return m.Year + 1 }

// HaTinh2025 is Hà Tĩnh's map since 2025.
func HaTinh2025() Map {
	return Map{
		Province: "Hà Tĩnh",
		Year:     2025,
		Since:    vndate.Of(2025, 7, 1),
		// the departments merged from 1 March 2025
		Merges: []Merge{
			{[]string{"Sở Kế hoạch và Đầu tư"}, "Sở Tài chính", "Sở TC"},
			{[]string{"Sở Thông tin và Truyền thông"}, "Sở Khoa học và Công nghệ", "Sở KH&CN"},
			{[]string{"Sở Giao thông vận tải"}, "Sở Xây dựng", "Sở XD"},
			{[]string{"Sở Tài nguyên và Môi trường", "Sở Nông nghiệp và Phát triển nông thôn"}, "Sở Nông nghiệp và Môi trường", "Sở NN&MT"},
			{[]string{"Sở Lao động - Thương binh và Xã hội"}, "Sở Nội vụ", "Sở NV"},
		},
		Units: units(hatinh2025),
		Quota: campaign.Quota{Required: 2, Target: 3},
	}
}

func units(data []byte) []Unit {
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF"))))
	rows, err := r.ReadAll()
	if err != nil {
		panic("provmap: " + err.Error()) // embedded: a test reads it
	}
	var out []Unit
	for _, row := range rows[1:] {
		out = append(out, Unit{Code: strings.TrimSpace(row[0]), Name: vntext.Line(row[1])})
	}
	return out
}

// For is the current map of the province a campaign is issued in (its
// place, else its issuer's parent body), if cchc carries it.
func For(c campaign.Campaign) (Map, bool) {
	m := HaTinh2025()
	for _, s := range []string{c.Place, c.IssuerParent} {
		if s != "" {
			return m, strings.HasSuffix(vntext.Fold(s), vntext.Fold(m.Province))
		}
	}
	return Map{}, false
}

// Plan is what applying a map to a campaign copied from another changes.
type Plan struct {
	Change book.MapChange
	// what the campaign follows after it, by group
	Departments, Central, Communes, Districts int
	Merged                                    int // old units merged away
	Stopped                                   int // districts and their communes no longer followed
}

// Old reports whether agencies (a campaign's) are on an older map than m:
// it follows districts, or departments merged since.
func (m Map) Old(agencies []campaign.Agency) bool {
	p := m.Plan(agencies)
	return p.Merged > 0 || p.Stopped > 0
}

// Plan says what bringing agencies (the campaign copied from, as
// CampaignAgencies lists it) onto m changes, and how many of each group
// are followed after.
func (m Map) Plan(agencies []campaign.Agency) Plan {
	var p Plan
	byName := map[string]campaign.Agency{}
	for _, a := range agencies {
		if _, ok := byName[vntext.Fold(a.Name)]; !ok || a.Active {
			byName[vntext.Fold(a.Name)] = a
		}
	}
	gone := map[int64]bool{}
	for _, mg := range m.Merges {
		var olds []int64
		for _, n := range mg.Olds {
			if a, ok := byName[vntext.Fold(n)]; ok && a.Active {
				olds = append(olds, a.ID)
				gone[a.ID] = true
			}
		}
		if len(olds) == 0 {
			continue
		}
		into := campaign.Agency{Name: mg.Into, ShortName: mg.IntoShort, Group: campaign.Department}
		if a, ok := byName[vntext.Fold(mg.Into)]; ok {
			into = a
		}
		p.Change.Merges = append(p.Change.Merges, book.MapMerge{Olds: olds, Into: into})
		p.Merged += len(olds)
	}
	have, newMap := map[string]bool{}, false
	for _, a := range agencies {
		switch {
		case a.Active && (a.Group == campaign.District || a.Group == campaign.Commune && a.ParentID != 0):
			p.Change.Stop = append(p.Change.Stop, a.ID)
			gone[a.ID] = true
		case a.Group == campaign.Commune && a.ParentID == 0:
			newMap = newMap || a.Active
			have[vntext.Fold(a.Name)] = true
			if a.Code != "" {
				have[a.Code] = true
			}
		}
	}
	p.Stopped = len(p.Change.Stop)
	for _, u := range m.Units {
		// a list on the new map already (its communes and wards imported,
		// perhaps under other spellings) gets none added twice
		if have[u.Code] || have[vntext.Fold(u.Name)] || newMap {
			continue
		}
		p.Change.Add = append(p.Change.Add, campaign.Agency{Name: u.Name, Code: u.Code, Group: campaign.Commune, Active: true})
	}
	p.Change.Quotas = map[campaign.Group]campaign.Quota{campaign.Commune: m.Quota}
	// what is followed after
	count := func(g campaign.Group, n int) {
		switch g {
		case campaign.Department:
			p.Departments += n
		case campaign.Central:
			p.Central += n
		case campaign.District:
			p.Districts += n
		case campaign.Commune:
			p.Communes += n
		}
	}
	for _, a := range agencies {
		if a.Active && !gone[a.ID] {
			count(a.Group, 1)
		}
	}
	for _, mg := range p.Change.Merges {
		if mg.Into.ID == 0 || !mg.Into.Active || gone[mg.Into.ID] {
			count(campaign.Department, 1)
		}
	}
	p.Communes += len(p.Change.Add)
	return p
}

// NotCarried is the hint for a campaign of a province whose map cchc does
// not carry: its official list is imported instead.
func NotCarried(c campaign.Campaign) *lang.Error {
	where := c.Place
	if where == "" {
		where = c.IssuerParent
	}
	return lang.Errorf("cchc chỉ mang sẵn bản đồ hành chính từ 2025 của tỉnh Hà Tĩnh, không có của %s: mở đợt không kèm bản đồ, rồi nhập danh sách đơn vị hành chính chính thức của tỉnh (phím i, hoặc cchc import agencies TỆP), hợp nhất (M) và ngừng theo dõi (x) các đơn vị cũ",
		"cchc carries only Hà Tĩnh's administrative map since 2025, not that of %s: open the year without a map, then import the province's official list of administrative units (key i, or cchc import agencies FILE), and merge (M) or stop following (x) the old units",
		where)
}

// Summary says what the campaign follows after the plan: "14 sở, ban,
// ngành; 8 cơ quan Trung ương; 69 xã, phường (chỉ tiêu 02/03); không còn
// cấp huyện".
func (p Plan) Summary(l lang.Lang) string {
	q := p.Change.Quotas[campaign.Commune]
	s := l.F("%d sở, ban, ngành; %d cơ quan Trung ương; %d xã, phường (chỉ tiêu %02d/%02d)",
		"%d departments; %d central agencies; %d communes and wards (quota %02d/%02d)",
		p.Departments, p.Central, p.Communes, q.Required, q.Target)
	if p.Districts == 0 {
		s += l.T("; không còn cấp huyện", "; no districts")
	}
	return s
}
