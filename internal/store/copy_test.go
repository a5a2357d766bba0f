package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/lang"
	"cchc/internal/location"
	"cchc/internal/pgtest"
	"cchc/internal/vndate"
)

// tables is every row of every table of a book, as text, in a stable
// order: two books with equal dumps hold the same rows, ids and all.
func tables(t *testing.T, s *Store) map[string][]string {
	t.Helper()
	ctx := context.Background()
	cols := map[string][]string{}
	if err := eachColumn(ctx, s.db, s.d, func(table, column, _ string, _ int) {
		cols[table] = append(cols[table], column)
	}); err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for table, cs := range cols {
		if table == "cchc_schema" {
			continue
		}
		rows, err := s.db.QueryContext(ctx, "SELECT "+strings.Join(cs, ", ")+" FROM "+table)
		if err != nil {
			t.Fatal(err)
		}
		vals := make([]any, len(cs))
		ptrs := make([]any, len(cs))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for i, v := range vals {
				if x, ok := v.([]byte); ok {
					v = string(x)
				}
				fmt.Fprintf(&b, "%s=%v|", cs[i], v)
			}
			out[table] = append(out[table], b.String())
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
		sort.Strings(out[table])
	}
	return out
}

// work gives a book something of everything a copy must keep: letters,
// an edit undone (its undone_by names a later change), a registration in
// the trash, a step of progress, a merge, and a commune moved under a
// district made after it (its parent_id names a later agency).
func work(t *testing.T, s *Store) {
	t.Helper()
	ctx := context.Background()
	c, err := s.Campaign(ctx, 2023)
	if err != nil {
		t.Fatal(err)
	}
	id := recordOne(t, s, c, "Sở Y tế", "Một cửa điện tử")
	gone := recordOne(t, s, c, "Sở Tư pháp", "Lý lịch tư pháp trực tuyến")
	// a file (bytes no text encoding would keep) and the same one again
	if _, err := s.Attach(ctx, 0, id, book.NewFile{Name: "quyet-dinh.pdf", Content: samplePDF}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Attach(ctx, 0, gone, book.NewFile{Name: "ban-sao.pdf", Content: samplePDF}); err != nil {
		t.Fatal(err)
	}
	r := registrationOf(t, s, id)
	r.Note = "ghi chú mới"
	if err := s.UpdateRegistration(ctx, r.Registration); err != nil {
		t.Fatal(err)
	}
	if _, err := s.UndoLast(ctx); err != nil {
		t.Fatal(err)
	}
	g := registrationOf(t, s, gone)
	if err := s.DeleteRegistration(ctx, gone, g.Version); err != nil {
		t.Fatal(err)
	}
	if err := s.AdvanceProgress(ctx, campaign.Step{RegistrationID: id, Stage: campaign.InProgress, On: vndate.Of(2023, 4, 1), Note: "đang làm"}, 0); err != nil {
		t.Fatal(err)
	}
	communeID, err := s.AddAgency(ctx, c.ID, campaign.Agency{Name: "Xã Tùng Ảnh", Group: campaign.Commune, ParentID: agencyByName(t, s, c, "Huyện Đức Thọ").ID})
	if err != nil {
		t.Fatal(err)
	}
	dist, err := s.AddAgency(ctx, c.ID, campaign.Agency{Name: "Huyện Mới", Group: campaign.District})
	if err != nil {
		t.Fatal(err)
	}
	commune, err := s.Agency(ctx, communeID)
	if err != nil {
		t.Fatal(err)
	}
	commune.ParentID = dist
	if err := s.UpdateAgency(ctx, c.ID, commune); err != nil {
		t.Fatal(err)
	}
	if _, err := s.MergeAgencies(ctx, c.ID, []campaign.Agency{agencyByName(t, s, c, "Sở Tư pháp")}, agencyByName(t, s, c, "Sở Y tế")); err != nil {
		t.Fatal(err)
	}
}

// The book is copied into a new file and, on the PostgreSQL run, into a
// second database too: every backend to every other.
func TestCopyKeepsEveryRowAndTheWayBack(t *testing.T) {
	src := openTemp(t)
	work(t, src)
	t.Run("to a file", func(t *testing.T) { copyAndCompare(t, src, filepath.Join(t.TempDir(), "copy.db")) })
	if onPostgres {
		t.Run("to PostgreSQL", func(t *testing.T) { copyAndCompare(t, src, pgtest.Fresh(t)) })
	}
}

func copyAndCompare(t *testing.T, src *Store, dest string) {
	ctx := context.Background()
	counts, err := Copy(ctx, src, dest, Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	want := tables(t, src)
	if counts["registration"] != 1 || counts["history"] != len(want["history"]) || counts["progress"] != 1 || counts["succession"] != 1 ||
		counts["file_blob"] != 1 || counts["attachment"] != 1 {
		t.Errorf("counts = %v", counts)
	}
	dst, err := Open(dest, Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	defer dst.Close()
	if location.IsPostgres(dest) { // settled: analyzed at once, not when autovacuum comes by
		var analyzed bool
		if err := dst.db.QueryRowContext(ctx, `SELECT last_analyze IS NOT NULL AND last_vacuum IS NOT NULL
			FROM pg_stat_user_tables WHERE relname = 'letter_tally'`).Scan(&analyzed); err != nil || !analyzed {
			t.Errorf("the copy's letter_tally was not vacuumed and analyzed: %v %v", analyzed, err)
		}
	}
	got := tables(t, dst)
	for table, rows := range want {
		if strings.Join(rows, "\n") != strings.Join(got[table], "\n") {
			t.Errorf("table %s differs:\n%s\n-- copy --\n%s", table, strings.Join(rows, "\n"), strings.Join(got[table], "\n"))
		}
	}
	// Windows has no mode bits (Go shows 0666): its owner-only rule is a DACL
	if info, err := os.Stat(dest); !location.IsPostgres(dest) && (err != nil || runtime.GOOS != "windows" && info.Mode().Perm() != 0o600) {
		t.Errorf("copy's mode: %v %v", info, err)
	}
	if problems, err := dst.Check(ctx); err != nil || len(problems) != 0 {
		t.Fatalf("check of the copy: %v %v", problems, err)
	}
	// the trash and undo work on the copy, and new rows take new ids
	c := campaignOf(t, dst, 2023)
	trash, err := dst.Trash(ctx, c.ID)
	if err != nil || len(trash) != 1 {
		t.Fatalf("trash of the copy: %+v %v", trash, err)
	}
	if _, err := dst.Restore(ctx, trash[0].ItemID); err != nil {
		t.Fatal(err)
	}
	h, err := dst.History(ctx, book.HistoryQuery{Limit: 1})
	if err != nil || len(h) != 1 || h[0].ID != int64(len(want["history"])+1) {
		t.Fatalf("history after a restore on the copy: %+v %v", h, err)
	}
	if _, err := dst.Undo(ctx, h[0].ID-1); err != nil { // the merge, made on the source
		t.Fatalf("undo of the source's last change on the copy: %v", err)
	}
	newID := recordOne(t, dst, c, "Sở Tài chính", "Thanh toán không dùng tiền mặt")
	if newID <= 2 {
		t.Errorf("a new registration took id %d", newID)
	}
	if problems, err := dst.Check(ctx); err != nil || len(problems) != 0 {
		t.Fatalf("check after working on the copy: %v %v", problems, err)
	}
}

// A copy never goes over a file, a book least of all (the one open
// included), and a copy that fails leaves nothing behind.
func TestCopyRefusesABookAndLeavesNothingOnFailure(t *testing.T) {
	ctx := context.Background()
	src := openTemp(t)
	dir := t.TempDir()
	other := filepath.Join(dir, "other.db")
	if err := os.WriteFile(other, []byte("notes"), 0o600); err != nil {
		t.Fatal(err)
	}
	book, err := Open(filepath.Join(dir, "book.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	fatalIf(t, book.Close())
	targets := map[string]string{
		other:                         "is an existing file that is not a book",
		filepath.Join(dir, "book.db"): "already holds a book",
		filepath.Join(dir, "no", "..", "book.db"): "already holds a book",
	}
	if onPostgres {
		shared := pgtest.Fresh(t)
		b, err := Open(shared, Options{})
		if err != nil {
			t.Fatal(err)
		}
		fatalIf(t, b.Close())
		foreign := pgtest.Fresh(t)
		db, err := sql.Open("pgx", foreign)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(`CREATE TABLE notes (x int)`); err != nil {
			t.Fatal(err)
		}
		db.Close()
		targets[shared] = "already holds a book"
		targets[foreign] = "holds tables that are not cchc's"
	} else {
		targets[src.Path()] = "is the very book being copied"
	}
	for target, want := range targets {
		if _, err := Copy(ctx, src, target, Options{}); err == nil || !strings.Contains(errorEN(err), want) {
			t.Errorf("copy to %s: %v", target, err)
		}
	}
	if b := readFile(t, other); b != "notes" {
		t.Errorf("the file was changed: %q", b)
	}
	// a table the copy does not know: refused midway, nothing left
	if _, err := src.db.Exec(`CREATE TABLE unknown_thing (x integer)`); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(dir, "copy.db")
	if _, err := Copy(ctx, src, target, Options{}); err == nil {
		t.Fatal("copied a book with a table it does not know")
	}
	entries, err := os.ReadDir(dir)
	fatalIf(t, err)
	if len(entries) != 2 {
		t.Errorf("left behind: %v", entries)
	}
	if onPostgres {
		empty := pgtest.Fresh(t)
		if _, err := Copy(ctx, src, empty, Options{}); err == nil {
			t.Fatal("copied a book with a table it does not know")
		}
		db, err := sql.Open("pgx", empty)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		var tables int
		if err := db.QueryRow(`SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()`).Scan(&tables); err != nil || tables != 0 {
			t.Errorf("a failed copy left %d tables (%v)", tables, err)
		}
	}
}

func errorEN(err error) string { return lang.Message(err, lang.EN) }
