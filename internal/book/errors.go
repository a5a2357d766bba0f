package book

import "cchc/internal/lang"

// Errors the clerk is told about; callers test them with errors.Is. A
// storage package wraps them in messages (lang.Wrap) or returns them as
// they are.
var (
	ErrConflict error = lang.Kind("changed by someone else")
	ErrNotFound error = lang.Kind("not found")
	ErrReadOnly error = lang.Kind("read-only")
	// ErrBookGone is the cause when the book's file was deleted, moved or
	// replaced while it was open: what this program writes then would go
	// into a file nobody will open again (or into someone else's book), so
	// nothing more is written.
	ErrBookGone error = lang.Kind("database gone")
)

// ErrNotNew refuses to fill a book that already holds the clerk's work.
var ErrNotNew = lang.Errorf(
	"Tệp dữ liệu đã có dữ liệu; dữ liệu mẫu chỉ được ghi vào một tệp mới. Hãy chọn tên tệp khác (ví dụ --db demo.db)",
	"The database already holds data; demo data is only written to a new file. Choose another file name (e.g. --db demo.db)")

// ErrBookOverwritten is the cause when the book's file was written over in
// place (a backup copied onto it): the same file, another content. It is
// an ErrBookGone too, but unlike a file deleted or moved away nothing of
// the book as it was open can be saved from it: its pages are the new
// file's now.
var ErrBookOverwritten error = overwritten{}

type overwritten struct{}

func (overwritten) Error() string        { return "database overwritten in place" }
func (overwritten) Is(target error) bool { return target == ErrBookGone }

// As lets lang.Message treat it as the Kind it is (no technical detail).
func (overwritten) As(target any) bool {
	k, ok := target.(*lang.Kind)
	if ok {
		*k = "database overwritten in place"
	}
	return ok
}
