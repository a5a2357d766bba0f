package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"golang.org/x/text/unicode/norm"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/compliance"
	"cchc/internal/lang"
	"cchc/internal/vndate"
	"cchc/ui/common"
)

func registrationsOf(t *testing.T, h *harness, agency string) []string {
	t.Helper()
	c := h.m.ctx.Data.Campaign
	rows, err := h.m.book.Registrations(context.Background(), c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rows {
		if r.AgencyName == agency {
			out = append(out, r.Title+"|"+r.LetterNumber+"|"+r.Received.String())
		}
	}
	return out
}

func TestEntrySaveAndAddAnotherKeepsTheLetter(t *testing.T) {
	st := seeded(t)
	h := newHarness(t, st, lang.VI, 80, 24)
	h.keys("3", "duc tho", "enter", "400/UBND-NV", "tab", "20/03/2023", "tab", "tab",
		"Một cửa thân thiện", "ctrl+n")
	if v := h.view(); !strings.Contains(v, "Đã lưu 1 mô hình; nhập mô hình 2") || !strings.Contains(v, "Văn bản của Huyện Đức Thọ, số 400/UBND-NV") {
		t.Fatalf("after ctrl+n:\n%s", v)
	}
	h.keys("Số hóa hồ sơ", "tab", "right", "ctrl+s")
	got := registrationsOf(t, h, "Huyện Đức Thọ")
	want := map[string]bool{
		"Bộ phận một cửa thân thiện|312/UBND-NV|21/03/2023": true,
		"Một cửa thân thiện|400/UBND-NV|27/03/2023":         true,
		"Số hóa hồ sơ|400/UBND-NV|27/03/2023":               true,
	}
	if len(got) != 3 {
		t.Fatalf("Đức Thọ registrations = %v", got)
	}
	for _, g := range got {
		if !want[g] {
			t.Fatalf("unexpected %q in %v", g, got)
		}
	}
	subs, err := st.Submissions(context.Background(), h.m.ctx.Data.Campaign.ID)
	if err != nil {
		t.Fatal(err)
	}
	letters := 0
	for _, s := range subs {
		if s.Number == "400/UBND-NV" {
			letters++
			if s.Registrations != 2 {
				t.Fatalf("letter has %d registrations", s.Registrations)
			}
		}
	}
	if letters != 1 {
		t.Fatalf("letters 400/UBND-NV = %d", letters)
	}
	// The data reloaded: Đức Thọ now meets its minimum of 2 and its target of 3.
	r := h.m.ctx.Data.ResultByID[h.m.ctx.Data.Agencies[findAgency(h, "Huyện Đức Thọ")].ID]
	if r.Registered != 3 || r.Status != compliance.Met || !r.TargetMet {
		t.Fatalf("Đức Thọ after entry = %+v", r)
	}
	if !strings.Contains(h.view(), "Đã lưu «Số hóa hồ sơ» của Huyện Đức Thọ") {
		t.Fatalf("no confirmation:\n%s", h.view())
	}
}

func findAgency(h *harness, name string) int {
	for i, a := range h.m.ctx.Data.Agencies {
		if a.Name == name {
			return i
		}
	}
	h.t.Fatalf("no %s", name)
	return -1
}

func TestEntryRefusesBadInputAndWritesNothing(t *testing.T) {
	st := seeded(t)
	h := newHarness(t, st, lang.VI, 80, 24)
	before := len(h.m.ctx.Data.Registrations)
	// received in the future, no title
	h.keys("3", "so noi vu", "enter", "1/SNV", "tab", "tab")
	for i := 0; i < 10; i++ {
		h.send(tea.KeyMsg{Type: tea.KeyBackspace})
	}
	h.keys("01/04/2023", "ctrl+s")
	v := h.view()
	for _, want := range []string{"Ngày nhận: 01/04/2023 là ngày trong tương lai", "Tên mô hình, sáng kiến: không được để trống"} {
		if !strings.Contains(v, want) {
			t.Errorf("missing %q:\n%s", want, v)
		}
	}
	h.m.Update(common.ReloadMsg{})
	h.run(h.m.load())
	if len(h.m.ctx.Data.Registrations) != before {
		t.Fatal("invalid entry was written")
	}
	// esc asks before dropping the input; n keeps it
	h.keys("esc")
	if !strings.Contains(h.view(), "Bỏ nội dung đang nhập?") {
		t.Fatalf("no discard question:\n%s", h.view())
	}
	if v := h.view(); !strings.Contains(v, "y/c đồng ý · n/k không") {
		t.Fatalf("the keys line does not say how to answer:\n%s", v)
	}
	h.keys("n")
	if h.m.tab != common.TabEntry || !h.m.screens[common.TabEntry].(interface{ Dirty() bool }).Dirty() {
		t.Fatal("input lost after answering no")
	}
	h.keys("esc", "y")
	if h.m.tab == common.TabEntry || h.m.screens[common.TabEntry].(interface{ Dirty() bool }).Dirty() {
		t.Fatal("the input is kept after answering yes")
	}
}

func TestTypedTextIsNFC(t *testing.T) {
	st := seeded(t)
	h := newHarness(t, st, lang.VI, 80, 24)
	h.keys("3", "y te", "enter", "61/SYT-VP", "tab", "tab", "tab")
	// "Khám" typed with a combining acute accent, as some keyboards send it
	h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("Kha\u0301m bê\u0323nh")})
	h.keys("ctrl+s")
	got := registrationsOf(t, h, "Sở Y tế")
	found := false
	for _, g := range got {
		title := strings.Split(g, "|")[0]
		if title == "Khám bệnh" {
			found = true
		}
		if !norm.NFC.IsNormalString(title) {
			t.Fatalf("stored title not NFC: %q", title)
		}
	}
	if !found {
		t.Fatalf("registrations = %v", got)
	}
}

