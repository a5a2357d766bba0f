// Package vndate handles calendar dates as the clerk sees them: typed and
// shown as dd/mm/yyyy, stored as ISO yyyy-mm-dd, compared by whole days.
package vndate

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"cchc/internal/lang"
)

// Date is a calendar day with no time of day or time zone.
type Date struct{ t time.Time } // always UTC midnight; the zero Date is "no date"

// Of returns the day y-m-d; it panics on no such day, so use it for constants.
func Of(y int, m time.Month, d int) Date {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || t.Month() != m {
		panic(fmt.Sprintf("vndate: no such day %d-%d-%d", y, m, d))
	}
	return Date{t}
}

// Today is the current day on this machine's local clock.
func Today() Date { return FromTime(time.Now()) }

// FromTime takes the calendar day of t in t's own location.
func FromTime(t time.Time) Date {
	y, m, d := t.Date()
	return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

func (d Date) IsZero() bool         { return d.t.IsZero() }
func (d Date) Year() int            { return d.t.Year() }
func (d Date) Month() time.Month    { return d.t.Month() }
func (d Date) Day() int             { return d.t.Day() }
func (d Date) Before(o Date) bool   { return d.t.Before(o.t) }
func (d Date) After(o Date) bool    { return d.t.After(o.t) }
func (d Date) Equal(o Date) bool    { return d.t.Equal(o.t) }
func (d Date) AddDays(n int) Date   { return Date{d.t.AddDate(0, 0, n)} }
func (d Date) Time() time.Time      { return d.t }
func (d Date) DaysUntil(o Date) int { return int(o.t.Sub(d.t).Hours() / 24) }

// String is dd/mm/yyyy, the way the clerk reads dates; "" for no date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format("02/01/2006")
}

// Short is dd/mm, for narrow columns.
func (d Date) Short() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format("02/01")
}

// ISO is yyyy-mm-dd, the way dates are stored and exchanged; "" for no date.
func (d Date) ISO() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format("2006-01-02")
}

// Sensible years for a registration book; anything else is a typing error.
const (
	MinYear = 1990
	MaxYear = 2100
)

// Errors from Parse; callers turn them into messages in the clerk's language.
var (
	ErrFormat = errors.New("date not in dd/mm/yyyy form")
	ErrNoDay  = errors.New("no such day")
	ErrYear   = errors.New("year out of range")
)

// Parse reads dd/mm/yyyy, also accepting d/m/yyyy, '-' or '.' as separators
// and ISO yyyy-mm-dd. The empty string gives the zero Date and no error.
func Parse(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '-' || r == '.' })
	if len(parts) != 3 {
		return Date{}, ErrFormat
	}
	nums := make([]int, 3)
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			return Date{}, ErrFormat
		}
		nums[i] = n
	}
	day, month, year := nums[0], nums[1], nums[2]
	if len(parts[0]) == 4 { // ISO order
		year, month, day = nums[0], nums[1], nums[2]
	} else if len(parts[2]) != 4 {
		return Date{}, ErrFormat
	}
	if year < MinYear || year > MaxYear {
		return Date{}, ErrYear
	}
	if month < 1 || month > 12 || day < 1 {
		return Date{}, ErrNoDay
	}
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day {
		return Date{}, ErrNoDay
	}
	return Date{t}, nil
}

// ParseTyped is Parse for a date a clerk types, which also reads d/m/yy
// as 20yy ("1/12/26" is 1/12/2026) for yy below 90: of the years cchc
// keeps (1990–2100) only 1990–1999 share two digits with others, so
// "1/1/95" is refused. Only with '/': "26-12-01" may be ISO's order
// shortened. Files keep to Parse: a year cut short there is refused.
func ParseTyped(s string) (Date, error) {
	parts := strings.Split(strings.TrimSpace(s), "/")
	if len(parts) == 3 && len(parts[2]) == 2 && parts[2] < "90" && parts[2] >= "00" {
		return Parse(parts[0] + "/" + parts[1] + "/20" + parts[2])
	}
	return Parse(s)
}

// ParseISO reads a stored yyyy-mm-dd date; "" gives the zero Date.
func ParseISO(s string) (Date, error) {
	if s == "" {
		return Date{}, nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return Date{}, ErrFormat
	}
	return Date{t}, nil
}

// Problem says in the clerk's language what is wrong with a date Parse
// refused: "không phải ngày có thật (dd/mm/yyyy)".
func Problem(err error, l lang.Lang) string {
	switch {
	case errors.Is(err, ErrNoDay):
		return l.T("không phải ngày có thật (dd/mm/yyyy)", "no such day (dd/mm/yyyy)")
	case errors.Is(err, ErrYear):
		return l.F("năm phải từ %d đến %d", "the year must be between %d and %d", MinYear, MaxYear)
	}
	return l.T("cần ngày dạng dd/mm/yyyy", "expected a date as dd/mm/yyyy")
}
