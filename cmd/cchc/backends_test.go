package main

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cchc/internal/pgtest"
)

// eachBackend runs test on a new book of each backend: a SQLite file (in
// a folder still to be made) and an empty PostgreSQL database (pgtest:
// skipped without a server, failed under CI).
func eachBackend(t *testing.T, test func(t *testing.T, db string)) {
	t.Run("sqlite", func(t *testing.T) { test(t, filepath.Join(t.TempDir(), "new", "cchc.db")) })
	t.Run("postgres", func(t *testing.T) { test(t, pgtest.Fresh(t)) })
}

// A book that cannot be reached is told in the clerk's language, exit 1,
// the password never shown; nothing is made in its place.
func TestConnectionFailuresExitOne(t *testing.T) {
	dsn := pgtest.Fresh(t)
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	u.User = url.UserPassword(u.User.Username(), "s3cret-wrong")
	wrong := u.String()
	noDB, err := pgtest.WithDatabase(dsn, "cchc_no_such_book")
	if err != nil {
		t.Fatal(err)
	}
	nobody := "postgres://cchc:s3cret-wrong@/cchc?host=" + t.TempDir()
	t.Chdir(t.TempDir())
	for _, c := range []struct{ db, vi, en string }{
		{wrong, "không chấp nhận tên đăng nhập hoặc mật khẩu", "refused the user name or password"},
		{noDB, "Máy chủ không có cơ sở dữ liệu được nêu trong", "The server has no database named in"},
		{nobody, "Không có máy chủ cơ sở dữ liệu nào trả lời ở", "No database server answers at"},
	} {
		for _, l := range []string{"vi", "en"} {
			for _, args := range [][]string{{"status"}, {"history"}, {"copy", c.db, "x.db"}} {
				code, out, errs := cchc(t, append([]string{"--lang", l, "--db", c.db}, args...)...)
				want := c.vi
				if l == "en" {
					want = c.en
				}
				if code != exitFailure || out != "" || !strings.Contains(errs, want) || strings.Contains(errs, "s3cret-wrong") {
					t.Errorf("--lang %s --db %s %v: exit %d\n%s%s", l, c.db, args, code, out, errs)
				}
			}
		}
	}
	if entries, err := os.ReadDir("."); err != nil || len(entries) != 0 {
		t.Errorf("made: %v (%v)", entries, err)
	}
}