func TestEditAndDeleteFromTheRegistrationsList(t *testing.T) {
	st := seeded(t)
	h := newHarness(t, st, lang.VI, 100, 30)
	h.keys("4", "/", "khám", "enter", "enter")
	if !strings.Contains(h.view(), "Khám bệnh không giấy tờ") || !strings.Contains(h.view(), "57/SYT-VP") {
		t.Fatalf("read view:\n%s", h.view())
	}
	h.keys("e")
	if h.m.tab != common.TabEntry || !strings.Contains(h.view(), "Sửa mô hình của Sở Y tế") {
		t.Fatalf("edit form:\n%s", h.view())
	}
	// someone else edits the same registration meanwhile
	row := findRow(t, h, "Khám bệnh không giấy tờ")
	other := row.Registration
	other.Note = "sửa ở máy khác"
	if err := st.UpdateRegistration(context.Background(), other); err != nil {
		t.Fatal(err)
	}
	h.keys(" từ xa", "ctrl+s")
	if v := h.view(); !strings.Contains(v, "vừa được người khác sửa") {
		t.Fatalf("conflict not reported:\n%s", v)
	}
	// reopen fresh and save
	h.keys("esc", "y")
	h.send(common.EditRegistrationMsg{ID: row.ID})
	h.keys(" từ xa", "ctrl+s")
	r := registrationOf(t, st, row.ID)
	if r.Title != "Khám bệnh không giấy tờ từ xa" || r.Note != "sửa ở máy khác" {
		t.Fatalf("after edit: %q / %q", r.Title, r.Note)
	}
	if h.m.tab != common.TabRegistrations {
		t.Fatalf("did not return to the list (tab %d)", h.m.tab)
	}
	// delete asks, naming what goes
	h.keys("esc", "esc", "/", "tu xa", "enter", "d") // back from reading it to the list, the search cleared
	if v := h.view(); !strings.Contains(v, "Xóa mô hình «Khám bệnh không giấy tờ từ xa» của Sở Y tế (văn bản số 57/SYT-VP") {
		t.Fatalf("no delete question:\n%s", v)
	}
	h.keys("y")
	if _, err := st.Registration(context.Background(), row.ID); err == nil {
		t.Fatal("not deleted")
	}
	if !strings.Contains(h.view(), "Đã xóa «Khám bệnh không giấy tờ từ xa» của Sở Y tế") {
		t.Fatalf("no note:\n%s", h.view())
	}
}

func TestAddAndDeactivateAgency(t *testing.T) {
	st := seeded(t)
	h := newHarness(t, st, lang.VI, 80, 24)
	h.keys("2", "a", "Xã Tùng Ảnh", "tab", "XTA", "tab", "cấp xã", "tab", "duc")
	h.keys("ctrl+s")
	i := findAgency(h, "Xã Tùng Ảnh")
	a := h.m.ctx.Data.Agencies[i]
	if a.Group != campaign.Commune || a.ShortName != "XTA" || h.m.ctx.Data.ByID[a.ParentID].Name != "Huyện Đức Thọ" {
		t.Fatalf("added %+v", a)
	}
	// deactivate Sở Ngoại vụ: asked first, then no longer judged
	h.keys("/", "ngoai vu", "enter", "x")
	if !strings.Contains(h.view(), "Ngừng theo dõi Sở Ngoại vụ trong đợt đăng ký 2023?") {
		t.Fatalf("no question:\n%s", h.view())
	}
	h.keys("y")
	id := h.m.ctx.Data.Agencies[findAgency(h, "Sở Ngoại vụ")].ID
	if _, judged := h.m.ctx.Data.ResultByID[id]; judged {
		t.Fatal("inactive agency still judged")
	}
}

