package sqlite

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"errors"
	"io"
	"io/fs"
	"os"
	"runtime"
	"sync"
	"time"

	"cchc/internal/book"
	"cchc/internal/lang"
)

// Ident is the book's file as this program last knew it: the file itself
// (deleted, moved or replaced by another is noticed by os.SameFile) and
// its content (an overwrite in place, e.g. `cp backup.db book.db`, keeps
// the file but not its size or first page). In WAL mode the file's
// content only changes when a checkpoint copies the log into it, ours or
// another clerk's on the same book; every checkpoint changes the
// counters of the WAL index (-shm) before it writes, so a new content
// with the same counters was written by someone else.
type Ident struct {
	mu      sync.Mutex
	file    os.FileInfo
	wal     os.FileInfo // the -wal file opened with the book (nil when none)
	content content
	mark    []byte // the WAL index's salts and checkpoint counters
	gone    error  // once overwritten, always (no check undoes it)

	// Kept open from Identify to Close where a lock is the process's (POSIX
	// record locks): closing any descriptor of the book or its -shm drops
	// every lock SQLite holds on it. Windows locks by handle: nil there,
	// each check opens its own.
	db, shm *os.File
}

// content is what is checked of a book's file: its size and first page
// (the header with SQLite's change counter, and the schema's root).
type content struct {
	size   int64
	header []byte // the first 100 bytes
	page1  [sha256.Size]byte
}

// Identify takes the identity of the book's file at path (nil when it
// cannot be read: nothing is then checked).
func Identify(path string) *Ident {
	fi, err := os.Stat(path)
	if err != nil {
		return nil
	}
	id := &Ident{file: fi}
	id.wal, _ = os.Stat(path + "-wal")
	if runtime.GOOS != "windows" {
		id.db, _ = os.Open(path)
		id.shm, _ = os.Open(path + "-shm")
	}
	id.content, _ = id.readContent(path)
	id.mark = id.walMark(path)
	return id
}

// Close lets go of the files kept open, once SQLite has closed the book.
func (id *Ident) Close() {
	if id == nil {
		return
	}
	for _, f := range []*os.File{id.db, id.shm} {
		if f != nil {
			f.Close()
		}
	}
}

// file is the kept descriptor, else the file opened now (done closes it).
func file(kept *os.File, path string) (f *os.File, done func(), err error) {
	if kept != nil {
		return kept, func() {}, nil
	}
	if runtime.GOOS != "windows" {
		return nil, nil, fs.ErrNotExist // never opened and closed here: see Ident.db
	}
	f, err = os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	return f, func() { f.Close() }, nil
}

func (id *Ident) readContent(path string) (content, error) {
	f, done, err := file(id.db, path)
	if err != nil {
		return content{}, err
	}
	defer done()
	fi, err := f.Stat()
	if err != nil {
		return content{}, err
	}
	head := make([]byte, 100)
	n, err := f.ReadAt(head, 0)
	if err != nil && !errors.Is(err, io.EOF) {
		return content{}, err
	}
	c := content{size: fi.Size(), header: head[:n]}
	size := 4096
	if n >= 18 {
		if p := int(binary.BigEndian.Uint16(head[16:18])); p == 1 {
			size = 65536
		} else if p >= 512 {
			size = p
		}
	}
	page := make([]byte, size)
	m, err := f.ReadAt(page, 0)
	if err != nil && !errors.Is(err, io.EOF) {
		return content{}, err
	}
	c.page1 = sha256.Sum256(page[:m])
	return c, nil
}

func (c content) same(o content) bool {
	return c.size == o.size && c.page1 == o.page1 && bytes.Equal(c.header, o.header)
}

// walMark reads the WAL index's salts (new at each restart of the log) and
// its checkpoint counters (nBackfill, and nBackfillAttempted, which is set
// before a checkpoint writes into the book): raw bytes, only compared.
func (id *Ident) walMark(path string) []byte {
	if id.shm != nil {
		// a new -shm once every connection closed (SQLite deletes it
		// then): the one kept is read no more. Closing it drops no lock:
		// those are on the new file.
		kept, err1 := id.shm.Stat()
		now, err2 := os.Stat(path + "-shm")
		if err1 == nil && err2 == nil && !os.SameFile(kept, now) {
			if f, err := os.Open(path + "-shm"); err == nil {
				id.shm.Close()
				id.shm = f
			}
		}
	}
	f, done, err := file(id.shm, path+"-shm")
	if err != nil {
		return nil
	}
	defer done()
	// read apart: Windows refuses a read across bytes 120-127, which
	// writers lock exclusively
	mark := make([]byte, 16)
	for i, at := range []int64{32, 36, 96, 128} {
		if _, err := f.ReadAt(mark[i*4:i*4+4], at); err != nil {
			return nil
		}
	}
	return mark
}

// busy: a checkpoint is writing into the book (or one stopped midway):
// what is read of the file may be half of it.
func busy(mark []byte) bool {
	return len(mark) == 16 && !bytes.Equal(mark[8:12], mark[12:16])
}

// plausible: a checkpoint only adds to a book (cchc never vacuums one), so
// its counters and size never go back, and it stays cchc's (bytes 18-19,
// the journal mode, become WAL's once, and a new book's id is set once).
func plausible(old, cur content) bool {
	if len(old.header) < 100 || len(cur.header) < 100 {
		return len(old.header) < 100 // a new book written for the first time
	}
	u32 := func(h []byte, at int) uint32 { return binary.BigEndian.Uint32(h[at:]) }
	return bytes.Equal(old.header[:18], cur.header[:18]) && bytes.Equal(old.header[20:24], cur.header[20:24]) && cur.size >= old.size &&
		u32(cur.header, 24) >= u32(old.header, 24) && u32(cur.header, 28) >= u32(old.header, 28) &&
		u32(cur.header, 40) >= u32(old.header, 40) && (u32(old.header, 68) == 0 || bytes.Equal(old.header[68:72], cur.header[68:72]))
}

