//go:build !unix

package tooltest

import "testing"

// Unprivileged runs the test here: file permissions are a Unix matter.
func Unprivileged(t *testing.T) bool { return false }
