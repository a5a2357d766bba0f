// Package location reads where a book is, as --db or $CCHC_DB name it: a
// postgres:// or postgresql:// URL is a PostgreSQL database, anything else
// a SQLite file. A value that looks like another URL or like libpq's
// key=value words is refused rather than taken for a file name, so that a
// typo never creates a file called "postgress:". Redact is the one way a
// location is shown: a password in it never reaches the screen.
package location

import (
	"regexp"
	"strings"

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
			if strings.ContainsAny(user, "/?#") {
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
