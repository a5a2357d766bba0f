package safefile

import (
	"path/filepath"

	"cchc/internal/book"
)

// Full is what the clerk is told when err says that the disk, or the
// clerk's quota on it, filled up while path was written: which file, and
// the room left beside it; nil for any other error. Without it a full
// disk read "an unexpected error occurred" (issue 22).
func Full(err error, path string) error {
	full, quota := noRoom(err)
	if !full {
		return nil
	}
	return book.NoRoom(err, path, Room(filepath.Dir(path)), quota)
}
