package importer

import (
	"archive/zip"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/lang"

	"github.com/xuri/excelize/v2"
)

// The official list of communes imports each under its district, and a
// second run changes nothing: on a fixture of six rows of the GSO list
// (testdata, in every clone), and on Hà Tĩnh's whole list of 216 kept
// beside the repository (../shared from its root) where it is there.
func TestImportTheOfficialCommuneList(t *testing.T) {
	t.Run("fixture", func(t *testing.T) { officialList(t, filepath.Join("testdata", "dvhc-few.csv"), 6, 3) })
	t.Run("Hà Tĩnh", func(t *testing.T) {
		path := filepath.Join("..", "..", "..", "shared", "data", "hatinh-dvhc-2023.csv")
		if _, err := os.Stat(path); err != nil {
			t.Skipf("skipped: the reference list %s is not here (it sits beside the repository in CI: ../shared/data)", path)
		}
		officialList(t, path, 216, 13)
	})
}

// officialList imports the GSO list at path, of communes in districts.
func officialList(t *testing.T, path string, communes, districts int) {
	st, c := newBook(t) // the book already has Xã Tùng Ảnh (code 18259) under Đức Thọ
	ctx := context.Background()

	// What the file says, to compare with what was imported.
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	records, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	wantUnder := map[string]int{} // district code → communes
	for _, r := range records[1:] {
		wantUnder[r[3]]++
	}
	if len(records)-1 != communes || len(wantUnder) != districts {
		t.Fatalf("the reference list changed: %d communes in %d districts", len(records)-1, len(wantUnder))
	}
	before, err := st.CampaignAgencies(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}

	plan, err := PlanAgencies(ctx, st, c, path)
	if err != nil {
		t.Fatal(err)
	}
	if plan.Errors() != 0 || len(plan.Rows) != communes {
		t.Fatalf("rows %d:\n%s", len(plan.Rows), problems(plan.Problems))
	}
	if got, want := plan.Tally(lang.VI), fmt.Sprintf("Sẽ thêm %d cơ quan, đơn vị vào đợt đăng ký 2023; bỏ qua 1 đã có; 0 lỗi (chạy thử: chưa ghi gì)", communes-1); got != want {
		t.Fatalf("dry-run tally %q", got)
	}
	if now, err := st.CampaignAgencies(ctx, c.ID); err != nil || len(now) != len(before) {
		t.Fatalf("the dry run changed the book (read: %v)", err)
	}
	if err := plan.Apply(ctx, st); err != nil {
		t.Fatal(err)
	}
	after, err := st.CampaignAgencies(ctx, c.ID)
	if err != nil || len(after) != len(before)+communes-1 {
		t.Fatalf("agencies %d → %d (read: %v)", len(before), len(after), err)
	}
	codeOf := map[int64]string{}
	for _, a := range after {
		codeOf[a.ID] = a.Code
	}
	gotUnder := map[string]int{}
	names := map[string]bool{}
	for _, a := range after {
		if a.Group == campaign.Commune {
			gotUnder[codeOf[a.ParentID]]++
			names[a.Name] = true
		}
	}
	for code, n := range wantUnder {
		if gotUnder[code] != n {
			t.Errorf("district %s: %d communes, want %d", code, gotUnder[code], n)
		}
	}
	if !names["Phường Trần Phú"] || !names["Xã Tùng Ảnh"] {
		t.Error("expected communes missing")
	}

	// Running it again changes nothing.
	again, err := PlanAgencies(ctx, st, c, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := again.Apply(ctx, st); err != nil {
		t.Fatal(err)
	}
	if got, want := again.Tally(lang.VI), fmt.Sprintf("Đã thêm 0 cơ quan, đơn vị vào đợt đăng ký 2023; bỏ qua %d đã có; 0 lỗi", communes); got != want {
		t.Fatalf("second tally %q", got)
	}
	if final, err := st.CampaignAgencies(ctx, c.ID); err != nil || len(final) != len(after) {
		t.Fatalf("re-run changed the list: %d → %d (read: %v)", len(after), len(final), err)
	}
}

func TestImportAPlainAgencyListFromExcel(t *testing.T) {
	st, c := newBook(t)
	ctx := context.Background()
	f := excelize.NewFile()
	rows := [][]any{
		{"DANH SÁCH CƠ QUAN, ĐƠN VỊ BỔ SUNG"},
		{},
		{"STT", "Tên cơ quan, đơn vị", "Nhóm", "Đơn vị cấp trên"},
		{1, "Sở Du lịch", "Sở, ban, ngành cấp tỉnh", ""},
		{2, "Xã Đức Lạng", "", "UBND huyện Đức Thọ"},
		{3, "Huyện Mới", "district", ""},
		{4, "Thị trấn Mới", "Cấp xã", "Huyện Mới"},
		{5, "Xã Tùng Ảnh", "commune", "Đức Thọ"},
	}
	for i, r := range rows {
		if err := f.SetSheetRow("Sheet1", cellName(t, 1, i+1), &r); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "them.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	plan, err := PlanAgencies(ctx, st, c, path)
	if err != nil {
		t.Fatal(err)
	}
	if plan.Errors() != 0 {
		t.Fatalf("problems:\n%s", problems(plan.Problems))
	}
	want := []book.AgencyOutcome{book.AgencyAdded, book.AgencyAdded, book.AgencyAdded, book.AgencyAdded, book.AgencyUnchanged}
	for i, r := range plan.Rows {
		if r.Outcome != want[i] {
			t.Errorf("row %d (%s): %v, want %v", r.Line, r.Agency.Name, r.Outcome, want[i])
		}
	}
	if err := plan.Apply(ctx, st); err != nil {
		t.Fatal(err)
	}
	town := agency(t, st, c, "Thị trấn Mới")
	if district := agency(t, st, c, "Huyện Mới"); town.ParentID != district.ID || town.Group != campaign.Commune {
		t.Fatalf("town %+v under %+v", town, district)
	}
	if a := agency(t, st, c, "Xã Đức Lạng"); a.ParentID != agency(t, st, c, "Huyện Đức Thọ").ID {
		t.Fatal("Đức Lạng is not under Đức Thọ")
	}
}

func TestAgencyListProblems(t *testing.T) {
	st, c := newBook(t)
	ctx := context.Background()
	path := writeFile(t, "bad.csv", "commune_code,commune_name,commune_type,district_code,district_name\n"+
		"99001,Xã Một,Xã,999,Huyện Không Có\n"+
		"99002,,Xã,440,Huyện Đức Thọ\n"+
		"18259,Xã Tùng Châu,Xã,440,Huyện Đức Thọ\n")
	plan, err := PlanAgencies(ctx, st, c, path)
	if err != nil {
		t.Fatal(err)
	}
	text := problems(plan.Problems)
	if plan.Errors() != 2 || !strings.Contains(text, `Dòng 2, cột "district_name"`) || !strings.Contains(text, `Dòng 3, cột "commune_name"`) ||
		!strings.Contains(text, `Lưu ý — Dòng 4, cột "commune_code": mã 18259 đã là của Xã Tùng Ảnh`) {
		t.Fatalf("problems:\n%s", text)
	}
	if err := plan.Apply(ctx, st); err == nil {
		t.Fatal("applied a list with errors")
	}
}

// The official list published after 1 July 2025 has no district columns:
// each commune or ward goes directly under the province with its code; a
// code an old commune still holds is not taken for it; a second import
// changes nothing.
func TestImportTheListAfterJuly2025(t *testing.T) {
	st, c := newBook(t) // Xã Tùng Ảnh holds 18259 under Đức Thọ
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dvhc-2025.csv")
	list := "Mã,Tên,Cấp,Mã TP,Tỉnh / Thành Phố\r\n" +
		"18070,Phường Thành Sen,Phường,42,Tỉnh Hà Tĩnh\r\n" +
		"18259,Xã Đức Thọ,Xã,42,Tỉnh Hà Tĩnh\r\n" +
		"18352,Thạch Hà,Xã,42,Tỉnh Hà Tĩnh\r\n"
	if err := os.WriteFile(path, []byte(list), 0o600); err != nil {
		t.Fatal(err)
	}
	plan, err := PlanAgencies(ctx, st, c, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := plan.Apply(ctx, st); err != nil || plan.Errors() != 0 {
		t.Fatalf("%v\n%s", err, problems(plan.Problems))
	}
	if !strings.Contains(problems(plan.Problems), "mã 18259 vẫn là của Xã Tùng Ảnh") {
		t.Errorf("no warning about the old holder of 18259:\n%s", problems(plan.Problems))
	}
	want := map[string]string{"Phường Thành Sen": "18070", "Xã Đức Thọ": "", "Xã Thạch Hà": "18352"}
	for name, code := range want {
		a := agency(t, st, c, name)
		if a.ParentID != 0 || a.Group != campaign.Commune || a.Code != code {
			t.Errorf("%s: %+v", name, a)
		}
	}
	again, err := PlanAgencies(ctx, st, c, path)
	if err != nil {
		t.Fatal(err)
	}
	if got := again.Tally(lang.VI); !strings.HasPrefix(got, "Sẽ thêm 0 cơ quan, đơn vị vào đợt đăng ký 2023; bỏ qua 3 đã có; 0 lỗi") {
		t.Errorf("a second import: %q", got)
	}
	if p, err := st.Check(ctx); err != nil || len(p) != 0 {
		t.Errorf("check: %v %v", p, err)
	}
}

// The template says who may lead a model the way the map is: a campaign
// judging communes and wards directly prompts for them on the lead column;
// one of the old map keeps its template as it was.
func TestTemplateLeadHintFollowsTheMap(t *testing.T) {
	prompts := func(c campaign.Campaign) string {
		t.Helper()
		path := filepath.Join(t.TempDir(), "mau.xlsx")
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := WriteTemplate(f, c, "xlsx", lang.VI); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
		x, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		defer x.Close()
		dvs, err := x.GetDataValidations(x.GetSheetName(0))
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, dv := range dvs {
			if dv.Prompt != nil {
				out = append(out, dv.Sqref+" "+*dv.Prompt)
			}
		}
		return strings.Join(out, "\n")
	}
	_, c := newBook(t)
	if got := prompts(c); got != "" {
		t.Errorf("the 2023 template prompts: %q", got)
	}
	c.Quotas = map[campaign.Group]campaign.Quota{campaign.Department: {Required: 1, Target: 1}, campaign.Commune: {Required: 2, Target: 3}}
	if got := prompts(c); !strings.HasPrefix(got, "E8:") || !strings.Contains(got, "UBND xã, phường chủ trì") {
		t.Errorf("the two-tier template prompts %q", got)
	}
}

// The Word template carries the same hint under its table, where the
// importer reads no rows: its table reads back the same on both maps.
func TestWordTemplateLeadHintFollowsTheMap(t *testing.T) {
	read := func(c campaign.Campaign) (xml string, rows int) {
		t.Helper()
		path := filepath.Join(t.TempDir(), "mau.docx")
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := WriteTemplate(f, c, "docx", lang.VI); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
		grids, err := ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := findHeader(grids[0], registrationRules, campaign.ColTitle, 1); !ok {
			t.Fatal("no header in the Word template")
		}
		z, err := zip.OpenReader(path)
		if err != nil {
			t.Fatal(err)
		}
		defer z.Close()
		doc, err := z.Open("word/document.xml")
		if err != nil {
			t.Fatal(err)
		}
		defer doc.Close()
		b, err := io.ReadAll(doc)
		if err != nil {
			t.Fatal(err)
		}
		return string(b), len(grids[0].Rows)
	}
	_, c := newBook(t)
	old, oldRows := read(c)
	if strings.Contains(old, "UBND xã, phường chủ trì") {
		t.Errorf("the 2023 Word template has the two-tier hint")
	}
	c.Quotas = map[campaign.Group]campaign.Quota{campaign.Department: {Required: 1, Target: 1}, campaign.Commune: {Required: 2, Target: 3}}
	got, rows := read(c)
	if !strings.Contains(got, "UBND xã, phường chủ trì") {
		t.Errorf("the two-tier Word template has no hint")
	}
	if rows != oldRows {
		t.Errorf("the hint changed the table read back: %d rows, want %d", rows, oldRows)
	}
}