// Merging on the agencies screen: units marked with m, merged with M into
// the selected one, asked first; renaming through the form, asked first;
// each with a history line that names it.
func TestMergeAndRenameAgencies(t *testing.T) {
	st := seeded(t)
	h := newHarness(t, st, lang.VI, 80, 24)
	h.keys("2", "/", "tai nguyen", "enter", "m", "esc")
	h.keys("/", "nong nghiep", "enter", "m", "esc")
	h.keys("/", "y te", "enter", "M")
	if v := h.view(); !strings.Contains(v, "Hợp nhất Sở Nông nghiệp và Phát triển nông thôn, Sở Tài nguyên và Môi trường") || !strings.Contains(v, "vào Sở Y tế trong đợt đăng ký 2023?") {
		t.Fatalf("no question:\n%s", v)
	}
	h.keys("y")
	yte := h.m.ctx.Data.Agencies[findAgency(h, "Sở Y tế")].ID
	if got := strings.Join(h.m.ctx.Data.Succession.Predecessors[yte], ", "); got != "Sở NN&PTNT, Sở TN&MT" {
		t.Fatalf("Sở Y tế succeeds %q", got)
	}
	if h.m.ctx.Data.Agencies[findAgency(h, "Sở Tài nguyên và Môi trường")].Active {
		t.Fatal("a merged unit is still followed")
	}
	h.keys("e", "ctrl+u", "Sở Y tế và Môi trường", "ctrl+s")
	if v := h.view(); !strings.Contains(v, "Đổi tên «Sở Y tế» thành «Sở Y tế và Môi") {
		t.Fatalf("no question:\n%s", v)
	}
	h.keys("y")
	findAgency(h, "Sở Y tế và Môi trường")
	hist, err := st.History(context.Background(), book.HistoryQuery{Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(hist[0].Summary(lang.VI), "Đổi tên «Sở Y tế»") || !strings.HasPrefix(hist[1].Summary(lang.VI), "Hợp nhất Sở") {
		t.Fatalf("history: %q, %q", hist[0].Summary(lang.VI), hist[1].Summary(lang.VI))
	}
}

func TestSmallWindowAndResize(t *testing.T) {
	st := seeded(t)
	h := newHarness(t, st, lang.VI, 60, 15)
	v := h.view()
	checkFills(t, v, 60, 15)
	if !strings.Contains(v, "Cửa sổ quá nhỏ (60×15)") {
		t.Fatalf("small window:\n%s", v)
	}
	for _, sz := range []struct{ w, h int }{{132, 50}, {80, 24}, {100, 30}} {
		h.send(tea.WindowSizeMsg{Width: sz.w, Height: sz.h})
		for tab := 0; tab < 5; tab++ {
			h.m.tab = tab
			checkFills(t, h.view(), sz.w, sz.h)
		}
	}
}

func TestQuitAsksWhenInputIsUnsaved(t *testing.T) {
	st := seeded(t)
	h := newHarness(t, st, lang.VI, 80, 24)
	h.keys("3", "Sở")
	_, cmd := h.m.Update(tea.KeyMsg{Type: tea.KeyCtrlC})
	if cmd != nil {
		if _, quit := cmd().(tea.QuitMsg); quit {
			t.Fatal("quit without asking")
		}
	}
	if !strings.Contains(h.view(), "Có nội dung đang nhập chưa lưu") {
		t.Fatalf("no question:\n%s", h.view())
	}
	_, cmd = h.m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("y")})
	if cmd == nil {
		t.Fatal("yes did not quit")
	}
	if _, quit := cmd().(tea.QuitMsg); !quit {
		t.Fatal("yes did not quit")
	}
}

func TestEnglish(t *testing.T) {
	st := seeded(t)
	h := newHarness(t, st, lang.EN, 80, 24)
	v := h.view()
	for _, want := range []string{"Campaign 2023", "3 days overdue", "Overview", "2/19 met"} {
		if !strings.Contains(v, want) {
			t.Errorf("missing %q:\n%s", want, v)
		}
	}
	h.keys("5", "[", "[", "[", "[")
	if v := h.view(); !strings.Contains(v, "As of 23/03/2023") || !strings.Contains(v, "1 days left") && !strings.Contains(v, "1 day") {
		t.Errorf("as-of change:\n%s", v)
	}
}

var _ = vndate.Of

func TestReportsScreenWritesAFile(t *testing.T) {
	st := seeded(t)
	h := newHarness(t, st, lang.VI, 80, 24)
	dir := t.TempDir()
	path := filepath.Join(dir, "tinh-hinh.md")
	// status report, Markdown, into a file of our own
	h.keys("6", "tab", "right", "tab", "tab", "ctrl+u", path, "ctrl+s")
	v := h.view()
	if !strings.Contains(oneSpaced(v), "Đã ghi: "+path) { // a long path (Windows' temp) goes on a line of its own
		t.Fatalf("not written:\n%s", v)
	}
	b, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(b), "# ĐỢT ĐĂNG KÝ NĂM 2023") || !strings.Contains(string(b), "Huyện Đức Thọ") {
		t.Fatalf("report file: %v\n%s", err, b)
	}
	// writing again asks before overwriting; "n" keeps the file
	writeFile(t, path, "giữ nguyên")
	h.keys("ctrl+s")
	if !strings.Contains(h.view(), "Tệp tinh-hinh.md đã có. Ghi đè?") {
		t.Fatalf("no overwrite question:\n%s", h.view())
	}
	h.keys("n")
	if readFile(t, path) != "giữ nguyên" {
		t.Fatal("file overwritten after no")
	}
	h.keys("ctrl+s", "y")
	if !strings.Contains(readFile(t, path), "ĐỢT ĐĂNG KÝ") {
		t.Fatal("file not overwritten after yes")
	}
	// a failed write does not leave the last success beside its message
	h.keys("ctrl+u", filepath.Join(dir, "khong-co", "x.md"), "ctrl+s")
	if v := h.view(); !strings.Contains(v, "! ") || strings.Contains(v, "Đã ghi: ") {
		t.Fatalf("after a failed write:\n%s", v)
	}
}

