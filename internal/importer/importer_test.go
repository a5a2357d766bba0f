package importer

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/lang"
	"cchc/internal/store"
	"cchc/internal/vndate"
	"cchc/internal/vntext"
	"cchc/internal/xlsxcheck"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"
)

var fixedNow = func() time.Time { return time.Date(2023, 4, 5, 9, 0, 0, 0, time.UTC) }

var today = vndate.Of(2023, 4, 5)

// newBook opens a new book with the default 2023 campaign and a commune
// (Xã Tùng Ảnh) under Huyện Đức Thọ.
func newBook(t *testing.T) (book.Book, campaign.Campaign) {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "cchc.db"), store.Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ctx := context.Background()
	c, err := st.Campaign(ctx, 2023)
	if err != nil {
		t.Fatal(err)
	}
	ducTho := agency(t, st, c, "Huyện Đức Thọ")
	if _, err := st.AddAgency(ctx, c.ID, campaign.Agency{Name: "Xã Tùng Ảnh", Group: campaign.Commune, ParentID: ducTho.ID, Code: "18259"}); err != nil {
		t.Fatal(err)
	}
	return st, c
}

func agency(t *testing.T, st book.Book, c campaign.Campaign, name string) campaign.Agency {
	t.Helper()
	list, err := st.CampaignAgencies(context.Background(), c.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range list {
		if a.Name == name {
			return a
		}
	}
	t.Fatalf("no agency %q", name)
	return campaign.Agency{}
}

func problems(ps []Problem) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.Text(lang.VI) + "\n")
	}
	return b.String()
}

