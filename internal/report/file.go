package report

import (
	"io"

	"cchc/internal/lang"
	"cchc/internal/safefile"
)

// ErrExists is the cause when a report would overwrite a file and force was
// not given; the caller may ask the clerk and try again with force.
var ErrExists = safefile.ErrExists

// CanWrite checks, before any work, that a report can be written to path
// (safefile.CanWrite: never over a book, no file there unless force).
func CanWrite(path string, force bool) error { return safefile.CanWrite(path, force) }

// WriteFile writes a report atomically with the shared writer
// (safefile.WriteFile): 0600, an existing file kept unless force, a book
// never replaced. A renderer that panics (a fault in a library) is an
// error like any other: told to the clerk, its temporary file removed.
func WriteFile(path string, force bool, write func(io.Writer) error) error {
	return safefile.WriteFile(path, force, func(w io.Writer) (err error) {
		defer func() {
			if r := recover(); r != nil {
				err = lang.Panicked(r, "ghi báo cáo", "writing the report")
			}
		}()
		return write(w)
	})
}