func TestCampaignSettingsAndSwitching(t *testing.T) {
	st := seeded(t)
	ctx := context.Background()
	if _, err := st.NewCampaign(ctx, campaign.Campaign{Year: 2024, Deadline: vndate.Of(2024, 3, 29)}, 2023); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, st, lang.VI, 80, 24)
	if h.m.ctx.Data.Campaign.Year != 2024 || !strings.Contains(h.view(), "Đợt đăng ký 2024") {
		t.Fatalf("latest campaign not shown:\n%s", h.view())
	}
	// switch back to 2023 with y
	h.keys("y", "down", "enter")
	if h.m.ctx.Data.Campaign.Year != 2023 || !strings.Contains(h.view(), "Đợt đăng ký 2023") || len(h.m.ctx.Data.Registrations) != 7 {
		t.Fatalf("did not switch:\n%s", h.view())
	}
	// the entry form now offers 2023's agencies and saves into 2023
	h.keys("3", "duc tho", "enter", "5/UBND", "tab", "tab", "tab", "Thêm một mô hình", "ctrl+s")
	rows, err := st.Registrations(ctx, h.m.ctx.Data.Campaign.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 8 {
		t.Fatalf("2023 registrations = %d", len(rows))
	}
	// settings: change the district minimum, refuse a target below it
	h.keys("esc", "1", "c")
	if !strings.Contains(h.view(), "Thiết lập đợt đăng ký năm 2023") {
		t.Fatalf("settings not open:\n%s", h.view())
	}
	form := func(n int) {
		for i := 0; i < n; i++ {
			h.keys("tab")
		}
	}
	form(16) // to "Tối thiểu: Cấp huyện"
	h.send(tea.KeyMsg{Type: tea.KeyBackspace})
	h.keys("4", "ctrl+s")
	if v := h.view(); !strings.Contains(v, "Chỉ tiêu UBND cấp huyện: tối thiểu 4, phấn đấu 3 không hợp lệ") {
		t.Fatalf("bad quota accepted:\n%s", v)
	}
	h.keys("tab")
	h.send(tea.KeyMsg{Type: tea.KeyBackspace})
	h.keys("5", "ctrl+s")
	c, err := st.Campaign(ctx, 2023)
	if err != nil {
		t.Fatal(err)
	}
	if c.Quotas[campaign.District] != (campaign.Quota{Required: 4, Target: 5}) {
		t.Fatalf("quota = %+v", c.Quotas[campaign.District])
	}
	if !strings.Contains(h.view(), "Đã lưu thiết lập đợt đăng ký năm 2023") {
		t.Fatalf("no note:\n%s", h.view())
	}
}