// Gone reports (book.ErrBookGone) that the file at path is no longer the
// one opened (id): deleted, moved away, replaced by another, or written
// over in place (book.ErrBookOverwritten).
func Gone(path string, id *Ident) error {
	if id == nil {
		return nil
	}
	id.mu.Lock()
	defer id.mu.Unlock()
	if id.gone != nil {
		return id.gone
	}
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return lang.Wrap(book.ErrBookGone, "Tệp dữ liệu %s đã bị xóa hoặc chuyển đi: chương trình ngừng ghi để không mất dữ liệu.",
			"The database %s was deleted or moved: nothing more is written, so that nothing is lost.", path)
	case err != nil:
		return nil // cannot tell (a passing permission or network error): the write itself will say
	case !os.SameFile(fi, id.file):
		return lang.Wrap(book.ErrBookGone, "Tệp dữ liệu %s đã bị thay bằng tệp khác: chương trình ngừng ghi để không ghi lẫn vào tệp đó.",
			"The database %s was replaced by another file: nothing more is written, so that nothing is mixed into it.", path)
	}
	if id.mark == nil {
		return nil // no WAL index to tell a checkpoint by: the content is not judged
	}
	// A checkpoint may be writing while the file is read: the content
	// counts only with no checkpoint under way and the index the same
	// before and after it was read; a new content is someone else's when
	// the index is as last seen (no checkpoint began since). A checkpoint
	// under way is waited for a little.
	for attempt := 0; ; attempt++ {
		before := id.walMark(path)
		cur, err := id.readContent(path)
		if err != nil {
			return nil // cannot tell now
		}
		after := id.walMark(path)
		if before == nil || after == nil {
			return nil // the index cannot be read now: next time
		}
		switch {
		case !bytes.Equal(before, after) || busy(after):
			if attempt >= 3 {
				return nil // a long checkpoint (or one a crash stopped): cannot tell now
			}
		case cur.same(id.content):
			id.mark = after
			return nil
		case !bytes.Equal(after, id.mark) && plausible(id.content, cur):
			id.content, id.mark = cur, after
			return nil
		case attempt >= 3:
			id.gone = lang.Wrap(book.ErrBookOverwritten, "Tệp dữ liệu %s đã bị chép đè bằng nội dung khác (ví dụ một bản sao lưu chép vào chỗ nó): chương trình ngừng ghi và không ghi gì vào tệp đó nữa. Để quay về một bản sao lưu, hãy dùng lệnh cchc restore.",
				"The database %s was written over with other content (a backup copied onto it, say): nothing more is written, and nothing of this window goes into that file. To go back to a backup, use cchc restore.", path)
			return id.gone
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Rewritten runs write, which replaces the book's content on purpose
// (a restore), with the checks held off, then takes the new content for
// the book's own.
func (id *Ident) Rewritten(path string, write func() error) error {
	if id == nil {
		return write()
	}
	id.mu.Lock()
	defer id.mu.Unlock()
	if id.gone != nil {
		return id.gone
	}
	err := write()
	if id.shm == nil && runtime.GOOS != "windows" {
		id.shm, _ = os.Open(path + "-shm")
	}
	id.content, _ = id.readContent(path)
	id.mark = id.walMark(path)
	return err
}

// Overwritten reports whether Gone found the file written over in place.
func (id *Ident) Overwritten() bool {
	if id == nil {
		return false
	}
	id.mu.Lock()
	defer id.mu.Unlock()
	return id.gone != nil
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

// CloseAside closes db, the pool on the book at path, once its file is no
// longer the one opened (id), so that nothing of this program reaches the
// file now there: SQLite copies its log (-wal) into the book when the last
// connection closes, so the file written over in place is held open by a
// read-only connection meanwhile (which never copies the log), and the
// log, whichever the case, is then moved aside where no book will read
// it, to aside (returned, "" when there was no log).
func CloseAside(db *sql.DB, path string, id *Ident, aside string) (string, error) {
	var guard *sql.DB
	if id.Overwritten() {
		g, err := sql.Open("sqlite", DSN(path, ReadOnly))
		if err == nil {
			g.SetMaxOpenConns(1)
			if _, err = g.Exec(`PRAGMA user_version`); err != nil {
				g.Close()
			}
		}
		if err != nil {
			// no guard, no close: the process ends without copying the log
			return moveAside(path, id, aside)
		}
		guard = g
	}
	err := db.Close()
	if guard != nil {
		guard.Close() // last, read-only: it copies nothing
	}
	moved, merr := moveAside(path, id, aside)
	if err == nil {
		err = merr
	}
	return moved, err
}

func moveAside(path string, id *Ident, aside string) (string, error) {
	fi, err := os.Stat(path + "-wal")
	if err != nil || id.wal == nil || !os.SameFile(fi, id.wal) {
		return "", nil // none, or another book's now
	}
	if err := os.Rename(path+"-wal", aside); err != nil {
		return "", lang.Wrap(err, "Không chuyển được nhật ký ghi %s sang %s; đừng mở tệp dữ liệu trước khi xóa hoặc đổi tên nhật ký đó",
			"Cannot move the log %s to %s; do not open the database before that log is deleted or renamed", path+"-wal", aside)
	}
	return aside, nil
}
