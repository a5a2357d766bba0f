package importer

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"cchc/internal/vndate"
	"cchc/internal/vntext"
)

// Excel serial numbers of the first and last days vndate accepts.
var (
	excelEpoch     = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	minSerial      = serialOf(vndate.MinYear, 1, 1)
	maxSerial      = serialOf(vndate.MaxYear, 12, 31)
	vietnameseDate = regexp.MustCompile(`ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})`)
)

func serialOf(y int, m time.Month, d int) int {
	return int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Sub(excelEpoch).Hours() / 24)
}

// ParseDate reads a date as agencies write it: dd/mm/yyyy, d/m/yyyy,
// yyyy-mm-dd, an Excel serial number (a date cell read raw), or the
// letter form "Đức Thọ, ngày 20 tháng 3 năm 2023". A time of day after the
// date is ignored. "" gives the zero Date. Errors are vndate's.
func ParseDate(s string) (vndate.Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return vndate.Date{}, nil
	}
	if d, ok, err := parseSerial(s); ok {
		return d, err
	}
	if m := vietnameseDate.FindStringSubmatch(vntext.Fold(s)); m != nil {
		return vndate.Parse(m[1] + "/" + m[2] + "/" + m[3])
	}
	if day, clock, ok := strings.Cut(s, " "); ok && strings.Contains(clock, ":") {
		s = day
	}
	if day, _, ok := strings.Cut(s, "T"); ok && len(day) == 10 { // 2023-03-20T00:00:00
		s = day
	}
	return vndate.Parse(s)
}

// parseSerial reads an Excel serial number ("44995" or "44995.5"); ok is
// false when s is not a number at all.
func parseSerial(s string) (d vndate.Date, ok bool, err error) {
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" || len(whole) > 9 || !digits(whole) || !digits(frac) {
		return d, false, nil
	}
	n, _ := strconv.Atoi(whole)
	if n < minSerial || n > maxSerial {
		return d, true, vndate.ErrYear
	}
	return vndate.FromTime(excelEpoch.AddDate(0, 0, n)), true, nil
}

func digits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// serialText turns a cell that is an Excel date serial into dd/mm/yyyy and
// leaves any other text as it is (for free-text columns such as the
// timeline, where a typed date came back as a number).
func serialText(s string) string {
	if d, ok, err := parseSerial(strings.TrimSpace(s)); ok && err == nil {
		return d.String()
	}
	return s
}
