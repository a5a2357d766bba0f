package campaign

import (
	"strings"

	"cchc/internal/lang"
	"cchc/internal/vntext"
)

// A commune-level unit is a xã, a phường (ward) or, before 2025, a thị
// trấn (township); the group names them all "cấp xã", which a ward is
// not called. Its own kind comes from its name ("Phường Thành Sen").

// ward and township tell a commune-level unit's kind from its name.
func ward(a Agency) bool {
	return a.Group == Commune && strings.HasPrefix(vntext.Fold(a.Name), "phuong ")
}

func township(a Agency) bool {
	return a.Group == Commune && strings.HasPrefix(vntext.Fold(a.Name), "thi tran ")
}

// UnitShort is Group.Short for one unit: "Phường" for a ward, "Thị trấn"
// for a township.
func UnitShort(a Agency, l lang.Lang) string {
	switch {
	case ward(a):
		return l.T("Phường", "Ward")
	case township(a):
		return l.T("Thị trấn", "Township")
	}
	return a.Group.Short(l)
}

// UnitWord is Group.Word for one unit, in at most 7 cells: "Phường" for a
// ward, "TT" for a township.
func UnitWord(a Agency, l lang.Lang) string {
	switch {
	case ward(a):
		return l.T("Phường", "Ward")
	case township(a):
		return l.T("TT", "Town")
	}
	return a.Group.Word(l)
}
