// Package campaign is the domain of the registration book: the year's call
// (campaign) with its quotas, the agencies it expects, the letters they send
// (submissions) and the models, initiatives and practices in them
// (registrations). Pure Go, no I/O.
package campaign

import (
	"slices"

	"cchc/internal/lang"
	"cchc/internal/vntext"
)

// Group is an agency group; its id is stable and used in every output.
type Group string

const (
	Department Group = "department" // Sở, ban, ngành cấp tỉnh
	Central    Group = "central"    // Cơ quan Trung ương trên địa bàn tỉnh
	District   Group = "district"   // UBND cấp huyện
	Commune    Group = "commune"    // UBND cấp xã
)

// Groups lists the groups in the order of every report.
var Groups = []Group{Department, Central, District, Commune}

// QuotaGroups lists, in report order, the groups a campaign sets a quota
// for: every group, but districts only while it follows one. From July
// 2025 there are no districts (communes stand under the province): a 2026
// campaign offers no district quota. Communes stay, even before any is
// followed, so a quota can be set before the new communes are imported.
func QuotaGroups(followsDistrict bool) []Group {
	if followsDistrict {
		return Groups
	}
	return []Group{Department, Central, Commune}
}

// Valid reports whether g is one of Groups.
func (g Group) Valid() bool {
	for _, x := range Groups {
		if x == g {
			return true
		}
	}
	return false
}

// Label is the group's full name.
func (g Group) Label(l lang.Lang) string {
	switch g {
	case Department:
		return l.T("Sở, ban, ngành cấp tỉnh", "Provincial departments")
	case Central:
		return l.T("Cơ quan Trung ương trên địa bàn tỉnh", "Central agencies")
	case District:
		return l.T("UBND cấp huyện", "Districts")
	case Commune:
		return l.T("UBND cấp xã", "Communes")
	}
	return string(g)
}

// Heading is the name of a judged group over its part of a report or a
// letter: the units that exist. Communes and wards are judged directly
// since 1 July 2025 ("UBND các xã, phường"); the others keep their label.
// Campaign.GroupHeading is the name of any group of a campaign.
func (g Group) Heading(l lang.Lang) string {
	if g == Commune {
		return l.T("UBND các xã, phường", "Communes and wards")
	}
	return g.Label(l)
}

// Short is the group's name for narrow columns.
func (g Group) Short(l lang.Lang) string {
	switch g {
	case Department:
		return l.T("Sở, ngành", "Department")
	case Central:
		return l.T("CQ Trung ương", "Central")
	case District:
		return l.T("Cấp huyện", "District")
	case Commune:
		return l.T("Cấp xã", "Commune")
	}
	return string(g)
}

// Word names the group in one word, for a narrow screen.
func (g Group) Word(l lang.Lang) string {
	switch g {
	case Department:
		return l.T("Sở", "Dept.")
	case Central:
		return l.T("TW", "Central")
	case District:
		return l.T("Huyện", "District")
	case Commune:
		return l.T("Xã", "Commune")
	}
	return string(g)
}

// ParseGroup accepts the stable id or the group's name in either language.
func ParseGroup(s string) (Group, bool) {
	return parseVocab(s, Groups, func(g Group) []string {
		return []string{string(g), g.Label(lang.VI), g.Label(lang.EN), g.Short(lang.VI), g.Short(lang.EN)}
	})
}

// Kind is what a registration is: a model, an initiative, a solution or a good practice.
type Kind string

const (
	Model        Kind = "model"
	Initiative   Kind = "initiative"
	Solution     Kind = "solution"
	GoodPractice Kind = "good_practice"
)

var Kinds = []Kind{Model, Initiative, Solution, GoodPractice}

func (k Kind) Label(l lang.Lang) string {
	switch k {
	case Model:
		return l.T("Mô hình", "Model")
	case Initiative:
		return l.T("Sáng kiến", "Initiative")
	case Solution:
		return l.T("Giải pháp", "Solution")
	case GoodPractice:
		return l.T("Cách làm hay", "Good practice")
	}
	return string(k)
}

// Word is the kind as the clerks abbreviate it (MH, SK…), for a narrow screen.
func (k Kind) Word(l lang.Lang) string {
	switch k {
	case Model:
		return l.T("MH", "Model")
	case Initiative:
		return l.T("SK", "Init.")
	case Solution:
		return l.T("GP", "Sol.")
	case GoodPractice:
		return l.T("CLH", "Pract.")
	}
	return k.Label(l)
}

func (k Kind) Valid() bool {
	if slices.Contains(Kinds, k) { // the stable id: the common case, checked without folding
		return true
	}
	_, ok := ParseKind(string(k))
	return ok && k != ""
}

func ParseKind(s string) (Kind, bool) {
	return parseVocab(s, Kinds, func(k Kind) []string {
		return []string{string(k), k.Label(lang.VI), k.Label(lang.EN)}
	})
}

// Area is the field of administrative reform (the six of Nghị quyết 76/NQ-CP, plus other).
type Area string

const (
	Institutions  Area = "institutions"
	Procedures    Area = "procedures"
	Apparatus     Area = "apparatus"
	CivilService  Area = "civil_service"
	PublicFinance Area = "public_finance"
	DigitalGovt   Area = "digital_government"
	OtherArea     Area = "other"
)

var Areas = []Area{Institutions, Procedures, Apparatus, CivilService, PublicFinance, DigitalGovt, OtherArea}

func (a Area) Label(l lang.Lang) string {
	switch a {
	case Institutions:
		return l.T("Cải cách thể chế", "Institutional reform")
	case Procedures:
		return l.T("Cải cách thủ tục hành chính", "Administrative procedure reform")
	case Apparatus:
		return l.T("Cải cách tổ chức bộ máy hành chính nhà nước", "Reform of the state administrative apparatus")
	case CivilService:
		return l.T("Cải cách chế độ công vụ", "Civil service reform")
	case PublicFinance:
		return l.T("Cải cách tài chính công", "Public finance reform")
	case DigitalGovt:
		return l.T("Xây dựng và phát triển Chính phủ điện tử, Chính phủ số", "E-government and digital government")
	case OtherArea:
		return l.T("Khác", "Other")
	}
	return string(a)
}

// Short is the area's name for charts and narrow columns.
func (a Area) Short(l lang.Lang) string {
	switch a {
	case Institutions:
		return l.T("Thể chế", "Institutions")
	case Procedures:
		return l.T("Thủ tục hành chính", "Procedures")
	case Apparatus:
		return l.T("Bộ máy", "Apparatus")
	case CivilService:
		return l.T("Công vụ", "Civil service")
	case PublicFinance:
		return l.T("Tài chính công", "Public finance")
	case DigitalGovt:
		return l.T("Chính phủ số", "Digital government")
	case OtherArea:
		return l.T("Khác", "Other")
	}
	return string(a)
}

func (a Area) Valid() bool {
	if slices.Contains(Areas, a) { // the stable id: the common case, checked without folding
		return true
	}
	_, ok := ParseArea(string(a))
	return ok && a != ""
}

func ParseArea(s string) (Area, bool) {
	return parseVocab(s, Areas, func(a Area) []string {
		return []string{string(a), a.Label(lang.VI), a.Label(lang.EN), a.Short(lang.VI), a.Short(lang.EN)}
	})
}

// parseVocab finds the item one of whose names folds to the same key as s.
func parseVocab[T any](s string, items []T, names func(T) []string) (T, bool) {
	key := vntext.Fold(s)
	for _, it := range items {
		for _, n := range names(it) {
			if vntext.Fold(n) == key {
				return it, true
			}
		}
	}
	var zero T
	return zero, false
}
