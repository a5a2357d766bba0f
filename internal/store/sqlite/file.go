package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"cchc/internal/book"
	"cchc/internal/lang"
	"cchc/internal/safefile"
)

// ApplicationID marks a SQLite file as cchc's ("cchc" in ASCII).
const ApplicationID = safefile.ApplicationID

// Prepare checks what is at path before SQLite touches it, and creates a
// new empty file (0600, folder 0700) when there is none: a folder,
// another program's file or database, or a schema newer than want is
// refused, leaving the file untouched. It reports how the file is to be
// opened: read-only where it or its folder cannot be written
// (allowReadOnly; else such a file is refused), see Access.
// The header is read while another process may be creating the same new
// book: a passing busy or cannot-open is waited out.
func Prepare(path string, allowReadOnly bool, want int) (access Access, err error) {
	return prepare(path, allowReadOnly, want, false)
}

// PrepareShared checks the existing book at path on a network share, to
// be read in place: never created nor written there, and read immutable
// (no lock, no -wal or -shm left on the share, where other PCs would take
// them for a writer's) unless a WAL is there already, whose commits
// immutable would not see.
func PrepareShared(path string, want int) (Access, error) {
	return prepare(path, true, want, true)
}

func prepare(path string, allowReadOnly bool, want int, shared bool) (access Access, err error) {
	for attempt := 0; ; attempt++ {
		access, err = prepareFile(path, allowReadOnly, want, shared)
		if err == nil || attempt == 10 || !IsTransient(err) {
			return access, err
		}
		time.Sleep(time.Duration(20*(attempt+1)) * time.Millisecond)
	}
}

func prepareFile(path string, allowReadOnly bool, want int, shared bool) (access Access, err error) {
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist) && !shared:
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return ReadWrite, lang.Wrap(err, "Không tạo được thư mục %s cho tệp dữ liệu", "Cannot create the folder %s for the database", filepath.Dir(path))
		}
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil && !errors.Is(err, fs.ErrExist) { // another process may have just created it
			return ReadWrite, lang.Wrap(err, "Không tạo được tệp dữ liệu %s (thư mục không cho phép ghi?)", "Cannot create the database %s (is the folder writable?)", path)
		}
		if f != nil {
			f.Close()
			if err := safefile.Private(path); err != nil { // 0600 is not enough on Windows
				os.Remove(path) // the empty file just made: nothing left behind
				return ReadWrite, lang.Wrap(err, "Không đặt được quyền riêng tư cho tệp %s", "Cannot make the file %s private", path)
			}
		}
		return ReadWrite, nil
	case err != nil:
		return ReadWrite, lang.Wrap(err, "Không đọc được tệp dữ liệu %s", "Cannot read the database %s", path)
	case info.IsDir():
		return ReadWrite, lang.Errorf("%s là một thư mục, không phải tệp dữ liệu cchc", "%s is a folder, not a cchc database", path)
	case !info.Mode().IsRegular(): // a pipe or device: opening it could block, writing replace it
		return ReadWrite, safefile.NotRegular(path, info)
	}
	f, err := os.Open(path)
	if err != nil {
		return ReadWrite, lang.Wrap(err, "Không mở được tệp dữ liệu %s (không có quyền đọc?)", "Cannot open the database %s (no read permission?)", path)
	}
	header := make([]byte, 16)
	n, _ := io.ReadFull(f, header)
	f.Close()
	if n > 0 && !bytes.Equal(header[:n], []byte("SQLite format 3\x00")[:n]) || n > 0 && n < 16 {
		return ReadWrite, notCchc(path)
	}
	w, werr := os.OpenFile(path, os.O_RDWR, 0)
	if werr == nil {
		w.Close()
	}
	if shared {
		access = Immutable
		if _, err := os.Lstat(path + "-wal"); err == nil {
			access = ReadOnly
		}
	} else {
		access, err = accessOf(path, werr)
	}
	if err == nil {
		err = checkExisting(path, access, want)
	}
	switch {
	case err != nil:
		return ReadWrite, err
	case access != ReadWrite && !allowReadOnly && (werr == nil || readOnlyMedium(werr)):
		return ReadWrite, lang.Errorf("Tệp dữ liệu %s nằm ở nơi không ghi được (ổ chỉ đọc, USB chống ghi hoặc thư mục không có quyền ghi): chỉ xem, in báo cáo, kiểm tra và sao lưu được, không ghi được. Không có gì thay đổi.",
			"The database %s is in a place that cannot be written (a read-only drive, a write-protected USB stick or a folder without write rights): it can be looked at, reported on, checked and backed up, not written. Nothing was changed.", path)
	case access != ReadWrite && !allowReadOnly:
		return ReadWrite, lang.Wrap(werr, "Tệp dữ liệu %s chỉ cho phép đọc, không ghi được", "The database %s is read-only; cannot write to it", path)
	}
	return access, nil
}