// ducThoXLSX builds what a district sends: a letter-like title block, the
// header in its own order and wording with line breaks, a numbering row,
// Lĩnh vực merged down two rows, an Excel date in the timeline, a blank
// row and a signature block.
func ducThoXLSX(t *testing.T, dir string) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	s := "Sheet1"
	set := func(cell string, v any) {
		if err := f.SetCellValue(s, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	set("A1", "UBND HUYỆN ĐỨC THỌ")
	set("E1", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
	set("A2", "Số: 125/UBND-NV")
	set("E2", "Đức Thọ, ngày 20 tháng 3 năm 2023")
	set("A4", "DANH SÁCH ĐĂNG KÝ MÔ HÌNH, SÁNG KIẾN, CÁCH LÀM HAY TRONG CẢI CÁCH HÀNH CHÍNH NĂM 2023")
	if err := f.MergeCell(s, "A4", "H4"); err != nil {
		t.Fatal(err)
	}
	set("A5", "Tên cơ quan, đơn vị: UBND huyện Đức Thọ")
	headers := []string{"TT", "Tên mô hình,\nsáng kiến", "Lĩnh vực", "Loại hình", "Đơn vị\nchủ trì", "Thời gian\nthực hiện", "Dự kiến kết quả", "Ghi chú"}
	for i, h := range headers {
		set(cellName(t, i+1, 7), h)
	}
	for i := range headers {
		set(cellName(t, i+1, 8), "("+string(rune('1'+i))+")")
	}
	rows := [][]any{
		{1, "Bộ phận một cửa thân thiện", "CCHC thủ tục hành chính", "Mô hình", "UBND xã Tùng Ảnh", time.Date(2023, 4, 15, 0, 0, 0, 0, time.UTC), "100% hồ sơ đúng hạn", ""},
		{2, "Số hóa hồ sơ một cửa", nil, "SK", "Huyện Đức Thọ", "Quý II/2023", "", ""},
		{3, "Chính quyền số cấp huyện", "Chính quyền số", "Giải pháp", "Phòng Nội vụ", "2023", "", "thí điểm"},
	}
	for r, row := range rows {
		for c, v := range row {
			if v == nil {
				continue
			}
			set(cellName(t, c+1, 9+r), v)
		}
	}
	if err := f.MergeCell(s, "C9", "C10"); err != nil {
		t.Fatal(err)
	}
	set("F14", "THỦ TRƯỞNG ĐƠN VỊ")
	set("F15", "(Ký, ghi rõ họ tên, đóng dấu)")
	set("F18", "Nguyễn Văn A")
	path := filepath.Join(dir, "duc-tho.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestImportDistrictWorkbook(t *testing.T) {
	st, c := newBook(t)
	ctx := context.Background()
	path := ducThoXLSX(t, t.TempDir())
	plan, err := PlanRegistrations(ctx, st, c, path, RegistrationOptions{Received: vndate.Of(2023, 3, 21), Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if plan.Errors() != 0 || len(plan.Rows) != 3 {
		t.Fatalf("rows %d, problems:\n%s", len(plan.Rows), problems(plan.Problems))
	}
	if len(plan.Problems) != 1 || !plan.Problems[0].Warning || plan.Problems[0].Line != 11 || plan.Problems[0].Column != "Đơn vị chủ trì" {
		t.Fatalf("want one warning about the lead of row 11, got:\n%s", problems(plan.Problems))
	}
	if plan.LetterNumber != "125/UBND-NV" || plan.LetterDate != vndate.Of(2023, 3, 20) {
		t.Fatalf("letter %q of %s", plan.LetterNumber, plan.LetterDate)
	}
	for _, r := range plan.Rows {
		if r.Status != RowAdd || r.Agency.Name != "Huyện Đức Thọ" {
			t.Fatalf("row %+v", r)
		}
	}
	if got := plan.Tally(lang.VI); got != "Sẽ thêm 3 mô hình của Huyện Đức Thọ; bỏ qua 0 trùng; 0 lỗi (chạy thử: chưa ghi gì)" {
		t.Fatalf("tally %q", got)
	}
	// The dry run wrote nothing.
	if regs, err := st.Registrations(ctx, c.ID); err != nil || len(regs) != 0 {
		t.Fatalf("dry run wrote %d (read: %v)", len(regs), err)
	}
	if err := plan.Apply(ctx, st); err != nil {
		t.Fatal(err)
	}
	if got := plan.Tally(lang.VI); got != "Đã thêm 3 mô hình của Huyện Đức Thọ; bỏ qua 0 trùng; 0 lỗi" {
		t.Fatalf("tally %q", got)
	}
	regs, err := st.Registrations(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(regs) != 3 {
		t.Fatalf("registrations %d", len(regs))
	}
	by := map[string]book.RegistrationRow{}
	for _, r := range regs {
		by[r.Title] = r
	}
	one, two, three := by["Bộ phận một cửa thân thiện"], by["Số hóa hồ sơ một cửa"], by["Chính quyền số cấp huyện"]
	if one.LeadName != "Xã Tùng Ảnh" || one.Kind != campaign.Model || one.Area != campaign.Procedures || one.Timeline != "15/04/2023" {
		t.Errorf("row 1 = %+v", one)
	}
	if two.Area != campaign.Procedures || two.Kind != campaign.Initiative || two.LeadName != "Huyện Đức Thọ" {
		t.Errorf("row 2 (merged area) = %+v", two)
	}
	if three.Area != campaign.DigitalGovt || three.Kind != campaign.Solution || three.Timeline != "2023" ||
		three.Note != "Đơn vị chủ trì: Phòng Nội vụ\nthí điểm" {
		t.Errorf("row 3 = %+v", three)
	}
	if one.LetterNumber != "125/UBND-NV" || one.LetterDate != vndate.Of(2023, 3, 20) || one.Received != vndate.Of(2023, 3, 21) {
		t.Errorf("letter = %q %s %s", one.LetterNumber, one.LetterDate, one.Received)
	}

	// Importing the same file again adds nothing.
	again, err := PlanRegistrations(ctx, st, c, path, RegistrationOptions{Received: vndate.Of(2023, 3, 22), Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if err := again.Apply(ctx, st); err != nil {
		t.Fatal(err)
	}
	if got := again.Tally(lang.VI); got != "Đã thêm 0 mô hình của Huyện Đức Thọ; bỏ qua 3 trùng; 0 lỗi" {
		t.Fatalf("second tally %q", got)
	}
	subs, err := st.Submissions(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if regs, err := st.Registrations(ctx, c.ID); err != nil || len(regs) != 3 || len(subs) != 1 {
		t.Fatalf("after re-import: %d registrations, %d letters (read: %v)", len(regs), len(subs), err)
	}
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestImportSemicolonCSVWithBOMAndNFD(t *testing.T) {
	st, c := newBook(t)
	ctx := context.Background()
	text := "\uFEFFDANH SÁCH ĐĂNG KÝ MÔ HÌNH, SÁNG KIẾN NĂM 2023;;;;\r\n" +
		"Tên cơ quan, đơn vị:;Sở TT&TT;;;\r\n" +
		"Số văn bản:;57/STTTT-VP;;;\r\n" +
		";;;;\r\n" +
		"Ghi chú;Tên sáng kiến/giải pháp;Lĩnh vực;Loại;Dự kiến kết quả\r\n" +
		";Ứng dụng \"Hà Tĩnh số\";Chính phủ số;Sáng kiến;\"Người dân dùng; 50%\"\r\n" +
		"trùng trong tệp;Ứng dụng “Hà Tĩnh số” ;;;\r\n" +
		";Một cửa điện tử liên thông;TTHC;Mô hình;\r\n"
	text = strings.Replace(text, "trùng trong tệp;Ứng dụng “Hà Tĩnh số” ;;;", "trùng trong tệp;Ứng dụng \"Hà Tĩnh số\";Chính phủ số;Sáng kiến;", 1)
	path := writeFile(t, "stttt.csv", norm.NFD.String(text))
	plan, err := PlanRegistrations(ctx, st, c, path, RegistrationOptions{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if plan.Errors() != 0 || len(plan.Rows) != 3 {
		t.Fatalf("rows %d:\n%s", len(plan.Rows), problems(plan.Problems))
	}
	if plan.LetterNumber != "57/STTTT-VP" || plan.Received != today {
		t.Fatalf("letter %q received %s", plan.LetterNumber, plan.Received)
	}
	if plan.Rows[0].Agency.Name != "Sở Thông tin và Truyền thông" {
		t.Fatalf("agency %q", plan.Rows[0].Agency.Name)
	}
	// The second copy of a title in the same file is a duplicate.
	if plan.Rows[0].Status != RowAdd || plan.Rows[1].Status != RowDuplicate || plan.Rows[2].Status != RowAdd {
		t.Fatalf("statuses %v %v %v", plan.Rows[0].Status, plan.Rows[1].Status, plan.Rows[2].Status)
	}
	if err := plan.Apply(ctx, st); err != nil {
		t.Fatal(err)
	}
	regs, err := st.Registrations(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(regs) != 2 {
		t.Fatalf("registrations %d", len(regs))
	}
	for _, r := range regs {
		if !norm.NFC.IsNormalString(r.Title) || !norm.NFC.IsNormalString(r.ExpectedResult) {
			t.Errorf("not NFC: %q", r.Title)
		}
		if r.Title == "Ứng dụng \"Hà Tĩnh số\"" && (r.ExpectedResult != "Người dân dùng; 50%" || r.Area != campaign.DigitalGovt) {
			t.Errorf("row = %+v", r)
		}
	}
	if got := plan.Tally(lang.EN); got != "Added 2 registrations from Sở Thông tin và Truyền thông; skipped 1 duplicate; 0 errors" {
		t.Fatalf("tally %q", got)
	}
}

func TestAnyErrorWritesNothing(t *testing.T) {
	st, c := newBook(t)
	ctx := context.Background()
	path := writeFile(t, "bad.csv", "STT,Tên mô hình,Loại,Lĩnh vực CCHC\n"+
		"1,Mô hình tốt,Mô hình,Thể chế\n"+
		"2,Dự án lạ,Dự án,Thể chế\n"+
		"3,,Mô hình,Bộ máy\n"+
		"4,Hai lĩnh vực,Giải pháp,\"Thủ tục hành chính, chuyển đổi số\"\n")
	plan, err := PlanRegistrations(ctx, st, c, path, RegistrationOptions{Agency: "UBND huyện Đức Thọ", Today: today})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		line   int
		column string
		has    string
	}{
		{3, "Loại", `"Dự án" không phải loại nào`},
		{4, "Tên mô hình", "không được để trống"},
		{5, "Lĩnh vực CCHC", "không khớp một lĩnh vực"},
	}
	if plan.Errors() != len(want) {
		t.Fatalf("problems:\n%s", problems(plan.Problems))
	}
	for i, w := range want {
		p := plan.Problems[i]
		if p.Line != w.line || p.Column != w.column || !strings.Contains(p.Msg.VI, w.has) {
			t.Errorf("problem %d = %s", i, p.Text(lang.VI))
		}
	}
	if !strings.HasPrefix(plan.Problems[0].Text(lang.VI), `Dòng 3, cột "Loại": `) ||
		!strings.HasPrefix(plan.Problems[0].Text(lang.EN), `Row 3, column "Loại": "Dự án" is not a kind`) {
		t.Errorf("text = %q / %q", plan.Problems[0].Text(lang.VI), plan.Problems[0].Text(lang.EN))
	}
	if err := plan.Apply(ctx, st); err == nil {
		t.Fatal("applied a plan with errors")
	}
	if regs, err := st.Registrations(ctx, c.ID); err != nil || len(regs) != 0 {
		t.Fatalf("wrote %d registrations (read: %v)", len(regs), err)
	}
	if got := plan.Tally(lang.VI); got != "Sẽ thêm 0 mô hình của Huyện Đức Thọ; bỏ qua 0 trùng; 3 lỗi — không ghi gì vào sổ dữ liệu" {
		t.Fatalf("tally %q", got)
	}
}

// A dry run of a file with errors still says which rows the book already
// holds, so that the clerk mends the errors knowing what will be skipped.
func TestDryRunWithErrorsShowsDuplicates(t *testing.T) {
	st, c := newBook(t)
	ctx := context.Background()
	good := writeFile(t, "good.csv", "STT,Tên mô hình,Loại,Lĩnh vực CCHC\n1,Mô hình tốt,Mô hình,Thể chế\n")
	plan, err := PlanRegistrations(ctx, st, c, good, RegistrationOptions{Agency: "UBND huyện Đức Thọ", Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if err := plan.Apply(ctx, st); err != nil {
		t.Fatal(err)
	}
	bad := writeFile(t, "bad.csv", "STT,Tên mô hình,Loại,Lĩnh vực CCHC\n"+
		"1,MÔ HÌNH TỐT,Mô hình,Thể chế\n"+ // already in the book
		"2,Dự án lạ,Dự án,Thể chế\n"+ // an error
		"3,Mô hình mới,Giải pháp,Bộ máy\n"+
		"4,Mô hình mới,Giải pháp,Bộ máy\n") // twice in the file
	plan, err = PlanRegistrations(ctx, st, c, bad, RegistrationOptions{Agency: "UBND huyện Đức Thọ", Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if plan.Errors() != 1 {
		t.Fatalf("problems:\n%s", problems(plan.Problems))
	}
	want := []RowStatus{RowDuplicate, RowError, RowValid, RowDuplicate}
	for i, r := range plan.Rows {
		if i < len(want) && r.Status != want[i] {
			t.Errorf("row %d (%s): %s, want %s", r.Line, r.Registration.Title, r.Status.Label(lang.VI), want[i].Label(lang.VI))
		}
	}
	if got := plan.Tally(lang.VI); !strings.Contains(got, "bỏ qua 2 trùng; 1 lỗi") {
		t.Errorf("tally %q", got)
	}
}

func TestStoreImportIsAllOrNothing(t *testing.T) {
	st, c := newBook(t)
	ctx := context.Background()
	ducTho := agency(t, st, c, "Huyện Đức Thọ")
	good := book.ImportLetter{Submission: campaign.Submission{CampaignID: c.ID, AgencyID: ducTho.ID, Received: today},
		Items: []book.ImportItem{{Line: 8, Registration: campaign.Registration{Title: "A", Kind: campaign.Model, Area: campaign.Apparatus}}}}
	bad := book.ImportLetter{Submission: campaign.Submission{CampaignID: c.ID, AgencyID: ducTho.ID, Received: today},
		Items: []book.ImportItem{{Line: 9, Registration: campaign.Registration{Title: "B", Kind: "project", Area: campaign.Apparatus}}}}
	_, err := st.ImportRegistrations(ctx, []book.ImportLetter{good, bad}, false)
	if err == nil || !strings.HasPrefix(lang.Message(err, lang.VI), "Dòng 9: Loại") {
		t.Fatalf("err = %v", err)
	}
	if regs, err := st.Registrations(ctx, c.ID); err != nil || len(regs) != 0 {
		t.Fatalf("the first letter was kept: %d (read: %v)", len(regs), err)
	}
	if subs, err := st.Submissions(ctx, c.ID); err != nil || len(subs) != 0 {
		t.Fatalf("letters kept: %d (read: %v)", len(subs), err)
	}
}

func TestUnknownAndAmbiguousAgencies(t *testing.T) {
	st, c := newBook(t)
	ctx := context.Background()
	path := writeFile(t, "x.csv", "Tên mô hình,Loại,Lĩnh vực\nA,Mô hình,Thể chế\n")
	for _, tc := range []struct{ agency, want string }{
		{"UBND huyện Đức Thịnh", "gần nhất: Huyện Đức Thọ"},
		{"Kỳ Anh", "Huyện Kỳ Anh; Thị xã Kỳ Anh"},
	} {
		plan, err := PlanRegistrations(ctx, st, c, path, RegistrationOptions{Agency: tc.agency, Today: today})
		if err != nil {
			t.Fatal(err)
		}
		if plan.Errors() != 1 || !strings.Contains(problems(plan.Problems), tc.want) || !strings.HasPrefix(plan.Problems[0].Msg.VI, "Cơ quan gửi (--agency): ") {
			t.Errorf("%q: want %q in\n%s", tc.agency, tc.want, problems(plan.Problems))
		}
	}
}

func TestResolverForms(t *testing.T) {
	_, agencies, err := book.DefaultCampaign()
	if err != nil {
		t.Fatal(err)
	}
	for i := range agencies {
		agencies[i].ID = int64(i + 1)
	}
	r := NewResolver(agencies)
	for in, want := range map[string]string{
		"UBND huyện Đức Thọ":            "Huyện Đức Thọ",
		"Ủy ban nhân dân huyện Đức Thọ": "Huyện Đức Thọ",
		"huyen duc tho":                 "Huyện Đức Thọ",
		"Đức Thọ":                       "Huyện Đức Thọ",
		"Sở TT&TT":                      "Sở Thông tin và Truyền thông",
		"Sở TTTT":                       "Sở Thông tin và Truyền thông",
		"Sở Thông tin & Truyền thông":   "Sở Thông tin và Truyền thông",
		"UBND TP Hà Tĩnh":               "Thành phố Hà Tĩnh",
		"UBND thị xã Hồng Lĩnh":         "Thị xã Hồng Lĩnh",
		"TX Kỳ Anh":                     "Thị xã Kỳ Anh",
		"Huyện Kỳ Anh":                  "Huyện Kỳ Anh",
		"sở lđ-tb&xh":                   "Sở Lao động - Thương binh và Xã hội",
	} {
		a, err := r.Find(in, nil)
		if err != nil || a.Name != want {
			t.Errorf("%q → %q, %v; want %q", in, a.Name, err, want)
		}
	}
	if _, err := r.Find("Sở Du lịch", nil); err == nil {
		t.Error("an unknown department was found")
	}
}

func TestLenientKindsAndAreas(t *testing.T) {
	for in, want := range map[string]campaign.Kind{
		"Mô hình": campaign.Model, "mo hinh diem": campaign.Model, "SK": campaign.Initiative, "Sáng kiến": campaign.Initiative,
		"giải pháp": campaign.Solution, "Cách làm hay": campaign.GoodPractice, "good practice": campaign.GoodPractice,
	} {
		if got, ok := matchKind(in); !ok || got != want {
			t.Errorf("kind %q → %q, %v", in, got, ok)
		}
	}
	for _, in := range []string{"", "Mô hình, sáng kiến", "Dự án"} {
		if got, ok := matchKind(in); ok {
			t.Errorf("kind %q guessed as %q", in, got)
		}
	}
	for in, want := range map[string]campaign.Area{
		"CCHC thủ tục hành chính": campaign.Procedures, "TTHC": campaign.Procedures, "Chính quyền số": campaign.DigitalGovt,
		"Chuyển đổi số": campaign.DigitalGovt, "Cải cách thể chế": campaign.Institutions, "Tổ chức bộ máy": campaign.Apparatus,
		"Công vụ, công chức": campaign.CivilService, "tài chính công": campaign.PublicFinance, "Khác": campaign.OtherArea,
		"Xây dựng và phát triển Chính phủ điện tử, Chính phủ số": campaign.DigitalGovt,
	} {
		if got, ok := matchArea(in); !ok || got != want {
			t.Errorf("area %q → %q, %v", in, got, ok)
		}
	}
	for _, in := range []string{"", "Cải cách hành chính", "Thủ tục hành chính, chuyển đổi số"} {
		if got, ok := matchArea(in); ok {
			t.Errorf("area %q guessed as %q", in, got)
		}
	}
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]vndate.Date{
		"20/03/2023": vndate.Of(2023, 3, 20), "5/3/2023": vndate.Of(2023, 3, 5), "2023-03-20": vndate.Of(2023, 3, 20),
		"44985": vndate.Of(2023, 2, 28), "44985.75": vndate.Of(2023, 2, 28), "Đức Thọ, ngày 20 tháng 3 năm 2023": vndate.Of(2023, 3, 20),
		"20/03/2023 00:00:00": vndate.Of(2023, 3, 20), "2023-03-20T00:00:00Z": vndate.Of(2023, 3, 20), "": {},
	} {
		got, err := ParseDate(in)
		if err != nil || got != want {
			t.Errorf("%q → %s, %v; want %s", in, got, err, want)
		}
	}
	for _, in := range []string{"31/02/2023", "12", "20/03/23", "ngày 32 tháng 1 năm 2023", "1e9", "abc"} {
		if d, err := ParseDate(in); err == nil {
			t.Errorf("%q accepted as %s", in, d)
		}
	}
}

func TestTemplateRoundTrip(t *testing.T) {
	st, c := newBook(t)
	ctx := context.Background()
	dir := t.TempDir()
	for _, format := range TemplateFormats {
		path := filepath.Join(dir, "mau."+format)
		out, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := WriteTemplate(out, c, format, lang.VI); err != nil {
			t.Fatal(err)
		}
		if err := out.Close(); err != nil {
			t.Fatal(err)
		}
		grids, err := ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		h, ok := findHeader(grids[0], registrationRules, campaign.ColTitle, 1)
		if !ok {
			t.Fatalf("%s: no header", format)
		}
		for i, col := range campaign.RegistrationColumns {
			if got := grids[0].Cell(h.row, i); got != col.Label(lang.VI) {
				t.Errorf("%s: column %d = %q, want %q", format, i, got, col.Label(lang.VI))
			}
			if col != campaign.ColSeq && h.cols[col] != i {
				t.Errorf("%s: %s recognised at %d", format, col, h.cols[col])
			}
		}
		// the docx holds "NĂM 2023" with a no-break space, a space once read (vntext.Line)
		if !strings.Contains(vntext.Line(grids[0].Cell(0, 0)), "DANH SÁCH ĐĂNG KÝ MÔ HÌNH, SÁNG KIẾN, CÁCH LÀM HAY TRONG CẢI CÁCH HÀNH CHÍNH NĂM 2023") {
			t.Errorf("%s: title %q", format, grids[0].Cell(0, 0))
		}
	}

	// An agency fills in the xlsx template with Excel and sends it back.
	f, err := excelize.OpenFile(filepath.Join(dir, "mau.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	sheet := f.GetSheetName(0)
	dvs, err := f.GetDataValidations(sheet)
	if err != nil || len(dvs) != 2 {
		t.Fatalf("drop-down lists: %d, %v", len(dvs), err)
	}
	for _, kv := range [][2]string{
		{"C4", "UBND huyện Đức Thọ"}, {"C5", "312/UBND-NV"},
		{"B8", "Bộ phận một cửa thân thiện"}, {"C8", "Mô hình"}, {"D8", "Cải cách thủ tục hành chính"}, {"E8", "UBND xã Tùng Ảnh"},
		{"B9", "Chuyển đổi số cấp xã"}, {"C9", "Sáng kiến"}, {"D9", "Xây dựng và phát triển Chính phủ điện tử, Chính phủ số"},
	} {
		if err := f.SetCellValue(sheet, kv[0], kv[1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SetCellValue(sheet, "F5", time.Date(2023, 3, 20, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	filled := filepath.Join(dir, "filled.xlsx")
	if err := f.SaveAs(filled); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	plan, err := PlanRegistrations(ctx, st, c, filled, RegistrationOptions{Received: vndate.Of(2023, 3, 21), Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if plan.Errors() != 0 || len(plan.Rows) != 2 || plan.LetterNumber != "312/UBND-NV" || plan.LetterDate != vndate.Of(2023, 3, 20) {
		t.Fatalf("rows %d, letter %q %s:\n%s", len(plan.Rows), plan.LetterNumber, plan.LetterDate, problems(plan.Problems))
	}
	if plan.Rows[0].Lead != "Xã Tùng Ảnh" || plan.Rows[1].Registration.Area != campaign.DigitalGovt || plan.Rows[0].Agency.Name != "Huyện Đức Thọ" {
		t.Fatalf("rows %+v", plan.Rows)
	}

	// The CSV template filled in by hand.
	raw, err := os.ReadFile(filepath.Join(dir, "mau.csv"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(raw), "\"Tên cơ quan, đơn vị:\",", "\"Tên cơ quan, đơn vị:\",Sở Tư pháp", 1)
	text = strings.Replace(text, "\r\n1,,,,,,,,", "\r\n1,Tra cứu hộ tịch trực tuyến,Giải pháp,Thủ tục hành chính,,,,,", 1)
	plan, err = PlanRegistrations(ctx, st, c, writeFile(t, "filled.csv", text), RegistrationOptions{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if plan.Errors() != 0 || len(plan.Rows) != 1 || plan.Rows[0].Agency.Name != "Sở Tư pháp" {
		t.Fatalf("csv rows %+v:\n%s", plan.Rows, problems(plan.Problems))
	}
}

func TestNoAgencyAnywhereIsAnError(t *testing.T) {
	st, c := newBook(t)
	plan, err := PlanRegistrations(context.Background(), st, c,
		writeFile(t, "x.csv", "Tên mô hình;Loại;Lĩnh vực\nA;Mô hình;Thể chế\n"), RegistrationOptions{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if plan.Errors() != 1 || !strings.Contains(plan.Problems[0].Msg.VI, "--agency") || plan.Problems[0].Line != 2 {
		t.Fatalf("problems:\n%s", problems(plan.Problems))
	}
}

func TestPerRowAgenciesFromTheLeadColumn(t *testing.T) {
	st, c := newBook(t)
	ctx := context.Background()
	plan, err := PlanRegistrations(ctx, st, c, writeFile(t, "tong-hop.csv",
		"Tên mô hình,Loại,Lĩnh vực,Đơn vị chủ trì\n"+
			"A,Mô hình,Thể chế,Sở Y tế\n"+
			"B,Mô hình,Thể chế,UBND xã Tùng Ảnh\n"), RegistrationOptions{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if plan.Errors() != 0 || plan.Rows[0].Agency.Name != "Sở Y tế" || plan.Rows[1].Agency.Name != "Huyện Đức Thọ" || plan.Rows[1].Lead != "Xã Tùng Ảnh" {
		t.Fatalf("rows %+v\n%s", plan.Rows, problems(plan.Problems))
	}
	if err := plan.Apply(ctx, st); err != nil {
		t.Fatal(err)
	}
	if subs, err := st.Submissions(ctx, c.ID); err != nil || len(subs) != 2 {
		t.Fatalf("letters %d (read: %v)", len(subs), err)
	}
	if got := plan.Tally(lang.VI); got != "Đã thêm 2 mô hình của 2 cơ quan, đơn vị; bỏ qua 0 trùng; 0 lỗi" {
		t.Fatalf("tally %q", got)
	}
}

// The template prints as an agency would print it: A4 landscape, one page
// wide, the column titles on every page.
func TestTemplatePrintSetup(t *testing.T) {
	_, c := newBook(t)
	var buf bytes.Buffer
	if err := WriteTemplate(&buf, c, "xlsx", lang.VI); err != nil {
		t.Fatal(err)
	}
	buf2 := bytes.Clone(buf.Bytes())
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	sheet := f.GetSheetName(0)
	pl, err := f.GetPageLayout(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if pl.Size == nil || *pl.Size != 9 || pl.Orientation == nil || *pl.Orientation != "landscape" || pl.FitToWidth == nil || *pl.FitToWidth != 1 {
		t.Fatalf("page layout %+v", pl)
	}
	titles := ""
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" {
			titles = dn.RefersTo
		}
	}
	if want := fmt.Sprintf("'%s'!$%d:$%d", sheet, templateHeaderRow, templateHeaderRow); titles != want {
		t.Fatalf("print titles %q, want %q", titles, want)
	}
	if got, err := f.GetCellValue(sheet, fmt.Sprintf("B%d", templateHeaderRow)); err != nil || got != campaign.ColTitle.Label(lang.VI) {
		t.Fatalf("row %d is not the column titles: B = %q (%v)", templateHeaderRow, got, err)
	}
	// the reports' margins (Nghị định 30: 30 mm left, 15 right, 20 top
	// and bottom), not excelize's 12.7 and 7.6 mm (issue 26 point 3)
	m, err := f.GetPageMargins(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if err := xlsxcheck.Margins(m); err != nil {
		t.Error(err)
	}
	if err := xlsxcheck.Cols(buf2); err != nil {
		t.Error(err)
	}
}

// The letter's date in the title block is read wherever it is written, and
// a date that does not exist is an error on its row, never dropped.
func TestTitleBlockDates(t *testing.T) {
	st, c := newBook(t)
	agencies, err := st.CampaignAgencies(context.Background(), c.ID)
	if err != nil {
		t.Fatal(err)
	}
	const table = "STT,Tên mô hình,Loại,Lĩnh vực\n1,Một cửa số,Mô hình,TTHC\n"
	cases := []struct {
		block   string
		number  string
		date    vndate.Date
		problem string // "" when none; else the problem's text, with its row
	}{
		{"Số: 21/SYT ngày 15/03/2023\n", "21/SYT", vndate.Of(2023, 3, 15), ""},
		{"Số: 21/SYT ngày 15 tháng 3 năm 2023\n", "21/SYT", vndate.Of(2023, 3, 15), ""},
		{"Số: 21/SYT ngày15/3/2023\n", "21/SYT", vndate.Of(2023, 3, 15), ""},
		{"Số:,21/SYT ngày 15/03/2023\n", "21/SYT", vndate.Of(2023, 3, 15), ""},
		{"Số: 21/SYT\nNgày: 31/02/2023\n", "21/SYT", vndate.Date{}, `Dòng 2: Ngày văn bản "31/02/2023": không phải ngày có thật`},
		{"Tên cơ quan: Sở Y tế\n\"Hà Tĩnh, ngày 31 tháng 2 năm 2023\"\n", "", vndate.Date{}, `Dòng 2: Ngày văn bản "Hà Tĩnh, ngày 31 tháng 2 năm 2023": không phải ngày có thật`},
		{"Số: 21/SYT ngày 30/02/2023\n", "21/SYT", vndate.Date{}, `Dòng 1: Ngày văn bản "30/02/2023": không phải ngày có thật`},
		{"Ngày văn bản: 15/3\n", "", vndate.Date{}, `Dòng 1: Ngày văn bản "15/3": cần ngày dạng dd/mm/yyyy`},
		{"(Kèm theo Công văn số 312/SYT ngày 31/02/2023 của Sở Y tế)\n", "312/SYT", vndate.Date{}, `Dòng 1: Ngày văn bản "31/02/2023" trong dòng "Kèm theo": không phải ngày có thật`},
		{"(Kèm theo Công văn số 312/SYT ngày 31 tháng 2 năm 2023 của Sở Y tế)\n", "312/SYT", vndate.Date{}, `Dòng 1: Ngày văn bản "ngày 31 tháng 2 năm 2023" trong dòng "Kèm theo": không phải ngày có thật`},
		{"(Kèm theo Công văn số 312/SYT ngày 20 tháng 3 năm 2023 của Sở Y tế)\n", "312/SYT", vndate.Of(2023, 3, 20), ""},
		// blanks left to fill in are no date, and no problem
		{"Số văn bản:\nNgày văn bản: …/…/2023\n…………, ngày …… tháng …… năm ……\n", "", vndate.Date{}, ""},
	}
	for _, tc := range cases {
		g, err := ReadCSV([]byte(tc.block + "\n" + table))
		if err != nil {
			t.Fatal(err)
		}
		p := planRegistrations([]*Grid{g}, c, agencies, RegistrationOptions{Agency: "Sở Y tế", Received: vndate.Of(2023, 3, 20), Today: today})
		got := problems(p.Problems)
		if p.LetterNumber != tc.number || p.LetterDate != tc.date {
			t.Errorf("%q: letter %q of %s, want %q of %s\n%s", tc.block, p.LetterNumber, p.LetterDate, tc.number, tc.date, got)
		}
		switch {
		case tc.problem == "" && got != "":
			t.Errorf("%q: problems\n%s", tc.block, got)
		case tc.problem != "" && (!strings.HasPrefix(got, tc.problem) || p.Errors() == 0):
			t.Errorf("%q: problems\n%s\nwant %q (an error)", tc.block, got, tc.problem)
		}
	}
}

// cellName is the A1 name of the cell at col and row, counted from 1.
func cellName(t *testing.T, col, row int) string {
	t.Helper()
	name, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		t.Fatal(err)
	}
	return name
}

// Last year's reply imported into this year would count for an agency that
// has not replied: a heading naming another year is refused, saying both,
// unless the clerk says it is right.
func TestHeadingOfAnotherYearIsRefused(t *testing.T) {
	st, c := newBook(t)
	agencies, err := st.CampaignAgencies(context.Background(), c.ID)
	if err != nil {
		t.Fatal(err)
	}
	const table = "STT,Tên mô hình,Loại,Lĩnh vực\n1,Một cửa số,Mô hình,TTHC\n"
	plan := func(heading string, anyYear bool) *RegistrationPlan {
		g, err := ReadCSV([]byte("SỞ Y TẾ\nSố: 21/SYT\n" + heading + "\n\n" + table))
		if err != nil {
			t.Fatal(err)
		}
		return planRegistrations([]*Grid{g}, c, agencies, RegistrationOptions{Agency: "Sở Y tế", Received: vndate.Of(2023, 3, 20), Today: today, AnyYear: anyYear})
	}
	p := plan("ĐĂNG KÝ MÔ HÌNH, SÁNG KIẾN TRONG CẢI CÁCH HÀNH CHÍNH NĂM 2022", false)
	if got := problems(p.Problems); p.Errors() != 1 || !strings.Contains(got, "Dòng 3: Tệp là của năm 2022") || !strings.Contains(got, "đợt đăng ký đang chọn là năm 2023") {
		t.Errorf("2022 into 2023: %d errors\n%s", p.Errors(), got)
	}
	if en := p.Problems[0].Text(lang.EN); !strings.Contains(en, "--year-mismatch-ok") || !strings.Contains(en, "--campaign 2022") {
		t.Errorf("English: %s", en)
	}
	for _, tc := range []struct {
		heading string
		anyYear bool
	}{
		{"ĐĂNG KÝ MÔ HÌNH, SÁNG KIẾN TRONG CẢI CÁCH HÀNH CHÍNH NĂM 2022", true},
		{"ĐĂNG KÝ MÔ HÌNH, SÁNG KIẾN NĂM 2023", false},
		{"Đức Thọ, ngày 20 tháng 3 năm 2022", false}, // a letter date, judged by the date rules
		{"Đăng ký mô hình năm nay", false},
	} {
		if p := plan(tc.heading, tc.anyYear); strings.Contains(problems(p.Problems), "Tệp là của năm") {
			t.Errorf("%q (any year %v): %s", tc.heading, tc.anyYear, problems(p.Problems))
		}
	}
}
