package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"cchc/internal/book"
	"cchc/internal/lang"
	"cchc/internal/safefile"
)

// Options are what the store hands OpenEngine: the clerk's choices, and
// the store's own steps (it is not imported here: see store.Engine).
type Options struct {
	AllowReadOnly bool
	MustExist     bool
	FSType        func(path string) (string, error) // OnNetwork's
	Aside         func(note *lang.Error)            // told of another database's logs moved aside
	Want          int                               // the schema this program writes
	// CheckNew refuses a book that is there, or one that is not (name
	// is the book's in the message); Fill writes a new book's rows.
	CheckNew func(name string, fresh bool) error
	Fill     func(ctx context.Context, tx *sql.Tx) error
	// Dated names a dated backup (tag: backup, before-restore…) of the
	// book at place, beside it.
	Dated func(place, tag string) string
}

// Engine is a book open in a SQLite file: the store's Engine for SQLite.
// It owns what only a file has: the connection PRAGMA data_version is read
// on, the guard against the file being written over, the network share it
// may be on, how it was opened, and its identity (Gone).
type Engine struct {
	db       *sql.DB
	path     string
	readOnly bool
	opt      Options

	mu       sync.Mutex
	watch    *sql.Conn // the one connection PRAGMA data_version is read on (under mu)
	release  func()    // lets files be written over the book's path again (safefile)
	network  string    // the network file system the book is on, read only ("" when local)
	access   Access    // how the file is opened: read-only where it cannot be written
	ident    *Ident    // the file opened, to notice it deleted, replaced or written over
	logAside string    // where Close moved the log of a book gone
}

// OpenEngine opens the book in the SQLite file at path, creating it when
// it is not there (unless MustExist) and bringing its schema up to date
// (backed up first). The file is guarded against being written over
// (safefile), and noticed when it is deleted or replaced (CheckBook).
func OpenEngine(path string, opt Options) (*Engine, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, BadPath(err, path)
	}
	if _, err := os.Stat(abs); opt.MustExist && errors.Is(err, fs.ErrNotExist) {
		return nil, book.NoBook(abs)
	}
	network := OnNetwork(abs, opt.FSType)
	if network != "" {
		// read, never written: a new book cannot be made there either
		if _, err := os.Stat(abs); err != nil || !opt.AllowReadOnly {
			return nil, NetworkProblem(abs)
		}
	}
	if _, err := os.Lstat(abs); errors.Is(err, fs.ErrNotExist) && !opt.MustExist {
		// a new book: another database's logs left there would be
		// replayed into it
		moved, err := ClearSidecars(abs)
		tell(opt.Aside, abs, moved)
		if err != nil {
			return nil, err
		}
	}
	var access Access
	if network != "" {
		access, err = PrepareShared(abs, opt.Want)
	} else {
		access, err = Prepare(abs, opt.AllowReadOnly, opt.Want)
	}
	if err != nil {
		return nil, err
	}
	if network != "" {
		access = max(access, ReadOnly)
	}
	e := &Engine{path: abs, readOnly: access != ReadWrite, access: access, network: network, opt: opt}
	// A new file put into WAL by two processes at once can fail once: retry.
	for attempt := 0; ; attempt++ {
		err = e.openFile()
		if err == nil || attempt == 10 || !IsBusy(err) {
			break
		}
		time.Sleep(time.Duration(20*(attempt+1)) * time.Millisecond)
	}
	if err != nil {
		return nil, err
	}
	e.ident = Identify(abs)
	e.release = safefile.Protect(abs)
	if !e.readOnly {
		safefile.CleanStale(filepath.Dir(abs)) // what a backup killed midway left
	}
	return e, nil
}

// openFile opens the pool on the prepared file and brings its schema up
// to date; a new book gets its first rows in the same transaction.
func (e *Engine) openFile() error {
	db, err := Open(e.path, e.access)
	if err != nil {
		return Explain(err, e.path)
	}
	ctx := context.Background()
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return Explain(err, e.path)
	}
	e.db = db
	err = Migrate(ctx, db, e.path, e.readOnly, e.opt.Want, func(fresh bool) error { return e.opt.CheckNew(e.path, fresh) },
		func() error { return e.backupBeforeUpgrade(ctx) },
		func(tx *sql.Tx) error { return e.opt.Fill(ctx, tx) })
	if err != nil {
		db.Close()
		e.db = nil
		return err
	}
	return nil
}

