//go:build !linux

package tooltest

import "testing"

// TinyDisk needs Linux's tmpfs: skipped elsewhere, failed under CI.
func TinyDisk(t testing.TB, size int64) string {
	t.Helper()
	msg := "a tmpfs that fills up is mounted on Linux only" + OnWindows
	if Strict() {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// FillDisk is never reached where TinyDisk skips.
func FillDisk(t testing.TB, dir string, keep int64) string {
	t.Fatal("FillDisk without TinyDisk")
	return ""
}
