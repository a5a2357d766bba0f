package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/user"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/lang"
	"cchc/internal/store/sqlite"
	"cchc/internal/vndate"
)

func recordOne(t *testing.T, s *Store, c campaign.Campaign, agency, title string) int64 {
	t.Helper()
	a := agencyByName(t, s, c, agency)
	_, ids, err := s.RecordSubmission(context.Background(), campaign.Submission{CampaignID: c.ID, AgencyID: a.ID, Number: "12/SYT", Received: vndate.Of(2023, 3, 1)},
		[]campaign.Registration{sampleReg(title)})
	if err != nil {
		t.Fatal(err)
	}
	return ids[0]
}

func TestEveryChangeIsInTheHistory(t *testing.T) {
	s, err := Open(testBook(t), Options{Now: fixedNow, User: "Chị Lan"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	c := campaignOf(t, s, 2023)
	if h, err := s.History(ctx, book.HistoryQuery{}); err != nil || len(h) != 0 {
		t.Fatalf("a new book has %d changes (the default campaign is not one) (read: %v)", len(h), err)
	}
	id := recordOne(t, s, c, "Sở Y tế", "Khám bệnh không giấy tờ")
	r := registrationOf(t, s, id)
	r.Title = "Khám bệnh từ xa"
	if err := s.UpdateRegistration(ctx, r.Registration); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddAgency(ctx, c.ID, campaign.Agency{Name: "Sở Mới", Group: campaign.Department}); err != nil {
		t.Fatal(err)
	}
	r = registrationOf(t, s, id)
	if err := s.DeleteRegistration(ctx, id, r.Version); err != nil {
		t.Fatal(err)
	}
	// a refused write leaves no trace
	if _, _, err := s.RecordSubmission(ctx, campaign.Submission{CampaignID: c.ID}, nil); err == nil {
		t.Fatal("bad letter accepted")
	}
	h, err := s.History(ctx, book.HistoryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ch := range h {
		if ch.Who != "Chị Lan" || ch.At.IsZero() {
			t.Fatalf("who/when = %q %v", ch.Who, ch.At)
		}
		got = append(got, ch.Op+": "+ch.Summary(lang.VI))
	}
	want := []string{
		"delete: Xóa mô hình «Khám bệnh từ xa» của Sở Y tế",
		"create: Thêm cơ quan «Sở Mới»",
		"edit: Sửa mô hình «Khám bệnh từ xa» của Sở Y tế: tên: «Khám bệnh không giấy tờ» → «Khám bệnh từ xa»",
		"create: Thêm mô hình «Khám bệnh không giấy tờ» của Sở Y tế",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("history:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	del := h[0]
	if len(del.Items) != 2 || del.Items[0].Old["title"] != "Khám bệnh từ xa" || del.Items[1].Table != "submission" {
		t.Fatalf("delete items = %+v", del.Items)
	}
	byAgency, err := s.History(ctx, book.HistoryQuery{Agency: "y te", Limit: 2})
	if err != nil || len(byAgency) != 2 || byAgency[0].ID != h[0].ID || byAgency[1].ID != h[2].ID {
		t.Fatalf("filtered = %d %v", len(byAgency), err)
	}
	if _, err := s.History(ctx, book.HistoryQuery{Agency: "không có"}); err == nil {
		t.Fatal("unknown agency accepted")
	}
}

func TestUndoAndTrash(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	c := campaignOf(t, s, 2023)
	id := recordOne(t, s, c, "Sở Y tế", "Một cửa điện tử")
	r := registrationOf(t, s, id)
	r.Note = "ghi chú mới"
	if err := s.UpdateRegistration(ctx, r.Registration); err != nil {
		t.Fatal(err)
	}
	undone, err := s.UndoLast(ctx)
	if err != nil || undone.Op != book.OpEdit {
		t.Fatalf("undo edit: %v %v", undone.Op, err)
	}
	if h := lastChange(t, s); h.Op != book.OpUndo || h.Undid != h.ID-1 ||
		h.Summary(lang.VI) != fmt.Sprintf("Hoàn tác thay đổi #%d: trả lại 1 mô hình như cũ", h.ID-1) {
		t.Fatalf("undo recorded as %+v: %s", h, h.Summary(lang.VI))
	}
	back := registrationOf(t, s, id)
	if back.Note != "" || back.Version != 3 {
		t.Fatalf("after undo: note %q version %d", back.Note, back.Version)
	}
	// deletion goes to the trash, and comes back with its letter
	if err := s.DeleteRegistration(ctx, id, back.Version); err != nil {
		t.Fatal(err)
	}
	trash, err := s.Trash(ctx, c.ID)
	if err != nil || len(trash) != 1 || trash[0].Title != "Một cửa điện tử" || trash[0].AgencyName != "Sở Y tế" || trash[0].Received != vndate.Of(2023, 3, 1) {
		t.Fatalf("trash = %+v %v", trash, err)
	}
	// a new letter takes the freed ids: the restore must not join it
	other := recordOne(t, s, c, "Sở Tư pháp", "Lý lịch tư pháp trực tuyến")
	if _, err := s.Restore(ctx, trash[0].ItemID); err != nil {
		t.Fatal(err)
	}
	rows := registrationsOf(t, s, c.ID)
	if len(rows) != 2 {
		t.Fatalf("registrations after restore = %d", len(rows))
	}
	for _, x := range rows {
		if x.Title == "Một cửa điện tử" && (x.AgencyName != "Sở Y tế" || x.LetterNumber != "12/SYT") {
			t.Fatalf("restored into the wrong letter: %+v", x)
		}
		if x.ID == other && x.AgencyName != "Sở Tư pháp" {
			t.Fatal("the other letter was changed")
		}
	}
	if trash, err := s.Trash(ctx, c.ID); err != nil || len(trash) != 0 {
		t.Fatalf("trash after restore = %d (read: %v)", len(trash), err)
	}
	if _, err := s.Restore(ctx, 999); !errors.Is(err, book.ErrNotFound) {
		t.Fatalf("restore unknown = %v", err)
	}
	// undoing the restore puts it back in the trash
	if _, err := s.UndoLast(ctx); err != nil {
		t.Fatal(err)
	}
	if trash, err := s.Trash(ctx, c.ID); err != nil || len(trash) != 1 {
		t.Fatalf("trash after undoing the restore = %d (read: %v)", len(trash), err)
	}
	// an undo refused when the data moved on changes nothing
	o := registrationOf(t, s, other)
	o.Note = "sửa lần 1"
	if err := s.UpdateRegistration(ctx, o.Registration); err != nil {
		t.Fatal(err)
	}
	first := s.session[len(s.session)-1]
	o = registrationOf(t, s, other)
	o.Note = "sửa lần 2"
	if err := s.UpdateRegistration(ctx, o.Registration); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Undo(ctx, first); !errors.Is(err, book.ErrConflict) {
		t.Fatalf("stale undo = %v", err)
	}
	if now, err := s.Registration(ctx, other); err != nil || now.Note != "sửa lần 2" {
		t.Fatalf("stale undo changed the note to %q (read: %v)", now.Note, err)
	}
	if problems, err := s.Check(ctx); err != nil || len(problems) != 0 {
		t.Fatalf("check after all that: %v %v", problems, err)
	}
}

func TestUndoAnImport(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	c := campaignOf(t, s, 2023)
	yte := agencyByName(t, s, c, "Sở Y tế")
	var items []book.ImportItem
	for i := range 50 {
		items = append(items, book.ImportItem{Line: i + 2, Registration: sampleReg("Mô hình số " + string(rune('A'+i%26)) + string(rune('a'+i/26)))})
	}
	if _, err := s.ImportRegistrations(ctx, []book.ImportLetter{{Submission: campaign.Submission{CampaignID: c.ID, AgencyID: yte.ID, Received: vndate.Of(2023, 3, 2)}, Items: items}}, false); err != nil {
		t.Fatal(err)
	}
	h := lastChange(t, s)
	if h.Op != book.OpImport || !strings.Contains(h.Summary(lang.VI), "50 mô hình, 1 văn bản") {
		t.Fatalf("import recorded as %s: %s", h.Op, h.Summary(lang.VI))
	}
	if _, err := s.UndoLast(ctx); err != nil {
		t.Fatal(err)
	}
	if rows, err := s.Registrations(ctx, c.ID); err != nil || len(rows) != 0 {
		t.Fatalf("undo import left %d (read: %v)", len(rows), err)
	}
	if trash, err := s.Trash(ctx, c.ID); err != nil || len(trash) != 50 {
		t.Fatalf("undone import: trash = %d (read: %v)", len(trash), err) // an undone import can still be taken back one by one
	}
}

func TestBackupIsPrivateAndComplete(t *testing.T) {
	sqliteOnly(t)
	s := openTemp(t)
	ctx := context.Background()
	c := campaignOf(t, s, 2023)
	recordOne(t, s, c, "Sở Y tế", "Sao lưu")
	if s.BackedUpToday() {
		t.Fatal("backed up before any backup")
	}
	dest := s.DefaultBackupPath()
	if !strings.HasSuffix(dest, "cchc-backup-2023-04-05.db") {
		t.Fatalf("default name %s", dest)
	}
	got, err := s.Backup(ctx, dest)
	if err != nil {
		t.Fatal(err)
	}
	if !s.BackedUpToday() {
		t.Fatal("today's backup not seen")
	}
	if runtime.GOOS != "windows" {
		info, err := os.Stat(got)
		fatalIf(t, err)
		if info.Mode().Perm() != 0o600 {
			t.Fatalf("backup mode %v", info.Mode().Perm())
		}
	}
	b, err := Open(got, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if rows, err := b.Registrations(ctx, c.ID); err != nil || len(rows) != 1 {
		t.Fatalf("backup has %d registrations (read: %v)", len(rows), err)
	}
	if _, err := s.Backup(ctx, dest); err == nil || !strings.Contains(messageOf(err), "đã có") {
		t.Fatalf("overwrite = %v", err)
	}
	if second := s.DefaultBackupPath(); second == dest {
		t.Fatal("second default name is the first")
	}
}

// A book of schema 1 with data is backed up before it is upgraded.
func TestBackupBeforeUpgrade(t *testing.T) {
	sqliteOnly(t)
	path := filepath.Join(t.TempDir(), "cchc.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	v1 := sqlite.Migrations()[0]
	if _, err := db.Exec(v1.SQL + "; PRAGMA user_version = 1; PRAGMA application_id = " + itoa(sqlite.ApplicationID)); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO agency (name, name_key, agency_group, created_at, updated_at) VALUES ('Sở Cũ', 'so cu', 'department', 'x', 'x')`); err != nil {
		t.Fatal(err)
	}
	fatalIf(t, db.Close())
	s, err := Open(path, Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	backups, err := filepath.Glob(filepath.Join(filepath.Dir(path), "cchc-before-schema-*-2023-04-05.db"))
	fatalIf(t, err)
	if len(backups) != 1 {
		t.Fatalf("backups = %v", backups)
	}
	old, err := sql.Open("sqlite", backups[0])
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	var version, n int
	version = countOf(t, old, "PRAGMA user_version")
	n = countOf(t, old, "SELECT count(*) FROM agency WHERE name = 'Sở Cũ'")
	if version != 1 || n != 1 {
		t.Fatalf("backup schema %d, agencies %d", version, n)
	}
	if _, err := s.History(context.Background(), book.HistoryQuery{}); err != nil {
		t.Fatalf("upgraded book has no history: %v", err)
	}
}

func TestCheckFindsBrokenRules(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	c := campaignOf(t, s, 2023)
	if p, err := s.Check(ctx); err != nil || len(p) != 0 {
		t.Fatalf("a new book: %v %v", p, err)
	}
	id := recordOne(t, s, c, "Sở Y tế", "Hợp lệ")
	tp := agencyByName(t, s, c, "Sở Tư pháp")
	// damage made behind the program's back, as with the sqlite3 tool
	for _, q := range []string{
		`INSERT INTO agency (name, name_key, agency_group, parent_id, created_at, updated_at) VALUES ('Xã Lạc', 'xa lac', 'commune', ` + itoa(tp.ID) + `, 'x', 'x')`,
		`UPDATE registration SET lead_agency_id = ` + itoa(tp.ID) + ` WHERE id = ` + itoa(id),
		`INSERT INTO submission (campaign_id, agency_id, received_on, created_at, updated_at) VALUES (1, ` + itoa(tp.ID) + `, '2023-03-01', 'x', 'x')`,
		`UPDATE agency SET name = 'Sở ` + "\x1b[2J" + `' WHERE id = ` + itoa(tp.ID),
		`INSERT INTO submission (campaign_id, agency_id, number, received_on, created_at, updated_at) VALUES (1, ` + itoa(tp.ID) + `, '9/STP', '1990-01-02', 'x', 'x')`,
		`INSERT INTO registration (submission_id, title, title_key, kind, area, created_at, updated_at) SELECT id, 'Cũ', 'cu', 'model', 'other', 'x', 'x' FROM submission WHERE number = '9/STP'`,
	} {
		if _, err := s.db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	p, err := s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, x := range p {
		msgs = append(msgs, x.VI)
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{"Xã \"Xã Lạc\" thuộc một đơn vị không phải cấp huyện", "đơn vị chủ trì không phải", "không có mô hình nào", "chứa ký tự điều khiển", "Văn bản 9/STP — Sở", ", 02/01/1990: ngày nhận hoặc ngày văn bản quá sớm"} {
		if !strings.Contains(all, want) {
			t.Errorf("missing %q in:\n%s", want, all)
		}
	}
	if strings.Contains(all, "\x1b") {
		t.Error("an escape sequence reached the report")
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// Several processes upgrading one old book at once: all open it, one
// upgrades it, and every backup taken (one or more) is whole.
func TestConcurrentUpgradeKeepsWholeBackups(t *testing.T) {
	sqliteOnly(t)
	path := filepath.Join(t.TempDir(), "cchc.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(sqlite.Migrations()[0].SQL + "; PRAGMA user_version = 1; PRAGMA application_id = " + itoa(sqlite.ApplicationID)); err != nil {
		t.Fatal(err)
	}
	fatalIf(t, db.Close())
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			s, err := Open(path, Options{Now: fixedNow})
			if err == nil {
				err = s.Close()
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Fatalf("concurrent upgrade: %v", err)
		}
	}
	backups, err := filepath.Glob(filepath.Join(filepath.Dir(path), "cchc-before-schema-*.db"))
	fatalIf(t, err)
	if len(backups) == 0 {
		t.Fatal("no backup before the upgrade")
	}
	old := 0
	for _, b := range backups {
		o, err := sql.Open("sqlite", b)
		fatalIf(t, err)
		v := countOf(t, o, "PRAGMA user_version")
		ok := queryString(t, o, "PRAGMA integrity_check")
		o.Close()
		if ok != "ok" {
			t.Fatalf("%s: integrity %q", b, ok)
		}
		if v == 1 {
			old++
		}
		// a process that saw the old schema may back up after another
		// upgraded it: a spare copy, never a missing one
	}
	if old == 0 {
		t.Fatalf("no backup of the old schema among %v", backups)
	}
}

// Deactivating an agency in one campaign keeps the other campaigns' view of
// it; the history says what the clerk changed, not that bookkeeping.
func TestHistoryOfADeactivationSaysWhatChanged(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	if _, err := s.NewCampaign(ctx, campaign.Campaign{Year: 2024, Deadline: vndate.Of(2024, 3, 29)}, 2023); err != nil {
		t.Fatal(err)
	}
	c := campaignOf(t, s, 2024)
	a := agencyByName(t, s, c, "Sở Ngoại vụ")
	a.Active = false
	if err := s.UpdateAgency(ctx, c.ID, a); err != nil {
		t.Fatal(err)
	}
	sum := lastChange(t, s).Summary(lang.VI)
	if strings.Contains(sum, "— →") || !strings.Contains(sum, "Sở Ngoại vụ") {
		t.Fatalf("history says %q", sum)
	}
}

func TestHistoryNamesTheClerkNotThePC(t *testing.T) {
	t.Setenv("CCHC_USER", "")
	currentUser = func() (*user.User, error) { return &user.User{Username: `DESKTOP-4F7QK2\lan`}, nil }
	t.Cleanup(func() { currentUser = user.Current })
	s, err := Open(filepath.Join(t.TempDir(), "cchc.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c, err := s.Campaign(context.Background(), 0)
	if err != nil {
		t.Fatal(err)
	}
	recordOne(t, s, c, "Sở Y tế", "Khám bệnh không giấy tờ")
	changes, err := s.History(context.Background(), book.HistoryQuery{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(changes) != 1 || changes[0].Who != "lan" {
		t.Fatalf("history = %+v, want the change by lan", changes)
	}
}
