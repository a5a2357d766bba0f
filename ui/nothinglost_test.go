package ui

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/lang"
	"cchc/internal/pgtest"
	"cchc/internal/store"
	"cchc/internal/tooltest"
	"cchc/ui/common"
)

// The reports screen never writes over the open book, however its name
// is typed, even when the clerk would say yes to overwriting.
func TestReportsScreenNeverWritesOverTheBook(t *testing.T) {
	st := seeded(t)
	h := newHarness(t, st, lang.VI, 80, 24)
	book := st.Path()
	before, err := os.ReadFile(book)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Dir(book)
	h.keys("6", "tab", "right", "tab", "tab") // status report, md, the file's name
	for _, name := range []string{book, filepath.Join(dir, "x", "..", filepath.Base(book)), book + "-wal"} {
		h.keys("ctrl+u", name, "ctrl+s")
		v := strings.Join(strings.Fields(h.view()), " ")
		if !strings.Contains(v, "không bao giờ ghi đè lên tệp dữ liệu") || strings.Contains(v, "Đã ghi: ") {
			t.Fatalf("%s:\n%s", name, v)
		}
	}
	after, err := os.ReadFile(book)
	if err != nil {
		t.Fatal(err)
	}
	if string(after) != string(before) {
		t.Fatal("the book was written over")
	}
}

// Below the minimum size, keys do nothing unseen: a delete asked before
// the window shrank is not confirmed, a "d" then "y" deletes nothing, and
// only quitting acts (asking about unsaved input on the small screen).
func TestKeysDoNothingInATooSmallWindow(t *testing.T) {
	st := seeded(t)
	h := newHarness(t, st, lang.VI, 80, 24)
	count := func() int {
		rows, err := st.Registrations(t.Context(), h.m.ctx.Data.Campaign.ID)
		if err != nil {
			t.Fatal(err)
		}
		return len(rows)
	}
	before := count()
	h.keys("4", "d") // the registrations list asks to delete the first one
	if !strings.Contains(h.view(), "(y/c = có") {
		t.Fatalf("no delete question at 80x24:\n%s", h.view())
	}
	h.send(tea.WindowSizeMsg{Width: 60, Height: 15})
	h.keys("y", "d", "y", "c", "2", "x", "y", "u", "i")
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	after := count()
	if after != before || h.m.tab != common.TabRegistrations || h.m.overlay != nil {
		t.Fatalf("keys acted unseen: %d registrations (was %d), tab %d, overlay %v", after, before, h.m.tab, h.m.overlay != nil)
	}

	// the question asked before is still there, seen now: no leaves it
	if !strings.Contains(h.view(), "(y/c = có") {
		t.Fatalf("the delete question went unanswered:\n%s", h.view())
	}
	h.keys("n")

	// quitting works, and asks first about unsaved input, on the small screen
	h.keys("3", "Sở")
	h.send(tea.WindowSizeMsg{Width: 60, Height: 15})
	_, cmd := h.m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q")})
	if cmd != nil {
		if _, quit := cmd().(tea.QuitMsg); quit {
			t.Fatal("quit without asking about the unsaved input")
		}
	}
	if v := h.view(); !strings.Contains(strings.Join(strings.Fields(v), " "), "chưa lưu") {
		t.Fatalf("the question is not on the small screen:\n%s", v)
	}
	_, cmd = h.m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("y")})
	if cmd == nil {
		t.Fatal("yes did not quit")
	}
	if _, quit := cmd().(tea.QuitMsg); !quit {
		t.Fatal("yes did not quit")
	}
}

func registrationCount(t *testing.T, path string) int {
	t.Helper()
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	c, err := st.Campaign(t.Context(), 0)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := st.Registrations(t.Context(), c.ID)
	if err != nil {
		t.Fatal(err)
	}
	return len(rows)
}

