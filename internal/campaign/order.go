package campaign

import (
	"slices"

	"cchc/internal/vntext"
)

// ReportKey is the sort key of report order: by group, then Vietnamese
// alphabetical order of the name.
func ReportKey(g Group, name string) []byte {
	return vntext.AppendSortKey([]byte{byte(slices.Index(Groups, g) + 1)}, name)
}

// SortAgencies puts agencies in report order (ReportKey).
func SortAgencies(list []Agency) {
	vntext.SortByKey(list, func(a Agency) []byte { return ReportKey(a.Group, a.Name) })
}