// backupBeforeUpgrade keeps a copy of a book before its schema changes.
func (e *Engine) backupBeforeUpgrade(ctx context.Context) error {
	var err error
	// Other processes upgrading at the same moment may take the name just
	// chosen: try the next free one, a little later.
	for attempt := range 100 {
		if _, err = e.Backup(ctx, e.opt.Dated(e.path, fmt.Sprintf("before-schema-%d", e.opt.Want))); err == nil {
			return nil
		}
		time.Sleep(time.Duration(1+attempt%7) * time.Millisecond)
	}
	return err
}

// DB is the pool the store runs its queries on.
func (e *Engine) DB() *sql.DB { return e.db }

// Path is the file's absolute path.
func (e *Engine) Path() string { return e.path }

// ReadOnly reports a file opened only to be read.
func (e *Engine) ReadOnly() bool { return e.readOnly }

// Account is "": the history's author is the system's user (the store's).
func (e *Engine) Account() string { return "" }

// Storage names the file in the clerk's messages.
func (e *Engine) Storage() book.Storage { return book.Storage{Name: e.path} }

// Network is the network file system the book is on ("" when local).
func (e *Engine) Network() string { return e.network }

// NetworkProblem is the short message about a book on a network share
// (nil when it is local).
func (e *Engine) NetworkProblem() error {
	if e.network == "" {
		return nil
	}
	return ShortNetworkProblem()
}

// ReadOnlyReason is why the file is open read-only: a network share or a
// place that cannot be written; nil when it is not, or when the file
// itself is read-only (which says itself).
func (e *Engine) ReadOnlyReason() error {
	switch {
	case !e.readOnly:
		return nil
	case e.network != "":
		return e.NetworkProblem()
	}
	return ReadOnlyPlace(e.path, e.access)
}

// WriteCheck is asked before every write: a book read only, or gone.
func (e *Engine) WriteCheck() error {
	if e.network != "" {
		err := ShortNetworkProblem()
		err.Cause = book.ErrReadOnly
		return err
	}
	if e.readOnly {
		return e.Storage().OpenReadOnly()
	}
	return e.CheckBook()
}

// CheckBook reports (book.ErrBookGone) that the file at the book's path
// is no longer the one opened: deleted, moved away, or replaced.
func (e *Engine) CheckBook() error { return Gone(e.path, e.ident) }

// Changed is nil: SQLite tells no one, DataVersion is polled.
func (e *Engine) Changed() <-chan struct{} { return nil }

// DataVersion is PRAGMA data_version, read on one dedicated connection,
// as SQLite counts per connection.
func (e *Engine) DataVersion(ctx context.Context) (int64, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.watch == nil {
		c, err := e.db.Conn(ctx)
		if err != nil {
			return 0, Explain(err, e.path)
		}
		e.watch = c
	}
	return DataVersion(ctx, e.watch, e.path)
}

// BackupPlace is the book's own path: dated backups go beside it.
func (e *Engine) BackupPlace() string { return e.path }

// Backup writes a consistent copy of the book to dest by VACUUM INTO.
func (e *Engine) Backup(ctx context.Context, dest string) (string, error) {
	if err := e.CheckBook(); err != nil {
		return "", err // a new connection would read the file there now
	}
	return BackupTelling(ctx, e.db, e.path, dest, e.opt.Aside)
}