// checkExisting looks at an existing SQLite file through a read-only
// connection, before any pragma can change it, and refuses another
// program's database or a schema newer than this program.
func checkExisting(path string, access Access, want int) error {
	if access == ReadWrite {
		access = ReadOnly // looked at, not yet written
	}
	db, err := sql.Open("sqlite", DSN(path, access))
	if err != nil {
		return Explain(err, path)
	}
	defer db.Close()
	version, appID, tables, err := Header(context.Background(), db, path)
	if err != nil {
		return err
	}
	return CheckHeader(path, version, appID, tables, want)
}

// BadPath: a book's path that cannot be made absolute.
func BadPath(cause error, path string) error {
	return lang.Wrap(cause, "Đường dẫn tệp dữ liệu không hợp lệ: %s", "Invalid database path: %s", path)
}

func notCchc(path string) error {
	return lang.Errorf("%s không phải tệp dữ liệu cchc (hoặc đã bị hỏng); tệp được giữ nguyên", "%s is not a cchc database (or is damaged); the file was left as it is", path)
}

// Explain is the clerk's message for an error of the file at path: a
// message already for the clerk as it is, then SQLite's (Dialect.Explain),
// else a failure of the storage.
func Explain(err error, path string) error {
	var e *lang.Error
	if err == nil || errors.As(err, &e) {
		return err
	}
	if e := (Dialect{}).Explain(err, path); e != nil {
		return e
	}
	return book.Storage{Name: path}.Failed(err)
}

// DSN is how modernc's driver opens the file at path: read-only (see
// Access), or for writing in WAL with full syncs and statement journals in
// memory. Every connection waits for a busy book and enforces the foreign
// keys, and a write takes the lock from its BEGIN (_txlock=immediate),
// else writers lose writes.
func DSN(path string, access Access) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows: file:///C:/...
	}
	u := url.URL{Scheme: "file", Path: p}
	q := []string{"_pragma=busy_timeout(10000)", "_pragma=foreign_keys(1)", "_txlock=immediate"}
	switch access {
	case Immutable:
		q = append([]string{"mode=ro", "immutable=1"}, q...)
	case ReadOnly:
		q = append([]string{"mode=ro"}, q...)
	default:
		q = append([]string{"mode=rw"}, q...)
		q = append(q, "_pragma=journal_mode(WAL)", "_pragma=synchronous(FULL)", "_pragma=temp_store(MEMORY)")
	}
	return u.String() + "?" + strings.Join(q, "&")
}

// Open opens the pool of connections to the file at path (Prepare has
// looked at it).
func Open(path string, access Access) (*sql.DB, error) {
	return sql.Open("sqlite", DSN(path, access))
}

// Querier is a pool, connection or transaction a row is read through.
type Querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// Header reads the file's schema version, application id and number of
// tables (path names it in a message).
func Header(ctx context.Context, q Querier, path string) (version, appID, tables int, err error) {
	// One statement, so one snapshot: read as three, a book another process
	// created in between looked foreign (no application id yet, but tables).
	err = q.QueryRowContext(ctx, `SELECT (SELECT user_version FROM pragma_user_version),
		(SELECT application_id FROM pragma_application_id), (SELECT count(*) FROM sqlite_schema)`).Scan(&version, &appID, &tables)
	if err != nil {
		return 0, 0, 0, Explain(err, path)
	}
	return version, appID, tables, nil
}

// CheckHeader refuses another program's database and a schema newer than
// want.
func CheckHeader(path string, version, appID, tables, want int) error {
	if appID != ApplicationID && (appID != 0 || tables > 0 || version != 0) {
		return notCchc(path)
	}
	if version > want {
		return lang.Errorf("Tệp dữ liệu %s được tạo bởi phiên bản cchc mới hơn (lược đồ %d, chương trình này hiểu đến %d); hãy cập nhật cchc. Tệp được giữ nguyên.",
			"The database %s was made by a newer cchc (schema %d; this program knows up to %d); update cchc. The file was left as it is.",
			path, version, want)
	}
	return nil
}
