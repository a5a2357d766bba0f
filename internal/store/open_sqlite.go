package store

import (
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"

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
		return nil, lang.Wrap(err, "Đường dẫn tệp dữ liệu không hợp lệ: %s", "Invalid database path: %s", path)
	}
	if _, err := os.Stat(abs); opt.MustExist && errors.Is(err, fs.ErrNotExist) {
		return nil, noBook(abs)
	}
	network := sqlite.OnNetwork(abs, opt.FSType)
	if network != "" {
		// read, never written: a new book cannot be made there either
		if _, err := os.Stat(abs); err != nil || !opt.AllowReadOnly {
			return nil, sqlite.NetworkProblem(abs, network)
		}
	}
	readOnly, err := sqlite.Prepare(abs, opt.AllowReadOnly, SchemaVersion())
	if err != nil {
		return nil, err
	}
	if opt.User = vntext.Line(opt.User); opt.User == "" {
		opt.User = defaultUser()
	}
	s := &Store{d: sqlite.Dialect{}, path: abs, readOnly: readOnly || network != "", network: network, now: opt.Now, today: opt.Today, user: opt.User,
		mustExist: opt.MustExist, fill: opt.fill}
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
	s.ident, _ = os.Stat(abs)
	s.release = safefile.Protect(abs)
	if !readOnly {
		safefile.CleanStale(filepath.Dir(abs)) // what a backup killed midway left
	}
	return s, nil
}

// openFile opens the pool on the prepared file and brings its schema up
// to date; a new book gets the default campaign in the same transaction.
func (s *Store) openFile() error {
	db, err := sqlite.Open(s.path, s.readOnly)
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
	fill := func(ctx context.Context, tx *sql.Tx, _ Dialect) error { return seedDefault(ctx, tx, s.stamp()) }
	if s.fill != nil {
		fill = s.fill
	}
	err = sqlite.Migrate(ctx, db, s.path, s.readOnly, SchemaVersion(), s.checkNew,
		func(from int) error { return s.backupBeforeUpgrade(ctx, from) },
		func(tx *sql.Tx) error { return fill(ctx, tx, s.d) })
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
	return sqlite.ShortNetworkProblem(s.network)
}
