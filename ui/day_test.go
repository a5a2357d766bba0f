package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/lang"
	"cchc/internal/store"
	"cchc/internal/vndate"
	"cchc/ui/common"
)

// The clerk's day at the keyboard (issue 15): each test drives the keys
// of one thing that tripped a new clerk.

// addCommune puts a commune under a district of the latest campaign.
func addCommune(t *testing.T, st book.Book, district, name string) int64 {
	t.Helper()
	ctx := context.Background()
	c, err := st.Campaign(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	list, err := st.CampaignAgencies(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range list {
		if a.Name == district {
			id, err := st.AddAgency(ctx, c.ID, campaign.Agency{Name: name, Group: campaign.Commune, ParentID: a.ID, Active: true})
			if err != nil {
				t.Fatal(err)
			}
			return id
		}
	}
	t.Fatalf("no %s", district)
	return 0
}

func TestSaveAndAddAnotherStartsWithTheSenderAsLead(t *testing.T) {
	st := seeded(t)
	commune := addCommune(t, st, "Huyện Đức Thọ", "Xã Tùng Ảnh")
	h := newHarness(t, st, lang.VI, 80, 24)
	h.keys("3", "duc tho", "enter", "401/UBND-NV", "tab", "20/03/2023", "tab", "tab",
		"Tủ hồ sơ điện tử", "tab", "tab", "tab", "tung")
	if v := h.view(); !strings.Contains(v, "‹ Xã Tùng Ảnh ›") {
		t.Fatalf("the commune is not chosen as lead:\n%s", v)
	}
	h.keys("ctrl+n")
	if v := h.view(); !strings.Contains(lineWith(v, "Chủ trì"), "Huyện Đức Thọ") || strings.Contains(v, "Tùng Ảnh") {
		t.Fatalf("the next registration does not start with the sender as lead:\n%s", v)
	}
	h.keys("Số hóa hồ sơ", "ctrl+s")
	rows, err := st.Registrations(context.Background(), h.m.ctx.Data.Campaign.ID)
	if err != nil {
		t.Fatal(err)
	}
	leads := map[string]int64{}
	for _, r := range rows {
		leads[r.Title] = r.LeadAgencyID
	}
	if leads["Tủ hồ sơ điện tử"] != commune || leads["Số hóa hồ sơ"] != 0 {
		t.Fatalf("leads = %v (commune %d)", leads, commune)
	}
}

func TestTypingIntoAPrefilledFieldReplacesIt(t *testing.T) {
	st := seeded(t)
	h := newHarness(t, st, lang.VI, 80, 24)
	// the received day is today (27/03) until the clerk types the real one
	h.keys("3", "y te", "enter", "58/SYT-VP", "tab", "tab", "25/03/2023", "tab", "Hồ sơ sức khỏe điện tử", "ctrl+s")
	found := false
	for _, r := range registrationsOf(t, h, "Sở Y tế") {
		if r == "Hồ sơ sức khỏe điện tử|58/SYT-VP|25/03/2023" {
			found = true
		}
	}
	if !found {
		t.Fatalf("received day not typed over: %v", registrationsOf(t, h, "Sở Y tế"))
	}
	// a value kept by moving the cursor first: → then typing adds to it
	h.keys("3", "y te", "enter", "tab", "tab", "right", "x")
	if v := h.view(); !strings.Contains(v, "27/03/2023") {
		t.Fatalf("the cursor moved and the value went anyway:\n%s", v)
	}
	// ctrl+u is in the help of a form
	h.send(keyF1())
	if v := h.view(); !strings.Contains(v, "ctrl+u") || !strings.Contains(v, "xóa ô đang nhập") {
		t.Fatalf("ctrl+u not in the form's help:\n%s", v)
	}
}

func TestAFieldLeftShowsTheStartOfItsValue(t *testing.T) {
	st := seeded(t)
	h := newHarness(t, st, lang.VI, 80, 24)
	long := "Ứng dụng công nghệ thông tin trong giải quyết thủ tục hành chính tại bộ phận một cửa cấp xã trên địa bàn huyện"
	h.keys("3", "y te", "enter", "tab", "tab", "tab", long, "tab")
	v := h.view()
	line := lineWith(v, "Tên ")
	if !strings.Contains(line, "Ứng dụng công nghệ thông tin") || !strings.Contains(oneSpaced(v), long) {
		t.Fatalf("a long title left behind shows %q:\n%s", line, v) // its start, and over two lines the rest
	}
	// longer than two lines: the second ends in "…"
	h.keys("up", "ctrl+u", long+" "+long, "tab")
	v = h.view()
	if next := strings.Split(v, "\n")[lineIndex(v, "Tên ")+1]; !strings.HasSuffix(strings.TrimRight(next, " "), "…") {
		t.Fatalf("a title longer than two lines shows:\n%s", v)
	}
}

// lineIndex is the number of the first line of view holding s.
func lineIndex(view, s string) int {
	for i, l := range strings.Split(view, "\n") {
		if strings.Contains(l, s) {
			return i
		}
	}
	return -1
}

func TestFormsAlwaysShowTheWayOutAndTheHelp(t *testing.T) {
	st := seeded(t)
	for _, l := range []lang.Lang{lang.VI, lang.EN} {
		h := newHarness(t, st, l, 80, 24)
		h.keys("3")
		lines := strings.Split(h.view(), "\n")
		foot := lines[len(lines)-1]
		for _, want := range []string{"esc " + l.T("quay lại", "back"), "f1 " + l.T("trợ giúp", "help")} {
			if !strings.Contains(foot, want) {
				t.Errorf("%s: the form's keys line lacks %q: %q", l, want, foot)
			}
		}
		// screen keys typed into the form say what happened
		h.keys("3", "4", "5")
		if v := h.view(); !strings.Contains(v, "alt+1…6") {
			t.Errorf("%s: digits typed into the agency field say nothing:\n%s", l, v)
		}
		h.send(keyF1())
		if v := h.view(); !strings.Contains(v, l.T("là chữ: gõ vào ô", "is typed into the field")) {
			t.Errorf("%s: the form's help does not say what ? does:\n%s", l, v)
		}
	}
}

func keyF1() tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyF1} }

