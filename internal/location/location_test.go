package location

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"cchc/internal/lang"
)

func TestParse(t *testing.T) {
	for in, want := range map[string]Location{
		"postgres://cchc@db.so-noi-vu.local/cchc": {PostgreSQL, "postgres://cchc@db.so-noi-vu.local/cchc"},
		"postgresql:///cchc?host=/run/postgresql": {PostgreSQL, "postgresql:///cchc?host=/run/postgresql"},
		"POSTGRES://u@h/db":                       {PostgreSQL, "postgres://u@h/db"},
		"cchc.db":                                 {SQLite, "cchc.db"},
		"/home/van-thu/sổ 2023.db":                {SQLite, "/home/van-thu/sổ 2023.db"},
		`C:\Users\NV\cchc.db`:                     {SQLite, `C:\Users\NV\cchc.db`},
		`\\may-chu\chung\cchc.db`:                 {SQLite, `\\may-chu\chung\cchc.db`},
		"postgres:cchc.db":                        {SQLite, "postgres:cchc.db"},
	} {
		got, err := Parse(in)
		if err != nil || got != want {
			t.Errorf("Parse(%q) = %+v, %v; want %+v", in, got, err, want)
		}
	}
}

// A URL of another scheme, a typo of postgres:// among them, and libpq's
// key=value words are refused, saying why, and never taken for a file;
// the message hides the password it quotes.
func TestParseRefusesWhatIsNoFile(t *testing.T) {
	for _, in := range []string{
		"postgress://cchc:s3cret@db/cchc",
		"mysql://cchc:s3cret@db/cchc",
		"file://cchc.db",
		"https://example.com/cchc.db",
		"host=db user=cchc password=s3cret dbname=cchc",
	} {
		_, err := Parse(in)
		if err == nil {
			t.Errorf("Parse(%q) took it for a file", in)
			continue
		}
		for _, l := range []lang.Lang{lang.VI, lang.EN} {
			msg := lang.Message(err, l)
			if strings.Contains(msg, "s3cret") || !strings.Contains(msg, "postgres://") || !strings.Contains(msg, l.T("không mở gì cả", "nothing was opened")) {
				t.Errorf("Parse(%q) in %s: %s", in, l, msg)
			}
		}
	}
}

func TestRedact(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://cchc:s3cret@db:5432/cchc?sslmode=require": "postgres://cchc:xxxxx@db:5432/cchc?sslmode=require",
		"postgres://cchc@db/cchc":                             "postgres://cchc@db/cchc",
		"postgres://:s3cret@db/cchc":                          "postgres://:xxxxx@db/cchc",
		"postgresql://cchc:s3@c/r@et@db/cchc":                 "postgresql://cchc:xxxxx@db/cchc",
		"postgres://db/cchc?user=cchc&password=s3cret&x=1":    "postgres://db/cchc?user=cchc&password=xxxxx&x=1",
		"postgres://db/cchc?sslpassword=s3cret":               "postgres://db/cchc?sslpassword=xxxxx",
		"postgress://cchc:s3cret@db/cchc":                     "postgress://cchc:xxxxx@db/cchc",
		"postgres:///cchc?host=/run/pg":                       "postgres:///cchc?host=/run/pg",
		"host=db password=s3cret user=cchc":                   "host=db password=xxxxx user=cchc",
		"host=db password = 's3 cr\\'et' user=cchc":           "host=db password = xxxxx user=cchc",
		"/home/nv/password=1.db":                              "/home/nv/password=1.db",
		"cchc.db":                                             "cchc.db",
	} {
		if got := Redact(in); got != want {
			t.Errorf("Redact(%q) = %q; want %q", in, got, want)
		}
	}
	l, err := Parse("postgres://cchc:s3cret@db/cchc")
	if err != nil {
		t.Fatal(err)
	}
	if s := l.String(); strings.Contains(s, "s3cret") {
		t.Errorf("String() = %s", s)
	}
}

// A user part that is not a plain name may hold the password after a
// mistyped separator: it is hidden whole, and every secret of the address
// is hidden in an error's text, its clerk's message and its detail
// (issue 22, point 12).
func TestSecretsOfMistypedAddresses(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://cchc;S3cr3tPW@host/db":        "postgres://xxxxx@host/db",
		"postgres://c2?S3cr3tPW@host/db":          "postgres://xxxxx@host/db",
		"postgres://cchc S3cr3tPW@host/db":        "postgres://xxxxx@host/db",
		"postgres://nguyễn.văn-a_1:S3cr3tPW@h/db": "postgres://nguyễn.văn-a_1:xxxxx@h/db",
	} {
		if got := Redact(in); got != want {
			t.Errorf("Redact(%q) = %q; want %q", in, got, want)
		}
	}
	dsn := "postgres://cchc;S3cr%33tPW@host/db?password=An0ther&sslpassword=Th1rd"
	detail := errors.New("failed to connect to `user=cchc;S3cr3tPW database=db`: An0ther Th1rd")
	err := Scrub(lang.Wrap(detail, "Không kết nối được %s", "Cannot connect to %s", "cchc;S3cr3tPW"), Secrets(dsn))
	for _, l := range []lang.Lang{lang.VI, lang.EN} {
		msg := lang.Message(err, l)
		for _, s := range []string{"S3cr", "An0ther", "Th1rd"} {
			if strings.Contains(msg, s) {
				t.Errorf("%s shows %s: %s", l, s, msg)
			}
		}
		if !strings.Contains(msg, "database=db") {
			t.Errorf("the detail is lost: %s", msg)
		}
	}
	if !errors.Is(Scrub(detail, Secrets(dsn)), detail) {
		t.Error("a scrubbed error is no longer what it was")
	}
	var inner *lang.Error
	wrapped := Scrub(fmt.Errorf("opening: %w", lang.Errorf("user %s", "user %s", "cchc;S3cr3tPW")), Secrets(dsn))
	if !errors.As(wrapped, &inner) || strings.Contains(inner.VI, "S3cr") {
		t.Errorf("a message deeper in the chain: %+v", inner)
	}
}
