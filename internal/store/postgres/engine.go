package postgres

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"cchc/internal/book"
	"cchc/internal/lang"
	"cchc/internal/location"
	"cchc/internal/vntext"
)

// Options are what the store hands OpenEngine: the clerk's choices, and
// the store's own steps (it is not imported here: see store.Engine).
type Options struct {
	AllowReadOnly bool
	Want          int // the schema this program writes
	// CheckNew refuses a book that is there, or one that is not (name
	// is the book's in the message); Fill writes a new book's rows.
	CheckNew func(name string, fresh bool) error
	Fill     func(ctx context.Context, tx *sql.Tx) error
	// BackupFolder is where the book's dated backups go (the clerk's
	// configuration folder; "" for the current one), and CopyTo writes
	// the book into a new SQLite file there (the store's Copy).
	BackupFolder string
	CopyTo       func(ctx context.Context, file string) error
}

// Engine is a book kept in a PostgreSQL database: the store's Engine for
// PostgreSQL. It owns what only a server has: the listener that hears of
// other clerks' commits, the account's name, and what of the address no
// message may show.
type Engine struct {
	db       *sql.DB
	where    string // the address, its password hidden
	readOnly bool
	role     string   // the server's account, for the message of one that may only read
	shared   string   // the book's name for its dated backups (postgres-cchc@may-chu)
	secrets  []string // what of the DSN no message may show (location.Secrets)
	changes  *Watcher
	opt      Options
}

// OpenEngine opens the book kept in the database a postgres:// URL names,
// bringing its schema up to date and giving an empty database its first
// rows (Options.Fill), as a new file is given them. An account that may
// only read is refused unless AllowReadOnly.
func OpenEngine(dsn string, opt Options) (*Engine, error) {
	where := location.Redact(dsn)
	db, cfg, err := Open(dsn)
	if err != nil {
		return nil, err
	}
	e := &Engine{db: db, where: where, shared: sharedName(cfg.Database, cfg.User, cfg.Host), secrets: location.Secrets(dsn), opt: opt}
	ctx := context.Background()
	fail := func(err error) (*Engine, error) {
		db.Close()
		return nil, e.explain(err)
	}
	if err := db.PingContext(ctx); err != nil {
		return fail(err)
	}
	err = Migrate(ctx, db, opt.Want, where, func(fresh bool) error { return opt.CheckNew(where, fresh) },
		func(tx *sql.Tx) error { return opt.Fill(ctx, tx) })
	if err != nil {
		return fail(err)
	}
	if e.readOnly, e.role, err = ReadOnly(ctx, db); err != nil {
		return fail(err)
	}
	if e.readOnly && !opt.AllowReadOnly {
		db.Close()
		return nil, location.Scrub(e.Storage().MayOnlyRead(e.role), e.secrets)
	}
	e.changes = Watch(cfg)
	return e, nil
}

// explain turns an error of the server into a message for the clerk.
func (e *Engine) explain(err error) error {
	var le *lang.Error
	if err == nil || errors.As(err, &le) {
		return err
	}
	if m := (Dialect{}).Explain(err, e.where); m != nil {
		return location.Scrub(m, e.secrets)
	}
	return location.Scrub(e.Storage().Failed(err), e.secrets)
}

// DB is the pool the store runs its queries on.
func (e *Engine) DB() *sql.DB { return e.db }

// Path is the database's address, its password hidden.
func (e *Engine) Path() string { return e.where }

// ReadOnly reports an account that may only read the book.
func (e *Engine) ReadOnly() bool { return e.readOnly }

// Account is the server's account, the history's author when the clerk
// gives none.
func (e *Engine) Account() string { return e.role }

// Storage names the server in the clerk's messages.
func (e *Engine) Storage() book.Storage { return book.Storage{Name: e.where, Server: true} }

// Network is "": a server is reached, not a file on a share.
func (e *Engine) Network() string { return "" }

// NetworkProblem is nil (see Network).
func (e *Engine) NetworkProblem() error { return nil }

// ReadOnlyReason is the account that may only read, nil when it may write.
func (e *Engine) ReadOnlyReason() error {
	if !e.readOnly {
		return nil
	}
	return ShortReadOnly(e.role)
}

// WriteCheck is asked before every write: an account that may only read.
func (e *Engine) WriteCheck() error {
	if e.readOnly {
		return e.Storage().MayOnlyRead(e.role)
	}
	return nil
}

// CheckBook is nil: the server keeps its book, no file can go.
func (e *Engine) CheckBook() error { return nil }

// Changed receives when the server tells of a commit.
func (e *Engine) Changed() <-chan struct{} { return e.changes.Changed() }

// DataVersion is the count of commits the server told of.
func (e *Engine) DataVersion(ctx context.Context) (int64, error) {
	return e.changes.Version(ctx), nil
}

// BackupPlace is where dated backups go and the name they start from:
// the clerk's configuration folder, where a book of one's own would be,
// and the shared book's name (sharedName), so that its backups are not
// taken for that book's.
func (e *Engine) BackupPlace() string {
	return filepath.Join(e.opt.BackupFolder, e.shared+".db")
}

// Backup writes the book into a new SQLite file at dest: a snapshot any
// PC opens.
func (e *Engine) Backup(ctx context.Context, dest string) (string, error) {
	abs, err := filepath.Abs(dest)
	if err != nil {
		return "", book.BadBackupPath(err, dest)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
		return "", book.NoBackupFolder(err, filepath.Dir(abs))
	}
	if err := e.opt.CopyTo(ctx, abs); err != nil {
		return "", book.BackupFailed(err, abs)
	}
	return abs, nil
}

// Restore is refused: a shared book is restored into an empty database
// instead (cchc restore --into).
func (e *Engine) Restore(context.Context, string, func(context.Context, book.Restored) error) (book.Restored, error) {
	return book.Restored{}, book.RestoreShared()
}

// Rescue is refused: the server keeps the book, no file of it can go
// (CheckBook), so there is nothing to save elsewhere.
func (e *Engine) Rescue(context.Context, string, func() string) (string, error) {
	return "", lang.Errorf("Sổ dùng chung nằm trên máy chủ, không mất đi cùng một tệp: không có gì cần lưu lại.",
		"A shared book is kept on the server and cannot go with a file: there is nothing to save.")
}

// Close stops listening and closes the pool.
func (e *Engine) Close() error {
	e.changes.Close()
	return e.db.Close()
}

// SetAside is "": no log is ever set aside.
func (e *Engine) SetAside() string { return "" }

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
