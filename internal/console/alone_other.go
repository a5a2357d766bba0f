//go:build !windows

package console

import "errors"

// alone: a terminal elsewhere outlives the programs run in it.
func alone() bool { return false }

// Folder is only chosen on Windows: elsewhere the current folder is the
// clerk's.
func Folder() (string, error) { return "", errors.ErrUnsupported }
