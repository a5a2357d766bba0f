package report

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"cchc/internal/demo"
	"cchc/internal/demo/demobook"
	"cchc/internal/lang"
	"cchc/internal/store"
	"cchc/internal/vndate"
)

// resultsJSON is what the results report's json says, in part; its
// counts are progressCounts, whose tags are the json's.
type resultsJSON struct {
	Groups []struct {
		Group    string
		Agencies int
		progressCounts
	}
	Total    progressCounts
	Agencies []struct {
		ID    int64
		Name  string
		Group string
		progressCounts
	}
	Models []struct {
		ID    int64
		Stage string
		On    *string
	}
}

func decodeResults(t *testing.T, raw []byte) resultsJSON {
	t.Helper()
	var out resultsJSON
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// The results as of a day count only the progress steps dated on or
// before it (issue 25): on the demo book, each model's stage, the counts
// and the completions agree with a count made straight from the progress
// table, at the deadline, mid-year and at the year's end.
func TestResultsAsOfADay(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "demo.db")
	if _, err := demobook.Create(ctx, path, demo.Province, 1); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(path, store.Options{AllowReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })

	for _, day := range []vndate.Date{vndate.Of(2023, 3, 24), vndate.Of(2023, 6, 30), vndate.Of(2023, 12, 31)} {
		t.Run(day.ISO(), func(t *testing.T) {
			// the independent count: each registration received by then,
			// its last step by then, and its completion by then
			rows, err := db.QueryContext(ctx, `SELECT r.id,
				COALESCE((SELECT p.stage FROM progress p WHERE p.registration_id = r.id AND p.on_date <= ?1
					ORDER BY p.on_date DESC, p.id DESC LIMIT 1), 'registered'),
				COALESCE((SELECT max(p.on_date) FROM progress p WHERE p.registration_id = r.id AND p.on_date <= ?1), '')
				FROM registration r JOIN submission s ON s.id = r.submission_id JOIN campaign c ON c.id = s.campaign_id
				WHERE c.year = 2023 AND s.received_on <= ?1`, day.ISO())
			if err != nil {
				t.Fatal(err)
			}
			stage, on := map[int64]string{}, map[int64]string{}
			var want progressCounts
			for rows.Next() {
				var id int64
				var s, d string
				if err := rows.Scan(&id, &s, &d); err != nil {
					t.Fatal(err)
				}
				stage[id], on[id] = s, d
				want.Registered++
				switch s {
				case "registered":
					want.NoProgress++
				case "in_progress":
					want.UnderWay++
				case "stopped":
					want.Stopped++
				case "proposed":
					want.Proposed++
				case "recognised":
					want.Recognised++
				}
				if s == "completed" || s == "proposed" || s == "recognised" {
					want.Completed++
				}
			}
			if err := rows.Err(); err != nil {
				t.Fatal(err)
			}
			rows.Close()
			if want.Registered == 0 {
				t.Fatal("the demo has no registrations by then")
			}

			rep, err := Build(ctx, st, Request{Kind: KindResults, Format: "json", Year: 2023, AsOf: day, Lang: lang.VI})
			if err != nil {
				t.Fatal(err)
			}
			got := decodeResults(t, render(t, rep, "json"))
			if got.Total != want {
				t.Errorf("total %+v, counted from the steps %+v", got.Total, want)
			}
			var sum progressCounts
			for _, a := range got.Agencies {
				sum.addCounts(a.progressCounts)
				// the columns after Registered make it up: no model unaccounted for
				if c := a.progressCounts; c.NoProgress+c.UnderWay+c.Stopped+c.Completed != c.Registered {
					t.Errorf("%s: %+v do not add up to those registered", a.Name, c)
				}
			}
			if sum != want {
				t.Errorf("the agencies add up to %+v, counted from the steps %+v", sum, want)
			}
			if len(got.Models) != len(stage) {
				t.Errorf("%d models, %d registered by then", len(got.Models), len(stage))
			}
			for _, m := range got.Models {
				day := ""
				if m.On != nil {
					day = *m.On
				}
				if m.Stage != stage[m.ID] || day != on[m.ID] {
					t.Errorf("model %d: %s on %q, the steps say %s on %q", m.ID, m.Stage, day, stage[m.ID], on[m.ID])
				}
			}

			// on paper: the same counts, and no completion after the day
			text := string(render(t, rep, "text"))
			line := fmt.Sprintf("Tính đến ngày %s: %d mô hình, sáng kiến đã đăng ký, trong đó %d chưa báo cáo tiến độ; %d đang triển khai; %d dừng thực hiện; %d đã hoàn thành (trong đó %d đề xuất nhân rộng, %d được công nhận)",
				day, want.Registered, want.NoProgress, want.UnderWay, want.Stopped, want.Completed, want.Proposed, want.Recognised)
			if !strings.Contains(text, line) {
				t.Errorf("text does not say %q:\n%.600s", line, text)
			}
			_, completed, _ := strings.Cut(text, "CÁC MÔ HÌNH, SÁNG KIẾN ĐÃ HOÀN THÀNH")
			listed := 0
			for _, f := range strings.Fields(completed) {
				d, err := vndate.Parse(f)
				if err != nil || d.IsZero() || !strings.Contains(f, "/2023") {
					continue
				}
				listed++
				if d.After(day) {
					t.Errorf("a completion dated %s is listed as of %s", d, day)
				}
			}
			if listed != want.Completed {
				t.Errorf("%d completions listed, %d counted from the steps", listed, want.Completed)
			}
		})
	}
}

