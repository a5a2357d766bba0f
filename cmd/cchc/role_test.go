package main

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"cchc/internal/pgtest"
)

// A role that does not own the book's database may not make the book's
// tables there (SQLSTATE 42501): it is told, in both languages, what the
// administrator does, the password never shown, exit 1, and nothing is
// made; once the database is handed to it, as the message says, the book
// opens.
func TestRoleThatDoesNotOwnTheDatabase(t *testing.T) {
	name, password := pgtest.Stranger(t) // asked first: dropped after the databases
	owner := pgtest.Fresh(t)
	made := pgtest.Fresh(t) // a book the server's role makes, the stranger then opens
	stranger, err := pgtest.WithRole(owner, name, password)
	if err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(t.TempDir(), "cchc.db")
	if code, _, errs := cchc(t, "--db", src, "campaign", "list"); code != 0 {
		t.Fatal(errs)
	}
	vi := "Tài khoản không có quyền tạo bảng trong cơ sở dữ liệu postgres://" + name + ":xxxxx@/"
	en := "The account may not create tables in the database postgres://" + name + ":xxxxx@/"
	for _, c := range []struct {
		lang, want, then string
		args             []string
	}{
		{"vi", vi, "nên chưa lập được sổ; người quản trị cần giao cơ sở dữ liệu cho tài khoản này (ALTER DATABASE … OWNER TO …, xem docs/postgresql.md). Không có gì thay đổi.", []string{"--db", stranger, "status"}},
		{"en", en, "so the book was not set up; the administrator should make this account the database's owner (ALTER DATABASE … OWNER TO …, see docs/postgresql.md). Nothing was changed.", []string{"--db", stranger, "status"}},
		{"vi", "Chưa chép được sổ dữ liệu sang postgres://" + name + ":xxxxx@/", vi, []string{"copy", src, stranger}},
		{"en", "The book was not copied to postgres://" + name + ":xxxxx@/", en, []string{"copy", src, stranger}},
	} {
		code, out, errs := cchc(t, append([]string{"--lang", c.lang}, c.args...)...)
		if code != exitFailure || out != "" || !strings.Contains(errs, c.want) || !strings.Contains(errs, c.then) || strings.Contains(errs, password) {
			t.Errorf("%s %v: exit %d\n%s%s", c.lang, c.args[len(c.args)-2:], code, out, errs)
		}
	}
	db, err := sql.Open("pgx", owner)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var tables int
	if err := db.QueryRow(`SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`).Scan(&tables); err != nil || tables != 0 {
		t.Fatalf("the database holds %d tables (read: %v)", tables, err)
	}
	// a book another role set up is not the stranger's either: told so,
	// and the book left as it was
	units := output(t, "--db", made, "agency", "list", "--format", "json")
	strangerMade, err := pgtest.WithRole(made, name, password)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ lang, want string }{
		{"vi", "Tài khoản không có quyền dùng các bảng của sổ trong cơ sở dữ liệu postgres://" + name + ":xxxxx@/"},
		{"vi", "(sổ do một tài khoản khác lập); người quản trị cần giao cơ sở dữ liệu và các bảng của sổ cho tài khoản này (REASSIGN OWNED BY …, xem docs/postgresql.md), hoặc chép lại sổ bằng chính tài khoản này vào một cơ sở dữ liệu trống. Không có gì thay đổi."},
		{"en", "The account may not use the book's tables in the database postgres://" + name + ":xxxxx@/"},
		{"en", "(another account set the book up); the administrator should make this account the owner of the database and of the book's tables (REASSIGN OWNED BY …, see docs/postgresql.md), or copy the book again, as this account, into an empty database. Nothing was changed."},
	} {
		for _, args := range [][]string{{"status"}, {"agency", "stop", "Sở Y tế"}} {
			code, out, errs := cchc(t, append([]string{"--lang", c.lang, "--db", strangerMade}, args...)...)
			if code != exitFailure || out != "" || !strings.Contains(errs, c.want) || strings.Contains(errs, password) {
				t.Errorf("%s %v on another's book: exit %d\n%s%s", c.lang, args, code, out, errs)
			}
		}
	}
	if after := output(t, "--db", made, "agency", "list", "--format", "json"); after != units || !strings.Contains(units, `"name": "Sở Y tế",`) {
		t.Errorf("the book changed:\n%s\n-- after --\n%s", units, after)
	}
	// what the message asks of the administrator is enough
	var database string
	if err := db.QueryRow(`SELECT current_database()`).Scan(&database); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`ALTER DATABASE "` + database + `" OWNER TO "` + name + `"`); err != nil {
		t.Fatal(err)
	}
	if code, out, errs := cchc(t, "--db", stranger, "campaign", "list"); code != 0 || !strings.HasPrefix(out, "2023  hạn 24/03/2023") {
		t.Errorf("once the owner: exit %d\n%s%s", code, out, errs)
	}
}

