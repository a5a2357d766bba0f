package common

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"cchc/internal/lang"
)

// A kept file is opened with the system's viewer from a copy written into
// a private temporary folder (viewerPrefix and a random tail, in the
// system's temporary folder). The copies are the book's letters: they are
// removed when cchc quits (RemoveViewerCopies), and those a viewer still
// held then (Windows refuses to delete an open file) at a later start,
// once older than viewerAge (SweepViewerCopies), when no viewer opened
// from them is likely to run still.
const (
	viewerPrefix = "cchc-tep-"
	viewerAge    = 24 * time.Hour
)

var viewerCopies struct {
	sync.Mutex
	dirs []string
}

// ViewerCopy writes a file for the system's viewer under the name given
// (a file's own, cleaned: OpenFile hands its path over whole), with
// write giving its bytes, and returns its path.
func ViewerCopy(name string, write func(io.Writer) error) (string, error) {
	dir, err := os.MkdirTemp("", viewerPrefix)
	if err != nil {
		return "", lang.Wrap(err, "Không tạo được thư mục tạm để mở tệp", "Cannot make a temporary folder to open the file")
	}
	viewerCopies.Lock()
	viewerCopies.dirs = append(viewerCopies.dirs, dir)
	viewerCopies.Unlock()
	path := filepath.Join(dir, name)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err == nil {
		err = write(f)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		os.RemoveAll(dir)
		return "", lang.Wrap(err, "Không ghi được tệp tạm %s", "Cannot write the temporary file %s", path)
	}
	return path, nil
}

// RemoveViewerCopies removes the copies written by this run. A copy a
// viewer still holds stays, for SweepViewerCopies to remove later.
func RemoveViewerCopies() {
	viewerCopies.Lock()
	defer viewerCopies.Unlock()
	var held []string
	for _, dir := range viewerCopies.dirs {
		if os.RemoveAll(dir) != nil {
			held = append(held, dir)
		}
	}
	viewerCopies.dirs = held
}

// SweepViewerCopies removes the copies earlier runs left behind that are
// older than a day, as of now; younger ones may be open in a viewer a
// cchc still running started.
func SweepViewerCopies(now time.Time) {
	root := os.TempDir()
	entries, err := os.ReadDir(root)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), viewerPrefix) {
			continue
		}
		if fi, err := e.Info(); err == nil && now.Sub(fi.ModTime()) > viewerAge {
			os.RemoveAll(filepath.Join(root, e.Name()))
		}
	}
}
