//go:build unix

package sqlite

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
)

const wOK = 2 // access(2)'s W_OK

// folderWritable: the clerk may create files in dir (root may anywhere,
// but not on a read-only file system).
func folderWritable(dir string) bool { return syscall.Access(dir, wOK) == nil }

// nobodyWrites: no one can change the file at path while it is read. A
// read-only file system (werr, or access(2), says EROFS), or a folder that
// grants no one the right to create the -wal a writer needs (root aside).
func nobodyWrites(path string, werr error) bool {
	dir := filepath.Dir(path)
	if readOnlyMedium(werr) || readOnlyMedium(syscall.Access(dir, wOK)) {
		return true
	}
	fi, err := os.Stat(dir)
	return err == nil && fi.Mode().Perm()&0o222 == 0
}

// readOnlyMedium: err says the file system is mounted read-only.
func readOnlyMedium(err error) bool { return errors.Is(err, syscall.EROFS) }
