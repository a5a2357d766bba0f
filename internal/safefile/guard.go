package safefile

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"cchc/internal/lang"
)

// ApplicationID marks a SQLite file as a cchc book ("cchc" in ASCII), at
// offset 68 of its header.
const ApplicationID = 0x63636863

// Companions are the files SQLite keeps beside a book while it is used.
var Companions = []string{"-wal", "-shm", "-journal"}

var (
	openMu sync.Mutex
	open   = map[string]int{} // books open in this process, by resolved path
)

// Protect marks the book at path as open in this process until release
// is called: no file is then written over it or its companions, however
// the path is spelled, even before its header is on disk.
func Protect(path string) (release func()) {
	p := resolve(path)
	openMu.Lock()
	open[p]++
	openMu.Unlock()
	var once sync.Once
	return func() {
		once.Do(func() {
			openMu.Lock()
			if open[p]--; open[p] <= 0 {
				delete(open, p)
			}
			openMu.Unlock()
		})
	}
}

// Held is what a path is that no writer may replace.
type Held int

const (
	Free          Held = iota // nothing a writer must leave alone
	OpenBook                  // the book open in this process
	OpenCompanion             // the -wal/-shm/-journal file of the book open in this process
	Book                      // a file with a cchc book's header
	Journal                   // a SQLite write-ahead log or rollback journal, or a database with its log beside
	Companion                 // the -wal/-shm/-journal file (or name) of a book
)

// Holds says what is at path that writing there would replace (through
// symlinks, hard links and ../ spellings), and the book it belongs to
// when it is an open book or a companion (else "").
func Holds(path string) (Held, string) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return Free, "" // CanWrite reports the bad path
	}
	real := resolve(abs)
	openMu.Lock()
	books := make([]string, 0, len(open))
	for p := range open {
		books = append(books, p)
	}
	openMu.Unlock()
	target, statErr := os.Stat(real)
	for _, b := range books {
		for _, suffix := range append([]string{""}, Companions...) {
			name := b + suffix
			same := samePath(name, real)
			if !same && statErr == nil {
				if fi, err := os.Stat(name); err == nil {
					same = os.SameFile(fi, target)
				}
			}
			if same && suffix == "" {
				return OpenBook, b
			}
			if same {
				return OpenCompanion, b
			}
		}
	}
	for _, p := range []string{abs, real} {
		if isBook(p) {
			return Book, ""
		}
		if owner := isCompanion(p); owner != "" { // reads the files beside p: once
			return Companion, owner
		}
		if isLiveSQLite(p) {
			return Journal, ""
		}
	}
	return Free, ""
}

// Guard refuses path when writing there would replace a book: the book
// open in this process or its -wal/-shm/-journal files (by name or by
// file identity, through symlinks, hard links and ../ spellings), any
// file with a cchc book's header, any SQLite journal, and the companion
// files of any book.
func Guard(path string) error {
	switch held, _ := Holds(path); held {
	case Free:
		return nil
	case OpenBook, OpenCompanion:
		return lang.Wrap(ErrBook, "%s là tệp dữ liệu đang mở (hoặc tệp đi kèm của nó); cchc không bao giờ ghi đè lên tệp dữ liệu, kể cả khi được yêu cầu ghi đè. Hãy chọn tên tệp khác.",
			"%s is the open database (or one of its companion files); cchc never writes over a database, even when told to overwrite. Choose another file name.", path)
	}
	return lang.Wrap(ErrBook, "%s là tệp dữ liệu cchc (hoặc tệp đi kèm của một tệp dữ liệu); cchc không bao giờ ghi đè lên tệp dữ liệu, kể cả khi được yêu cầu ghi đè. Hãy chọn tên tệp khác.",
		"%s is a cchc database (or a database's companion file); cchc never writes over a database, even when told to overwrite. Choose another file name.", path)
}

// resolve is the absolute path with its symlinks followed (the folder's,
// when the file does not exist yet).
func resolve(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.Clean(path)
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		return r
	}
	if fi, err := os.Lstat(abs); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		// a dangling link: writing replaces the link, not its target
		return abs
	}
	if d, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		return filepath.Join(d, filepath.Base(abs))
	}
	return abs
}

// samePath compares two resolved names as the file system does: without
// case where it ignores case.
func samePath(a, b string) bool {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		return strings.EqualFold(a, b)
	}
	return a == b
}

// header reads the first n bytes of the file at path (fewer when short).
func header(path string, n int) []byte {
	fi, err := os.Stat(path)
	if err != nil || !fi.Mode().IsRegular() {
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	b := make([]byte, n)
	m, err := io.ReadFull(f, b)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return nil
	}
	return b[:m]
}

// isBook reports a SQLite file whose header carries cchc's application id.
func isBook(path string) bool {
	h := header(path, 72)
	return len(h) == 72 && bytes.HasPrefix(h, []byte("SQLite format 3\x00")) &&
		binary.BigEndian.Uint32(h[68:]) == ApplicationID
}

// isLiveSQLite reports a SQLite write-ahead log or rollback journal (by
// their magic numbers), or a file with such a log beside it: until the log
// is checkpointed, a database's own header may not show whose it is (a
// new book may even be empty on disk).
func isLiveSQLite(path string) bool {
	if isJournal(header(path, 8)) {
		return true
	}
	if fi, err := os.Stat(path); err != nil || !fi.Mode().IsRegular() {
		return false
	}
	return isJournal(header(path+"-wal", 8))
}

func isJournal(h []byte) bool {
	if len(h) >= 8 && bytes.Equal(h[:8], []byte{0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7}) {
		return true // rollback journal
	}
	if len(h) >= 4 {
		m := binary.BigEndian.Uint32(h)
		return m == 0x377f0682 || m == 0x377f0683 // write-ahead log
	}
	return false
}

// isCompanion reports a -wal, -shm or -journal name beside a book: the
// book's path, else "".
func isCompanion(path string) string {
	for _, suffix := range Companions {
		if stem, ok := strings.CutSuffix(path, suffix); ok && stem != "" {
			if isBook(stem) || isLiveSQLite(stem) {
				return stem
			}
		}
	}
	return ""
}