// lineWith is the first line of the screen holding s ("" when none).
func lineWith(view, s string) string {
	for _, l := range strings.Split(view, "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	return ""
}

func TestALetterWithNoNumberAndNoDateIsAskedAboutOnce(t *testing.T) {
	st := seeded(t)
	for _, l := range []lang.Lang{lang.VI, lang.EN} {
		h := newHarness(t, st, l, 80, 24)
		before := len(h.m.ctx.Data.Registrations)
		h.keys("3", "ky anh", "enter", "tab", "tab", "tab", "Hộp thư góp ý "+l.String(), "ctrl+n")
		if v := oneSpaced(h.view()); !strings.Contains(v, l.T("Văn bản chưa có số, ngày — vẫn lưu?", "The letter has no number and no date — save anyway?")) {
			t.Fatalf("%s: no question:\n%s", l, h.view())
		}
		h.keys("n")
		if len(h.m.ctx.Data.Registrations) != before {
			t.Fatalf("%s: saved after no", l)
		}
		h.keys("ctrl+n", "y")
		if len(h.m.ctx.Data.Registrations) != before+1 {
			t.Fatalf("%s: not saved after yes:\n%s", l, h.view())
		}
		// the letter's next registration is not asked about again
		h.keys("Sổ tay điện tử "+l.String(), "ctrl+s")
		if len(h.m.ctx.Data.Registrations) != before+2 {
			t.Fatalf("%s: asked again:\n%s", l, h.view())
		}
	}
}

func TestTodayIsSaidOfTodayOnly(t *testing.T) {
	st := seeded(t)
	for _, l := range []lang.Lang{lang.VI, lang.EN} {
		h := newHarness(t, st, l, 80, 24)
		h.keys("5", "[", "[", "[") // 27/03 → 24/03, the deadline
		v := h.view()
		said := strings.ReplaceAll(v, l.T("0 hôm nay", "0 today"), "") // the key back to today is no saying
		if strings.Contains(said, l.T("hôm nay", "today")) || !strings.Contains(v, l.T("đúng ngày hạn cuối", "the deadline day")) {
			t.Errorf("%s: as of the deadline:\n%s", l, v)
		}
		h.keys("[", "[", "[", "[")
		if v := h.view(); !strings.Contains(v, l.T("trước hạn 4 ngày", "4 days before the deadline")) {
			t.Errorf("%s: as of 20/03:\n%s", l, v)
		}
		h.keys("0")
		if v := h.view(); !strings.Contains(v, l.T("quá hạn 3 ngày", "3 days overdue")) {
			t.Errorf("%s: as of today:\n%s", l, v)
		}
	}
}

func TestTheFirstProgressStepIsNotBeforeTheLetter(t *testing.T) {
	st := seeded(t)
	h := newHarness(t, st, lang.VI, 100, 30)
	h.keys("4", "/", "ban do", "enter", "p", "tab", "24/03/2023", "ctrl+s") // received 25/03
	if v := oneSpaced(h.view()); !strings.Contains(v, "Ngày: 24/03/2023 trước ngày nhận văn bản đăng ký (25/03/2023)") {
		t.Fatalf("a step before the letter is not refused:\n%s", h.view())
	}
	row := findRow(t, h, "Bản đồ số")
	steps, err := st.ProgressSteps(context.Background(), row.ID)
	if err != nil || len(steps) != 0 {
		t.Fatalf("steps = %v, %v", steps, err)
	}
	h.keys("ctrl+u", "25/03/2023", "ctrl+s")
	if steps, err = st.ProgressSteps(context.Background(), row.ID); err != nil || len(steps) != 1 {
		t.Fatalf("the day of the letter is refused: %v, %v\n%s", steps, err, h.view())
	}
}

func TestEnglishCountsTheirRegistrations(t *testing.T) {
	st := seeded(t)
	for _, w := range []int{80, 140} {
		h := newHarness(t, st, lang.EN, w, 40)
		v := h.view()
		if !strings.Contains(lineWith(v, "No. 57/SYT-VP"), "1 registration ") || !strings.Contains(lineWith(v, "No. 88/UBND-NV"), "3 registrations") ||
			strings.Contains(v, "1 registrations") || strings.Contains(v, "registrat…") {
			t.Errorf("at %d columns:\n%s", w, v)
		}
	}
}

func TestHistoryNumbersFollowOneAnother(t *testing.T) {
	st := seeded(t)
	h := newHarness(t, st, lang.VI, 100, 30)
	h.keys("3", "y te", "enter", "70/SYT-VP", "tab", "tab", "tab", "Một", "ctrl+s")
	// a file imported twice adds nothing the second time: a write that
	// changes nothing leaves no number behind
	again := filepath.Join(t.TempDir(), "duc-tho.csv")
	if err := os.WriteFile(again, []byte("Tên cơ quan, đơn vị: UBND huyện Đức Thọ\nSố: 312/UBND-NV\n"+
		"STT;Tên mô hình, sáng kiến;Loại;Lĩnh vực\n1;Bộ phận một cửa thân thiện;Mô hình;TTHC\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	h.keys("esc", "2", "i", again, "ctrl+s", "ctrl+s", "esc")
	h.keys("3", "y te", "enter", "71/SYT-VP", "tab", "tab", "tab", "Hai", "ctrl+s")
	changes, err := st.History(context.Background(), book.HistoryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i < len(changes); i++ {
		if changes[i-1].ID != changes[i].ID+1 {
			t.Fatalf("history numbers skip: #%d after #%d", changes[i-1].ID, changes[i].ID)
		}
	}
	if len(changes) < 2 || !strings.Contains(changes[0].Summary(lang.VI), "Hai") {
		t.Fatalf("changes = %+v", changes)
	}
}

func TestAFreshBookPointsToTheImport(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "cchc.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	h := newHarness(t, st, lang.VI, 80, 24)
	if v := oneSpaced(h.view()); !strings.Contains(v, "i để nhập từ tệp") {
		t.Fatalf("overview of a fresh book:\n%s", h.view())
	}
	h.keys("3", "duc tho", "enter", "tab", "tab", "tab", "tab", "tab", "tab")
	if v := oneSpaced(h.view()); !strings.Contains(v, "chưa có xã: nhập danh sách bằng i ở màn 2") {
		t.Fatalf("entry of a fresh book:\n%s", h.view())
	}
	h.keys("esc", "y", "2", "/", "duc tho", "enter", "enter")
	if v := oneSpaced(h.view()); !strings.Contains(v, "nhấn i để nhập danh sách đơn vị hành chính từ tệp") {
		t.Fatalf("a district of a fresh book:\n%s", h.view())
	}
	h.keys("i")
	if v := h.view(); !strings.Contains(v, "Nhập từ tệp") {
		t.Fatalf("i does not open the import there:\n%s", v)
	}
}

func TestTheLetterScreenSaysTheDepartmentIsLeftOut(t *testing.T) {
	st := seeded(t)
	for _, l := range []lang.Lang{lang.VI, lang.EN} {
		h := newHarness(t, st, l, 80, 24)
		h.keys("6", "right", "right", "right") // status, missing, registrations → reminder
		want := l.T("Danh sách chưa đủ có 37 cơ quan; công văn gửi 36 vì không gửi cho chính Sở Nội vụ.",
			"The list of those short names 37 agencies; the letter goes to 36, as it is not sent to Sở Nội vụ itself.")
		if v := oneSpaced(h.view()); !strings.Contains(v, want) {
			t.Errorf("%s:\n%s", l, h.view())
		}
		h.keys("left")
		if v := oneSpaced(h.view()); strings.Contains(v, l.T("không gửi cho chính", "not sent to")) {
			t.Errorf("%s: said of another report:\n%s", l, h.view())
		}
	}
}

func TestImportShowsEveryProblemAndKeepsThePath(t *testing.T) {
	h := newHarness(t, seeded(t), lang.VI, 80, 24)
	bad := filepath.Join(t.TempDir(), "y-te.csv")
	if err := os.WriteFile(bad, []byte("Tên cơ quan, đơn vị: Sở Y tế\nSTT;Tên mô hình;Loại;Lĩnh vực\n"+
		"1;A;Phần mềm;Thể chế\n2;B;Phần cứng;Thể chế\n3;C;Mô hình;Thơ ca\n4;D;Mô hình;Hội họa\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	h.keys("2", "i", bad, "ctrl+s")
	seen := map[int]bool{}
	for i := 0; i < 4; i++ {
		v := oneSpaced(h.view())
		for line := 3; line <= 6; line++ {
			if strings.Contains(v, "Dòng "+itoa(line)+", cột") {
				seen[line] = true
			}
		}
		h.keys("down")
	}
	if len(seen) != 4 {
		t.Fatalf("problems readable: %v\n%s", seen, h.view())
	}
	// the selected row's problem is told whole, to its list of what is allowed
	if v := oneSpaced(h.view()); !strings.Contains(v, `"Hội họa" không khớp`) || !strings.Contains(v, "Chính phủ số, Khác)") {
		t.Fatalf("the selected row's problem is cut:\n%s", h.view())
	}
	// closed and opened again: the file's path is there to try once more
	h.keys("esc", "esc", "i")
	if v := h.view(); !strings.Contains(v, "y-te.csv") || h.m.ctx.ImportPath != bad {
		t.Fatalf("the path is forgotten:\n%s", v)
	}
	h.keys("ctrl+s")
	if v := h.view(); !strings.Contains(v, "Dòng 3, cột") {
		t.Fatalf("the retry does not read the file:\n%s", v)
	}
}

func TestANewYearIsOpenedFromTheCampaignPicker(t *testing.T) {
	st := seeded(t)
	h := newHarness(t, st, lang.VI, 80, 24)
	h.keys("y")
	if v := h.view(); !strings.Contains(v, "n mở đợt năm mới") || strings.Contains(v, "cchc campaign new") {
		t.Fatalf("the picker does not offer a new year:\n%s", v)
	}
	h.keys("n", "31/02/2024", "ctrl+s")
	if v := h.view(); !strings.Contains(v, "Hạn đăng ký: cần ngày có thật") {
		t.Fatalf("a bad deadline:\n%s", v)
	}
	h.keys("up", "2023", "ctrl+s")
	if v := h.view(); !strings.Contains(v, "Năm 2023 đã có đợt đăng ký") {
		t.Fatalf("a year that has a campaign:\n%s", v)
	}
	if cs, err := st.Campaigns(context.Background()); err != nil || len(cs) != 1 {
		t.Fatalf("campaigns after refusals: %d (read: %v)", len(cs), err)
	}
	h.keys("ctrl+u", "2024", "tab", "ctrl+u", "29/03/2024", "ctrl+s", "ctrl+u", "215/SNV-CCHC&VTLT", "ctrl+s")
	v := h.view()
	if h.m.ctx.Data.Campaign.Year != 2024 || !strings.Contains(v, "Đợt đăng ký 2024") || !strings.Contains(v, "Đã mở đợt đăng ký năm 2024") {
		t.Fatalf("after opening 2024:\n%s", v)
	}
	c, err := st.Campaign(context.Background(), 2024)
	if err != nil {
		t.Fatal(err)
	}
	agencies, err := st.CampaignAgencies(context.Background(), c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !c.Deadline.Equal(vndate.Of(2024, 3, 29)) || c.LetterNumber != "215/SNV-CCHC&VTLT" || len(agencies) != 40 || len(h.m.ctx.Data.Registrations) != 0 {
		t.Fatalf("2024 = %+v with %d agencies, %d registrations", c, len(agencies), len(h.m.ctx.Data.Registrations))
	}
}

func TestALongWriteShowsItsProgress(t *testing.T) {
	common.ShowAfter = 0 // every write is long enough here
	defer func() { common.ShowAfter = 500 * time.Millisecond }()
	h := newHarness(t, seeded(t), lang.VI, 80, 24)
	path := filepath.Join(t.TempDir(), "danh-sach.xlsx")
	h.keys("6", "right", "right", "tab", "right", "right", "right", "right", "tab", "tab", "ctrl+u", path)
	if v := h.view(); !strings.Contains(v, "xlsx") {
		t.Fatalf("not the xlsx list:\n%s", v)
	}
	_, cmd := h.m.Update(tea.KeyMsg{Type: tea.KeyCtrlS})
	waitFor(t, h, "Đang ghi… 7/7")
	if !strings.Contains(lineWith(h.view(), "Đang ghi…"), "█") {
		t.Fatalf("no bar:\n%s", h.view())
	}
	h.run(cmd)
	if _, err := os.Stat(path); err != nil || !strings.Contains(oneSpaced(h.view()), "Đã ghi "+path) {
		t.Fatalf("not written (%v):\n%s", err, h.view())
	}
}

// waitFor waits (a few seconds at most) for the screen to show s.
func waitFor(t *testing.T, h *harness, s string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(h.view(), s) {
		if time.Now().After(deadline) {
			t.Fatalf("the screen never shows %q:\n%s", s, h.view())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestALongImportShowsItsProgress(t *testing.T) {
	common.ShowAfter = 0
	defer func() { common.ShowAfter = 500 * time.Millisecond }()
	h := newHarness(t, seeded(t), lang.VI, 80, 24)
	file := filepath.Join(t.TempDir(), "ky-anh.csv")
	if err := os.WriteFile(file, []byte("Tên cơ quan, đơn vị: Huyện Kỳ Anh\nSố: 9/UBND\nSTT;Tên mô hình;Loại;Lĩnh vực\n"+
		"1;Một;Mô hình;TTHC\n2;Hai;Mô hình;TTHC\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	h.keys("2", "i", file, "ctrl+s")
	_, cmd := h.m.Update(tea.KeyMsg{Type: tea.KeyCtrlS})
	waitFor(t, h, "Đang ghi… 2/2")
	h.run(cmd)
	if got := registrationsOf(t, h, "Huyện Kỳ Anh"); len(got) != 2 || !strings.Contains(h.view(), "Đã thêm 2 mô hình") {
		t.Fatalf("after the import: %v\n%s", got, h.view())
	}
}

func TestAt80ColumnsNamesAreToldApart(t *testing.T) {
	st := seeded(t)
	ctx := context.Background()
	c, err := st.Campaign(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	long := []string{"Cục Quản lý thị trường tỉnh Bình Dương - chi cục số một", "Cục Quản lý thị trường tỉnh Bình Định - chi cục số một"}
	for _, name := range long {
		if _, err := st.AddAgency(ctx, c.ID, campaign.Agency{Name: name, Group: campaign.Central, Active: true}); err != nil {
			t.Fatal(err)
		}
	}
	for _, l := range []lang.Lang{lang.VI, lang.EN} {
		h := newHarness(t, st, l, 80, 24)
		h.keys("2", "/", "quan ly thi truong", "enter")
		v := h.view()
		a, b := lineWith(v, "Dương"), lineWith(v, "Định")
		if a == "" || b == "" || a == b {
			t.Fatalf("%s: the two rows read the same:\n%s", l, v)
		}
		if !strings.Contains(lineWith(v, "› "+long[0]), long[0]) && !strings.Contains(oneSpaced(v), long[0]) {
			t.Fatalf("%s: the selected agency is not told whole:\n%s", l, v)
		}
		// the status screen gives the remarks to the line under the list
		h.keys("esc", "5")
		if v := h.view(); !strings.Contains(lineWith(v, " › "), l.T("Quá hạn", "Overdue")) {
			t.Fatalf("%s: no remarks on the selected line:\n%s", l, v)
		}
		// and the registrations screen the whole title
		h.keys("4", "/", "ban do", "enter")
		if v := oneSpaced(h.view()); !strings.Contains(v, "› Bản đồ số · Sở Thông tin và Truyền thông") {
			t.Fatalf("%s: the selected registration:\n%s", l, h.view())
		}
	}
}

func TestEveryScreenWorksAt72x20(t *testing.T) {
	st := seeded(t)
	for _, l := range []lang.Lang{lang.VI, lang.EN} {
		h := newHarness(t, st, l, 72, 20)
		v := h.view()
		checkFills(t, v, 72, 20)
		if !strings.Contains(lineWith(v, "88/UBND-NV"), "Thành phố Hà Tĩnh") {
			t.Errorf("%s: the overview's latest letters have no rows:\n%s", l, v)
		}
		h.keys("5")
		if v := h.view(); !strings.Contains(v, l.T("Mô hình", "Reg.")) || !strings.Contains(lineWith(v, l.T("Tổng cộng", "Total")), " 7") {
			t.Errorf("%s: the status groups lose their registrations:\n%s", l, v)
		}
		for _, tab := range []string{"1", "2", "3", "4", "5", "6"} {
			h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(tab), Alt: true})
			checkFills(t, h.view(), 72, 20)
			if tab == "3" || tab == "6" {
				h.send(keyF1())
			} else {
				h.keys("?")
			}
			v := h.view()
			checkFills(t, v, 72, 20)
			for _, want := range []string{l.T("thoát", "quit")} {
				if !strings.Contains(v, want) {
					t.Errorf("%s: the help of screen %s lacks %q:\n%s", l, tab, want, v)
				}
			}
			if tab != "3" && tab != "6" && !strings.Contains(v, l.T("nhập từ tệp", "import a file")) {
				t.Errorf("%s: the help of screen %s is cut:\n%s", l, tab, v)
			}
			h.keys("esc")
		}
	}
}

// Screens 1 and 5 say what their totals leave out that screen 4 lists:
// the registrations of a unit no longer followed.
func TestTotalsSayWhatTheyLeaveOut(t *testing.T) {
	st := seeded(t)
	h := newHarness(t, st, lang.VI, 100, 30)
	h.keys("5")
	if v := h.view(); strings.Contains(v, "Không tính") {
		t.Fatalf("every registration is counted, yet:\n%s", v)
	}
	all := len(h.m.ctx.Data.Registrations)
	h.keys("2", "/", "y te", "enter", "x", "y", "5")
	left := 0
	for _, r := range h.m.ctx.Data.Registrations {
		if r.Agency.Name == "Sở Y tế" {
			left++
		}
	}
	want := fmt.Sprintf("Không tính %d mô hình của 1 đơn vị ngừng theo dõi (màn 4 vẫn liệt kê)", left)
	if v := h.view(); left == 0 || !strings.Contains(v, want) || h.m.ctx.Data.Summary.Total().Registrations != all-left {
		t.Fatalf("no %q (of %d):\n%s", want, all, v)
	}
	if h.keys("1"); !strings.Contains(h.view(), want) {
		t.Fatalf("screen 1 does not say %q:\n%s", want, h.view())
	}
	// whole on the smallest screen, in English too: a second line
	for _, l := range []lang.Lang{lang.VI, lang.EN} {
		small := newHarness(t, st, l, MinWidth, MinHeight)
		want := l.F("Không tính %s của 1 đơn vị ngừng theo dõi (màn 4 vẫn liệt kê)",
			"Not counted: %s of 1 unit no longer followed (screen 4 still lists them)", l.Count(left, "mô hình", "registration", "registrations"))
		for _, tab := range []string{"1", "5"} {
			small.keys(tab)
			v := small.view()
			checkFills(t, v, MinWidth, MinHeight)
			if !strings.Contains(oneSpaced(v), want) {
				t.Errorf("%s: screen %s at 72×20 does not say %q whole:\n%s", l, tab, want, v)
			}
		}
	}
}
