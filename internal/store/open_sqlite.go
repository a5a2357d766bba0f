package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"cchc/internal/book"
	"cchc/internal/lang"
	"cchc/internal/safefile"
	"cchc/internal/store/sqlite"
	"cchc/internal/vntext"
)

// openSQLite opens the book in the SQLite file at path (internal/store/sqlite
// holds what SQLite does differently), creating it when it is not there.
// The file is guarded against being written over (safefile), and noticed
// when it is deleted or replaced (CheckBook).
func openSQLite(path string, opt Options) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, sqlite.BadPath(err, path)
	}
	if _, err := os.Stat(abs); opt.MustExist && errors.Is(err, fs.ErrNotExist) {
		return nil, book.NoBook(abs)
	}
	network := sqlite.OnNetwork(abs, opt.FSType)
	if network != "" {
		// read, never written: a new book cannot be made there either
		if _, err := os.Stat(abs); err != nil || !opt.AllowReadOnly {
			return nil, sqlite.NetworkProblem(abs)
		}
	}
	if _, err := os.Lstat(abs); errors.Is(err, fs.ErrNotExist) && !opt.MustExist {
		// a new book: another database's logs left there would be
		// replayed into it
		moved, err := sqlite.ClearSidecars(abs)
		opt.tell(abs, moved)
		if err != nil {
			return nil, err
		}
	}
	var access sqlite.Access
	if network != "" {
		access, err = sqlite.PrepareShared(abs, SchemaVersion())
	} else {
		access, err = sqlite.Prepare(abs, opt.AllowReadOnly, SchemaVersion())
	}
	if err != nil {
		return nil, err
	}
	if network != "" {
		access = max(access, sqlite.ReadOnly)
	}
	readOnly := access != sqlite.ReadWrite
	if opt.User = vntext.Line(opt.User); opt.User == "" {
		opt.User = defaultUser()
	}
	s := &Store{d: sqlite.Dialect{}, path: abs, readOnly: readOnly, access: access, network: network, now: opt.Now, today: opt.Today, user: opt.User,
		mustExist: opt.MustExist, fill: opt.fill, aside: opt.Aside}
	// A new file put into WAL by two processes at once can fail once: retry.
	for attempt := 0; ; attempt++ {
		err = s.openFile()
		if err == nil || attempt == 10 || !sqlite.IsBusy(err) {
			break
		}
		time.Sleep(time.Duration(20*(attempt+1)) * time.Millisecond)
	}
	if err != nil {
		if s.db != nil {
			s.db.Close()
		}
		return nil, err
	}
	s.ident = sqlite.Identify(abs)
	s.release = safefile.Protect(abs)
	if !readOnly {
		safefile.CleanStale(filepath.Dir(abs)) // what a backup killed midway left
	}
	return s, nil
}

// openFile opens the pool on the prepared file and brings its schema up
// to date; a new book gets the default campaign in the same transaction.
func (s *Store) openFile() error {
	db, err := sqlite.Open(s.path, s.access)
	if err != nil {
		return s.explain(err)
	}
	s.db = db
	ctx := context.Background()
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		s.db = nil
		return s.explain(err)
	}
	err = sqlite.Migrate(ctx, db, s.path, s.readOnly, SchemaVersion(), s.checkNew,
		func() error { return s.backupBeforeUpgrade(ctx) },
		func(tx *sql.Tx) error { return s.fillNew(ctx, tx) })
	if err != nil {
		db.Close()
		s.db = nil
		return err
	}
	return nil
}

// Network is the network file system the book is on ("" when local): such
// a book is open read-only.
func (s *Store) Network() string { return s.network }

// NetworkProblem is what the clerk is told about a book on a network
// share once it is open (nil when it is local): short enough for the
// application's status line.
func (s *Store) NetworkProblem() error {
	if s.network == "" {
		return nil
	}
	return sqlite.ShortNetworkProblem()
}

// backupBeforeUpgrade keeps a copy of a book before its schema changes.
func (s *Store) backupBeforeUpgrade(ctx context.Context) error {
	var err error
	// Other processes upgrading at the same moment may take the name just
	// chosen: try the next free one, a little later.
	for attempt := range 100 {
		if _, err = s.Backup(ctx, s.backupName(fmt.Sprintf("before-schema-%d", SchemaVersion()))); err == nil {
			return nil
		}
		time.Sleep(time.Duration(1+attempt%7) * time.Millisecond)
	}
	return err
}

// CheckBook reports (ErrBookGone) that the file at the book's path is no
// longer the one opened: deleted, moved away, or replaced by another. The
// TUI asks on its periodic check; every write asks first.
func (s *Store) CheckBook() error {
	return sqlite.Gone(s.path, s.ident)
}

// RescuePath is where Rescue suggests saving a book that is gone: beside
// where it was, else in the user's home folder.
func (s *Store) RescuePath() string {
	name := s.backupName("rescued")
	if fi, err := os.Stat(filepath.Dir(name)); err == nil && fi.IsDir() {
		return name
	}
	home, err := os.UserHomeDir()
	if err != nil {
		home = "."
	}
	return filepath.Join(home, filepath.Base(name))
}

// Rescue saves the book as this program has it open (VACUUM INTO, like
// Backup) after its file was deleted or replaced, and returns where. It
// reads through the connection DataVersion keeps (the TUI opens it as it
// starts), which still holds the old file: a new connection would open
// whatever is at the path now. A dest taken since it was chosen (another
// clerk on the same book rescued it first, the same day) is never written
// over: the data goes to the next free rescue name instead, so that no
// rescue is lost and none fails for a name the clerk did not choose.
func (s *Store) Rescue(ctx context.Context, dest string) (string, error) {
	if s.ident.Overwritten() {
		return "", lang.Wrap(book.ErrBookOverwritten, "Tệp dữ liệu đã bị chép đè: dữ liệu đang mở không còn nguyên để lưu lại.",
			"The database was written over: the data open here is no longer whole, and cannot be saved.")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for attempt := 1; ; attempt++ {
		path, err := sqlite.Rescue(ctx, s.watch, s.path, dest)
		if !errors.Is(err, safefile.ErrExists) || attempt == 100 {
			return path, err
		}
		dest = s.RescuePath()
	}
}

// tell passes what ClearSidecars moved aside before writing path to
// Options.Aside.
func (opt Options) tell(path string, moved []string) {
	if note := sqlite.AsideNote(path, moved); note != nil && opt.Aside != nil {
		opt.Aside(note)
	}
}
