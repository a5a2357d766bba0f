package campaign

import (
	"strings"

	"cchc/internal/lang"
)

// Units change between and within campaigns: departments merged in March
// 2025, communes merged and put directly under the province in July 2025.
// A merge stops following the old units in one campaign and follows the
// new one, which succeeds them.

// CheckMerge checks a merge of olds into into (both as found in the
// campaign; into.ID is 0 for a unit still to be created).
func CheckMerge(olds []Agency, into Agency) *lang.Error {
	if len(olds) == 0 {
		return lang.Errorf("Hợp nhất: cần ít nhất một đơn vị cũ", "Merge: name at least one old unit")
	}
	seen := map[int64]bool{}
	for _, o := range olds {
		if seen[o.ID] {
			return lang.Errorf("%s được nêu hai lần", "%s is named twice", o.Name)
		}
		seen[o.ID] = true
		if into.ID != 0 && o.ID == into.ID {
			return lang.Errorf("Không hợp nhất %s vào chính nó", "Cannot merge %s into itself", o.Name)
		}
	}
	return nil
}

// WithPredecessors names a unit with those it succeeds, where that helps
// the reader: "Sở Nông nghiệp và Môi trường (hợp nhất Sở TN&MT, Sở NN&PTNT)".
func WithPredecessors(name string, predecessors []string, l lang.Lang) string {
	if len(predecessors) == 0 {
		return name
	}
	return name + l.F(" (hợp nhất %s)", " (merged from %s)", strings.Join(predecessors, ", "))
}

// MergedParent is where a unit made of olds stands: under the district
// they all share when the campaign still follows it, else directly under
// the province (0), as communes have since 1 July 2025.
func MergedParent(olds []Agency, followed func(id int64) bool) int64 {
	if len(olds) == 0 || olds[0].ParentID == 0 {
		return 0
	}
	for _, o := range olds[1:] {
		if o.ParentID != olds[0].ParentID {
			return 0
		}
	}
	if !followed(olds[0].ParentID) {
		return 0
	}
	return olds[0].ParentID
}