// A book deleted, or replaced by another file, while the app has it open:
// the periodic check notices, writing stops, the clerk is told plainly and
// offered to save the data still open elsewhere, which is the book as it
// was open, not whatever is at its path now.
func TestBookDeletedOrReplacedWhileOpen(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows lets no one delete or replace a book SQLite holds open (sharing violation)")
	}
	for _, how := range []string{"deleted", "replaced"} {
		t.Run(how, func(t *testing.T) {
			st := seeded(t)
			l := lang.VI
			if how == "replaced" {
				l = lang.EN
			}
			h := newHarness(t, st, l, 100, 30)
			path := st.Path()
			want := map[string]string{"deleted": "đã bị xóa hoặc chuyển đi: chương trình ngừng ghi", "replaced": "was replaced by another file: nothing more is written"}[how]
			var other string
			var replacement []byte
			if how == "deleted" {
				if err := os.Remove(path); err != nil {
					t.Fatal(err)
				}
			} else {
				other = filepath.Join(t.TempDir(), "other.db")
				o, err := store.Open(other, store.Options{})
				if err != nil {
					t.Fatal(err)
				}
				if err := o.Close(); err != nil {
					t.Fatal(err)
				}
				if err := os.Rename(other, path); err != nil {
					t.Fatal(err)
				}
				if replacement, err = os.ReadFile(path); err != nil {
					t.Fatal(err)
				}
			}
			h.send(watchTickMsg{})
			v := strings.Join(strings.Fields(h.view()), " ")
			if !strings.Contains(v, want) || !strings.Contains(v, map[lang.Lang]string{lang.VI: "NGỪNG GHI", lang.EN: "NOT SAVING"}[l]) {
				t.Fatalf("not told:\n%s", h.view())
			}
			// every write is refused from now on, whoever asks
			c := h.m.ctx.Data.Campaign
			a := c.ID
			_, _, err := st.RecordSubmission(t.Context(), campaign.Submission{CampaignID: a, AgencyID: h.m.ctx.Data.Agencies[0].ID,
				Number: "1/X", Received: today}, []campaign.Registration{{Title: "Mất", Kind: campaign.Model, Area: campaign.Procedures}})
			if !errors.Is(err, book.ErrBookGone) {
				t.Fatalf("a write went through: %v", err)
			}
			// the name asked about is taken meanwhile (another clerk on the
			// same book rescued it first): kept, and the data goes beside it
			taken := st.RescuePath()
			if !strings.Contains(v, filepath.Base(taken)) {
				t.Fatalf("the question does not name %s:\n%s", taken, h.view())
			}
			if err := os.WriteFile(taken, []byte("another clerk's rescue"), 0o600); err != nil {
				t.Fatal(err)
			}
			h.keys("y")
			v = strings.Join(strings.Fields(h.view()), " ")
			if b, err := os.ReadFile(taken); err != nil || string(b) != "another clerk's rescue" || h.m.rescued == taken {
				t.Fatalf("the rescue went over %s (%v): %s", taken, err, h.view())
			}
			if h.m.rescued == "" || !strings.Contains(v, h.m.rescued) || !strings.Contains(h.m.farewell, "cchc --db "+h.m.rescued) || filepath.Dir(h.m.rescued) != filepath.Dir(path) {
				t.Fatalf("rescue not said:\n%s", h.view())
			}
			if n := registrationCount(t, h.m.rescued); n != 7 {
				t.Errorf("the rescued book %s has %d registrations, want the 7 open", h.m.rescued, n)
			}
			if how == "replaced" {
				// (opened now, it would be read with the old book's -wal:
				// its bytes are what the app must not have touched)
				if b, err := os.ReadFile(path); err != nil || string(b) != string(replacement) {
					t.Errorf("the file put in its place was written: %v", err)
				}
			}
		})
	}
}

