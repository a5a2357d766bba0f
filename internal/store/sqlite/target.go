package sqlite

import (
	"os"
	"path/filepath"

	"cchc/internal/book"
	"cchc/internal/lang"
	"cchc/internal/safefile"
)

// CopyTarget refuses a file target that is there already, saying what it
// is: the book being copied, a companion of a book, another book, a
// folder or some other file. A companion's name is refused even before
// the file exists: SQLite writes there while the book is in use.
func CopyTarget(abs string) error {
	held, owner := safefile.Holds(abs)
	switch held {
	case safefile.OpenBook: // in a copy, the only book open is its source
		return lang.Errorf("%s là chính sổ đang chép (TỪ và SANG là một); chọn một tệp chưa có",
			"%s is the very book being copied (FROM and TO are the same); choose a file that does not exist yet", abs)
	case safefile.OpenCompanion:
		return lang.Errorf("%s là tệp đi kèm của chính sổ đang chép %s (SQLite ghi nhật ký -wal, -shm, -journal của sổ vào đó), không phải một sổ; không chép đè lên: chọn một tệp chưa có",
			"%s is a companion file of the very book being copied, %s (SQLite keeps the book's -wal, -shm or -journal log there), not a book; it is not copied over: choose a file that does not exist yet", abs, owner)
	case safefile.Companion:
		return lang.Errorf("%s là tệp đi kèm của sổ dữ liệu %s (SQLite ghi nhật ký -wal, -shm, -journal của sổ vào đó), không phải một sổ; không chép đè lên: chọn một tệp chưa có",
			"%s is a companion file of the book %s (SQLite keeps the book's -wal, -shm or -journal log there), not a book; it is not copied over: choose a file that does not exist yet", abs, owner)
	case safefile.Book:
		return book.HoldsBook(abs)
	case safefile.Journal:
		return lang.Errorf("%s là nhật ký ghi (WAL hoặc journal) của một cơ sở dữ liệu SQLite, không phải một sổ; không chép đè lên: chọn một tệp chưa có",
			"%s is the write-ahead log or journal of a SQLite database, not a book; it is not copied over: choose a file that does not exist yet", abs)
	}
	fi, err := os.Stat(abs)
	if err != nil {
		fi, err = os.Lstat(abs) // a dangling link
	}
	switch {
	case err == nil && !fi.IsDir() && !fi.Mode().IsRegular():
		return safefile.NotRegular(abs, fi)
	case err == nil && fi.IsDir():
		return lang.Errorf("%s là một thư mục, không phải tệp; đặt tên một tệp chưa có trong đó, ví dụ %s",
			"%s is a folder, not a file; name a file that does not exist yet in it, e.g. %s", abs, filepath.Join(abs, "cchc.db"))
	case err == nil:
		return lang.Errorf("%s là một tệp đã có, không phải sổ dữ liệu; không chép đè lên: chọn một tệp chưa có",
			"%s is an existing file that is not a book; it is not copied over: choose a file that does not exist yet", abs)
	}
	return nil
}
