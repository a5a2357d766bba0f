package store

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"cchc/internal/lang"
	"cchc/internal/safefile"
	"cchc/internal/store/sqlite"
)

// canWrite is asked before every write.
func (s *Store) canWrite() error {
	if s.network != "" {
		e := sqlite.ShortNetworkProblem(s.network)
		e.Cause = ErrReadOnly
		return e
	}
	if s.readOnly {
		return s.storage().OpenReadOnly()
	}
	return s.CheckBook()
}

// CheckBook reports (ErrBookGone) that the file at the book's path is no
// longer the one opened: deleted, moved away, or replaced by another. The
// TUI asks on its periodic check; every write asks first.
func (s *Store) CheckBook() error {
	if s.ident == nil {
		return nil
	}
	fi, err := os.Stat(s.path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return lang.Wrap(ErrBookGone, "Tệp dữ liệu %s đã bị xóa hoặc chuyển đi: chương trình ngừng ghi để không mất dữ liệu.",
			"The database %s was deleted or moved: nothing more is written, so that nothing is lost.", s.path)
	case err != nil:
		return nil // cannot tell (a passing permission or network error): the write itself will say
	case !os.SameFile(fi, s.ident):
		return lang.Wrap(ErrBookGone, "Tệp dữ liệu %s đã bị thay bằng tệp khác: chương trình ngừng ghi để không ghi lẫn vào tệp đó.",
			"The database %s was replaced by another file: nothing more is written, so that nothing is mixed into it.", s.path)
	}
	return nil
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
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.watch == nil {
		return "", lang.Errorf("Không còn kết nối nào tới tệp dữ liệu đã mở; không lưu lại được", "No connection to the opened database is left; it cannot be saved")
	}
	for attempt := 1; ; attempt++ {
		path, err := s.backupOn(ctx, s.watch, dest)
		if !errors.Is(err, safefile.ErrExists) || attempt == 100 {
			return path, err
		}
		dest = s.RescuePath()
	}
}
