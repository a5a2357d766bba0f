package sqlite

import (
	"errors"
	"syscall"
)

// errorWriteProtect is Windows' ERROR_WRITE_PROTECT: the medium (a USB
// stick with its switch on, a CD) cannot be written.
const errorWriteProtect syscall.Errno = 19

// folderWritable: Windows' read-only attribute on a folder does not stop
// files being made in it; a medium that cannot be written is told by
// opening the file (nobodyWrites).
func folderWritable(dir string) bool { return true }

func nobodyWrites(path string, werr error) bool { return readOnlyMedium(werr) }

// readOnlyMedium: err says the medium cannot be written.
func readOnlyMedium(err error) bool { return errors.Is(err, errorWriteProtect) }
