package report

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"cchc/internal/book"
	"cchc/internal/lang"
	"cchc/internal/vndate"
)

// The status report says under its totals what they leave out that the
// list of registrations holds: the registrations of a unit no longer
// followed, as of the report's day; a field of the JSON says it too.
func TestStatusSaysWhatItsTotalsLeaveOut(t *testing.T) {
	st, c := openBook(t)
	ctx := context.Background()
	agencies, err := st.CampaignAgencies(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range agencies {
		if a.Name == "Sở Y tế" { // one registration, received 28/03/2023
			if n, err := st.FollowAgencies(ctx, c.ID, []int64{a.ID}, false); err != nil || n != 1 {
				t.Fatalf("stop Sở Y tế: %d %v", n, err)
			}
		}
	}
	status := func(day vndate.Date, l lang.Lang, format string) string {
		t.Helper()
		rep, err := Build(ctx, st, Request{Kind: KindStatus, Format: format, Year: 2023, AsOf: day, Lang: l})
		if err != nil {
			t.Fatal(err)
		}
		return string(render(t, rep, format))
	}
	for _, tc := range []struct {
		l      lang.Lang
		format string
		want   string
	}{
		{lang.VI, "text", "Số liệu tổng hợp không tính 1 mô hình của 1 đơn vị đã ngừng theo dõi (không có đơn vị kế thừa); danh sách mô hình, sáng kiến đã đăng ký vẫn liệt kê các mô hình này."},
		{lang.EN, "text", "The totals leave out 1 registration of 1 unit no longer followed (stopped, succeeded by no unit); the registrations list still includes them."},
		{lang.VI, "md", "không tính 1 mô hình của 1 đơn vị"},
		{lang.VI, "html", "không tính 1 mô hình của 1 đơn vị"},
	} {
		got := status(asOf, tc.l, tc.format)
		if !strings.Contains(strings.Join(strings.Fields(got), " "), tc.want) {
			t.Errorf("%s %s: no %q:\n%s", tc.l, tc.format, tc.want, got)
		}
	}
	var out struct {
		Uncounted *struct{ Registrations, Units int } `json:"uncounted"`
	}
	if err := json.Unmarshal([]byte(status(asOf, lang.VI, "json")), &out); err != nil {
		t.Fatal(err)
	}
	if out.Uncounted == nil || out.Uncounted.Registrations != 1 || out.Uncounted.Units != 1 {
		t.Errorf("json: uncounted %+v, want 1 registration of 1 unit", out.Uncounted)
	}
	// in a workbook, right under the totals it explains (not after every
	// agency's row, 2,428 rows down on the national book)
	f, sheet := openXLSX(t, []byte(status(asOf, lang.VI, "xlsx")))
	_, noteRow := findCell(t, f, sheet, Status{Lang: lang.VI, Uncounted: book.Uncounted{Registrations: 1, Units: 1}}.uncountedNote())
	_, totalRow := findCell(t, f, sheet, "Tổng cộng")
	if noteRow != totalRow+1 {
		t.Errorf("xlsx: the note on row %d, the totals' last row %d", noteRow, totalRow)
	}
	// before its letter came, nothing is left out
	before := vndate.Of(2023, 3, 27)
	if got := status(before, lang.VI, "text"); strings.Contains(got, "không tính") {
		t.Errorf("as of %s nothing is left out, yet:\n%s", before, got)
	}
	if got := status(before, lang.VI, "json"); strings.Contains(got, "uncounted") {
		t.Errorf("as of %s the json has uncounted:\n%s", before, got)
	}
}

// The province demo follows every unit that sent a letter: no note.
func TestDemoStatusCountsEveryRegistration(t *testing.T) {
	st := demoBook(t)
	for _, f := range []string{"text", "json"} {
		rep, err := Build(context.Background(), st, Request{Kind: KindStatus, Format: f, Year: 2026, AsOf: vndate.Of(2026, 12, 31), Lang: lang.VI})
		if err != nil {
			t.Fatal(err)
		}
		if got := string(render(t, rep, f)); strings.Contains(got, "không tính") || strings.Contains(got, "uncounted") {
			t.Errorf("%s: every registration is counted, yet:\n%s", f, got)
		}
	}
}
