package files

import (
	"errors"
	"io"
	"os"
	"path/filepath"

	"cchc/internal/book"
	"cchc/internal/lang"
	"cchc/internal/safefile"
)

// Read reads a file to keep, as cchc attach and the application do: a
// folder or anything over MaxSize refused without reading it whole, and
// its content checked against its extension before the book is touched.
func Read(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, lang.Errorf("Không có tệp %s", "There is no file %s", path)
		}
		return nil, lang.Wrap(err, "Không đọc được tệp %s", "Cannot read the file %s", path)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, lang.Wrap(err, "Không đọc được tệp %s", "Cannot read the file %s", path)
	}
	if !fi.Mode().IsRegular() {
		return nil, safefile.NotRegular(path, fi)
	}
	name := filepath.Base(path)
	if err := CheckSize(name, fi.Size(), 0); err != nil {
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, lang.Wrap(err, "Không đọc được tệp %s", "Cannot read the file %s", path)
	}
	if err := CheckSize(name, int64(len(data)), 0); err != nil {
		return nil, err
	}
	if err := CheckContent(CleanName(name), data); err != nil {
		return nil, err
	}
	return data, nil
}

// Attached says that a file was kept as number id, and what the book keeps
// in all (stored) against its limit.
func Attached(l lang.Lang, id int64, name string, size, stored int64) string {
	return l.F("Đã lưu tệp số %d: %s (%s); sổ đang giữ %s tệp, giới hạn %s",
		"Kept as file number %d: %s (%s); the book keeps %s of files, limit %s",
		id, CleanName(name), book.Size(l, size), book.Size(l, stored), book.Size(l, MaxTotal))
}
