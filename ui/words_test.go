package ui

import (
	"strings"
	"testing"

	"cchc/internal/lang"
)

// At 80 columns the compliance list keeps ⏰ in the row of a unit that
// sent late, not only in the line under the list.
func TestAt80ColumnsTheLateMarkIsInTheRow(t *testing.T) {
	st := seeded(t)
	for _, l := range []lang.Lang{lang.VI, lang.EN} {
		h := newHarness(t, st, l, 80, 24)
		h.keys("5", "G") // the met ones last: Sở TT&TT, received 25/03 for 24/03
		row := ""
		for _, line := range strings.Split(h.view(), "\n") {
			if strings.Contains(line, "Sở Thông tin") && strings.Contains(line, "✓") {
				row = line
			}
		}
		if !strings.Contains(row, "⏰") {
			t.Fatalf("%s: row %q\n%s", l, row, h.view())
		}
	}
}
