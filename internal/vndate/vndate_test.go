package vndate

import (
	"errors"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	t.Parallel()
	ok := map[string]Date{
		"24/03/2023":   Of(2023, 3, 24),
		"24/3/2023":    Of(2023, 3, 24),
		"1-4-2023":     Of(2023, 4, 1),
		"05.04.2023":   Of(2023, 4, 5),
		"2023-03-24":   Of(2023, 3, 24),
		" 29/02/2024 ": Of(2024, 2, 29),
	}
	for in, want := range ok {
		got, err := Parse(in)
		if err != nil || !got.Equal(want) {
			t.Errorf("Parse(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	bad := map[string]error{
		"31/02/2023": ErrNoDay,
		"29/02/2023": ErrNoDay,
		"00/01/2023": ErrNoDay,
		"12/13/2023": ErrNoDay,
		"24/03/23":   ErrFormat,
		"hôm qua":    ErrFormat,
		"24/03":      ErrFormat,
		"01/01/1800": ErrYear,
		"01/01/9999": ErrYear,
	}
	for in, want := range bad {
		if _, err := Parse(in); !errors.Is(err, want) {
			t.Errorf("Parse(%q) error = %v, want %v", in, err, want)
		}
	}
	if d, err := Parse(""); err != nil || !d.IsZero() {
		t.Errorf("Parse(\"\") = %v, %v", d, err)
	}
}

// A clerk may type a year in two digits; 9x is refused (1995 or 2095?).
func TestParseTyped(t *testing.T) {
	for in, want := range map[string]Date{"1/12/26": Of(2026, 12, 1), " 24/03/23 ": Of(2023, 3, 24), "24/03/2023": Of(2023, 3, 24), "2023-03-24": Of(2023, 3, 24)} {
		if got, err := ParseTyped(in); err != nil || !got.Equal(want) {
			t.Errorf("ParseTyped(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for in, want := range map[string]error{"01/01/95": ErrFormat, "24-03-23": ErrFormat, "29/02/23": ErrNoDay, "1/12/2a": ErrFormat, "24/03/023": ErrFormat} {
		if _, err := ParseTyped(in); !errors.Is(err, want) {
			t.Errorf("ParseTyped(%q) error = %v, want %v", in, err, want)
		}
	}
}

func TestFormatAndDays(t *testing.T) {
	t.Parallel()
	d := Of(2023, 3, 4)
	if d.String() != "04/03/2023" || d.ISO() != "2023-03-04" || d.Short() != "04/03" {
		t.Fatalf("formats: %s %s %s", d, d.ISO(), d.Short())
	}
	if n := Of(2023, 3, 24).DaysUntil(Of(2023, 4, 5)); n != 12 {
		t.Fatalf("DaysUntil = %d", n)
	}
	loc := time.FixedZone("ICT", 7*3600)
	late := time.Date(2023, 3, 24, 23, 30, 0, 0, loc)
	if got := FromTime(late); !got.Equal(Of(2023, 3, 24)) {
		t.Fatalf("FromTime keeps the local day: %v", got)
	}
	if (Date{}).String() != "" {
		t.Fatal("zero date prints empty")
	}
}