// The results list every agency judged in json as on paper, with a
// subtotal per group and a grand total; and, signed as a year-end report,
// the place and date and the campaign's signer (issue 25).
func TestResultsCompleteAndSigned(t *testing.T) {
	st, c := openBook(t)
	got := decodeResults(t, render(t, build(t, st, KindResults, lang.VI), "json"))
	agencies, err := st.CampaignAgencies(context.Background(), c.ID)
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, a := range got.Agencies {
		listed[a.Name] = true
	}
	for _, a := range agencies { // a commune's models count under its district, as on paper
		if a.Active && a.ParentID == 0 && !listed[a.Name] {
			t.Errorf("json leaves out %s", a.Name)
		}
	}
	if len(got.Agencies) != 19+8+13 {
		t.Errorf("json lists %d agencies, paper 40", len(got.Agencies))
	}
	byGroup := map[string]progressCounts{}
	count := map[string]int{}
	var nothing bool
	for _, a := range got.Agencies {
		s := byGroup[a.Group]
		s.addCounts(a.progressCounts)
		byGroup[a.Group] = s
		count[a.Group]++
		nothing = nothing || a.Name == "Sở Ngoại vụ" && a.Registered == 0
	}
	if !nothing {
		t.Error("json leaves out Sở Ngoại vụ, which registered nothing")
	}
	if len(got.Groups) != 3 {
		t.Fatalf("json groups: %+v", got.Groups)
	}
	var all progressCounts
	for _, g := range got.Groups {
		if g.progressCounts != byGroup[g.Group] || g.Agencies != count[g.Group] {
			t.Errorf("group %s: %+v of %d agencies, its agencies add up to %+v of %d", g.Group, g.progressCounts, g.Agencies, byGroup[g.Group], count[g.Group])
		}
		all.addCounts(g.progressCounts)
	}
	if all != got.Total || all.Registered != 7 {
		t.Errorf("total %+v, the groups add up to %+v", got.Total, all)
	}

	for _, l := range []lang.Lang{lang.VI, lang.EN} {
		rep := build(t, st, KindResults, l)
		subtotal, place := l.T("Cộng nhóm II", "Subtotal, group II"), l.T("Hà Tĩnh, ngày 05 tháng 4 năm 2023", "Hà Tĩnh, 05/04/2023")
		want := []string{subtotal, l.T("Tổng cộng", "Total"), place, "GIÁM ĐỐC", "Lê Minh Đạo", l.T("Nơi nhận:", "Copies to:"), l.T("UBND tỉnh (b/c);", "UBND tỉnh (for information);")}
		pdf := strings.Join(pdfText(t, render(t, rep, "pdf")), "\n")
		docx := docxPart(t, render(t, rep, "docx"), "word/document.xml")
		for name, out := range map[string]string{"text": string(render(t, rep, "text")), "html": string(render(t, rep, "html")), "pdf": pdf, "docx": docx} {
			for _, w := range want {
				if !strings.Contains(out, w) {
					t.Errorf("%s %s lacks %q", l, name, w)
				}
			}
			if strings.Contains(out, l.T("Như trên", "Addressees above")) {
				t.Errorf("%s %s sends the report to the addressees above, and it has none", l, name)
			}
		}
		f, sheet := openXLSX(t, render(t, rep, "xlsx"))
		findCell(t, f, sheet, place)
		last := f.GetSheetList()[1] // the signer ends the report, on the completed models' sheet
		for _, w := range []string{"Lê Minh Đạo", "GIÁM ĐỐC", "- " + l.T("Ban Giám đốc Sở;", "The Department's directors;")} {
			findCell(t, f, last, w)
		}
		// the subtotal is bold, as the total is
		col, row := findCell(t, f, sheet, subtotal)
		id, err := f.GetCellStyle(sheet, cellRef(col+1, row))
		if err != nil {
			t.Fatal(err)
		}
		if style, err := f.GetStyle(id); err != nil || !style.Font.Bold {
			t.Errorf("%s xlsx: the subtotal is not bold (%v)", l, err)
		}
	}
}
