// Package store keeps the registration book (book.Book) in one SQLite file.
// All SQL of the program lives here, behind the interfaces package book
// declares; the rows, the errors and the clerk's messages are the book's,
// and SQLite-specific choices (pragmas, DSN, VACUUM INTO) stay inside.
package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"cchc/internal/book"
	"cchc/internal/lang"
	"cchc/internal/location"
	"cchc/internal/safefile"
	schema "cchc/internal/store/migrations"
	"cchc/internal/vndate"
	"cchc/internal/vntext"

	_ "modernc.org/sqlite" // database/sql driver "sqlite"
)

// applicationID marks a SQLite file as cchc's ("cchc" in ASCII).
const applicationID = safefile.ApplicationID

// Store is an open registration book.
type Store struct {
	db       *sql.DB
	d        Dialect
	path     string
	readOnly bool
	now      func() time.Time
	today    func() vndate.Date // the clerk's today, for the rule that nothing is received in the future
	user     string             // author of changes in the history

	mu      sync.Mutex
	session []int64   // changes made through this store, for undo
	watch   *sql.Conn // the one connection PRAGMA data_version is read on

	release func() // lets files be written over the book's path again (safefile)

	mustExist bool                                                   // Options.MustExist
	fill      func(ctx context.Context, tx *sql.Tx, d Dialect) error // Options.fill

	network string // the network file system the book is on, read only ("" when local)

	ident os.FileInfo // the file opened, to notice it deleted or replaced (gone.go)

	changes changeWatcher // commits told of by the server (PostgreSQL), nil on SQLite

	shared string // a shared book's name for its dated backups (postgres-cchc@may-chu), "" on SQLite
}

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
		return "", lang.Wrap(err, "Không tìm được thư mục cấu hình của người dùng; hãy chỉ rõ tệp dữ liệu bằng --db",
			"Cannot find the user's configuration folder; name the database with --db")
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
	if location.IsPostgres(path) {
		return openPostgres(path, opt)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, lang.Wrap(err, "Đường dẫn tệp dữ liệu không hợp lệ: %s", "Invalid database path: %s", path)
	}
	if _, err := os.Stat(abs); opt.MustExist && errors.Is(err, fs.ErrNotExist) {
		return nil, noBook(abs)
	}
	network := onNetwork(abs, opt.FSType)
	if network != "" {
		// read, never written: a new book cannot be made there either
		if _, err := os.Stat(abs); err != nil || !opt.AllowReadOnly {
			return nil, networkProblem(abs, network)
		}
	}
	// The file's header is read while another process may be creating the
	// same new book: a passing busy or cannot-open is waited out.
	var readOnly bool
	for attempt := 0; ; attempt++ {
		readOnly, err = prepareFile(abs, opt.AllowReadOnly)
		if err == nil || attempt == 10 || !isTransient(err) {
			break
		}
		time.Sleep(time.Duration(20*(attempt+1)) * time.Millisecond)
	}
	if err != nil {
		return nil, err
	}
	if opt.User = vntext.Line(opt.User); opt.User == "" {
		opt.User = defaultUser()
	}
	s := &Store{d: sqliteDialect{}, path: abs, readOnly: readOnly || network != "", network: network, now: opt.Now, today: opt.Today, user: opt.User,
		mustExist: opt.MustExist, fill: opt.fill}
	// A new file put into WAL by two processes at once can fail once: retry.
	for attempt := 0; ; attempt++ {
		err = s.open()
		if err == nil || attempt == 10 || !isBusy(err) {
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

// prepareFile checks what is at path before SQLite touches it, and creates
// a new empty file (0600, folder 0700) when there is none. It reports
// whether the file must be opened read-only.
func prepareFile(path string, allowReadOnly bool) (readOnly bool, err error) {
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return false, lang.Wrap(err, "Không tạo được thư mục %s cho tệp dữ liệu", "Cannot create the folder %s for the database", filepath.Dir(path))
		}
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil && !errors.Is(err, fs.ErrExist) { // another process may have just created it
			return false, lang.Wrap(err, "Không tạo được tệp dữ liệu %s (thư mục không cho phép ghi?)", "Cannot create the database %s (is the folder writable?)", path)
		}
		if f != nil {
			f.Close()
		}
		return false, nil
	case err != nil:
		return false, lang.Wrap(err, "Không đọc được tệp dữ liệu %s", "Cannot read the database %s", path)
	case info.IsDir():
		return false, lang.Errorf("%s là một thư mục, không phải tệp dữ liệu cchc", "%s is a folder, not a cchc database", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return false, lang.Wrap(err, "Không mở được tệp dữ liệu %s (không có quyền đọc?)", "Cannot open the database %s (no read permission?)", path)
	}
	header := make([]byte, 16)
	n, _ := io.ReadFull(f, header)
	f.Close()
	if n > 0 && !bytes.Equal(header[:n], []byte("SQLite format 3\x00")[:n]) || n > 0 && n < 16 {
		return false, notCchc(path)
	}
	if err := checkExisting(path); err != nil {
		return false, err
	}
	if w, err := os.OpenFile(path, os.O_RDWR, 0); err != nil {
		if !allowReadOnly {
			return false, lang.Wrap(err, "Tệp dữ liệu %s chỉ cho phép đọc, không ghi được", "The database %s is read-only; cannot write to it", path)
		}
		return true, nil
	} else {
		w.Close()
	}
	return false, nil
}

// checkExisting looks at an existing SQLite file through a read-only
// connection, before any pragma can change it, and refuses another
// program's database or a schema newer than this program.
func checkExisting(path string) error {
	probe := &Store{d: sqliteDialect{}, path: path, readOnly: true}
	db, err := sql.Open("sqlite", probe.dsn())
	if err != nil {
		return probe.explain(err)
	}
	defer db.Close()
	version, appID, tables, err := probe.header(context.Background(), db)
	if err != nil {
		return err
	}
	return probe.checkHeader(version, appID, tables)
}

// checkNew refuses a book that is there to a copy, and a book that is
// not there to MustExist.
func (s *Store) checkNew(fresh bool) error {
	switch {
	case s.fill != nil && !fresh:
		return holdsBook(s.path)
	case s.mustExist && fresh:
		return noBook(s.path)
	}
	return nil
}

func noBook(where string) error {
	return lang.Errorf("Không có sổ dữ liệu nào ở %s", "There is no book at %s", where)
}

func notCchc(path string) error {
	return lang.Errorf("%s không phải tệp dữ liệu cchc (hoặc đã bị hỏng); tệp được giữ nguyên", "%s is not a cchc database (or is damaged); the file was left as it is", path)
}

func isUserError(err error) bool {
	var e *lang.Error
	return errors.As(err, &e)
}

func (s *Store) dsn() string {
	p := filepath.ToSlash(s.path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows: file:///C:/...
	}
	u := url.URL{Scheme: "file", Path: p}
	q := []string{"_pragma=busy_timeout(10000)", "_pragma=foreign_keys(1)", "_txlock=immediate"}
	if s.readOnly {
		q = append([]string{"mode=ro"}, q...)
	} else {
		q = append([]string{"mode=rw"}, q...)
		q = append(q, "_pragma=journal_mode(WAL)", "_pragma=synchronous(FULL)", "_pragma=temp_store(MEMORY)")
	}
	return u.String() + "?" + strings.Join(q, "&")
}

func (s *Store) open() error {
	db, err := sql.Open("sqlite", s.dsn())
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
	if err := s.migrate(ctx); err != nil {
		db.Close()
		s.db = nil
		return err
	}
	return nil
}

// Close closes the book.
func (s *Store) Close() error {
	if s.db == nil {
		return nil
	}
	if s.release != nil {
		s.release()
	}
	if s.watch != nil {
		s.watch.Close()
	}
	if s.changes != nil {
		s.changes.Close()
	}
	return s.db.Close()
}

// Path is the absolute path of the book.
func (s *Store) Path() string { return s.path }

// ReadOnly reports whether the book was opened read-only.
func (s *Store) ReadOnly() bool { return s.readOnly }

type migration struct {
	version int
	name    string
	sql     string
}

func migrations() []migration {
	var out []migration
	for _, m := range schema.SQLite() {
		out = append(out, migration{m.Version, m.Name, m.SQL})
	}
	return out
}

// SchemaVersion is the schema this program writes.
func SchemaVersion() int {
	m := migrations()
	return m[len(m)-1].version
}

// migrate brings the schema up to date in one immediate transaction, so two
// processes opening a new file at once do not both create it; a new book
// gets the default campaign in the same transaction.
func (s *Store) migrate(ctx context.Context) error {
	version, appID, tables, err := s.header(ctx, s.db)
	if err != nil {
		return err
	}
	if err := s.checkHeader(version, appID, tables); err != nil {
		return err
	}
	if err := s.checkNew(version == 0); err != nil {
		return err
	}
	if version == SchemaVersion() {
		return nil
	}
	if s.readOnly {
		return lang.Errorf("Tệp dữ liệu %s cần được nâng cấp nhưng chỉ cho phép đọc", "The database %s needs an upgrade but is read-only", s.path)
	}
	if version > 0 {
		if err := s.backupBeforeUpgrade(ctx, version); err != nil {
			return err
		}
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.explain(err)
	}
	defer tx.Rollback()
	version, appID, tables, err = s.header(ctx, tx) // another process may have migrated meanwhile
	if err != nil {
		return err
	}
	if err := s.checkHeader(version, appID, tables); err != nil {
		return err
	}
	fresh := version == 0
	if err := s.checkNew(fresh); err != nil {
		return err
	}
	for _, m := range migrations() {
		if m.version <= version {
			continue
		}
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			return lang.Wrap(err, "Không nâng cấp được tệp dữ liệu (bước %s)", "Cannot upgrade the database (step %s)", m.name)
		}
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d; PRAGMA application_id = %d", SchemaVersion(), applicationID)); err != nil {
		return s.explain(err)
	}
	if fresh {
		fill := func(ctx context.Context, tx *sql.Tx, _ Dialect) error { return seedDefault(ctx, tx, s.stamp()) }
		if s.fill != nil {
			fill = s.fill
		}
		if err := fill(ctx, tx, s.d); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return s.explain(err)
	}
	return nil
}

