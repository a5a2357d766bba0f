package store

import (
	"context"
	"database/sql"
	"os"
	"strings"
	"unicode"

	"cchc/internal/location"
	"cchc/internal/store/postgres"
	"cchc/internal/vntext"
)

// openPostgres opens the book kept in the PostgreSQL database a
// postgres:// URL names, bringing its schema up to date and giving an
// empty database the embedded default campaign, as Open does a new file.
// The clerk recorded in the history is $CCHC_USER, else the database role.
func openPostgres(dsn string, opt Options) (*Store, error) {
	where := location.Redact(dsn)
	db, cfg, err := postgres.Open(dsn)
	if err != nil {
		return nil, err
	}
	s := &Store{db: db, d: postgres.Dialect{}, path: where, now: opt.Now, today: opt.Today, shared: sharedName(cfg.Database, cfg.User, cfg.Host),
		secrets: location.Secrets(dsn)}
	ctx := context.Background()
	fail := func(err error) (*Store, error) {
		db.Close()
		return nil, s.explain(err)
	}
	if err := db.PingContext(ctx); err != nil {
		return fail(err)
	}
	s.user = vntext.Line(opt.User)
	if s.user == "" {
		s.user = vntext.Line(os.Getenv("CCHC_USER"))
	}
	if s.user == "" {
		if err := db.QueryRowContext(ctx, `SELECT current_user::text`).Scan(&s.user); err != nil {
			return fail(err)
		}
	}
	s.mustExist, s.fill = opt.MustExist, opt.fill
	err = postgres.Migrate(ctx, db, SchemaVersion(), where, s.checkNew, func(tx *sql.Tx) error { return s.fillNew(ctx, tx) })
	if err != nil {
		return fail(err)
	}
	if s.readOnly, s.role, err = postgres.ReadOnly(ctx, db); err != nil {
		return fail(err)
	}
	if s.readOnly && !opt.AllowReadOnly {
		db.Close()
		return nil, location.Scrub(s.storage().MayOnlyRead(s.role), s.secrets)
	}
	s.changes = postgres.Watch(cfg)
	return s, nil
}

// sharedName is what a shared book's dated backups are named after, so
// that a clerk tells them from those of a book of their own, and one
// server's from another's: "postgres-" and the database (libpq's default,
// the role's name, when the URL names none), then "@" and the server, left
// out over a unix socket. Only letters, digits and . - _ are kept, so the
// name is a file name on every system.
func sharedName(database, user, host string) string {
	if database == "" {
		database = user
	}
	name := "postgres-" + fileWord(database)
	if host != "" && !strings.HasPrefix(host, "/") && !strings.HasPrefix(host, "@") {
		name += "@" + fileWord(host)
	}
	return name
}

func fileWord(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '-' || r == '_' {
			return r
		}
		return '_'
	}, vntext.Line(s))
}
