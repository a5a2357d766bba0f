package sqlite

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"cchc/internal/lang"
)

// Access is how a book's file is opened.
type Access int

const (
	// ReadWrite: the clerk may write the file and its folder.
	ReadWrite Access = iota
	// ReadOnly (mode=ro): the file is only read, but SQLite still keeps
	// the WAL's index in the -shm beside it, making it when the folder
	// allows, so that it sees what others commit meanwhile.
	ReadOnly
	// Immutable (immutable=1): SQLite neither locks nor looks for a WAL.
	// Only where nobody can write: on a read-only file system, or in a
	// folder no one may create files in (a writer needs its -wal), and
	// with no WAL left beside the file, whose commits it would not see.
	Immutable
)

// accessOf is how the book at path can be opened, given what opening it
// for writing said (werr). A file the clerk may not write, or whose folder
// refuses the -wal and -shm SQLite makes beside it, is read only; where
// SQLite cannot even read it safely, the clerk is told why.
func accessOf(path string, werr error) (Access, error) {
	dir := filepath.Dir(path)
	if folderWritable(dir) && !readOnlyMedium(werr) {
		if werr != nil {
			return ReadOnly, nil // SQLite makes the -shm it reads through
		}
		return ReadWrite, nil
	}
	wal, walErr := os.Stat(path + "-wal")
	_, shmErr := os.Stat(path + "-shm")
	noWAL := errors.Is(walErr, fs.ErrNotExist) || walErr == nil && wal.Size() == 0
	switch {
	case walErr == nil && shmErr == nil:
		// a WAL and its index are there (someone may be writing): SQLite
		// reads both without writing either
		return ReadOnly, nil
	case noWAL && nobodyWrites(path, werr):
		return Immutable, nil
	case noWAL:
		return ReadWrite, lang.Errorf("Không đọc được tệp dữ liệu %s: bạn không được ghi vào thư mục %s, nhưng người khác có thể ghi vào sổ trong lúc bạn đọc. Hãy xin quyền ghi thư mục, hoặc chép tệp sang một thư mục của bạn rồi mở bản chép. Tệp được giữ nguyên.",
			"Cannot read the database %s: you may not write in the folder %s, but others may write to the book while you read it. Ask for the right to write in the folder, or copy the file to a folder of yours and open the copy. The file was left as it is.",
			path, dir)
	}
	return ReadWrite, lang.Errorf("Không đọc được tệp dữ liệu %s: bên cạnh có tệp %s-wal giữ những thay đổi chưa ghi vào tệp chính, mà thư mục %s không cho phép ghi nên SQLite không đọc được chúng. Hãy mở sổ ở nơi ghi được (chép cả hai tệp sang một thư mục của bạn), hoặc xin quyền ghi thư mục. Tệp được giữ nguyên.",
		"Cannot read the database %s: beside it is %s-wal, holding changes not yet written into the file, and the folder %s cannot be written, so SQLite cannot read them. Open the book where it can be written (copy both files to a folder of yours), or ask for the right to write in the folder. The file was left as it is.",
		path, filepath.Base(path), dir)
}

// ReadOnlyPlace is what the clerk is told about a book opened read-only
// because of where it is (nil: the file itself is read-only, or it can be
// written): short enough for the application's status line.
func ReadOnlyPlace(path string, access Access) error {
	if access == ReadWrite || access == ReadOnly && folderWritable(filepath.Dir(path)) {
		return nil
	}
	return lang.Errorf("Sổ nằm ở nơi không ghi được (ổ chỉ đọc, USB chống ghi hoặc thư mục không có quyền ghi): xem, in báo cáo và sao lưu được, nhưng không lưu được thay đổi.",
		"The book is in a place that cannot be written (a read-only drive, a write-protected USB stick or a folder without write rights): you can look, print reports and back up, but not save changes.")
}
