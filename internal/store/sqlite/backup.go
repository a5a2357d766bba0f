package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"

	"cchc/internal/book"
	"cchc/internal/lang"
	"cchc/internal/safefile"
)

// Execer is a pool or a connection a statement runs on.
type Execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// Backup writes a consistent copy of the book at path to dest with VACUUM
// INTO run through q (the pool, or the connection a rescue reads the old
// file on): a snapshot read inside one transaction, so it is safe while
// other clerks keep writing. The copy is made by the shared writer
// (safefile.Create): under a temporary name, placed only when whole, so a
// crash never leaves a half backup under a real name; dest must not exist
// and is never a book; it is created 0600. It returns dest's absolute
// path. Leftover logs of another database at dest are moved aside first
// (ClearSidecars), else SQLite would replay them into the backup.
func Backup(ctx context.Context, q Execer, path, dest string) (string, error) {
	return BackupTelling(ctx, q, path, dest, nil)
}

// BackupTelling is Backup that passes aside what it moved aside (AsideNote).
func BackupTelling(ctx context.Context, q Execer, path, dest string, aside func(*lang.Error)) (string, error) {
	abs, err := filepath.Abs(dest)
	if err != nil {
		return "", book.BadBackupPath(err, dest)
	}
	exists := func() error { return book.FileThere(safefile.ErrExists, abs) }
	if fi, err := os.Stat(abs); err == nil && !fi.Mode().IsRegular() {
		return "", safefile.NotRegular(abs, fi)
	}
	if _, err := os.Lstat(abs); err == nil {
		return "", exists() // a backup never overwrites, book or not
	}
	moved, err := ClearSidecars(abs)
	tell(aside, abs, moved)
	if err != nil {
		return "", err
	}
	var copyErr error
	err = safefile.Create(abs, false, func(tmp string) error {
		if _, err := q.ExecContext(ctx, `VACUUM INTO ?`, tmp); err != nil {
			copyErr = book.BackupFailed(Explain(err, path), abs)
			if IsFull(err) { // the backup's disk, not the book's
				copyErr = book.NoRoom(err, abs, safefile.Room(filepath.Dir(abs)), false)
			}
			return copyErr
		}
		return nil
	})
	switch {
	case errors.Is(err, safefile.ErrExists):
		return "", exists()
	case err != nil && err == copyErr:
		return "", err
	case err != nil:
		return "", lang.Wrap(err, "Không tạo được tệp sao lưu %s", "Cannot create the backup %s", abs)
	}
	return abs, nil
}

// DataVersion changes whenever another connection (another clerk, or
// another part of this program) commits to the book. SQLite counts per
// connection: c is the one it is always read on.
func DataVersion(ctx context.Context, c *sql.Conn, path string) (int64, error) {
	var v int64
	if err := c.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&v); err != nil {
		return 0, Explain(err, path)
	}
	return v, nil
}
