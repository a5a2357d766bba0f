package importer

import (
	"context"
	"strings"
	"testing"

	"cchc/internal/campaign"
	"cchc/internal/lang"
	"cchc/internal/provmap"
	"cchc/internal/vndate"
)

// A reply from a department merged away before the campaign is imported
// with a word saying so, naming the campaign the merge dates from.
func TestASenderMergedAwayIsNamed(t *testing.T) {
	st, c23 := newBook(t)
	ctx := context.Background()
	list, err := st.CampaignAgencies(ctx, c23.ID)
	if err != nil {
		t.Fatal(err)
	}
	plan := provmap.HaTinh2025().Plan(list)
	if _, err := st.NewCampaignOnMap(ctx, campaign.Campaign{Year: 2026, Deadline: vndate.Of(2026, 3, 24)}, 2023, plan.Change); err != nil {
		t.Fatal(err)
	}
	if _, err := st.NewCampaign(ctx, campaign.Campaign{Year: 2027, Deadline: vndate.Of(2027, 3, 31)}, 2026); err != nil {
		t.Fatal(err)
	}
	c27, err := st.Campaign(ctx, 2027)
	if err != nil {
		t.Fatal(err)
	}
	file := writeFile(t, "sotttt.csv", "Tên cơ quan, đơn vị: Sở Thông tin và Truyền thông\nSTT,Tên mô hình,Loại,Lĩnh vực CCHC\n"+
		"1,Trợ lý ảo công chức,Mô hình,Chính phủ số\n")
	p, err := PlanRegistrations(ctx, st, c27, file, RegistrationOptions{Today: vndate.Of(2027, 1, 10), AnyYear: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range []struct {
		lang lang.Lang
		want string
	}{
		{lang.VI, "Sở TT&TT đã hợp nhất vào Sở KH&CN từ đợt 2026"},
		{lang.EN, "Sở TT&TT was merged into Sở KH&CN from the 2026 campaign"},
	} {
		if got := problemsIn(p.Problems, l.lang); !strings.Contains(got, l.want) {
			t.Errorf("no word of the merge in %s:\n%s", l.lang, got)
		}
	}
	if len(p.Rows) != 1 || p.Rows[0].Agency.Name != "Sở Khoa học và Công nghệ" || len(p.letters) != 1 || p.letters[0].AgencyID != p.Rows[0].Agency.ID {
		t.Fatalf("the letter goes to %+v", p.Rows)
	}
	// in 2026, which still lists it (not followed), it is named too
	c26, err := st.Campaign(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	p, err = PlanRegistrations(ctx, st, c26, file, RegistrationOptions{Today: vndate.Of(2026, 3, 1), AnyYear: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := problemsIn(p.Problems, lang.VI); !strings.Contains(got, "Sở TT&TT đã hợp nhất vào Sở KH&CN từ đợt 2026") {
		t.Errorf("2026: no word of the merge:\n%s", got)
	}
	// a sender still followed: no such word
	p, err = PlanRegistrations(ctx, st, c27, writeFile(t, "syt.csv", "Tên cơ quan, đơn vị: Sở Y tế\nSTT,Tên mô hình,Loại,Lĩnh vực CCHC\n"+
		"1,Khám bệnh không giấy tờ,Mô hình,Thủ tục hành chính\n"), RegistrationOptions{Today: vndate.Of(2027, 1, 10), AnyYear: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := problemsIn(p.Problems, lang.VI); strings.Contains(got, "hợp nhất") {
		t.Errorf("a merge named for Sở Y tế:\n%s", got)
	}
}

func problemsIn(ps []Problem, l lang.Lang) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(lang.Message(p.Msg, l) + "\n")
	}
	return b.String()
}
