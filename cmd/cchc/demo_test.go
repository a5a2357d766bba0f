package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"cchc/internal/pgtest"
)

func TestDemoProvince(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	code, _, errs := cchc(t, "demo", "--db", db, "--seed", "3")
	if code != 0 || !strings.Contains(errs, "326 cơ quan, đơn vị; 4 đợt đăng ký") {
		t.Fatalf("exit %d: %s", code, errs)
	}
	code, out, errs := cchc(t, "--db", db, "status", "--campaign", "2023", "--format", "json", "--as-of", "30/04/2023")
	if code != 0 {
		t.Fatalf("status: exit %d: %s", code, errs)
	}
	var got statusJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Campaign.Year != 2023 || len(got.Groups) != 3 || len(got.Agencies) != 40 {
		t.Fatalf("status of the demo: %+v", got)
	}

	// a second run does not write over the first
	code, _, errs = cchc(t, "demo", "--db", db)
	if code != 1 || !strings.Contains(errs, "dữ liệu mẫu chỉ được ghi vào một tệp mới") {
		t.Fatalf("second run: exit %d: %s", code, errs)
	}
}

// The province demo made on PostgreSQL is the one made in a file: the same
// seed prints the same status, byte for byte, in every campaign; and, as a
// copy is, it is vacuumed and analyzed once made, quick from its first
// command rather than once autovacuum comes by.
func TestDemoProvinceOnPostgreSQL(t *testing.T) {
	t.Setenv("CCHC_TODAY", "01/12/2026")
	pg := pgtest.Fresh(t)
	file := filepath.Join(t.TempDir(), "demo.db")
	for _, db := range []string{file, pg} {
		code, _, errs := cchc(t, "demo", "--db", db, "--seed", "3")
		if code != 0 || !strings.Contains(errs, "326 cơ quan, đơn vị; 4 đợt đăng ký") {
			t.Fatalf("demo --db %s: exit %d: %s", db, code, errs)
		}
	}
	for _, args := range [][]string{
		{"status", "--campaign", "2023", "--format", "json", "--as-of", "30/04/2023"},
		{"status", "--format", "json"}, // the latest, 2026: the two-tier map
		{"--lang", "en", "status", "--campaign", "2021", "--format", "json"},
	} {
		code, want, errs := cchc(t, append([]string{"--db", file}, args...)...)
		if code != 0 || !strings.Contains(want, `"campaign": {`) {
			t.Fatalf("%v on the file: exit %d: %s%s", args, code, want, errs)
		}
		code, got, errs := cchc(t, append([]string{"--db", pg}, args...)...)
		if code != 0 || got != want {
			t.Errorf("%v on PostgreSQL: exit %d: %s\n%s\n-- the file's --\n%s", args, code, errs, got, want)
		}
	}
	db, err := sql.Open("pgx", pg)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var settled bool
	if err := db.QueryRowContext(context.Background(), `SELECT last_analyze IS NOT NULL AND last_vacuum IS NOT NULL
		FROM pg_stat_user_tables WHERE relname = 'letter_tally'`).Scan(&settled); err != nil || !settled {
		t.Errorf("the demo's letter_tally was not vacuumed and analyzed: %v %v", settled, err)
	}
}

func TestDemoUsage(t *testing.T) {
	t.Setenv("CCHC_DB", filepath.Join(t.TempDir(), "clerk.db"))
	for _, args := range [][]string{
		{"demo"}, // --db is required, $CCHC_DB is not taken
		{"demo", "--scale", "city", "--db", "x.db"},
		{"demo", "--seed", "-1", "--db", "x.db"},
		{"demo", "--times", "2", "--db", "x.db"}, // only the national book grows
		{"demo", "--scale", "national", "--times", "0", "--db", "x.db"},
	} {
		if code, _, errs := cchc(t, args...); code != 2 || errs == "" {
			t.Errorf("%v: exit %d: %s", args, code, errs)
		}
	}
}

// A two-tier campaign (after July 2025) follows no district: asking for that
// group says so plainly, with no empty table, in both languages.
func TestStatusGroupTheCampaignDoesNotFollow(t *testing.T) {
	t.Setenv("CCHC_TODAY", "01/12/2026")
	db := filepath.Join(t.TempDir(), "demo.db")
	if code, _, errs := cchc(t, "demo", "--db", db); code != 0 {
		t.Fatalf("demo: exit %d: %s", code, errs)
	}
	for _, c := range []struct{ lang, format, want string }{
		{"vi", "text", "Đợt đăng ký năm 2026 không theo dõi cơ quan, đơn vị nào thuộc nhóm UBND cấp huyện.\n"},
		{"en", "text", "The 2026 campaign follows no agency in the group Districts.\n"},
		{"vi", "md", "Đợt đăng ký năm 2026 không theo dõi cơ quan, đơn vị nào thuộc nhóm UBND cấp huyện.\n"},
	} {
		code, out, errs := cchc(t, "--db", db, "--lang", c.lang, "status", "--campaign", "2026", "--group", "district", "--format", c.format)
		if code != 0 {
			t.Fatalf("%s %s: exit %d: %s", c.lang, c.format, code, errs)
		}
		if !strings.HasSuffix(out, "\n\n"+c.want) {
			t.Errorf("%s %s: want it to end with %q:\n%s", c.lang, c.format, c.want, out)
		}
		for _, empty := range []string{"Số cơ quan", "Agencies", "khớp bộ lọc", "matches the filter"} {
			if strings.Contains(out, empty) {
				t.Errorf("%s %s: %q in:\n%s", c.lang, c.format, empty, out)
			}
		}
	}
}
