// Package location reads where a book is, as --db or $CCHC_DB name it: a
// postgres:// or postgresql:// URL is a PostgreSQL database, anything else
// a SQLite file. A value that looks like another URL or like libpq's
// key=value words is refused rather than taken for a file name, so that a
// typo never creates a file called "postgress:". Redact is the one way a
// location is shown: a password in it never reaches the screen.
package location

import (
	"errors"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"cchc/internal/lang"
)

// Kind is the backend a location names.
type Kind int

const (
	SQLite Kind = iota
	PostgreSQL
)

// Location is a parsed --db value.
type Location struct {
	Kind Kind
	// Value is the file's path, or the DSN handed to the PostgreSQL
	// driver (password and all: never print it, print String()).
	Value string
}

// String is the location as it may be shown: the password hidden.
func (l Location) String() string { return Redact(l.Value) }

// IsPostgres reports whether s names a PostgreSQL database.
func IsPostgres(s string) bool {
	scheme, ok := urlScheme(s)
	return ok && (scheme == "postgres" || scheme == "postgresql")
}

// Parse reads a --db value.
func Parse(s string) (Location, error) {
	if scheme, ok := urlScheme(s); ok {
		if scheme != "postgres" && scheme != "postgresql" {
			return Location{}, lang.Errorf(
				"%s không phải địa chỉ cơ sở dữ liệu PostgreSQL (postgres://… hoặc postgresql://…), cũng không phải tên tệp dữ liệu; không mở gì cả",
				"%s is neither a PostgreSQL address (postgres://… or postgresql://…) nor a database file name; nothing was opened",
				Redact(s))
		}
		// the driver reads the scheme in lower case only
		return Location{Kind: PostgreSQL, Value: scheme + s[len(scheme):]}, nil
	}
	if keywords.MatchString(s) {
		return Location{}, lang.Errorf(
			"%s trông như tham số kết nối PostgreSQL: hãy viết dưới dạng địa chỉ postgres://NGƯỜI-DÙNG@MÁY-CHỦ/CSDL; không mở gì cả",
			"%s looks like PostgreSQL connection words: write it as an address, postgres://USER@HOST/DATABASE; nothing was opened",
			Redact(s))
	}
	return Location{Kind: SQLite, Value: s}, nil
}

var (
	scheme = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9+.-]*)://`)
	// libpq's key=value form, known by its first word
	keywords = regexp.MustCompile(`^\s*(host|hostaddr|port|dbname|user|password|passfile|sslmode|service|connect_timeout|application_name|options)\s*=`)
	// a password given as a word: password=secret, password = 'a b'
	passwordWord = regexp.MustCompile(`(?i)\b((?:ssl)?password\s*=\s*)('(?:[^'\\]|\\.)*'?|[^\s']*)`)
	// a password in a URL's query
	passwordParam = regexp.MustCompile(`(?i)([?&](?:ssl)?password=)[^&#]*`)
)

// urlScheme returns the lower-cased scheme of a value written scheme://….
func urlScheme(s string) (string, bool) {
	m := scheme.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return "", false
	}
	return strings.ToLower(m[1]), true
}

// hidden stands for a password.
const hidden = "xxxxx"

// Redact hides the password of a DSN (URL or key=value words); any other
// text, a file's path, comes back unchanged.
func Redact(s string) string {
	if _, ok := urlScheme(s); ok {
		i := strings.Index(s, "://") + 3
		rest := s[i:]
		// the user information ends at the last @: a password holding an
		// unescaped @ or / is hidden whole rather than cut at the first
		if at := strings.LastIndex(rest, "@"); at >= 0 {
			user, _, hasPassword := strings.Cut(rest[:at], ":")
			if !plainUser(user) {
				rest = hidden + rest[at:]
			} else if hasPassword {
				rest = user + ":" + hidden + rest[at:]
			}
		}
		return s[:i] + passwordParam.ReplaceAllString(rest, "${1}"+hidden)
	}
	if keywords.MatchString(s) {
		return passwordWord.ReplaceAllString(s, "${1}"+hidden)
	}
	return s
}

// plainUser reports a user name that can be shown: letters, digits and
// . _ - only. Anything else may be a mistyped separator with the password
// after it ("cchc;S3cr3tPW", "c2?pw"), so the whole user part is hidden.
func plainUser(user string) bool {
	for _, r := range user {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("._-", r) {
			return false
		}
	}
	return true
}

// Secrets are the parts of a DSN that no message may show, as written and
// percent-decoded: its password, password= values, and the whole user part
// when it is not a plain name (see Redact). A driver's error quotes them
// (pgx's "failed to connect to `user=cchc;S3cr3tPW …`").
func Secrets(dsn string) []string {
	var out []string
	add := func(s string) {
		if len(s) < 3 { // hiding every "a" would garble the message, not guard it
			return
		}
		out = append(out, s)
		if d, err := url.PathUnescape(s); err == nil && d != s {
			out = append(out, d)
		}
	}
	if _, ok := urlScheme(dsn); ok {
		rest := dsn[strings.Index(dsn, "://")+3:]
		if at := strings.LastIndex(rest, "@"); at >= 0 {
			user, password, _ := strings.Cut(rest[:at], ":")
			if !plainUser(user) {
				add(rest[:at])
				add(user)
			}
			add(password)
		}
		for _, m := range passwordParam.FindAllStringSubmatch(dsn, -1) {
			add(strings.TrimPrefix(m[0], m[1]))
		}
	} else if keywords.MatchString(dsn) {
		for _, m := range passwordWord.FindAllStringSubmatch(dsn, -1) {
			add(strings.Trim(m[2], "'"))
		}
	}
	// longest first: a password inside the user part goes with it
	sort.Slice(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}

// Scrub hides the secrets of a DSN in an error's text, its clerk's
// message and its technical detail, keeping what errors.Is and errors.As
// find in it.
func Scrub(err error, secrets []string) error {
	if err == nil || len(secrets) == 0 {
		return err
	}
	if e, ok := err.(*lang.Error); ok {
		return &lang.Error{VI: hide(e.VI, secrets), EN: hide(e.EN, secrets), Cause: Scrub(e.Cause, secrets)}
	}
	return &scrubbed{err: err, secrets: secrets}
}

func hide(s string, secrets []string) string {
	for _, secret := range secrets {
		s = strings.ReplaceAll(s, secret, hidden)
	}
	return s
}

// scrubbed is an error whose text has the secrets hidden.
type scrubbed struct {
	err     error
	secrets []string
}

func (s *scrubbed) Error() string { return hide(s.err.Error(), s.secrets) }
func (s *scrubbed) Unwrap() error { return s.err }

// As gives a clerk's message deeper in the chain scrubbed too.
func (s *scrubbed) As(target any) bool {
	t, ok := target.(**lang.Error)
	if !ok {
		return false
	}
	var e *lang.Error
	if !errors.As(s.err, &e) {
		return false
	}
	*t = Scrub(e, s.secrets).(*lang.Error)
	return true
}
