package ui

import (
	"context"
	"strings"
	"testing"

	"cchc/internal/lang"
	"cchc/internal/vndate"
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

// With the letter's number and date set, the overview's letter line
// keeps the deadline and how far it is, at 72 and 80 columns.
func TestTheOverviewKeepsTheDeadline(t *testing.T) {
	st := seeded(t)
	c, err := st.Campaign(context.Background(), 0)
	if err != nil {
		t.Fatal(err)
	}
	c.LetterNumber, c.LetterDate = "1234/SNV-CCHCVTLT", vndate.Of(2023, 2, 15)
	if err := st.UpdateCampaign(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	for _, l := range []lang.Lang{lang.VI, lang.EN} {
		for _, sz := range []struct{ w, h int }{{72, 20}, {80, 24}, {140, 40}} {
			v := newHarness(t, st, l, sz.w, sz.h).view()
			body := strings.SplitN(v, "\n", 4)[3] // under the header, which tells the deadline too
			if !strings.Contains(body, c.LetterRef(l)) || !strings.Contains(body, l.T("quá hạn 3 ngày", "3 days overdue")) {
				t.Errorf("%s %dx%d: the deadline is left out:\n%s", l, sz.w, sz.h, v)
			}
		}
	}
}
