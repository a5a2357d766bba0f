package compliance

import (
	"cchc/internal/lang"
)

// Label is the status in words.
func (s Status) Label(l lang.Lang) string {
	switch s {
	case Missing:
		return l.T("Chưa đăng ký", "Missing")
	case Short:
		return l.T("Chưa đủ", "Short")
	case Met:
		return l.T("Đạt", "Met")
	}
	return string(s)
}

// Urgency orders statuses for a list to chase from: missing 0, short 1,
// met 2.
func (s Status) Urgency() int {
	switch s {
	case Missing:
		return 0
	case Short:
		return 1
	}
	return 2
}

// Marker is the status as a symbol, so that it is never told by colour
// alone; ascii gives the fallback for terminals without those glyphs.
func (s Status) Marker(ascii bool) string {
	switch s {
	case Missing:
		if ascii {
			return "[ ]"
		}
		return "✗"
	case Short:
		if ascii {
			return "[~]"
		}
		return "◐"
	case Met:
		if ascii {
			return "[x]"
		}
		return "✓"
	}
	return "?"
}

// LateMarker marks a late submission.
func LateMarker(ascii bool) string {
	if ascii {
		return "!"
	}
	return "⏰"
}

// ParseStatusFilter reads a status filter: "missing", "short", "met",
// "unmet" (missing or short) or "" for all.
func ParseStatusFilter(s string) (string, bool) {
	switch s {
	case "", "missing", "short", "met", "unmet":
		return s, true
	}
	return "", false
}

// DaysText says how the deadline stands: "còn 3 ngày", "hôm nay là hạn
// cuối", "quá hạn 12 ngày".
func DaysText(daysLeft int, l lang.Lang) string {
	switch {
	case daysLeft > 0:
		return l.F("còn %s ngày", "%s days left", l.Num(daysLeft))
	case daysLeft == 0:
		return l.T("hôm nay là hạn cuối", "due today")
	default:
		return l.F("quá hạn %s ngày", "%s days overdue", l.Num(-daysLeft))
	}
}

// DaysTextOn is DaysText for a line that names its day ("Tính đến ngày
// 24/03/2023: …"), as printed reports do: a paper read on another day
// must not say "today" of the day it names.
func DaysTextOn(daysLeft int, l lang.Lang) string {
	if daysLeft == 0 {
		return AsOfDaysText(0, l)
	}
	return DaysText(daysLeft, l)
}

// AsOfDaysText says where a day other than today stands to the deadline
// ("trước hạn 4 ngày"): DaysText speaks of today, which that day is not.
func AsOfDaysText(daysLeft int, l lang.Lang) string {
	switch {
	case daysLeft > 0:
		return l.F("trước hạn %s ngày", "%s days before the deadline", l.Num(daysLeft))
	case daysLeft == 0:
		return l.T("đúng ngày hạn cuối", "the deadline day")
	default:
		return l.F("sau hạn %s ngày", "%s days past the deadline", l.Num(-daysLeft))
	}
}