// A role that may only SELECT reads the whole book: status, check,
// report, history, backup and a dry run of an import all work for it, as
// they do for the owner; a write is refused before it is tried, in both
// languages, and nothing changes.
func TestReadOnlyRole(t *testing.T) {
	t.Setenv("CCHC_TODAY", "25/03/2023")
	name, password := pgtest.Stranger(t) // asked first: dropped after the database
	owner := pgtest.Fresh(t)
	dir := t.TempDir()
	list := write(t, filepath.Join(dir, "list.csv"), []byte("Tên mô hình,Loại,Lĩnh vực\nMột cửa số,Mô hình,TTHC\n"))
	output(t, "--db", owner, "import", "registrations", list, "--agency", "Sở Y tế", "--received", "20/03/2023")
	reader := pgtest.Reader(t, owner, name, password)
	for _, args := range [][]string{
		{"status"},
		{"check"},
		{"history"},
		{"report", "registrations", "--format", "csv"},
		{"backup", filepath.Join(dir, "backup.db")},
		{"import", "registrations", list, "--agency", "Đức Thọ", "--received", "20/03/2023", "--dry-run"},
	} {
		if code, out, errs := cchc(t, append([]string{"--db", reader}, args...)...); code != 0 || out == "" || strings.Contains(errs+out, password) {
			t.Errorf("%v as a reader: exit %d\n%s%s", args, code, out, errs)
		}
	}
	if n := registeredBy(t, filepath.Join(dir, "backup.db"), "Sở Y tế"); n != 1 {
		t.Errorf("the reader's backup holds %d registrations, want 1", n)
	}
	before := output(t, "--db", owner, "history")
	for _, c := range []struct{ lang, want, doc string }{
		{"vi", "Tài khoản " + name + " chỉ có quyền đọc sổ dữ liệu postgres://" + name + ":xxxxx@/", "(người quản trị cấp quyền ghi, xem docs/postgresql.md)"},
		{"en", "The account " + name + " may only read the book postgres://" + name + ":xxxxx@/", "(the administrator grants the right to write, see docs/postgresql.md)"},
	} {
		for _, args := range [][]string{
			{"import", "registrations", list, "--agency", "Đức Thọ", "--received", "20/03/2023"},
			{"agency", "stop", "Sở Y tế"},
		} {
			code, out, errs := cchc(t, append([]string{"--lang", c.lang, "--db", reader}, args...)...)
			if code != exitFailure || out != "" || !strings.Contains(errs, c.want) || !strings.Contains(errs, c.doc) || strings.Contains(errs, password) {
				t.Errorf("%s %v as a reader: exit %d\n%s%s", c.lang, args, code, out, errs)
			}
		}
	}
	if after := output(t, "--db", owner, "history"); after != before {
		t.Errorf("the book changed:\n%s\n-- after --\n%s", before, after)
	}
}
