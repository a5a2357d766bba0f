package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/lang"
	"cchc/internal/report"
	"cchc/internal/vndate"
	"cchc/internal/vntext"
	"cchc/ui/common"
)

// keysLines are the lines under the status line: the keys, one or two.
func keysLines(h *harness) string {
	lines := strings.Split(h.view(), "\n")
	return oneSpaced(strings.Join(lines[len(lines)-h.m.keyRows:], " "))
}

// Every key a screen tells is on its keys' lines, at the narrowest size
// and at 80 columns, in both languages: a key that does not fit is carried
// to a second line, not dropped.
func TestNoKeyIsLeftOffTheKeysLine(t *testing.T) {
	st := seeded(t)
	states := []struct {
		name string
		keys func(h *harness)
	}{
		{"overview", func(h *harness) {}},
		{"agencies", func(h *harness) { h.keys("2") }},
		{"agency", func(h *harness) { h.keys("2", "/", "duc tho", "enter", "enter") }},
		{"entry", func(h *harness) { h.keys("3") }},
		{"registrations", func(h *harness) { h.keys("4") }},
		{"registration", func(h *harness) { h.keys("4", "enter") }},
		{"compliance", func(h *harness) { h.keys("5") }},
		{"reports", func(h *harness) { h.keys("6") }},
	}
	for _, l := range []lang.Lang{lang.VI, lang.EN} {
		for _, sz := range []struct{ w, h int }{{72, 20}, {80, 24}} {
			for _, s := range states {
				h := newHarness(t, st, l, sz.w, sz.h)
				s.keys(h)
				checkFills(t, h.view(), sz.w, sz.h)
				got := keysLines(h)
				keys, global := h.m.helpKeys()
				for _, b := range append(keys, global...) {
					if want := b.Help().Key + " " + b.Help().Desc; !strings.Contains(got, want) {
						t.Errorf("%s %dx%d %s: %q is not told: %q\n%s", l, sz.w, sz.h, s.name, want, got, h.view())
					}
				}
				h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("1"), Alt: true})
			}
		}
	}
	// the one reported: the overview's year key in English at 80 columns
	h := newHarness(t, st, lang.EN, 80, 24)
	if got := keysLines(h); !strings.Contains(got, "y switch year") || !strings.Contains(got, "q quit") {
		t.Fatalf("the overview's keys: %q\n%s", got, h.view())
	}
}

// The campaign settings' discard question tells its answers on the keys'
// line, as every other question does.
func TestSettingsDiscardQuestionTellsItsKeys(t *testing.T) {
	h := newHarness(t, seeded(t), lang.VI, 80, 24)
	h.keys("c", "Đợt mới", "esc")
	if v := h.view(); !strings.Contains(v, "Bỏ các thay đổi chưa lưu?") || !strings.Contains(keysLines(h), "y/c đồng ý · n/k không") {
		t.Fatalf("the question's keys:\n%s", v)
	}
	h.keys("y")
	if v := h.view(); !strings.Contains(keysLines(h), "c thiết lập đợt") {
		t.Fatalf("not back on the overview:\n%s", v)
	}
}

// At 80 columns a registration's title has the room the row can give it:
// a 42-cell title is whole on the registrations list and on its agency's
// page, a longer one is cut with "…" after whole letters, and the opened
// registration shows its title whole however long.
func TestAt80ColumnsTitlesHaveTheRoom(t *testing.T) {
	st := seeded(t)
	fits := "Số hóa hồ sơ bệnh án tại bệnh viện đa khoa" // 42 cells; 37 were the most before
	long := "Ứng dụng trí tuệ nhân tạo trả lời phản ánh, kiến nghị của người dân và doanh nghiệp"
	letterFrom(t, st, "Sở Y tế", "70/SYT-VP", vndate.Of(2023, 3, 26), fits, long)
	cut := func(v string) string { // the long title's row, as far as the "…"
		row := lineWith(v, "Ứng dụng trí tuệ")
		row = row[strings.Index(row, "Ứng dụng"):]
		if i := strings.Index(row, "…"); i >= 0 {
			return row[:i]
		}
		return ""
	}
	for _, l := range []lang.Lang{lang.VI, lang.EN} {
		h := newHarness(t, st, l, 80, 24)
		h.keys("4")
		for _, v := range []string{h.view(), func() string { h.keys("2", "/", "so y te", "enter", "enter"); return h.view() }()} {
			if lineWith(v, fits) == "" {
				t.Errorf("%s: %q is cut:\n%s", l, fits, v)
			}
			head := cut(v)
			if vntext.Width(head) < 41 || !strings.HasPrefix(long, head) {
				t.Errorf("%s: the long title is cut to %q:\n%s", l, head, v)
			}
		}
		h.keys("esc", "esc", "4", "/", "tri tue", "enter", "enter")
		if v := oneSpaced(h.view()); !strings.Contains(v, long) {
			t.Errorf("%s: the opened registration's title is not whole:\n%s", l, h.view())
		}
	}
}

