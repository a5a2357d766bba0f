package store

import (
	"context"
	"database/sql"
	"path/filepath"

	"cchc/internal/book"
	"cchc/internal/lang"
	"cchc/internal/location"
	"cchc/internal/store/postgres"
	"cchc/internal/store/sqlite"
)

// Engine is what a book's engine does beyond the SQL its Dialect writes:
// how the book is opened, kept, watched for others' changes, backed up,
// restored and closed. Each engine package implements it on a value that
// owns its state (sqlite.Engine, postgres.Engine), without importing this
// package: what it needs of the store is handed to it as functions. The
// Store holds one and never asks which it is.
type Engine interface {
	// DB is the pool the store's queries run on; Path names the book (a
	// file's absolute path, a server's address without its password).
	DB() *sql.DB
	Path() string
	// ReadOnly reports a book that may only be read; ReadOnlyReason is
	// why, for the status line (nil when the reason says itself).
	ReadOnly() bool
	ReadOnlyReason() error
	// WriteCheck is asked before every write: nil when it may go on.
	WriteCheck() error
	// Account is the engine's name for who writes ("" when it has none),
	// the history's author when neither the clerk nor $CCHC_USER says.
	Account() string
	// Storage names the book in the clerk's messages.
	Storage() book.Storage
	// Network and NetworkProblem: a file on a network share, read only.
	Network() string
	NetworkProblem() error
	// CheckBook reports (book.ErrBookGone) a book no longer there.
	CheckBook() error
	// DataVersion changes whenever another connection commits; Changed
	// receives when the engine tells of a commit (nil: DataVersion is
	// polled).
	DataVersion(ctx context.Context) (int64, error)
	Changed() <-chan struct{}
	// BackupPlace is the path dated backups are named after, and beside.
	BackupPlace() string
	// Backup writes a consistent copy of the book into the new SQLite
	// file dest and returns its absolute path.
	Backup(ctx context.Context, dest string) (string, error)
	// Restore takes the book back to a backup, note leaving it in the
	// history, or refuses.
	Restore(ctx context.Context, backup string, note func(context.Context, book.Restored) error) (book.Restored, error)
	// Rescue saves the book as open here once its file is gone, to dest
	// or, when dest is taken meanwhile, to next().
	Rescue(ctx context.Context, dest string, next func() string) (string, error)
	// Close closes the book; SetAside is where it moved the log of a
	// book gone ("" when none).
	Close() error
	SetAside() string
}

var (
	_ Engine = (*sqlite.Engine)(nil)
	_ Engine = (*postgres.Engine)(nil)
)

// place is the kind of location a book is kept in: what opens a book
// there, and makes a new one. placeOf is the one place that tells them
// apart; everywhere else the store asks its Engine.
type place interface {
	dialect() Dialect
	open(s *Store, path string, opt Options) (Engine, error)
	// ready refuses a target that cannot take a new book, before any
	// work; create makes one there through made, which opens the path
	// it is given and closes it once written.
	ready(target string) error
	create(target string, aside func(*lang.Error), made func(path string) error) error
}

// placeOf is the place a location names: a postgres:// URL, or a file.
func placeOf(loc string) place {
	if location.IsPostgres(loc) {
		return postgresPlace{}
	}
	return sqlitePlace{}
}

type sqlitePlace struct{}

func (sqlitePlace) dialect() Dialect { return sqlite.Dialect{} }

func (sqlitePlace) open(s *Store, path string, opt Options) (Engine, error) {
	e, err := sqlite.OpenEngine(path, sqlite.Options{AllowReadOnly: opt.AllowReadOnly, MustExist: opt.MustExist, FSType: opt.FSType,
		Aside: opt.Aside, Want: SchemaVersion(), CheckNew: s.checkNew, Fill: s.fillNew, Dated: s.datedName})
	if err != nil {
		return nil, err
	}
	return e, nil
}

func (sqlitePlace) ready(target string) error { return sqlite.Ready(target) }

func (sqlitePlace) create(target string, aside func(*lang.Error), made func(string) error) error {
	return sqlite.Create(target, aside, made)
}

type postgresPlace struct{}

func (postgresPlace) dialect() Dialect { return postgres.Dialect{} }

func (postgresPlace) open(s *Store, dsn string, opt Options) (Engine, error) {
	folder := "" // without a configuration folder, the current one
	if p, err := DefaultPath(); err == nil {
		folder = filepath.Dir(p)
	}
	e, err := postgres.OpenEngine(dsn, postgres.Options{AllowReadOnly: opt.AllowReadOnly, Want: SchemaVersion(),
		CheckNew: s.checkNew, Fill: s.fillNew, BackupFolder: folder,
		CopyTo: func(ctx context.Context, file string) error {
			_, err := Copy(ctx, s, file, Options{Now: s.now, Aside: s.aside})
			return err
		}})
	if err != nil {
		return nil, err
	}
	return e, nil
}

func (postgresPlace) ready(string) error { return nil } // an empty database: Copy's migration says

func (postgresPlace) create(target string, _ func(*lang.Error), made func(string) error) error {
	return made(target)
}
