package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"os"

	"cchc/internal/book"
	"cchc/internal/lang"
)

// Gone reports (book.ErrBookGone) that the file at path is no longer the
// one opened (ident): deleted, moved away, or replaced by another.
func Gone(path string, ident os.FileInfo) error {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return lang.Wrap(book.ErrBookGone, "Tệp dữ liệu %s đã bị xóa hoặc chuyển đi: chương trình ngừng ghi để không mất dữ liệu.",
			"The database %s was deleted or moved: nothing more is written, so that nothing is lost.", path)
	case err != nil:
		return nil // cannot tell (a passing permission or network error): the write itself will say
	case !os.SameFile(fi, ident):
		return lang.Wrap(book.ErrBookGone, "Tệp dữ liệu %s đã bị thay bằng tệp khác: chương trình ngừng ghi để không ghi lẫn vào tệp đó.",
			"The database %s was replaced by another file: nothing more is written, so that nothing is mixed into it.", path)
	}
	return nil
}

// Rescue saves the book as this program has it open (Backup) after its
// file at path was deleted or replaced, reading through c, a connection
// opened before, which still holds the old file: a new connection would
// open whatever is at the path now.
func Rescue(ctx context.Context, c *sql.Conn, path, dest string) (string, error) {
	if c == nil {
		return "", lang.Errorf("Không còn kết nối nào tới tệp dữ liệu đã mở; không lưu lại được", "No connection to the opened database is left; it cannot be saved")
	}
	return Backup(ctx, c, path, dest)
}