// Restore takes the book back to the backup at path: the backup is
// checked first (a cchc book this program knows, whole); the book is
// taken alone, refused while any other program has it open; it is backed
// up beside itself (before-restore); then SQLite's backup API writes the
// backup's pages into it, in one transaction, never by copying files; an
// older schema is brought up to date, and note leaves the restore in the
// history.
func (e *Engine) Restore(ctx context.Context, backup string, note func(context.Context, book.Restored) error) (book.Restored, error) {
	if err := e.WriteCheck(); err != nil {
		return book.Restored{}, err
	}
	abs, access, err := CheckBackup(ctx, backup, e.path, e.opt.Want)
	if err != nil {
		return book.Restored{}, err
	}
	done := book.Restored{From: abs}
	e.mu.Lock()
	defer e.mu.Unlock()
	// this program's own connections go first: the lock is to be alone
	if e.watch != nil {
		e.watch.Close()
		e.watch = nil
	}
	e.db.SetMaxIdleConns(0)
	defer e.db.SetMaxIdleConns(2)
	err = e.ident.Rewritten(e.path, func() error {
		db, c, err := Alone(ctx, e.path)
		if err != nil {
			return err
		}
		defer db.Close() // the last connection: it puts its log in the book
		defer c.Close()
		if done.Saved, err = BackupTelling(ctx, c, e.path, e.opt.Dated(e.path, "before-restore"), e.opt.Aside); err != nil {
			return err
		}
		if err := RestoreFrom(ctx, c, e.path, abs, access); err != nil {
			return err
		}
		if err := c.Close(); err != nil {
			return Explain(err, e.path)
		}
		if err := db.Close(); err != nil {
			return Explain(err, e.path)
		}
		// a backup of an older schema: the book is brought up to date (the
		// backup itself and the book before are both kept)
		none := func() error { return nil }
		err = Migrate(ctx, e.db, e.path, false, e.opt.Want, func(bool) error { return nil }, none,
			func(*sql.Tx) error { return book.NoBook(abs) })
		if err != nil {
			return err
		}
		return note(ctx, done)
	})
	if err != nil {
		return book.Restored{}, err
	}
	return done, nil
}

// Rescue saves the book as this program has it open (VACUUM INTO, like
// Backup) after its file was deleted or replaced, and returns where. It
// reads through the connection DataVersion keeps (the TUI opens it as it
// starts), which still holds the old file: a new connection would open
// whatever is at the path now. A dest taken since it was chosen (another
// clerk on the same book rescued it first, the same day) is never written
// over: the data goes to next() instead, so that no rescue is lost and
// none fails for a name the clerk did not choose.
func (e *Engine) Rescue(ctx context.Context, dest string, next func() string) (string, error) {
	if e.ident.Overwritten() {
		return "", lang.Wrap(book.ErrBookOverwritten, "Tệp dữ liệu đã bị chép đè: dữ liệu đang mở không còn nguyên để lưu lại.",
			"The database was written over: the data open here is no longer whole, and cannot be saved.")
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	for attempt := 1; ; attempt++ {
		path, err := Rescue(ctx, e.watch, e.path, dest)
		if !errors.Is(err, safefile.ErrExists) || attempt == 100 {
			return path, err
		}
		dest = next()
	}
}

// Close closes the book. A book whose file is gone is closed so that
// nothing of this program reaches the file now there, its log moved
// aside (SetAside).
func (e *Engine) Close() error {
	if e.release != nil {
		e.release()
	}
	e.mu.Lock()
	if e.watch != nil {
		e.watch.Close()
		e.watch = nil
	}
	e.mu.Unlock()
	defer e.ident.Close() // after SQLite's files (see Ident)
	if e.ident != nil && errors.Is(e.CheckBook(), book.ErrBookGone) {
		var err error
		e.logAside, err = CloseAside(e.db, e.path, e.ident, strings.TrimSuffix(e.opt.Dated(e.path, "unsaved-log"), ".db")+".wal")
		return err
	}
	return e.db.Close()
}

// SetAside is where Close moved the log of a book gone ("" when none).
func (e *Engine) SetAside() string { return e.logAside }

// Create makes a new book at the file target, which must not be there
// (CopyTarget): made opens it at the temporary path given, and the file
// is put in place once whole (safefile.Create).
func Create(target string, aside func(*lang.Error), made func(path string) error) error {
	abs, err := filepath.Abs(target)
	if err != nil {
		return BadPath(err, target)
	}
	if err := CopyTarget(abs); err != nil {
		return err
	}
	moved, err := ClearSidecars(abs)
	tell(aside, abs, moved)
	if err != nil {
		return err
	}
	err = safefile.Create(abs, false, made)
	switch {
	case errors.Is(err, safefile.ErrExists):
		return book.FileThere(safefile.ErrExists, abs)
	case errors.Is(err, safefile.ErrBook):
		return book.HoldsBook(abs)
	}
	return err
}

// Ready refuses a file target that is there, and makes its folder.
func Ready(target string) error {
	if _, err := os.Stat(target); !errors.Is(err, fs.ErrNotExist) {
		return book.HoldsBook(target)
	}
	if err := os.MkdirAll(filepath.Dir(target), 0o700); err != nil {
		return lang.Wrap(err, "Không tạo được thư mục %s cho tệp dữ liệu", "Cannot create the folder %s for the database", filepath.Dir(target))
	}
	return nil
}
