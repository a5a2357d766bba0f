package sqlite

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"cchc/internal/lang"
	"cchc/internal/safefile"
)

// ClearSidecars moves aside the -wal, -shm and -journal files left at path
// when no file is there: the logs of another database, stopped without
// closing, that SQLite would replay into whatever file is put at path
// next (a backup, a copy, a new book), damaging it. Each goes to a dated
// name beside it (cchc.db-wal.stale-2026-12-07-093005), never deleted; the
// new names are returned. A file at path owns its companions: nothing is
// moved then. A companion that cannot be moved is an error, and the
// caller must then not write at path.
func ClearSidecars(path string) (moved []string, err error) {
	stamp := time.Now().Format("2006-01-02-150405")
	for _, suffix := range safefile.Companions {
		// asked again for each: a book made there meanwhile owns its logs
		if _, err := os.Lstat(path); !errors.Is(err, fs.ErrNotExist) {
			return moved, nil
		}
		old := path + suffix
		if _, err := os.Lstat(old); errors.Is(err, fs.ErrNotExist) {
			continue
		}
		to, err := asideName(old, stamp)
		if err == nil {
			err = os.Rename(old, to)
		}
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return moved, lang.Wrap(err, "Bên cạnh %s còn tệp nhật ký %s của một cơ sở dữ liệu khác (chương trình bị dừng khi chưa đóng), và không chuyển nó sang bên được; không ghi %s để nó không bị hỏng: hãy chuyển hoặc xóa tệp đó, hoặc chọn tên khác",
				"Beside %s lies %s, the log of another database (a program stopped before closing it), and it cannot be moved aside; %s is not written, so that it is not damaged: move or delete that file, or choose another name",
				filepath.Base(path), filepath.Base(old), path)
		}
		if err == nil {
			moved = append(moved, to)
		}
	}
	return moved, nil
}

// asideName is a free dated name for the leftover file old.
func asideName(old, stamp string) (string, error) {
	name := old + ".stale-" + stamp
	for i := 2; i < 100; i++ {
		if _, err := os.Lstat(name); errors.Is(err, fs.ErrNotExist) {
			return name, nil
		}
		name = fmt.Sprintf("%s.stale-%s-%d", old, stamp, i)
	}
	return "", fs.ErrExist
}

// AsideNote is what the clerk is told of the files ClearSidecars moved
// aside before writing path (nil when none were).
func AsideNote(path string, moved []string) *lang.Error {
	if len(moved) == 0 {
		return nil
	}
	names := strings.Join(moved, ", ")
	return lang.Errorf("Lưu ý: bên cạnh %s còn tệp nhật ký của một cơ sở dữ liệu khác (chương trình bị dừng khi chưa đóng); SQLite sẽ đọc lẫn chúng vào tệp mới và làm hỏng nó, nên đã chuyển sang bên thành: %s. Tệp mới không bị ảnh hưởng; có thể xóa các tệp đó khi không cần.",
		"Note: beside %s lay the log files of another database (a program stopped before closing it); SQLite would have replayed them into the new file and damaged it, so they were moved aside to: %s. The new file is unaffected; those files may be deleted when not needed.",
		path, names)
}

// tell passes AsideNote to aside, when there is something to tell and
// someone to tell it to.
func tell(aside func(*lang.Error), path string, moved []string) {
	if note := AsideNote(path, moved); note != nil && aside != nil {
		aside(note)
	}
}
