// Package store keeps the registration book (book.Book): all SQL of the
// program, one set of queries for both engines, behind the interfaces
// package book declares; the rows, the errors and the clerk's messages are
// the book's. What an engine does differently lives in its own package,
// internal/store/sqlite (the default, one local file) and
// internal/store/postgres (a shared server), and is asked of its Dialect
// (the SQL) and its Engine (the rest): the store never asks which engine
// it has (engine.go's placeOf alone tells them apart, by the location;
// TestNoEngineBranches).
package store

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"time"

	"cchc/internal/book"
	"cchc/internal/lang"
	"cchc/internal/location"
	schema "cchc/internal/store/migrations"
	"cchc/internal/vndate"
	"cchc/internal/vntext"
)

// Store is an open registration book.
type Store struct {
	db       *sql.DB
	d        Dialect
	eng      Engine // what the engine keeps beside the SQL: see Engine
	path     string
	readOnly bool
	now      func() time.Time
	today    func() vndate.Date // the clerk's today, for the rule that nothing is received in the future
	user     string             // author of changes in the history
	secrets  []string           // what of the location no message may show (location.Secrets)

	mu      sync.Mutex
	session []int64 // changes made through this store, for undo

	mustExist bool                                                   // Options.MustExist
	fill      func(ctx context.Context, tx *sql.Tx, d Dialect) error // Options.fill
	aside     func(note *lang.Error)                                 // Options.Aside
}

var _ book.Book = (*Store)(nil)

// Options for Open.
type Options struct {
	// AllowReadOnly opens a file the user may not write in read-only mode
	// instead of failing; writes then fail with ErrReadOnly.
	AllowReadOnly bool
	// Now is the clock for timestamps (tests set it); time.Now by default.
	Now func() time.Time
	// Today is the clerk's today, which a letter or a step of progress may
	// not be after (saving, and cchc check): the command line's CCHC_TODAY
	// in training; Now's day by default.
	Today func() vndate.Date
	// User is the author recorded in the history; $CCHC_USER or the OS
	// user by default.
	User string
	// FSType names the file system holding a path (netfs.Type by
	// default; tests pretend a share): a book on a network file system
	// is only read.
	FSType func(path string) (string, error)
	// MustExist opens only a book that is there: a missing file, or one
	// without a book yet, is refused instead of made with the default.
	MustExist bool
	// Aside is told, in the clerk's words (sqlite.AsideNote), of the
	// leftover logs of another database found where a new file was to be
	// made (a new book, a backup, a copy) and moved aside, so that SQLite
	// could not replay them into it. Nil: they are moved all the same.
	Aside func(note *lang.Error)

	// fill writes a new book's rows instead of the default campaign, in
	// the transaction that makes its schema (Copy); a book already there
	// is then refused.
	fill func(ctx context.Context, tx *sql.Tx, d Dialect) error
}

// DefaultPath is where the book lives when neither --db nor $CCHC_DB says:
// cchc.db in the user's configuration folder.
func DefaultPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", book.NoConfigFolder(err)
	}
	return filepath.Join(dir, "cchc", "cchc.db"), nil
}

// Open opens the book at path, creating it (and its folder) with the
// embedded default campaign when it does not exist, and bringing an older
// schema up to date. A directory, a file that is not a cchc database, a
// schema newer than this program or a read-only file (unless allowed) are
// refused with a message for the clerk, leaving the file untouched.
func Open(path string, opt Options) (*Store, error) {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Today == nil {
		now := opt.Now
		opt.Today = func() vndate.Date { return vndate.FromTime(now()) }
	}
	s := &Store{now: opt.Now, today: opt.Today, secrets: location.Secrets(path), mustExist: opt.MustExist, fill: opt.fill, aside: opt.Aside}
	p := placeOf(path)
	s.d = p.dialect()
	eng, err := p.open(s, path, opt)
	if err != nil {
		return nil, err
	}
	s.eng, s.db, s.path, s.readOnly = eng, eng.DB(), eng.Path(), eng.ReadOnly()
	if s.user = vntext.Line(opt.User); s.user == "" {
		s.user = defaultUser(eng.Account())
	}
	return s, nil
}

// checkNew refuses a book that is there to a copy, and a book that is
// not there to MustExist.
func (s *Store) checkNew(name string, fresh bool) error {
	switch {
	case s.fill != nil && !fresh:
		return book.HoldsBook(name)
	case s.mustExist && fresh:
		return book.NoBook(name)
	}
	return nil
}

// fillNew writes a book just made its first rows, in the transaction
// that made its schema: the embedded default campaign, or Options.fill's.
func (s *Store) fillNew(ctx context.Context, tx *sql.Tx) error {
	if s.fill != nil {
		return s.fill(ctx, tx, s.d)
	}
	return seedDefault(ctx, tx, s.stamp())
}

func isUserError(err error) bool {
	var e *lang.Error
	return errors.As(err, &e)
}

// Close closes the book.
func (s *Store) Close() error {
	if s.db == nil {
		return nil
	}
	return s.eng.Close()
}

// SetAside is where Close moved the log of changes this program made to a
// book whose file was deleted, replaced or written over while it was
// open ("" when none): kept, but never read into a book.
func (s *Store) SetAside() string { return s.eng.SetAside() }

// Path is the absolute path of the book.
func (s *Store) Path() string { return s.path }

// ReadOnly reports whether the book was opened read-only.
func (s *Store) ReadOnly() bool { return s.readOnly }

// ReadOnlyReason is why the book is open read-only, for the application's
// status line: a network share, a place that cannot be written, an account
// that may only read; nil when it is not, or when the file itself is
// read-only (which says itself).
func (s *Store) ReadOnlyReason() error { return s.eng.ReadOnlyReason() }

// Network is the network file system the book is on ("" when local): such
// a book is open read-only.
func (s *Store) Network() string { return s.eng.Network() }

// NetworkProblem is what the clerk is told about a book on a network
// share once it is open (nil when it is local): short enough for the
// application's status line.
func (s *Store) NetworkProblem() error { return s.eng.NetworkProblem() }

// CheckBook reports (ErrBookGone) that the file at the book's path is no
// longer the one opened: deleted, moved away, or replaced by another. The
// TUI asks on its periodic check; every write asks first.
func (s *Store) CheckBook() error { return s.eng.CheckBook() }

// canWrite is asked before every write.
func (s *Store) canWrite() error { return s.eng.WriteCheck() }

// SchemaVersion is the schema this program writes.
func SchemaVersion() int {
	m := schema.SQLite()
	return m[len(m)-1].Version
}

// stamp is the current time as stored in created_at / updated_at.
func (s *Store) stamp() string { return s.now().UTC().Format(time.RFC3339) }

// explain turns an error of the engine into a message for the clerk.
func (s *Store) explain(err error) error {
	if err == nil || isUserError(err) {
		return err
	}
	if e := s.d.Explain(err, s.path); e != nil {
		return location.Scrub(e, s.secrets)
	}
	return location.Scrub(s.storage().Failed(err), s.secrets)
}

// storage names the book for the clerk's messages: a file, or a server.
func (s *Store) storage() book.Storage { return s.eng.Storage() }