type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func (s *Store) header(ctx context.Context, q querier) (version, appID, tables int, err error) {
	// One statement, so one snapshot: read as three, a book another process
	// created in between looked foreign (no application id yet, but tables).
	err = q.QueryRowContext(ctx, `SELECT (SELECT user_version FROM pragma_user_version),
		(SELECT application_id FROM pragma_application_id), (SELECT count(*) FROM sqlite_schema)`).Scan(&version, &appID, &tables)
	if err != nil {
		return 0, 0, 0, s.explain(err)
	}
	return version, appID, tables, nil
}

func (s *Store) checkHeader(version, appID, tables int) error {
	if appID != applicationID && (appID != 0 || tables > 0 || version != 0) {
		return notCchc(s.path)
	}
	if version > SchemaVersion() {
		return lang.Errorf("Tệp dữ liệu %s được tạo bởi phiên bản cchc mới hơn (lược đồ %d, chương trình này hiểu đến %d); hãy cập nhật cchc. Tệp được giữ nguyên.",
			"The database %s was made by a newer cchc (schema %d; this program knows up to %d); update cchc. The file was left as it is.",
			s.path, version, SchemaVersion())
	}
	return nil
}

// stamp is the current time as stored in created_at / updated_at.
func (s *Store) stamp() string { return s.now().UTC().Format(time.RFC3339) }

// explain turns an error of the engine into a message for the clerk.
func (s *Store) explain(err error) error {
	if err == nil || isUserError(err) {
		return err
	}
	if e := s.d.Explain(err, s.path); e != nil {
		return e
	}
	return s.storage().Failed(err)
}

// storage names the book for the clerk's messages: a file, or a server.
func (s *Store) storage() book.Storage {
	return book.Storage{Name: s.path, Server: s.d.Kind() == "postgres"}
}