// A book on a network share opens read-only, and the clerk is told why and
// what to do instead.
func TestBookOnANetworkShareIsOnlyRead(t *testing.T) {
	st := seeded(t)
	r, err := store.Open(st.Path(), store.Options{AllowReadOnly: true, FSType: func(string) (string, error) { return "smb2", nil }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	h := newHarness(t, r, lang.VI, 80, 24)
	v := strings.Join(strings.Fields(h.view()), " ")
	for _, want := range []string{"CHỈ ĐỌC", "nằm trên ổ mạng dùng chung:", "PostgreSQL (--db postgres://…)"} {
		if !strings.Contains(v, want) {
			t.Errorf("no %q:\n%s", want, h.view())
		}
	}
}

// A book in a folder the clerk may not write opens with the CHỈ ĐỌC
// banner, saying why.
func TestBookInAFolderThatCannotBeWrittenIsOnlyRead(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("a folder's mode does not stop writing on Windows (its ACL does)")
	}
	if tooltest.Unprivileged(t) {
		return // run again as a user who is not root, who ignores file permissions
	}
	st := seeded(t)
	path := st.Path()
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(filepath.Dir(path), 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(filepath.Dir(path), 0o755) })
	r, err := store.Open(path, store.Options{AllowReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	assertOnlyRead(t, r, "Sổ nằm ở nơi không ghi được (ổ chỉ đọc, USB chống ghi hoặc thư mục không có quyền ghi)")
}

// A PostgreSQL role that may only SELECT opens the shared book with the
// CHỈ ĐỌC banner, saying why.
func TestRoleThatMayOnlyReadIsOnlyRead(t *testing.T) {
	name, password := pgtest.Stranger(t) // asked first: dropped after the database
	owner := pgtest.Fresh(t)
	st, err := store.Open(owner, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	r, err := store.Open(pgtest.Reader(t, owner, name, password), store.Options{AllowReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	assertOnlyRead(t, r, "Tài khoản "+name+" chỉ có quyền đọc sổ dữ liệu")
}

func assertOnlyRead(t *testing.T, st book.Book, why string) {
	t.Helper()
	h := newHarness(t, st, lang.VI, 100, 30)
	v := strings.Join(strings.Fields(h.view()), " ")
	for _, want := range []string{"CHỈ ĐỌC", why} {
		if !strings.Contains(v, want) {
			t.Errorf("no %q:\n%s", want, h.view())
		}
	}
}

// Quitting an app whose book is gone offers the rescue, never the day's
// backup (which would read whatever is at the path now).
func TestQuitAfterTheBookIsGoneOffersTheRescue(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows lets no one delete or replace a book SQLite holds open (sharing violation)")
	}
	st := seeded(t)
	h := newHarness(t, st, lang.VI, 100, 30)
	if err := os.Remove(st.Path()); err != nil {
		t.Fatal(err)
	}
	h.send(watchTickMsg{})
	h.keys("n") // not now
	if v := strings.Join(strings.Fields(h.view()), " "); !strings.Contains(v, "Thoát rồi mở lại") || !strings.Contains(v, "NGỪNG GHI") {
		t.Fatalf("after no:\n%s", h.view())
	}
	_, cmd := h.m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q")})
	if cmd != nil {
		if _, quit := cmd().(tea.QuitMsg); quit {
			t.Fatal("quit without offering the rescue")
		}
	}
	v := strings.Join(strings.Fields(h.view()), " ")
	if !strings.Contains(v, "Lưu dữ liệu đang mở sang") || strings.Contains(v, "Hôm nay chưa sao lưu") {
		t.Fatalf("on quitting:\n%s", h.view())
	}
	_, cmd = h.m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("n")})
	if cmd == nil {
		t.Fatal("no did not quit")
	}
	if _, quit := cmd().(tea.QuitMsg); !quit {
		t.Fatal("no did not quit")
	}
}

// A backup copied over the open book in place (`cp restore.db book.db`:
// the same file, new content), then quit: the app stops writing and says
// so, offers neither the day's backup nor a rescue (both would read the
// new file's pages under the old book's), and on closing its log never
// reaches the file, which stays the backup, whole.
func TestBackupCopiedOverTheOpenBookThenQuit(t *testing.T) {
	st := seeded(t)
	ctx := t.Context()
	restore, err := st.Backup(ctx, filepath.Join(t.TempDir(), "restore.db"))
	if err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, st, lang.VI, 100, 30)
	c := h.m.ctx.Data.Campaign
	if _, _, err := st.RecordSubmission(ctx, campaign.Submission{CampaignID: c.ID, AgencyID: h.m.ctx.Data.Agencies[0].ID,
		Number: "2/X", Received: today}, []campaign.Registration{{Title: "Sửa sau sao lưu", Kind: campaign.Model, Area: campaign.Procedures}}); err != nil {
		t.Fatal(err)
	}
	restored, err := os.ReadFile(restore)
	if err != nil {
		t.Fatal(err)
	}
	// os.WriteFile opens with O_TRUNC as cp does: the same inode
	if err := os.WriteFile(st.Path(), restored, 0o600); err != nil {
		t.Fatal(err)
	}
	_, cmd := h.m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q")})
	if cmd == nil {
		t.Fatalf("q did not quit:\n%s", h.view())
	}
	if _, quit := cmd().(tea.QuitMsg); !quit {
		t.Fatalf("q asked something:\n%s", h.view())
	}
	if v := h.view(); !strings.Contains(v, "NGỪNG GHI") || !strings.Contains(h.m.farewell, "chép đè") {
		t.Fatalf("not told (farewell %q):\n%s", h.m.farewell, v)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(st.Path()); err != nil || string(b) != string(restored) {
		t.Fatalf("the backup copied in was written (%v)", err)
	}
	if n := registrationCount(t, st.Path()); n != 7 {
		t.Fatalf("the book has %d registrations, want the backup's 7", n)
	}
	back, err := store.Open(st.Path(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer back.Close()
	problems, err := back.Check(ctx)
	if err != nil || len(problems) > 0 {
		t.Fatalf("check: %v %v", problems, err)
	}
}

// The history screen takes the book back to a backup: b asks for its
// path (the keys typed are the path's, not undo's), asks to confirm, and
// the restore runs in the background; the screens then show the backup's
// book, and the history says what was done.
func TestRestoreABackupFromTheHistoryScreen(t *testing.T) {
	st := seeded(t)
	ctx := t.Context()
	backup, err := st.Backup(ctx, filepath.Join(t.TempDir(), "sao-luu"))
	if err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, st, lang.VI, 120, 30)
	c := h.m.ctx.Data.Campaign
	if _, _, err := st.RecordSubmission(ctx, campaign.Submission{CampaignID: c.ID, AgencyID: h.m.ctx.Data.Agencies[0].ID,
		Number: "3/X", Received: today}, []campaign.Registration{{Title: "Sau sao lưu", Kind: campaign.Model, Area: campaign.Procedures}}); err != nil {
		t.Fatal(err)
	}
	h.keys("h", "b", "ctrl+u", strings.TrimSuffix(backup, "u"), "u")
	if v := h.view(); !strings.Contains(v, "Bản sao lưu cần khôi phục") {
		t.Fatalf("no question for the path:\n%s", v)
	}
	h.keys("enter")
	if v := strings.Join(strings.Fields(h.view()), " "); !strings.Contains(v, "Đưa cả sổ dữ liệu về bản sao lưu") {
		t.Fatalf("not asked to confirm:\n%s", h.view())
	}
	if n := registrationCount(t, st.Path()); n != 8 {
		t.Fatalf("restored before yes: %d registrations", n)
	}
	h.keys("y")
	v := strings.Join(strings.Fields(h.view()), " ")
	if !strings.Contains(v, "Đã khôi phục sổ dữ liệu từ") || !strings.Contains(v, "Khôi phục sổ dữ liệu từ bản sao lưu") {
		t.Fatalf("not told, or not in the history:\n%s", h.view())
	}
	if n := registrationCount(t, st.Path()); n != 7 {
		t.Fatalf("the book has %d registrations, want the backup's 7", n)
	}
	h.send(watchTickMsg{})
	if h.m.gone || strings.Contains(h.view(), "NGỪNG GHI") {
		t.Fatalf("its own restore taken for a book gone:\n%s", h.view())
	}
}
