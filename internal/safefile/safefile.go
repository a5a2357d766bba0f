// Package safefile is the one writer of the files cchc makes beside its
// books (reports, templates, backups): atomically (a temporary file beside
// the target, then renamed into place), readable only by the owner, never
// over an existing file unless asked, and never, even when asked, over a
// cchc book or the files SQLite keeps with it.
package safefile

import (
	"bufio"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"cchc/internal/lang"
)

// ErrExists is the cause when a file would be overwritten and force was not
// given; the caller may ask the clerk and try again with force.
var ErrExists error = lang.Kind("file exists")

// ErrBook is the cause when the target is a book or one of its companion
// files: refused whatever the caller asks.
var ErrBook error = lang.Kind("a cchc database")

// CanWrite checks, before any work, that a file can be written at path:
// not a book (Guard), not a folder, its folder exists, and no file there
// unless force.
func CanWrite(path string, force bool) error {
	if err := Guard(path); err != nil {
		return err
	}
	fi, err := os.Stat(path)
	switch {
	case err == nil && !fi.Mode().IsRegular():
		return NotRegular(path, fi)
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

// NotRegular refuses to write at path, where there is something other
// than a file (fi): a folder, a device, a named pipe (FIFO), a socket.
// Writing there would replace it with a file, or feed a program reading
// the pipe, force or not.
func NotRegular(path string, fi fs.FileInfo) error {
	if fi.IsDir() {
		return lang.Errorf("%s là một thư mục, không phải tệp", "%s is a folder, not a file", path)
	}
	return lang.Errorf("%s không phải một tệp thông thường (mà là thiết bị, đường ống FIFO hoặc socket); cchc chỉ ghi vào một tệp thông thường hoặc một tên tệp mới, kể cả khi được yêu cầu ghi đè. Hãy chọn tên tệp khác.",
		"%s is not a regular file (it is a device, a named pipe or a socket); cchc writes only to a regular file or a new name, even when told to overwrite. Choose another file name.", path)
}

// regular checks, at the last moment, that what is at path (if anything)
// is still a regular file to replace.
func regular(path string) error {
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() {
		return NotRegular(path, fi)
	}
	return nil
}

func existsError(path string) error {
	return lang.Wrap(ErrExists, "Tệp %s đã có; không ghi đè (dòng lệnh: thêm --force để ghi đè)",
		"The file %s exists; not overwritten (command line: add --force to overwrite)", path)
}

// WriteFile writes a file through write atomically: a failure halfway (a
// full disk, a crash) never leaves half a file or destroys the old one.
func WriteFile(path string, force bool, write func(io.Writer) error) error {
	return Create(path, force, func(tmp string) error {
		f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_TRUNC, 0)
		if err != nil {
			return lang.Wrap(err, "Không ghi được tệp %s", "Cannot write the file %s", path)
		}
		defer f.Close()
		buf := bufio.NewWriterSize(f, 1<<16)
		if err := write(buf); err != nil {
			if full := Full(err, path); full != nil {
				return full // whatever the writer made of it
			}
			return err
		}
		if err = buf.Flush(); err == nil {
			err = f.Sync()
		}
		if err == nil {
			err = f.Close()
		}
		if full := Full(err, path); full != nil {
			return full
		}
		if err != nil {
			return lang.Wrap(err, "Không ghi được tệp %s", "Cannot write the file %s", path)
		}
		return nil
	})
}

// Create makes the file at path by letting fill write a temporary file
// (created empty, 0600, beside path; VACUUM INTO writes one by name), then
// moves it into place. An existing file is kept unless force; a book is
// never replaced. On any failure the temporary file is removed and path
// is as it was.
func Create(path string, force bool, fill func(tmp string) error) (err error) {
	if err := CanWrite(path, force); err != nil {
		return err
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	CleanStale(dir)
	f, err := os.CreateTemp(dir, "."+base+tempMark+"*.tmp") // mode 0600
	if full := Full(err, path); full != nil {
		return full // no inode or directory block left
	}
	if err != nil {
		return lang.Wrap(err, "Không tạo được tệp trong thư mục %s (thư mục không cho phép ghi?)", "Cannot create a file in the folder %s (is the folder writable?)", dir)
	}
	tmp := f.Name()
	f.Close()
	placed := false
	defer func() { // on a panic too: err is not set then
		if err != nil || !placed {
			os.Remove(tmp)
			for _, suffix := range Companions {
				os.Remove(tmp + suffix)
			}
		}
	}()
	if err = fill(tmp); err != nil {
		return err
	}
	if err = Private(tmp); err != nil {
		return lang.Wrap(err, "Không đặt được quyền riêng tư cho tệp %s", "Cannot make the file %s private", path)
	}
	// checked again at the last moment: a book may have been put there
	// while the file was being made
	if err = Guard(path); err != nil {
		return err
	}
	if err = regular(path); err != nil {
		return err
	}
	if force {
		err = os.Rename(tmp, path)
	} else {
		err = placeNew(tmp, path)
	}
	if err != nil {
		if errors.Is(err, ErrExists) {
			return existsError(path)
		}
		if full := Full(err, path); full != nil {
			return full
		}
		return lang.Wrap(err, "Không ghi được tệp %s", "Cannot write the file %s", path)
	}
	placed = true
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