// The reminder's foot is edited in the campaign's settings, and the
// reports screen asks for the reminder's new deadline.
func TestReminderFootAndReplyBy(t *testing.T) {
	st := seeded(t)
	ctx := context.Background()
	h := newHarness(t, st, lang.VI, 80, 24)
	h.keys("c")
	if !strings.Contains(h.view(), "Thiết lập đợt đăng ký năm 2023") {
		t.Fatalf("settings not open:\n%s", h.view())
	}
	for i := 0; i < 8; i++ {
		h.keys("tab")
	}
	h.keys("KT. Giám đốc", "tab", "ctrl+u", "Phó Giám đốc", "tab", "ctrl+u", "Nguyễn Văn Hùng", "tab")
	if v := h.view(); !strings.Contains(v, "Như trên; UBND tỉnh (b/c); Ban Giám đốc Sở;") {
		t.Fatalf("the default Nơi nhận is not shown:\n%s", v)
	}
	h.keys("ctrl+u", "- Như trên; - UBND tỉnh (b/c); - Lưu: VT, CCHC&VTLT.", "ctrl+s")
	c, err := st.Campaign(ctx, 2023)
	if err != nil {
		t.Fatal(err)
	}
	if c.SignerAuthority != "KT. Giám đốc" || c.SignerTitle != "Phó Giám đốc" || strings.Join(c.CopiesTo, "|") != "Như trên|UBND tỉnh (b/c)|Lưu: VT, CCHC&VTLT" {
		t.Fatalf("saved: %q %q %q\n%s", c.SignerAuthority, c.SignerTitle, c.CopiesTo, h.view())
	}

	path := filepath.Join(t.TempDir(), "don-doc.txt")
	h.keys("6", "right", "right", "right", "tab", "tab", "tab")
	if v := h.view(); !strings.Contains(v, "Hạn gửi lại") {
		t.Fatalf("the reminder's new deadline is not asked:\n%s", v)
	}
	h.keys("31/02/2023", "tab", "ctrl+u", path, "ctrl+s")
	if v := h.view(); !strings.Contains(v, "Hạn gửi lại: cần ngày có thật") {
		t.Fatalf("an impossible day accepted:\n%s", v)
	}
	h.keys("shift+tab")
	for i := 0; i < 10; i++ {
		h.send(tea.KeyMsg{Type: tea.KeyBackspace})
	}
	h.keys("15/04/2023", "ctrl+s")
	if v := h.view(); !strings.Contains(oneSpaced(v), "Đã ghi: "+path) {
		t.Fatalf("not written:\n%s", v)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	letter := string(b)
	for _, want := range []string{"15/04/2023.", "KT. GIÁM ĐỐC\n", "PHÓ GIÁM ĐỐC\n", "- UBND tỉnh (b/c);", "- Lưu: VT, CCHC&VTLT."} {
		if !strings.Contains(letter, want) {
			t.Errorf("letter lacks %q:\n%s", want, letter)
		}
	}
	if strings.Contains(letter, "Ban Giám đốc Sở") {
		t.Errorf("the list saved is not the one printed:\n%s", letter)
	}
}

func TestImportFromAFile(t *testing.T) {
	st := seeded(t)
	h := newHarness(t, st, lang.VI, 100, 30)
	dir := t.TempDir()
	good := filepath.Join(dir, "duc-tho.csv")
	writeFile(t, good, "\ufeffTên cơ quan, đơn vị: UBND huyện Đức Thọ\nSố: 401/UBND-NV\n"+
		"STT;Tên mô hình, sáng kiến;Loại;Lĩnh vực;Đơn vị chủ trì\n"+
		"1;Một cửa liên thông cấp huyện;Mô hình;TTHC;\n"+
		"2;Bộ phận một cửa thân thiện;Mô hình;TTHC;\n")
	bad := filepath.Join(dir, "la.csv")
	writeFile(t, bad, "Tên cơ quan, đơn vị: Sở Không Có\nSTT;Tên mô hình;Loại;Lĩnh vực\n1;X;Mô hình;Thơ ca\n")

	h.keys("2", "i")
	if !strings.Contains(h.view(), "Nhập từ tệp") {
		t.Fatalf("import not open:\n%s", h.view())
	}
	h.keys(bad, "ctrl+s")
	v := h.view()
	if !strings.Contains(v, "lỗi") || strings.Contains(v, "Nhấn ctrl+s để ghi") {
		t.Fatalf("bad file preview:\n%s", v)
	}
	before := len(h.m.ctx.Data.Registrations)
	h.keys("ctrl+s") // refused: the plan has errors
	if len(h.m.ctx.Data.Registrations) != before {
		t.Fatal("a file with errors was written")
	}
	h.keys("esc", "ctrl+u", good, "ctrl+s")
	v = h.view()
	for _, want := range []string{"Một cửa liên thông cấp huyện", "Thêm", "Trùng, bỏ qua", "Sẽ thêm 1 mô hình của Huyện Đức Thọ; bỏ qua 1 trùng"} {
		if !strings.Contains(v, want) {
			t.Fatalf("preview lacks %q:\n%s", want, v)
		}
	}
	h.keys("ctrl+s")
	if h.m.overlay != nil || !strings.Contains(h.view(), "Đã thêm 1 mô hình của Huyện Đức Thọ") {
		t.Fatalf("after writing:\n%s", h.view())
	}
	if got := registrationsOf(t, h, "Huyện Đức Thọ"); len(got) != 2 {
		t.Fatalf("Đức Thọ registrations = %v", got)
	}
}

func TestProgressFromTheRegistrationsScreen(t *testing.T) {
	st := seeded(t)
	h := newHarness(t, st, lang.VI, 100, 30)
	h.keys("4", "/", "khám", "enter", "enter")
	if !strings.Contains(h.view(), "Tiến độ: Đã đăng ký") || !strings.Contains(h.view(), "Nhấn p để chuyển sang: Đang triển khai hoặc Dừng thực hiện") {
		t.Fatalf("read view:\n%s", h.view())
	}
	h.keys("p", "tab", "tab", "Triển khai tại 3 bệnh viện", "ctrl+s")
	v := h.view()
	if !strings.Contains(v, "Đã cập nhật tiến độ: Đang triển khai (27/03/2023)") || !strings.Contains(v, "27/03/2023  Đang triển khai — Triển khai tại 3 bệnh viện") {
		t.Fatalf("after the step:\n%s", v)
	}
	// a step that skips a stage is not offered; a date before the last step is refused
	h.keys("p", "right")
	if f := h.m.screens[common.TabRegistrations].View(); !strings.Contains(f, "‹ Dừng thực hiện ›") {
		t.Fatalf("choices:\n%s", f)
	}
	h.keys("left", "tab", "ctrl+u", "01/03/2023", "ctrl+s")
	if !strings.Contains(h.view(), "trước lần cập nhật trước (27/03/2023)") {
		t.Fatalf("early date accepted:\n%s", h.view())
	}
	h.keys("esc", "esc", "1")
	if !strings.Contains(h.view(), "Tiến độ: 1 đang triển khai") {
		t.Fatalf("overview:\n%s", h.view())
	}
}

func TestAltDigitLeavesAForm(t *testing.T) {
	st := seeded(t)
	h := newHarness(t, st, lang.VI, 80, 24)
	h.keys("3", "4")
	if h.m.tab != common.TabEntry {
		t.Fatal("a digit typed into the form switched screens")
	}
	h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("4"), Alt: true})
	if h.m.tab != common.TabRegistrations {
		t.Fatalf("alt+4 did not switch (tab %d)", h.m.tab)
	}
}

func TestIssuerWithin(t *testing.T) {
	cases := map[[2]string]string{
		{"Sở Nội vụ", "UBND tỉnh Hà Tĩnh"}:            "Sở Nội vụ tỉnh Hà Tĩnh",
		{"Sở Nội vụ", "Ủy ban nhân dân tỉnh Nghệ An"}: "Sở Nội vụ tỉnh Nghệ An",
		{"Bộ Nội vụ", "Chính phủ"}:                    "Bộ Nội vụ",
		{"Sở Nội vụ", ""}:                             "Sở Nội vụ",
	}
	for in, want := range cases {
		if got := issuerWithin(in[0], in[1]); got != want {
			t.Errorf("issuerWithin(%q, %q) = %q, want %q", in[0], in[1], got, want)
		}
	}
}