// The overview's latest letters keep the letter's number whole: the
// agency's name gives way to it.
func TestLatestLettersKeepTheirNumbers(t *testing.T) {
	st := seeded(t)
	letterFrom(t, st, "Sở Văn hóa, Thể thao và Du lịch", "1111/SVHTTDL-VP", vndate.Of(2023, 3, 26), "Thư viện số")
	for _, l := range []lang.Lang{lang.VI, lang.EN} {
		for _, sz := range []struct{ w, h int }{{72, 20}, {80, 24}} {
			h := newHarness(t, st, l, sz.w, sz.h)
			if row := lineWith(h.view(), "1111/"); !strings.Contains(row, l.T("Số", "No.")+" 1111/SVHTTDL-VP") {
				t.Errorf("%s %dx%d: the number is cut: %q\n%s", l, sz.w, sz.h, row, h.view())
			}
		}
	}
}

// letterFrom records a letter of the named agency with models of these titles.
func letterFrom(t *testing.T, st book.Book, agency, number string, received vndate.Date, titles ...string) {
	t.Helper()
	ctx := context.Background()
	c, err := st.Campaign(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	agencies, err := st.CampaignAgencies(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var regs []campaign.Registration
	for _, title := range titles {
		regs = append(regs, campaign.Registration{Title: title, Kind: campaign.Model, Area: campaign.DigitalGovt})
	}
	for _, a := range agencies {
		if a.Name == agency {
			if _, _, err := st.RecordSubmission(ctx, campaign.Submission{CampaignID: c.ID, AgencyID: a.ID, Number: number, Received: received}, regs); err != nil {
				t.Fatal(err)
			}
			return
		}
	}
	t.Fatalf("no %s", agency)
}

// The overview's head is not cut at 72 or 80 columns: the campaign's
// title takes two lines, the letter's line leaves out the deadline the
// header tells, the progress line gives a shorter hint.
func TestTheOverviewsHeadIsWhole(t *testing.T) {
	st := seeded(t)
	c, err := st.Campaign(context.Background(), 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range []lang.Lang{lang.VI, lang.EN} {
		for _, sz := range []struct{ w, h int }{{72, 20}, {80, 24}} {
			v := newHarness(t, st, l, sz.w, sz.h).view()
			if !strings.Contains(oneSpaced(v), c.Title) {
				t.Errorf("%s %dx%d: the title is not whole:\n%s", l, sz.w, sz.h, v)
			}
			for _, s := range []string{c.LetterRef(l), l.T("Tiến độ:", "Progress:")} {
				if row := lineWith(v, s); row == "" || strings.Contains(strings.Replace(row, s, "", 1), "…") { // "…/SNV": the number left blank
					t.Errorf("%s %dx%d: %q is cut: %q\n%s", l, sz.w, sz.h, s, row, v)
				}
			}
		}
	}
}

// The history tells the selected change whole under the list, a long
// title over as many lines as it takes.
func TestTheHistoryTellsTheChangeWhole(t *testing.T) {
	long := "Ứng dụng trí tuệ nhân tạo trả lời phản ánh, kiến nghị của người dân và doanh nghiệp trên địa bàn tỉnh"
	for _, l := range []lang.Lang{lang.VI, lang.EN} {
		h := newHarness(t, seeded(t), l, 80, 24)
		h.keys("3", "y te", "enter", "71/SYT-VP", "tab", "tab", "tab", long, "ctrl+s", "esc", "h")
		if v := h.view(); !strings.Contains(oneSpaced(v), long) {
			t.Errorf("%s: the change is not told whole:\n%s", l, v)
		}
	}
}

// The campaign picker keeps the end of the titles, where their years
// tell them apart; opening a new year explains itself whole.
func TestThePickerKeepsTheTitlesYear(t *testing.T) {
	h := newHarness(t, seeded(t), lang.VI, 72, 20)
	h.keys("y")
	if row := lineWith(h.view(), "2023  24/03/2023"); !strings.Contains(row, "năm 2023") {
		t.Fatalf("the title's year is cut: %q\n%s", row, h.view())
	}
	h.keys("n")
	if v := oneSpaced(h.view()); !strings.Contains(v, "không sao chép mô hình.") {
		t.Fatalf("the new year's note is cut:\n%s", h.view())
	}
}

// The import's preview fits 72 and 80 columns: the outcome is never cut
// at the edge, and the titles have the room the lead (left out there) had.
func TestTheImportPreviewFits(t *testing.T) {
	file := filepath.Join(t.TempDir(), "duc-tho.csv")
	title := "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính" // 51 cells
	if err := os.WriteFile(file, []byte("Tên cơ quan, đơn vị: Huyện Đức Thọ\nSố: 19/UBND\nSTT;Tên mô hình;Loại;Lĩnh vực\n"+
		"1;"+title+";Mô hình;TTHC\n2;Hai;Trùng;TTHC\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, l := range []lang.Lang{lang.VI, lang.EN} {
		for _, sz := range []struct{ w, h int }{{72, 20}, {80, 24}} {
			h := newHarness(t, seeded(t), l, sz.w, sz.h)
			h.keys("2", "i", file, "ctrl+s")
			v := h.view()
			row, bad := lineWith(v, "Số hóa hồ sơ"), lineWith(v, "Hai")
			if !strings.HasSuffix(strings.TrimRight(bad, " "), l.T("Lỗi", "Error")) || !strings.Contains(lineWith(v, l.T("Dòng", "Row")), l.T("Kết quả", "Outcome")) {
				t.Errorf("%s %dx%d: the outcome is cut:\n%s", l, sz.w, sz.h, v)
			}
			if head := row[strings.Index(row, "Số hóa"):strings.Index(row, "…")]; sz.w == 80 && vntext.Width(head) < 30 {
				t.Errorf("%s %dx%d: the title is cut to %q:\n%s", l, sz.w, sz.h, head, v)
			}
		}
	}
}

// Every report's purpose is told whole at 72 columns, in both languages.
func TestReportPurposesAreWhole(t *testing.T) {
	for _, l := range []lang.Lang{lang.VI, lang.EN} {
		h := newHarness(t, seeded(t), l, 72, 20)
		h.keys("6")
		for i := range report.Kinds {
			if v := oneSpaced(h.view()); !strings.Contains(v, report.KindPurpose(report.Kinds[i], l)) {
				t.Errorf("%s: the purpose of %s is cut:\n%s", l, report.KindLabel(report.Kinds[i], l), h.view())
			}
			h.keys("right")
		}
	}
}

// At 80 columns the conflict is told whole: the refused save's message,
// the choices under the changes, and the keys' line names them.
func TestAt80ColumnsTheConflictIsToldWhole(t *testing.T) {
	for _, l := range []lang.Lang{lang.VI, lang.EN} {
		st := seeded(t)
		h := newHarness(t, st, l, 80, 24)
		row := findRow(t, h, "Khám bệnh không giấy tờ")
		h.send(common.EditRegistrationMsg{ID: row.ID})
		other := row.Registration
		other.Note = "sửa ở máy khác"
		if err := st.UpdateRegistration(context.Background(), other); err != nil {
			t.Fatal(err)
		}
		h.keys(" từ xa", "ctrl+s")
		v := h.view()
		choices := l.T("r: lấy bản của họ (bỏ sửa của bạn) · o: lưu sửa của bạn (giữ sửa của họ ở các ô khác) · esc: thôi sửa",
			"r: take theirs (drop your edits) · o: save your edits (theirs kept in the other fields) · esc: stop editing")
		if !strings.Contains(oneSpaced(v), choices) || !strings.Contains(oneSpaced(v), l.T("(sửa văn bản sẽ áp dụng cho mọi mô hình trong văn bản đó)", "(letter changes apply to all its registrations)")) {
			t.Errorf("%s: the conflict is cut:\n%s", l, v)
		}
		if got := keysLines(h); !strings.Contains(got, l.T("r lấy bản của họ · o lưu sửa của bạn", "r take theirs · o save yours")) {
			t.Errorf("%s: the keys' line does not name the choices: %q", l, got)
		}
		if line := lineWith(v, "! "); strings.Contains(line, "…") {
			t.Errorf("%s: the message is cut: %q\n%s", l, line, v)
		}
	}
}

// A question's keys in English are y and n, as the question says: c and
// k (có, không) are the Vietnamese words' letters.
func TestEnglishQuestionsAnswerYOrN(t *testing.T) {
	h := newHarness(t, seeded(t), lang.EN, 80, 24)
	h.keys("3", "Sở")
	h.send(tea.KeyMsg{Type: tea.KeyCtrlC})
	if v := h.view(); !strings.Contains(v, "(y = yes, n = no)") || keysLines(h) != "y yes · n no" {
		t.Fatalf("the question's keys: %q\n%s", keysLines(h), v)
	}
}

// At 80 columns an agency with no status of its own says why in a word
// that fits its column, and whole on the line under the list.
func TestAt80ColumnsUnjudgedAgenciesSayWhy(t *testing.T) {
	st := seeded(t)
	addCommune(t, st, "Huyện Đức Thọ", "Xã Tùng Ảnh")
	h := newHarness(t, st, lang.VI, 80, 24)
	h.keys("2", "/", "tung anh", "enter")
	v := h.view()
	if row := lineWith(v, "› Xã Tùng Ảnh"); !strings.Contains(row, "→ huyện") || strings.Contains(row, "…") {
		t.Fatalf("the commune's row: %q\n%s", row, v)
	}
	if !strings.Contains(lineWith(v, " › Xã Tùng Ảnh"), "→ tính cho huyện") {
		t.Fatalf("the line under the list does not say why:\n%s", v)
	}
}

// The agencies' full help lists the keys that work where the clerk is:
// on the list no "d xóa" (there is nothing to delete), on an agency's
// page its registrations' keys.
func TestTheAgenciesHelpListsWhatWorksThere(t *testing.T) {
	h := newHarness(t, seeded(t), lang.VI, 100, 30)
	h.keys("2", "?")
	if v := h.view(); strings.Contains(v, "d         xóa") || strings.Contains(oneSpaced(v), "d xóa") || !strings.Contains(oneSpaced(v), "a thêm cơ quan") {
		t.Fatalf("the list's help:\n%s", v)
	}
	h.keys("esc", "/", "duc tho", "enter", "enter", "?")
	if v := oneSpaced(h.view()); !strings.Contains(v, "d xóa") || strings.Contains(v, "a thêm cơ quan") {
		t.Fatalf("the page's help:\n%s", h.view())
	}
}

// At 72x20, with the keys on two lines, the status screen gives the blank
// lines around its totals to the list: six agencies show, not four.
func TestAt72x20TheStatusListKeepsItsRows(t *testing.T) {
	for _, l := range []lang.Lang{lang.VI, lang.EN} {
		h := newHarness(t, seeded(t), l, 72, 20)
		h.keys("5")
		if v := h.view(); strings.Count(v, "✗ ") < 6 {
			t.Errorf("%s: %d agencies listed:\n%s", l, strings.Count(v, "✗ "), v)
		}
	}
}

// At 72x20 an opened registration keeps its progress in view: empty
// fields give way to it.
func TestAt72x20AnOpenedRegistrationShowsItsProgress(t *testing.T) {
	st := seeded(t)
	letterFrom(t, st, "Sở Y tế", "72/SYT-VP", vndate.Of(2023, 3, 26),
		"Ứng dụng trí tuệ nhân tạo trả lời phản ánh, kiến nghị của người dân và doanh nghiệp")
	for _, l := range []lang.Lang{lang.VI, lang.EN} {
		h := newHarness(t, st, l, 72, 20)
		h.keys("4", "enter")
		if v := h.view(); !strings.Contains(v, l.T("Tiến độ:", "Progress:")) || !strings.Contains(v, l.T("Lĩnh vực CCHC", "Reform area")) {
			t.Errorf("%s: the progress is below the screen:\n%s", l, v)
		}
	}
}
