package main

import (
	"path/filepath"
	"strings"
	"testing"

	"cchc/internal/location"
	"cchc/internal/pgtest"
)

// A --db address mistyped around its password (";" or "?" for ":", a
// space, a bad %-escape) or carrying ?password= never shows the password:
// not in the address the message names, not in the driver's detail, in
// either language, from a command (one that makes a book too) or from
// starting the application
// (issue 22, point 12). Port 1 on this computer refuses at once.
func TestMistypedAddressNeverShowsThePassword(t *testing.T) {
	const pw = "S3cr3tPW"
	copyTo := filepath.Join(t.TempDir(), "copy.db")
	for _, db := range []string{
		"postgres://cchc;" + pw + "@127.0.0.1:1/cchc",
		"postgres://c2?" + pw + "@127.0.0.1:1/cchc",
		"postgres://cchc;S3cr%33tPW@127.0.0.1:1/cchc",
		"postgres://cchc " + pw + "@127.0.0.1:1/cchc",
		"postgres://cchc@127.0.0.1:1/cchc?password=" + pw,
		"postgres://cchc@127.0.0.1:1/cchc?password=" + pw + "&x=%zz",
		"postgres://cchc;" + pw + "@127.0.0.1:1/cchc?sslmode=nonsense",
	} {
		for _, args := range [][]string{{}, {"status"}, {"--lang", "en"}, {"--lang", "en", "history"}, {"demo"}, {"copy", db, copyTo}} {
			code, out, errs := cchc(t, append([]string{"--db", db}, args...)...)
			if code != exitFailure || out != "" || errs == "" {
				t.Errorf("--db %s %v: exit %d\n%s%s", db, args, code, out, errs)
			}
			if strings.Contains(errs, pw) || strings.Contains(errs, "S3cr%33tPW") {
				t.Errorf("--db %s %v shows the password:\n%s", db, args, errs)
			}
			if !strings.Contains(errs, "postgres://") || !strings.Contains(errs, "127.0.0.1:1") {
				t.Errorf("--db %s %v does not say where:\n%s", db, args, errs)
			}
		}
	}
}

// The same on a real server, whose refusal quotes the user name it was
// given ("password authentication failed for user …").
func TestMistypedAddressOnAServer(t *testing.T) {
	const pw = "S3cr3tPW"
	server := pgtest.Server(t)
	scheme, rest, _ := strings.Cut(server, "://")
	if at := strings.LastIndex(rest, "@"); at >= 0 {
		rest = rest[at+1:]
	}
	sep := "?"
	if strings.Contains(rest, "?") {
		sep = "&"
	}
	for _, db := range []string{
		scheme + "://cchc;" + pw + "@" + rest,
		scheme + "://cchc;" + pw + "@" + rest + sep + "password=" + pw,
		scheme + "://nobody@" + rest + sep + "password=" + pw,
	} {
		for _, args := range [][]string{{}, {"status"}, {"--lang", "en", "check"}} {
			code, out, errs := cchc(t, append([]string{"--db", db}, args...)...)
			if code != exitFailure || out != "" || strings.Contains(errs, pw) || !strings.Contains(errs, "xxxxx") {
				t.Errorf("--db %s %v: exit %d\n%s%s", location.Redact(db), args, code, out, strings.ReplaceAll(errs, pw, "<PASSWORD>"))
			}
		}
	}
}
