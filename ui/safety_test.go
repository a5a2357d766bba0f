package ui

import (
	"context"
	"database/sql"
	"os"
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

func findRow(t *testing.T, h *harness, title string) book.RegistrationRow {
	t.Helper()
	for _, r := range h.m.ctx.Data.Registrations {
		if r.Title == title { // the loaded list has no long texts: read it whole
			full, err := h.m.book.Registration(context.Background(), r.ID)
			if err != nil {
				t.Fatal(err)
			}
			return full
		}
	}
	t.Fatalf("no registration %q", title)
	return book.RegistrationRow{}
}

func TestConflictShowsTheirChangesAndLetsTheClerkChoose(t *testing.T) {
	st := seeded(t)
	h := newHarness(t, st, lang.VI, 100, 34)
	row := findRow(t, h, "Khám bệnh không giấy tờ")
	h.send(common.EditRegistrationMsg{ID: row.ID})
	other := row.Registration
	other.Note = "sửa ở máy khác"
	other.Partners = "Bảo hiểm xã hội tỉnh"
	if err := st.UpdateRegistration(context.Background(), other); err != nil {
		t.Fatal(err)
	}
	h.keys(" từ xa", "ctrl+s")
	v := h.view()
	for _, want := range []string{"Họ đã sửa:", "Phối hợp: «» → «Bảo hiểm xã hội tỉnh»", "Ghi chú: «» → «sửa ở máy khác»", "o: lưu sửa của bạn"} {
		if !strings.Contains(v, want) {
			t.Fatalf("conflict view lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "Tên: «") {
		t.Fatalf("the title was not changed by them but is listed:\n%s", v)
	}
	// r takes their version: the form now holds their note, not the typed title
	h.keys("r")
	if v := h.view(); strings.Contains(v, "Họ đã sửa") || !strings.Contains(v, "sửa ở máy khác") || strings.Contains(v, "giấy tờ từ xa") {
		t.Fatalf("after r:\n%s", v)
	}
	// now a second conflict, resolved by overwriting deliberately
	again := registrationOf(t, st, row.ID)
	again.Timeline = "Quý III/2023"
	if err := st.UpdateRegistration(context.Background(), again.Registration); err != nil {
		t.Fatal(err)
	}
	h.keys(" (bản của tôi)", "ctrl+s")
	if !strings.Contains(h.view(), "Thời gian: «Quý II/2023» → «Quý III/2023»") {
		t.Fatalf("second conflict:\n%s", h.view())
	}
	h.keys("o")
	// this clerk's title is saved, the other clerk's timeline kept
	got := registrationOf(t, st, row.ID)
	if got.Title != "Khám bệnh không giấy tờ (bản của tôi)" || got.Timeline != "Quý III/2023" || got.Note != "sửa ở máy khác" {
		t.Fatalf("after o: %+v", got.Registration)
	}
}

func TestUndoHistoryAndTrash(t *testing.T) {
	st := seeded(t)
	h := newHarness(t, st, lang.VI, 100, 30)
	row := findRow(t, h, "Khám bệnh không giấy tờ")
	h.keys("4", "/", "khám", "enter", "d", "y")
	if _, err := st.Registration(context.Background(), row.ID); err == nil {
		t.Fatal("not deleted")
	}
	h.keys("u")
	if v := h.view(); !strings.Contains(v, "Hoàn tác: Xóa mô hình «Khám bệnh không giấy tờ» của Sở Y tế?") {
		t.Fatalf("undo does not ask:\n%s", v)
	}
	h.keys("y")
	if v := h.view(); !strings.Contains(v, "Đã hoàn tác: Xóa mô hình «Khám bệnh không giấy tờ» của Sở Y tế") {
		t.Fatalf("no undo note:\n%s", v)
	}
	if _, err := st.Registration(context.Background(), row.ID); err != nil {
		t.Fatalf("undo did not bring it back: %v", err)
	}
	h.keys("u")
	if v := h.view(); !strings.Contains(v, "Không có thao tác nào để hoàn tác") {
		t.Fatalf("second undo:\n%s", v)
	}
	// delete again, then restore from the trash in the history screen
	h.keys("d", "y", "h")
	v := h.view()
	for _, want := range []string{"Lịch sử thay đổi", "Xóa mô hình «Khám bệnh không giấy tờ» của Sở Y tế", "[đã hoàn tác] Xóa mô hình"} {
		if !strings.Contains(v, want) {
			t.Fatalf("history lacks %q:\n%s", want, v)
		}
	}
	h.keys("t")
	if v := h.view(); !strings.Contains(v, "Thùng rác") || !strings.Contains(v, "Khám bệnh không giấy tờ") {
		t.Fatalf("trash:\n%s", v)
	}
	h.keys("r")
	if v := h.view(); !strings.Contains(v, "Đã khôi phục «Khám bệnh không giấy tờ» của Sở Y tế") || !strings.Contains(v, "Thùng rác trống") {
		t.Fatalf("after restore:\n%s", v)
	}
	if n := len(h.m.ctx.Data.Registrations); n != 7 {
		t.Fatalf("registrations after restore = %d", n)
	}
	h.keys("esc")
	if h.m.overlay != nil || h.m.tab != common.TabRegistrations {
		t.Fatal("esc did not close the history")
	}
}

func TestChangesByAnotherClerkAppear(t *testing.T) {
	st := seeded(t)
	h := newHarness(t, st, lang.VI, 100, 30)
	h.keys("4", "/", "khám", "enter")
	other, err := store.Open(st.Path(), store.Options{User: "clerk2"})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	ctx := context.Background()
	c, agencies := agenciesOf(t, other, 0)
	var yte campaign.Agency
	for _, a := range agencies {
		if a.Name == "Sở Y tế" {
			yte = a
		}
	}
	if _, _, err := other.RecordSubmission(ctx, campaign.Submission{CampaignID: c.ID, AgencyID: yte.ID, Received: vndate.Of(2023, 3, 26)},
		[]campaign.Registration{{Title: "Khám sức khỏe từ xa", Kind: campaign.Model, Area: campaign.Procedures}}); err != nil {
		t.Fatal(err)
	}
	before := len(h.m.ctx.Data.Registrations)
	h.send(tea.FocusMsg{})
	if n := len(h.m.ctx.Data.Registrations); n != before+1 {
		t.Fatalf("registrations after focus = %d, want %d", n, before+1)
	}
	if v := h.view(); !strings.Contains(v, "Khám sức khỏe từ xa") || !strings.Contains(v, "Khám bệnh không giấy tờ") {
		t.Fatalf("the search was lost or the new row not shown:\n%s", v)
	}
	// the tick does the same, and a text with an escape sequence written
	// behind the program's back reaches the screen harmless
	db, err := sql.Open("sqlite", st.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("UPDATE registration SET title = 'Khám \x1b[2J\x1b]0;pwn\x07bệnh' WHERE title = 'Khám sức khỏe từ xa'"); err != nil {
		t.Fatal(err)
	}
	h.send(watchTickMsg{})
	if v := h.view(); strings.Contains(v, "\x1b[2J") || strings.Contains(v, "\x1b]0") || !strings.Contains(v, "Khám bệnh") {
		t.Fatalf("escape reached the screen or the change was missed: %q", v)
	}
}

func TestBackupOfferedOnQuitOnceADay(t *testing.T) {
	st := seeded(t)
	h := newHarness(t, st, lang.VI, 100, 30)
	_, cmd := h.m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q")})
	if cmd != nil {
		if _, quit := cmd().(tea.QuitMsg); quit {
			t.Fatal("quit without offering a backup")
		}
	}
	if !strings.Contains(h.view(), "Hôm nay chưa sao lưu") {
		t.Fatalf("no offer:\n%s", h.view())
	}
	_, cmd = h.m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("y")})
	done := cmd()
	_, cmd = h.m.Update(done)
	if _, quit := cmd().(tea.QuitMsg); !quit {
		t.Fatalf("no quit after the backup: %#v", done)
	}
	if !st.BackedUpToday() {
		t.Fatal("no backup made")
	}
	path, ok := strings.CutPrefix(h.m.farewell, "Đã sao lưu sổ dữ liệu vào ")
	if _, err := os.Stat(path); !ok || err != nil {
		t.Fatalf("the terminal is not told where the backup went: %q", h.m.farewell)
	}
	// the same day, q quits at once
	h2 := newHarness(t, st, lang.VI, 100, 30)
	_, cmd = h2.m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q")})
	if _, quit := cmd().(tea.QuitMsg); !quit {
		t.Fatal("asked twice the same day")
	}
	_ = time.Second
}

func TestMessagesAreShownHarmlessly(t *testing.T) {
	st := seeded(t)
	h := newHarness(t, st, lang.VI, 100, 30)
	h.send(common.ErrMsg{Err: lang.Errorf("Không mở được tệp %s", "Cannot open %s", "x\x1b[2J\x1b]0;pwn\x07.csv")})
	if v := h.view(); strings.ContainsAny(v, "\x1b\x07") || !strings.Contains(v, "Không mở được tệp x") {
		t.Fatalf("%q", v)
	}
}

// A clerk who edits only a registration does not write its letter: another
// clerk's change to the letter (its received day) is kept, and no conflict
// is raised; a summary of several lines left untouched keeps its lines.
func TestEditOfARegistrationLeavesItsLetterAlone(t *testing.T) {
	st := seeded(t)
	ctx := context.Background()
	h := newHarness(t, st, lang.VI, 100, 34)
	row := findRow(t, h, "Phường thông minh")
	multi := row.Registration
	multi.Summary = "Dòng một\nDòng hai"
	if err := st.UpdateRegistration(ctx, multi); err != nil {
		t.Fatal(err)
	}
	row = registrationOf(t, st, row.ID)
	h.send(common.EditRegistrationMsg{ID: row.ID})
	// meanwhile another clerk moves the letter's received day
	var other book.RegistrationRow
	for _, r := range h.m.ctx.Data.Registrations {
		if r.Title == "Một cửa số" {
			other = registrationOf(t, st, r.ID)
		}
	}
	sub := campaign.Submission{ID: other.SubmissionID, CampaignID: h.m.ctx.Data.Campaign.ID, AgencyID: other.AgencyID,
		Number: other.LetterNumber, Received: vndate.Of(2023, 3, 24), Version: other.SubmissionVer}
	if err := st.UpdateEntry(ctx, sub, other.Registration); err != nil {
		t.Fatal(err)
	}
	h.keys(" xanh", "ctrl+s")
	got := registrationOf(t, st, row.ID)
	if got.Title != "Phường thông minh xanh" || !got.Received.Equal(vndate.Of(2023, 3, 24)) || got.Summary != "Dòng một\nDòng hai" {
		t.Fatalf("after saving the title: %q received %s summary %q\n%s", got.Title, got.Received, got.Summary, h.view())
	}
}
