package campaign

import (
	"strings"
	"testing"

	"cchc/internal/lang"
	"cchc/internal/vndate"
)

// A letter's days must fit the campaign: not in the future, not before
// the campaign could have been announced (a slip in the year), the letter
// not dated after it arrived.
func TestSubmissionDates(t *testing.T) {
	t.Parallel()
	c := Campaign{Year: 2023}
	today := vndate.Of(2023, 3, 28)
	if got := c.Earliest(); !got.Equal(vndate.Of(2022, 7, 1)) {
		t.Fatalf("earliest = %s", got)
	}
	for _, tc := range []struct {
		name             string
		letter, received vndate.Date
		want             string // a part of the Vietnamese message, "" for none
	}{
		{"in the campaign", vndate.Of(2023, 3, 1), vndate.Of(2023, 3, 2), ""},
		{"received on the earliest day", vndate.Date{}, vndate.Of(2022, 7, 1), ""},
		{"received a slip in the year before", vndate.Date{}, vndate.Of(2003, 1, 2), "Ngày nhận: 02/01/2003 quá sớm cho đợt đăng ký này (không trước 01/07/2022)"},
		{"received the day before the earliest", vndate.Date{}, vndate.Of(2022, 6, 30), "Ngày nhận: 30/06/2022 quá sớm"},
		{"letter dated decades ago", vndate.Of(1990, 1, 1), vndate.Of(2023, 3, 2), "Ngày văn bản: 01/01/1990 quá sớm"},
		{"received in the future", vndate.Date{}, vndate.Of(2023, 3, 29), "Ngày nhận: 29/03/2023 là ngày trong tương lai"},
		{"letter after it arrived", vndate.Of(2023, 3, 5), vndate.Of(2023, 3, 2), "Ngày văn bản: 05/03/2023 sau ngày nhận 02/03/2023"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sub := Submission{AgencyID: 1, LetterDate: tc.letter, Received: tc.received}
			err := sub.Validate(today, c.Earliest()).Err()
			switch {
			case tc.want == "" && err != nil:
				t.Fatalf("refused: %s", lang.Message(err, lang.VI))
			case tc.want != "" && (err == nil || !strings.Contains(lang.Message(err, lang.VI), tc.want)):
				t.Fatalf("got %v, want a message with %q", err, tc.want)
			}
		})
	}
	// no bound given: any past day
	if err := (Submission{AgencyID: 1, Received: vndate.Of(1990, 1, 2)}).Validate(today, vndate.Date{}).Err(); err != nil {
		t.Fatalf("without a bound: %s", lang.Message(err, lang.VI))
	}
}

// The campaign settings screen and the store refuse a deadline outside the
// campaign's year as the command line does.
func TestCampaignDeadlineInItsYear(t *testing.T) {
	t.Parallel()
	c := Campaign{Year: 2024, Title: "Đợt 2024", Issuer: "Sở Nội vụ", Deadline: vndate.Of(2030, 3, 29)}
	ps := c.Validate()
	if len(ps) != 1 || ps[0].Field != FieldDeadline || !strings.Contains(ps[0].Msg.VI, "không thuộc năm 2024") {
		t.Fatalf("deadline 2030 for 2024: %+v", ps)
	}
	c.Deadline = vndate.Of(2024, 12, 31)
	if ps := c.Validate(); len(ps) != 0 {
		t.Fatalf("deadline 31/12/2024 for 2024: %+v", ps)
	}
}