func TestOwnWriteIsNotReloadedTwice(t *testing.T) {
	st := seeded(t)
	h := newHarness(t, st, lang.VI, 80, 24)
	h.run(h.m.checkVersion())
	h.keys("3", "y te", "enter", "tab", "tab", "tab", "Một mô hình nữa", "ctrl+s")
	v, err := st.DataVersion(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if _, cmd := h.m.Update(dataVersionMsg{v}); cmd != nil {
		t.Fatal("the watch reloads for a change this window made itself")
	}
}

// The counts beside each agency are registrations, not letters: Thành phố
// Hà Tĩnh's one letter holds three.
func TestOwnCountsAreRegistrations(t *testing.T) {
	st := seeded(t)
	d, err := common.LoadData(context.Background(), st, 0, today)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range d.Agencies {
		want := map[string]int{"Thành phố Hà Tĩnh": 3, "Sở Thông tin và Truyền thông": 2, "Sở Y tế": 1, "Huyện Đức Thọ": 1}[a.Name]
		if got := d.OwnCount[a.ID]; got != want {
			t.Errorf("%s: own count %d, want %d", a.Name, got, want)
		}
	}
}

// Keys that arrive in one read are keys one by one until a field takes
// text: "2/duc tho" opens the agencies, opens the search and types into it.
func TestKeysInOneReadAreSplitUntilAFieldTakesText(t *testing.T) {
	h := newHarness(t, seeded(t), lang.VI, 80, 24)
	h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("2/duc tho")})
	v := h.view()
	if h.m.tab != common.TabAgencies || !strings.Contains(v, "Huyện Đức Thọ") || strings.Contains(v, "Sở Y tế") || !strings.Contains(v, "duc tho") {
		t.Fatalf("tab %d after \"2/duc tho\":\n%s", h.m.tab, v)
	}
	// in a form the whole chunk is text, digits included
	h.keys("esc", "esc")
	h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("n")})
	if h.m.tab != common.TabEntry {
		t.Fatalf("n did not open the entry form (tab %d)", h.m.tab)
	}
	h.keys("tab")
	h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("12/UBND")})
	if h.m.tab != common.TabEntry || !strings.Contains(h.view(), "12/UBND") {
		t.Fatalf("a chunk typed into the form:\n%s", h.view())
	}
}

// On the status screen, t opens the day with the one shown: the first
// digit typed starts a new day instead of being refused by a full field.
func TestStatusDayTypedOverTheShownOne(t *testing.T) {
	h := newHarness(t, seeded(t), lang.VI, 100, 30)
	h.keys("5", "t")
	for _, r := range "24/03/2023" {
		h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	h.keys("enter")
	if v := h.view(); !strings.Contains(v, "Tính đến ngày 24/03/2023") {
		t.Fatalf("after typing a day:\n%s", v)
	}
	// editing the shown day with the arrows and backspace still works
	h.keys("t")
	h.send(tea.KeyMsg{Type: tea.KeyBackspace})
	h.keys("2", "enter")
	if v := h.view(); !strings.Contains(v, "Tính đến ngày 24/03/2022") {
		t.Fatalf("after changing the last digit:\n%s", v)
	}
}

// A question longer than the line is shown whole, over up to three lines,
// and the window stays exactly filled.
func TestLongQuestionIsShownWhole(t *testing.T) {
	h := newHarness(t, seeded(t), lang.VI, 80, 24)
	h.keys("4", "/", "kham", "enter", "d")
	v := h.view()
	checkFills(t, v, 80, 24)
	lines := strings.Split(v, "\n")
	var tail []string
	for _, l := range lines[len(lines)-5 : len(lines)-1] {
		tail = append(tail, strings.TrimSpace(l))
	}
	joined := strings.Join(strings.Fields(strings.Join(tail, " ")), " ")
	if !strings.Contains(joined, "Xóa mô hình «Khám bệnh không giấy tờ» của Sở Y tế (văn bản số 57/SYT-VP, nhận 22/03/2023)? (y/c = có, n/k = không)") {
		t.Fatalf("the question is cut:\n%s", v)
	}
}

// A field's message goes once the clerk changes what it was about.
func TestFieldMessageGoesWhenTheFieldChanges(t *testing.T) {
	h := newHarness(t, seeded(t), lang.VI, 100, 30)
	h.keys("2", "a", "Sở Y tế", "ctrl+s")
	if v := h.view(); !strings.Contains(v, "Sở Y tế") || !strings.Contains(v, "! ") {
		t.Fatalf("no message for a name already there:\n%s", v)
	}
	h.keys(" tỉnh")
	if v := h.view(); strings.Contains(v, "đã có") {
		t.Fatalf("the message stays after the name changed:\n%s", v)
	}
}

// The agency form's discard question is asked above the keys; yes closes it.
func TestAgencyFormDiscardQuestion(t *testing.T) {
	h := newHarness(t, seeded(t), lang.VI, 100, 30)
	h.keys("2", "a", "Sở mới", "esc")
	if v := h.view(); !strings.Contains(v, "Bỏ các thay đổi chưa lưu? (y/c = có, n/k = không)") || !strings.Contains(v, "y/c đồng ý · n/k không") {
		t.Fatalf("no question:\n%s", v)
	}
	h.keys("n")
	if !h.m.activeScreen().Capturing() {
		t.Fatal("the form closed after no")
	}
	h.keys("esc", "y")
	if h.m.activeScreen().Capturing() || strings.Contains(h.view(), "Sở mới") {
		t.Fatalf("the form stays after yes:\n%s", h.view())
	}
}

// A paste longer than the field is cut at its limit, and the clerk is told.
func TestLongPasteIsCutAndSaid(t *testing.T) {
	h := newHarness(t, seeded(t), lang.VI, 100, 30)
	h.keys("3", "y te", "enter", "tab", "tab", "tab")
	long := strings.Repeat("Mô hình một cửa ", 50) // 800 letters
	h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(long), Paste: true})
	if v := h.view(); !strings.Contains(v, "Tên mô hình, sáng kiến: dài quá") && !strings.Contains(v, "Tên: dài quá") {
		t.Fatalf("no word of the cut:\n%s", v)
	}
}

