package report

import (
	"bufio"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"cchc/internal/lang"
)

// ErrExists is the cause when a report would overwrite a file and force was
// not given; the caller may ask the clerk and try again with force.
var ErrExists error = lang.Kind("file exists")

// CanWrite checks, before any work, that a report can be written to path:
// not a folder, its folder exists, and no file there unless force.
func CanWrite(path string, force bool) error {
	fi, err := os.Stat(path)
	switch {
	case err == nil && fi.IsDir():
		return lang.Errorf("%s là một thư mục, không phải tệp", "%s is a folder, not a file", path)
	case err == nil && !force:
		return existsError(path)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return lang.Wrap(err, "Không kiểm tra được tệp %s", "Cannot check the file %s", path)
	}
	dir := filepath.Dir(path)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return lang.Errorf("Không có thư mục %s", "There is no folder %s", dir)
	}
	return nil
}

func existsError(path string) error {
	return lang.Wrap(ErrExists, "Tệp %s đã có; không ghi đè (dùng --force để ghi đè)",
		"The file %s exists; not overwritten (use --force to overwrite)", path)
}

// WriteFile writes a file through write atomically: into a temporary file
// beside it (readable only by its owner), then renamed into place, so that
// a failure halfway never leaves half a report or destroys the old one. An
// existing file is kept unless force.
func WriteFile(path string, force bool, write func(io.Writer) error) (err error) {
	if err := CanWrite(path, force); err != nil {
		return err
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp") // mode 0600
	if err != nil {
		return lang.Wrap(err, "Không tạo được tệp trong thư mục %s", "Cannot create a file in the folder %s", dir)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	buf := bufio.NewWriterSize(tmp, 1<<16)
	if err = write(buf); err != nil {
		return err
	}
	if err = buf.Flush(); err == nil {
		err = tmp.Sync()
	}
	if err != nil {
		return lang.Wrap(err, "Không ghi được tệp %s", "Cannot write the file %s", path)
	}
	if err = tmp.Close(); err != nil {
		return lang.Wrap(err, "Không ghi được tệp %s", "Cannot write the file %s", path)
	}
	if force {
		err = os.Rename(tmp.Name(), path)
	} else {
		err = placeNew(tmp.Name(), path)
	}
	if err != nil {
		if errors.Is(err, ErrExists) {
			return existsError(path)
		}
		return lang.Wrap(err, "Không ghi được tệp %s", "Cannot write the file %s", path)
	}
	return nil
}

// placeNew moves tmp to path only if path does not exist: a hard link fails
// when the name is taken, so a file that appeared meanwhile is never
// overwritten. Where links are not supported, it checks then renames.
func placeNew(tmp, path string) error {
	err := os.Link(tmp, path)
	if err == nil {
		return os.Remove(tmp)
	}
	if errors.Is(err, fs.ErrExist) {
		return ErrExists
	}
	if _, serr := os.Lstat(path); serr == nil {
		return ErrExists
	}
	return os.Rename(tmp, path)
}
