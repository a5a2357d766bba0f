package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"

	msqlite "modernc.org/sqlite"

	"cchc/internal/lang"
)

// CheckBackup looks at the file a book is to be restored from, before
// anything is written: a cchc book of a schema this program knows (want),
// whole (integrity_check), and another file than the book at bookPath.
// It returns the backup's absolute path, and how it can be read (a backup
// on a write-protected stick too).
func CheckBackup(ctx context.Context, backup, bookPath string, want int) (string, Access, error) {
	abs, err := filepath.Abs(backup)
	if err != nil {
		return "", 0, BadPath(err, backup)
	}
	fi, err := os.Stat(abs)
	switch {
	case err != nil:
		return "", 0, lang.Wrap(err, "Không đọc được bản sao lưu %s", "Cannot read the backup %s", abs)
	case !fi.Mode().IsRegular():
		return "", 0, lang.Errorf("%s không phải một tệp sao lưu (là thư mục hoặc thiết bị)", "%s is not a backup file (a folder or a device)", abs)
	case fi.Size() == 0:
		return "", 0, notCchc(abs)
	}
	if bi, err := os.Stat(bookPath); err == nil && os.SameFile(fi, bi) {
		return "", 0, lang.Errorf("%s là chính sổ dữ liệu đang khôi phục, không phải một bản sao lưu", "%s is the very book being restored, not a backup", abs)
	}
	access, err := Prepare(abs, true, want)
	if err != nil {
		return "", 0, err
	}
	if access == ReadWrite {
		access = ReadOnly // only read here
	}
	db, err := sql.Open("sqlite", DSN(abs, access))
	if err != nil {
		return "", 0, Explain(err, abs)
	}
	defer db.Close()
	var version int
	if err := db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&version); err != nil {
		return "", 0, Explain(err, abs)
	}
	if version == 0 {
		return "", 0, lang.Errorf("%s là một sổ trống, không phải bản sao lưu của một sổ dữ liệu cchc", "%s is an empty book, not a backup of a cchc book", abs)
	}
	rows, err := db.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return "", 0, damagedBackup(Explain(err, abs), abs)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var p string
		if err := rows.Scan(&p); err != nil {
			return "", 0, damagedBackup(Explain(err, abs), abs)
		}
		if p != "ok" {
			problems = append(problems, p)
		}
	}
	if err := rows.Err(); err != nil {
		return "", 0, damagedBackup(Explain(err, abs), abs)
	}
	if len(problems) > 0 {
		return "", 0, damagedBackup(errors.New(strings.Join(problems[:min(3, len(problems))], "; ")), abs)
	}
	return abs, access, nil
}

func damagedBackup(cause error, path string) error {
	return lang.Wrap(cause, "Bản sao lưu %s bị hỏng (integrity_check); sổ dữ liệu không bị thay đổi. Hãy chọn một bản sao lưu khác",
		"The backup %s is damaged (integrity_check); the book was not changed. Choose another backup", path)
}

// Alone opens the one connection that holds the book at path alone
// (locking_mode EXCLUSIVE, taken as it first reads): while any other
// connection has the book open (another cchc, of this clerk or another,
// or any program using SQLite) it is refused, as SQLite knows no more of
// who than its locks. The caller closes the pool it returns.
func Alone(ctx context.Context, path string) (*sql.DB, *sql.Conn, error) {
	// before the WAL is opened (journal_mode), so that it takes the lock
	dsn := strings.Replace(DSN(path, ReadWrite), "mode=rw&_pragma=busy_timeout(10000)", "mode=rw&_pragma=busy_timeout(2000)&_pragma=locking_mode(EXCLUSIVE)", 1)
	db, err := sql.Open("sqlite", dsn)
	if err == nil {
		db.SetMaxOpenConns(1)
		var c *sql.Conn
		if c, err = db.Conn(ctx); err == nil {
			if _, err = c.ExecContext(ctx, `BEGIN EXCLUSIVE; COMMIT`); err == nil {
				return db, c, nil
			}
			c.Close()
		}
		db.Close()
	}
	if IsBusy(err) {
		return nil, nil, lang.Errorf("Sổ dữ liệu %s đang được mở ở chương trình khác (một cửa sổ cchc khác, của bạn hoặc đồng nghiệp dùng chung tệp này): hãy đóng chương trình đó rồi khôi phục lại. Sổ dữ liệu không bị thay đổi.",
			"The book %s is open in another program (another cchc window, yours or a colleague's sharing this file): close it, then restore again. The book was not changed.", path)
	}
	return nil, nil, Explain(err, path)
}

// RestoreFrom replaces every page of the book held by c (Alone) with the
// backup's, through SQLite's backup API: in one transaction of the book,
// never by copying the file, so a failure leaves the book as it was.
func RestoreFrom(ctx context.Context, c *sql.Conn, path, backup string, access Access) error {
	err := c.Raw(func(dc any) error {
		r, ok := dc.(interface {
			NewRestore(string) (*msqlite.Backup, error)
		})
		if !ok {
			return errors.New("the SQLite driver has no backup API")
		}
		b, err := r.NewRestore(DSN(backup, access))
		if err != nil {
			return err
		}
		for more := true; more && err == nil; {
			more, err = b.Step(-1)
		}
		if ferr := b.Finish(); err == nil {
			err = ferr
		}
		return err
	})
	if err != nil {
		return lang.Wrap(Explain(err, path), "Không khôi phục được sổ dữ liệu %s từ %s; sổ được giữ như trước", "Cannot restore the book %s from %s; it was kept as it was", path, backup)
	}
	return nil
}