// New data reaches the screen shown at once and the others before any
// key does, even when the message meant to bring it has not come yet.
func TestScreensNotShownGetNewDataBeforeAnyKey(t *testing.T) {
	st := seeded(t)
	m := New(st, Options{Lang: lang.VI, Today: today})
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	d, err := common.LoadData(context.Background(), st, 0, today)
	if err != nil {
		t.Fatal(err)
	}
	m.Update(common.DataMsg{Data: d}) // its commands are not run
	m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("2")})
	m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/")})
	m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("duc")})
	if v := m.View(); !strings.Contains(v, "Huyện Đức Thọ") || strings.Contains(v, "Sở Y tế") {
		t.Fatalf("the agencies screen searched without its data:\n%s", v)
	}
}

// An agency saved by another clerk meanwhile: the form shows what they
// changed; r takes theirs, o writes this clerk's over it.
func TestAgencyEditConflict(t *testing.T) {
	st := seeded(t)
	ctx := context.Background()
	h := newHarness(t, st, lang.VI, 100, 30)
	open := func() {
		h.keys("2", "/", "ngoai vu", "enter", "enter", "E")
		if !strings.Contains(h.view(), "Sửa: Sở Ngoại vụ") {
			t.Fatalf("no edit form:\n%s", h.view())
		}
	}
	theirs := func(short string) {
		c, list := agenciesOf(t, st, 0)
		for _, a := range list {
			if a.Name == "Sở Ngoại vụ" {
				a.ShortName = short
				if err := st.UpdateAgency(ctx, c.ID, a); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	open()
	theirs("SNgV")
	h.keys("tab", "SNV", "ctrl+s")
	if v := h.view(); !strings.Contains(v, "Họ đã sửa:") || !strings.Contains(v, "Tên viết tắt: «Sở NgV» → «SNgV»") {
		t.Fatalf("no conflict view:\n%s", v)
	}
	h.keys("r")
	if v := h.view(); strings.Contains(v, "Họ đã sửa:") || !strings.Contains(v, "SNgV") {
		t.Fatalf("after r the form does not hold theirs:\n%s", v)
	}
	// again, and this time the clerk's own version wins
	h.keys("esc", "E")
	theirs("Sở NgV")
	h.keys("tab", "ctrl+u", "SNV", "ctrl+s")
	if v := h.view(); !strings.Contains(v, "Họ đã sửa:") {
		t.Fatalf("no conflict view the second time:\n%s", v)
	}
	h.keys("o")
	_, list := agenciesOf(t, st, 0)
	for _, a := range list {
		if a.Name == "Sở Ngoại vụ" && a.ShortName != "SNV" {
			t.Fatalf("after o the short name is %q", a.ShortName)
		}
	}
}

// A registration the agency already has, or a letter number it already
// sent, is asked about before it is saved a second time.
func TestAlreadyRecordedIsAskedAbout(t *testing.T) {
	st := seeded(t)
	h := newHarness(t, st, lang.VI, 100, 30)
	before := len(h.m.ctx.Data.Registrations)
	// Sở Y tế already has «Khám bệnh không giấy tờ»
	h.keys("3", "y te", "enter", "62/SYT-VP", "tab", "tab", "tab", "khám bệnh không giấy tờ", "ctrl+s")
	if v := h.view(); !strings.Contains(oneSpaced(v), "Sở Y tế đã có mô hình «Khám bệnh không giấy tờ» (văn bản số 57/SYT-VP, nhận 22/03/2023). Vẫn lưu thêm một lần nữa?") {
		t.Fatalf("no question:\n%s", v)
	}
	h.keys("n")
	if len(h.m.ctx.Data.Registrations) != before {
		t.Fatal("saved after no")
	}
	h.keys("ctrl+s", "y")
	if len(h.m.ctx.Data.Registrations) != before+1 {
		t.Fatalf("not saved after yes:\n%s", h.view())
	}
	// a new title, but a letter number Sở Y tế sent already
	h.keys("y te", "enter", "57/SYT-VP", "tab", "tab", "tab", "Bệnh án điện tử", "ctrl+s") // the form is open again, new
	if v := h.view(); !strings.Contains(oneSpaced(v), "Văn bản số 57/SYT-VP của Sở Y tế đã được nhập (nhận 22/03/2023). Vẫn lưu là một văn bản mới?") {
		t.Fatalf("no question about the letter:\n%s", v)
	}
}

// oneSpaced is a screen's text with its lines and runs of spaces as single
// spaces, to find a message wherever it wrapped.
func oneSpaced(view string) string { return strings.Join(strings.Fields(view), " ") }

// A message is about what was just done: the next key moves on from it.
func TestMessageGoesAtTheNextKey(t *testing.T) {
	h := newHarness(t, seeded(t), lang.VI, 100, 30)
	h.keys("3", "y te", "enter", "63/SYT-VP", "tab", "tab", "tab", "Bệnh án điện tử", "ctrl+s")
	if v := h.view(); !strings.Contains(v, "Đã lưu «Bệnh án điện tử» của Sở Y tế") {
		t.Fatalf("no message after saving:\n%s", v)
	}
	h.keys("esc", "4", "j")
	if v := h.view(); strings.Contains(v, "Đã lưu «Bệnh án điện tử»") {
		t.Fatalf("the message stays:\n%s", v)
	}
	// the entry form's count of problems goes once a field is mended
	h.keys("3", "y te", "enter", "ctrl+s")
	if !strings.Contains(h.view(), "Chưa lưu: 1 chỗ cần sửa") {
		t.Fatalf("no count of problems:\n%s", h.view())
	}
	h.keys("Hồ sơ điện tử")
	if strings.Contains(h.view(), "Chưa lưu:") {
		t.Fatalf("the count stays after the field was mended:\n%s", h.view())
	}
}

// p on the list opens the selected registration and asks its progress.
func TestProgressFromTheList(t *testing.T) {
	h := newHarness(t, seeded(t), lang.VI, 100, 30)
	h.keys("4", "/", "ban do", "enter", "p")
	v := h.view()
	if !strings.Contains(v, "Bản đồ số") || !strings.Contains(v, "Đang triển khai") || !h.m.activeScreen().Capturing() {
		t.Fatalf("p on the list:\n%s", v)
	}
}

// At 80 columns an import's problems are shown whole, over two lines.
func TestImportProblemsShownWholeAt80(t *testing.T) {
	h := newHarness(t, seeded(t), lang.VI, 80, 24)
	bad := filepath.Join(t.TempDir(), "la.csv")
	writeFile(t, bad, "Tên cơ quan, đơn vị: Sở Y tế\nSTT;Tên mô hình;Loại;Lĩnh vực\n1;X;Phần mềm;Thể chế\n")
	h.keys("2", "i", bad, "ctrl+s")
	v := h.view()
	if !strings.Contains(v, `Dòng 3, cột "Loại"`) {
		t.Fatalf("no problem shown:\n%s", v)
	}
	if s := oneSpaced(v); !strings.Contains(s, "Cách làm hay") {
		t.Fatalf("the allowed kinds are cut off:\n%s", v)
	}
}

// The status screen names groups in a word on a narrow screen, and in
// full again once it is wide: resizing rebuilds its rows.
func TestStatusGroupsFollowTheWidth(t *testing.T) {
	h := newHarness(t, seeded(t), lang.VI, 120, 30)
	h.keys("5")
	if v := h.view(); !strings.Contains(v, "Sở, ngành") {
		t.Fatalf("wide:\n%s", v)
	}
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	if v := h.view(); strings.Contains(v, "Sở, ngành ") || !strings.Contains(v, " Sở  ") {
		t.Fatalf("narrow:\n%s", v)
	}
	h.send(tea.WindowSizeMsg{Width: 120, Height: 30})
	if v := h.view(); !strings.Contains(v, "Sở, ngành") {
		t.Fatalf("wide again:\n%s", v)
	}
}

// A file that cannot be read says what to do with it whole, not cut at
// the edge of the screen: here the way to save it as UTF-8, at 72×20.
func TestImportRefusalShownWhole(t *testing.T) {
	for _, l := range []lang.Lang{lang.VI, lang.EN} {
		h := newHarness(t, seeded(t), l, 72, 20)
		bad := filepath.Join(t.TempDir(), "cp1258.csv")
		writeFile(t, bad, "STT,T\xean m\xf4 h\xecnh,Lo\xe0i\n1,M\xf4 h\xecnh,M\xf4 h\xecnh\n")
		h.keys("2", "i", bad, "ctrl+s")
		want := l.T(`Tệp > Lưu thành > kiểu "CSV UTF-8 (Comma delimited)"`, `File > Save As > type "CSV UTF-8 (Comma delimited)"`)
		if s := oneSpaced(h.view()); !strings.Contains(s, want) || !strings.Contains(s, l.T("Unikey (Công cụ chuyển mã)", "Unikey (its converter)")) {
			t.Fatalf("%s: the message is cut:\n%s", l, h.view())
		}
	}
}

// A name the clerk typed follows a change of format in its extension, and
// a name whose extension is another format's is refused: a PDF written
// under the Word draft's name would replace it after one "Ghi đè?".
func TestReportFileNameFollowsItsFormat(t *testing.T) {
	st := seeded(t)
	h := newHarness(t, st, lang.VI, 120, 24) // Windows' temp paths are long: shown whole
	dir := t.TempDir()
	draft := filepath.Join(dir, "bao-cao-ban-thao.docx")
	h.keys("6", "tab", "right", "right", "right", "right", "right", "right", "tab", "tab", "ctrl+u", draft, "ctrl+s")
	if v := oneSpaced(h.view()); !strings.Contains(v, "Đã ghi: "+draft) {
		t.Fatalf("docx not written:\n%s", v)
	}
	word := readFile(t, draft)
	h.keys("shift+tab", "shift+tab", "right") // docx → pdf
	pdf := filepath.Join(dir, "bao-cao-ban-thao.pdf")
	h.keys("ctrl+s")
	if b, err := os.ReadFile(pdf); err != nil || !strings.HasPrefix(string(b), "%PDF") {
		t.Fatalf("the typed name did not follow the format to .pdf: %v\n%s", err, h.view())
	}
	if readFile(t, draft) != word {
		t.Fatal("the Word draft changed")
	}
	// typed over with the draft's name while the format is pdf: refused
	h.keys("tab", "tab", "ctrl+u", draft, "ctrl+s")
	if v := oneSpaced(h.view()); !strings.Contains(v, "đuôi .docx nhưng định dạng là pdf") || strings.Contains(v, "Ghi đè?") {
		t.Fatalf("a .docx name for a pdf was not refused:\n%s", h.view())
	}
	if readFile(t, draft) != word {
		t.Fatal("the Word draft changed")
	}
}
