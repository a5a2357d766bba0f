package store

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/compliance"
	"cchc/internal/lang"
	"cchc/internal/tooltest"
	"cchc/internal/vndate"
)

var fixedNow = func() time.Time { return time.Date(2023, 4, 5, 9, 0, 0, 0, time.UTC) }

func openTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(testBook(t), Options{Now: fixedNow})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func agencyByName(t *testing.T, s *Store, c campaign.Campaign, name string) campaign.Agency {
	t.Helper()
	list, err := s.CampaignAgencies(context.Background(), c.ID)
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

func TestNewBookHasTheDefaultCampaign(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	c, err := s.Campaign(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if c.Year != 2023 || c.Deadline.ISO() != "2023-03-24" || c.Issuer != "Sở Nội vụ" {
		t.Fatalf("campaign = %+v", c)
	}
	want := map[campaign.Group]campaign.Quota{
		campaign.Department: {Required: 1, Target: 1}, campaign.Central: {Required: 1, Target: 1},
		campaign.District: {Required: 2, Target: 3}, campaign.Commune: {},
	}
	for g, q := range want {
		if c.Quotas[g] != q {
			t.Errorf("quota %s = %+v, want %+v", g, c.Quotas[g], q)
		}
	}
	agencies, err := s.CampaignAgencies(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	count := map[campaign.Group]int{}
	for _, a := range agencies {
		count[a.Group]++
	}
	if count[campaign.Department] != 19 || count[campaign.Central] != 8 || count[campaign.District] != 13 || count[campaign.Commune] != 0 {
		t.Fatalf("agencies by group = %v", count)
	}
	if a := agencyByName(t, s, c, "Huyện Đức Thọ"); a.Code != "440" || !a.Active {
		t.Fatalf("Đức Thọ = %+v", a)
	}
	// Report order: groups in order, Vietnamese alphabetical inside.
	var districts []string
	for _, a := range agencies {
		if a.Group == campaign.District {
			districts = append(districts, a.Name)
		}
	}
	if districts[0] != "Huyện Can Lộc" || districts[1] != "Huyện Cẩm Xuyên" || districts[2] != "Huyện Đức Thọ" {
		t.Fatalf("district order = %v", districts)
	}
	if agencies[0].Group != campaign.Department || agencies[len(agencies)-1].Group != campaign.District {
		t.Fatal("groups out of order")
	}
}

func TestReopenKeepsDataAndDoesNotReseed(t *testing.T) {
	path := testBook(t)
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	fatalIf(t, s.Close())
	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	cs, err := s.Campaigns(context.Background())
	if err != nil || len(cs) != 1 {
		t.Fatalf("campaigns = %d, %v", len(cs), err)
	}
	list := agenciesOf(t, s, cs[0].ID)
	if len(list) != 40 {
		t.Fatalf("agencies after reopen = %d", len(list))
	}
}

func TestNewFileIsPrivate(t *testing.T) {
	sqliteOnly(t)
	if runtime.GOOS == "windows" {
		t.Skip("file modes are a Unix matter")
	}
	dir := filepath.Join(t.TempDir(), "cfg", "cchc")
	s, err := Open(filepath.Join(dir, "cchc.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	fatalIf(t, s.Close())
	for _, p := range []string{filepath.Join(dir, "cchc.db"), filepath.Join(dir, "cchc.db-wal")} {
		info, err := os.Stat(p)
		if err != nil {
			continue // the WAL may have been checkpointed away
		}
		if info.Mode().Perm() != 0o600 {
			t.Errorf("%s mode = %v, want 0600", p, info.Mode().Perm())
		}
	}
	info, err := os.Stat(dir)
	fatalIf(t, err)
	if info.Mode().Perm() != 0o700 {
		t.Errorf("folder mode = %v", info.Mode().Perm())
	}
}

func messageOf(err error) string { return lang.Message(err, lang.VI) }

func TestBadPathsAreRefusedAndLeftUntouched(t *testing.T) {
	sqliteOnly(t)
	dir := t.TempDir()
	notDB := filepath.Join(dir, "notes.db")
	content := []byte("Danh sách đăng ký — không phải SQLite\n")
	fatalIf(t, os.WriteFile(notDB, content, 0o600))
	short := filepath.Join(dir, "short.db")
	fatalIf(t, os.WriteFile(short, []byte("SQLite"), 0o600))

	other := filepath.Join(dir, "other.db")
	db, err := sql.Open("sqlite", other)
	fatalIf(t, err)
	_, err = db.Exec("CREATE TABLE t (x); INSERT INTO t VALUES (1)")
	fatalIf(t, err)
	fatalIf(t, db.Close())
	otherBefore := readFile(t, other)

	cases := []struct {
		name, path, want string
	}{
		{"a folder", dir, "là một thư mục"},
		{"a text file", notDB, "không phải tệp dữ liệu cchc"},
		{"a truncated header", short, "không phải tệp dữ liệu cchc"},
		{"another program's database", other, "không phải tệp dữ liệu cchc"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Open(tc.path, Options{})
			if err == nil || !strings.Contains(messageOf(err), tc.want) {
				t.Fatalf("err = %v, want %q", err, tc.want)
			}
		})
	}
	if got := readFile(t, notDB); got != string(content) {
		t.Fatal("text file was changed")
	}
	if got := readFile(t, other); got != otherBefore {
		t.Fatal("other database was changed")
	}
}

func TestNewerSchemaIsRefused(t *testing.T) {
	path := testBook(t)
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	bump := "PRAGMA user_version = 99"
	if onPostgres {
		bump = "UPDATE cchc_schema SET version = 99"
	}
	if _, err := s.db.Exec(bump); err != nil {
		t.Fatal(err)
	}
	fatalIf(t, s.Close())
	before := bookState(t, path)
	_, err = Open(path, Options{})
	if err == nil || !strings.Contains(messageOf(err), "phiên bản cchc mới hơn") {
		t.Fatalf("err = %v", err)
	}
	if after := bookState(t, path); after != before {
		t.Fatal("book changed")
	}
}

// bookState is what a refused book must keep: the SQLite file's bytes, or
// on PostgreSQL its schema version and its tables' columns.
func bookState(t *testing.T, path string) string {
	t.Helper()
	if !onPostgres {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	db, err := sql.Open("pgx", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var state string
	if err := db.QueryRow(`SELECT (SELECT string_agg(version::text, ',') FROM cchc_schema) || ' ' ||
		(SELECT string_agg(table_name || '.' || column_name, ',' ORDER BY table_name, column_name) FROM information_schema.columns
		WHERE table_schema = current_schema())`).Scan(&state); err != nil {
		t.Fatal(err)
	}
	return state
}

// reranUnprivileged starts a test of file modes on SQLite: it returns true
// when the test was run again as a user who is not root (who ignores file
// permissions), and the caller then returns.
func reranUnprivileged(t *testing.T) bool {
	t.Helper()
	sqliteOnly(t)
	if runtime.GOOS == "windows" {
		t.Skip("file modes are a Unix matter")
	}
	return tooltest.Unprivileged(t)
}

func TestReadOnlyFile(t *testing.T) {
	if reranUnprivileged(t) {
		return
	}
	path := filepath.Join(t.TempDir(), "cchc.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	fatalIf(t, s.Close())
	fatalIf(t, os.Chmod(path, 0o400))
	if _, err := Open(path, Options{}); err == nil || !strings.Contains(messageOf(err), "chỉ cho phép đọc") {
		t.Fatalf("write open err = %v", err)
	}
	ro, err := Open(path, Options{AllowReadOnly: true})
	if err != nil {
		t.Fatalf("read-only open: %v", err)
	}
	defer ro.Close()
	if !ro.ReadOnly() {
		t.Fatal("not marked read-only")
	}
	c := campaignOf(t, ro, 2023)
	_, err = ro.AddAgency(context.Background(), c.ID, campaign.Agency{Name: "Sở Mới", Group: campaign.Department})
	if !errors.Is(err, book.ErrReadOnly) {
		t.Fatalf("write on read-only = %v", err)
	}
}

// In a folder the clerk may not write, SQLite can make neither -wal nor
// -shm. A WAL and its index already there (a writer has the book open) are
// read through, so that what it commits later is seen: the book is not
// opened immutable then. A WAL without its index (left by a crash) holds
// commits that cannot be read there: refused, saying why, not read stale;
// so is a folder others may write.
func TestReadOnlyFolderWithAWriter(t *testing.T) {
	if reranUnprivileged(t) {
		return
	}
	ctx := context.Background()
	dir, crashed := t.TempDir(), t.TempDir()
	path := filepath.Join(dir, "cchc.db")
	w, err := Open(path, Options{})
	fatalIf(t, err)
	defer w.Close()
	c := campaignOf(t, w, 2023)
	fatalIf(t, w.SetQuota(ctx, c.ID, campaign.Department, campaign.Quota{Required: 1, Target: 1}))
	// what a crash leaves: the file and its WAL, no index
	for _, name := range []string{"cchc.db", "cchc.db-wal"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		fatalIf(t, err)
		fatalIf(t, os.WriteFile(filepath.Join(crashed, name), data, 0o600))
	}
	for _, d := range []string{dir, crashed} {
		fatalIf(t, os.Chmod(d, 0o555))
		t.Cleanup(func() { os.Chmod(d, 0o755) })
	}

	r, err := Open(path, Options{AllowReadOnly: true})
	fatalIf(t, err)
	defer r.Close()
	if !r.ReadOnly() || r.ReadOnlyReason() == nil {
		t.Fatalf("read-only %v, why %v", r.ReadOnly(), r.ReadOnlyReason())
	}
	fatalIf(t, w.SetQuota(ctx, c.ID, campaign.Department, campaign.Quota{Required: 7, Target: 7}))
	if got := campaignOf(t, r, 2023).Quotas[campaign.Department].Required; got != 7 {
		t.Errorf("the reader sees a quota of %d, want the 7 committed since it opened", got)
	}

	if _, err := Open(filepath.Join(crashed, "cchc.db"), Options{AllowReadOnly: true}); err == nil ||
		!strings.Contains(messageOf(err), "bên cạnh có tệp cchc.db-wal giữ những thay đổi chưa ghi vào tệp chính") ||
		!strings.Contains(lang.Message(err, lang.EN), "beside it is cchc.db-wal, holding changes not yet written into the file") {
		t.Errorf("a WAL without its index: %v", err)
	}
	if _, err := os.Stat(filepath.Join(crashed, "cchc.db-shm")); err == nil {
		t.Error("an index was made beside the crashed book")
	}

	// a folder its group may write, though its owner may not: another
	// clerk could write while this one read, so it is not read immutable
	shared := filepath.Join(t.TempDir(), "cchc.db")
	s, err := Open(shared, Options{})
	fatalIf(t, err)
	fatalIf(t, s.Close())
	fatalIf(t, os.Chmod(filepath.Dir(shared), 0o575))
	t.Cleanup(func() { os.Chmod(filepath.Dir(shared), 0o755) })
	if _, err := Open(shared, Options{AllowReadOnly: true}); err == nil ||
		!strings.Contains(messageOf(err), "nhưng người khác có thể ghi vào sổ trong lúc bạn đọc") ||
		!strings.Contains(lang.Message(err, lang.EN), "but others may write to the book while you read it") {
		t.Errorf("a folder others may write: %v", err)
	}
}

func TestTwoProcessesCreatingTheSameBook(t *testing.T) {
	dir := t.TempDir()
	path, start := testBook(t), filepath.Join(dir, "start")
	// separate processes (copies of this test binary), released at once:
	// each creates the book, or finds it made by another, never foreign
	var cmds []*exec.Cmd
	var outs []*strings.Builder
	for range 6 {
		cmd := child(t, "opener", path, "CCHC_CHILD_START="+start)
		out := &strings.Builder{}
		cmd.Stdout, cmd.Stderr = out, out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds, outs = append(cmds, cmd), append(outs, out)
	}
	if err := os.WriteFile(start, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for i, cmd := range cmds {
		if err := cmd.Wait(); err != nil || !strings.Contains(outs[i].String(), "OPENED") {
			t.Fatalf("process %d: %v\n%s", i, err, outs[i])
		}
	}
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	cs, err := s.Campaigns(context.Background())
	if err != nil || len(cs) != 1 {
		t.Fatalf("campaigns: %v %v", cs, err)
	}
	list, err := s.CampaignAgencies(context.Background(), cs[0].ID)
	if err != nil || len(list) != 40 {
		t.Fatalf("seeded %d agencies: %v", len(list), err)
	}
}

func sampleReg(title string) campaign.Registration {
	return campaign.Registration{Title: title, Kind: campaign.Model, Area: campaign.Procedures, Timeline: "Quý II/2023"}
}

func TestRecordSubmissionAndCompliance(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	c := campaignOf(t, s, 2023)
	ducTho := agencyByName(t, s, c, "Huyện Đức Thọ")
	tungAnh, err := s.AddAgency(ctx, c.ID, campaign.Agency{Name: "Xã Tùng Ảnh", Group: campaign.Commune, ParentID: ducTho.ID, Code: "18241"})
	if err != nil {
		t.Fatal(err)
	}
	sub := campaign.Submission{CampaignID: c.ID, AgencyID: ducTho.ID, Number: " 312/UBND-NV ",
		LetterDate: vndate.Of(2023, 3, 20), Received: vndate.Of(2023, 3, 21)}
	r1 := sampleReg("Bộ phận một cửa thân thiện")
	r1.LeadAgencyID = tungAnh
	subID, ids, err := s.RecordSubmission(ctx, sub, []campaign.Registration{r1})
	if err != nil || len(ids) != 1 {
		t.Fatalf("record: %v", err)
	}
	sum := complianceOf(t, s, c, vndate.Of(2023, 3, 24))
	got := find(sum, ducTho.ID)
	if got.Registered != 1 || got.Status != compliance.Short {
		t.Fatalf("after one: %+v", got)
	}
	// The commune's own letter rolls up into the district.
	if _, _, err := s.RecordSubmission(ctx, campaign.Submission{CampaignID: c.ID, AgencyID: tungAnh,
		Received: vndate.Of(2023, 3, 23)}, []campaign.Registration{sampleReg("Số hóa hồ sơ một cửa")}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddToSubmission(ctx, subID, []campaign.Registration{sampleReg("Chuyển đổi số cấp xã")}); err != nil {
		t.Fatal(err)
	}
	sum = complianceOf(t, s, c, vndate.Of(2023, 3, 24))
	got = find(sum, ducTho.ID)
	if got.Registered != 3 || got.Status != compliance.Met || !got.TargetMet || got.MetOn.ISO() != "2023-03-21" || got.Late {
		t.Fatalf("after three: %+v", got)
	}
	rows := registrationsOf(t, s, c.ID)
	if len(rows) != 3 {
		t.Fatalf("registrations = %d", len(rows))
	}
	var lead string
	for _, r := range rows {
		if r.Title == "Bộ phận một cửa thân thiện" {
			lead = r.LeadName
			if r.LetterNumber != "312/UBND-NV" {
				t.Errorf("letter number not cleaned: %q", r.LetterNumber)
			}
		}
	}
	if lead != "Xã Tùng Ảnh" {
		t.Fatalf("lead = %q", lead)
	}
	mine, err := s.AgencyRegistrations(ctx, c.ID, ducTho.ID)
	fatalIf(t, err)
	if len(mine) != 3 {
		t.Fatalf("agency registrations = %d", len(mine))
	}
}

func find(s compliance.Summary, id int64) compliance.Result {
	for _, r := range s.Results {
		if r.Agency.ID == id {
			return r
		}
	}
	return compliance.Result{}
}

func TestInvalidInputChangesNothing(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	c := campaignOf(t, s, 2023)
	yte := agencyByName(t, s, c, "Sở Y tế")
	ducTho := agencyByName(t, s, c, "Huyện Đức Thọ")
	good := sampleReg("Tốt")
	bad := []struct {
		name string
		sub  campaign.Submission
		regs []campaign.Registration
		want string
	}{
		{"no agency", campaign.Submission{CampaignID: c.ID, Received: vndate.Of(2023, 3, 1)}, []campaign.Registration{good}, "Cơ quan, đơn vị"},
		{"no received date", campaign.Submission{CampaignID: c.ID, AgencyID: yte.ID}, []campaign.Registration{good}, "Ngày nhận"},
		{"received in the future", campaign.Submission{CampaignID: c.ID, AgencyID: yte.ID, Received: vndate.Of(2023, 5, 1)}, []campaign.Registration{good}, "tương lai"},
		{"letter after received", campaign.Submission{CampaignID: c.ID, AgencyID: yte.ID, LetterDate: vndate.Of(2023, 3, 5), Received: vndate.Of(2023, 3, 1)}, []campaign.Registration{good}, "Ngày văn bản"},
		{"second title empty", campaign.Submission{CampaignID: c.ID, AgencyID: yte.ID, Received: vndate.Of(2023, 3, 1)},
			[]campaign.Registration{good, sampleReg("  \x1b[2J ")}, "Mô hình 2: Tên mô hình"},
		{"unknown kind", campaign.Submission{CampaignID: c.ID, AgencyID: yte.ID, Received: vndate.Of(2023, 3, 1)},
			[]campaign.Registration{{Title: "X", Kind: "poem", Area: campaign.Procedures}}, "Loại"},
		{"lead not under the agency", campaign.Submission{CampaignID: c.ID, AgencyID: yte.ID, Received: vndate.Of(2023, 3, 1)},
			[]campaign.Registration{{Title: "X", Kind: campaign.Model, Area: campaign.Procedures, LeadAgencyID: ducTho.ID}}, "Đơn vị chủ trì"},
		{"no registrations", campaign.Submission{CampaignID: c.ID, AgencyID: yte.ID, Received: vndate.Of(2023, 3, 1)}, nil, "chưa có mô hình"},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := s.RecordSubmission(ctx, tc.sub, tc.regs)
			if err == nil || !strings.Contains(messageOf(err), tc.want) {
				t.Fatalf("err = %v, want %q", err, tc.want)
			}
		})
	}
	rows := registrationsOf(t, s, c.ID)
	subs := submissionsOf(t, s, c.ID)
	if len(rows) != 0 || len(subs) != 0 {
		t.Fatalf("bad input wrote %d registrations, %d letters", len(rows), len(subs))
	}
}

func TestEditConflictsAreRefused(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	c := campaignOf(t, s, 2023)
	yte := agencyByName(t, s, c, "Sở Y tế")
	_, ids, err := s.RecordSubmission(ctx, campaign.Submission{CampaignID: c.ID, AgencyID: yte.ID, Received: vndate.Of(2023, 3, 1)},
		[]campaign.Registration{sampleReg("Khám bệnh không giấy tờ")})
	if err != nil {
		t.Fatal(err)
	}
	mine := registrationOf(t, s, ids[0])
	theirs := registrationOf(t, s, ids[0])
	theirs.Title = "Khám bệnh từ xa"
	if err := s.UpdateRegistration(ctx, theirs.Registration); err != nil {
		t.Fatal(err)
	}
	mine.Note = "sửa của tôi"
	if err := s.UpdateRegistration(ctx, mine.Registration); !errors.Is(err, book.ErrConflict) {
		t.Fatalf("stale update = %v", err)
	}
	if err := s.DeleteRegistration(ctx, mine.ID, mine.Version); !errors.Is(err, book.ErrConflict) {
		t.Fatalf("stale delete = %v", err)
	}
	now := registrationOf(t, s, ids[0])
	if now.Title != "Khám bệnh từ xa" || now.Note != "" || now.Version != 2 {
		t.Fatalf("stored = %+v", now.Registration)
	}
	if err := s.DeleteRegistration(ctx, now.ID, now.Version); err != nil {
		t.Fatal(err)
	}
	subs := submissionsOf(t, s, c.ID)
	if len(subs) != 0 {
		t.Fatal("empty letter left behind")
	}
	if err := s.UpdateRegistration(ctx, now.Registration); !errors.Is(err, book.ErrNotFound) {
		t.Fatalf("update of deleted = %v", err)
	}

	a := agencyByName(t, s, c, "Sở Ngoại vụ")
	b := a
	a.ShortName = "SNgV"
	if err := s.UpdateAgency(ctx, c.ID, a); err != nil {
		t.Fatal(err)
	}
	b.Name = "Sở Ngoại vụ tỉnh"
	if err := s.UpdateAgency(ctx, c.ID, b); !errors.Is(err, book.ErrConflict) {
		t.Fatalf("stale agency update = %v", err)
	}
}

func TestAgencyRules(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	c := campaignOf(t, s, 2023)
	yte := agencyByName(t, s, c, "Sở Y tế")
	cases := []struct {
		a    campaign.Agency
		want string
	}{
		{campaign.Agency{Name: "sở y TẾ", Group: campaign.Department}, "đã có"},
		{campaign.Agency{Name: "Xã Lạ", Group: campaign.Commune, ParentID: yte.ID}, "không phải cấp huyện"},
		{campaign.Agency{Name: "Huyện Mới", Group: campaign.District, Code: "440"}, "đã dùng cho Huyện Đức Thọ"},
		{campaign.Agency{Name: "", Group: campaign.Department}, "không được để trống"},
	}
	for _, tc := range cases {
		if _, err := s.AddAgency(ctx, c.ID, tc.a); err == nil || !strings.Contains(messageOf(err), tc.want) {
			t.Errorf("AddAgency(%q) = %v, want %q", tc.a.Name, err, tc.want)
		}
	}
	// since 1 July 2025 a commune may stand directly under the province
	if _, err := s.AddAgency(ctx, c.ID, campaign.Agency{Name: "Xã Mồ Côi", Group: campaign.Commune}); err != nil {
		t.Errorf("a commune directly under the province: %v", err)
	}
	if p, err := s.Check(ctx); err != nil || len(p) != 0 {
		t.Errorf("check on a book with a commune under the province: %v %v", p, err)
	}
}

// Two clerks editing registrations of one letter from the entry form (which
// saves the letter too) conflict only when they edit the same thing.
func TestEntryEditsOfOneLetter(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	c := campaignOf(t, s, 2023)
	yte := agencyByName(t, s, c, "Sở Y tế")
	_, ids, err := s.RecordSubmission(ctx, campaign.Submission{CampaignID: c.ID, AgencyID: yte.ID, Number: "57/SYT-VP", Received: vndate.Of(2023, 3, 1)},
		[]campaign.Registration{sampleReg("Khám bệnh không giấy tờ"), sampleReg("Bệnh án điện tử")})
	if err != nil {
		t.Fatal(err)
	}
	letterOf := func(r book.RegistrationRow) campaign.Submission {
		return campaign.Submission{ID: r.SubmissionID, CampaignID: c.ID, AgencyID: r.AgencyID, Number: r.LetterNumber,
			LetterDate: r.LetterDate, Received: r.Received, Version: r.SubmissionVer}
	}
	a := registrationOf(t, s, ids[0])
	b := registrationOf(t, s, ids[1])
	stale := registrationOf(t, s, ids[0])
	a.Title = "Khám bệnh từ xa"
	if err := s.UpdateEntry(ctx, letterOf(a), a.Registration); err != nil {
		t.Fatal(err)
	}
	// the other registration of the same letter, opened before: no conflict
	b.Note = "sửa ở máy khác"
	if err := s.UpdateEntry(ctx, letterOf(b), b.Registration); err != nil {
		t.Fatalf("an edit of another registration of the letter: %v", err)
	}
	// the same registration, opened before: a conflict, named for what it is
	stale.Note = "sửa cũ"
	err = s.UpdateEntry(ctx, letterOf(stale), stale.Registration)
	if !errors.Is(err, book.ErrConflict) || strings.Contains(messageOf(err), "Văn bản số") {
		t.Fatalf("a stale edit of the same registration: %v", messageOf(err))
	}
	// a change to the letter by one, against a stale letter: a conflict
	a = registrationOf(t, s, ids[0])
	b = registrationOf(t, s, ids[1])
	la := letterOf(a)
	la.Number = "58/SYT-VP"
	if err := s.UpdateEntry(ctx, la, a.Registration); err != nil {
		t.Fatal(err)
	}
	if err := s.UpdateEntry(ctx, letterOf(b), b.Registration); !errors.Is(err, book.ErrConflict) || !strings.Contains(messageOf(err), "Văn bản số") {
		t.Fatalf("an edit over a changed letter: %v", err)
	}
	if sub, err := s.Registration(ctx, ids[1]); err != nil || sub.LetterNumber != "58/SYT-VP" || sub.Note != "sửa ở máy khác" {
		t.Fatalf("stored: %q %q (read: %v)", sub.LetterNumber, sub.Note, err)
	}
}

func TestHostileTextIsStoredAsData(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	c := campaignOf(t, s, 2023)
	name := "Sở X'); DROP TABLE agency; --\x1b[2J"
	id, err := s.AddAgency(ctx, c.ID, campaign.Agency{Name: name, Group: campaign.Department})
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.Agency(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if a.Name != "Sở X'); DROP TABLE agency; --" {
		t.Fatalf("stored name = %q", a.Name)
	}
	list := agenciesOf(t, s, c.ID)
	if len(list) != 41 {
		t.Fatalf("agencies = %d", len(list))
	}
}
