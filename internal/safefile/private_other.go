//go:build !windows

package safefile

import "os"

// Private makes the file at path readable and writable by its owner only.
func Private(path string) error { return os.Chmod(path, 0o600) }
