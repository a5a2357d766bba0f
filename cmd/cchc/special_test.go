//go:build linux || darwin

package main

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// `cchc import` from a named pipe or a device is refused, not left hanging.
func TestImportFromAPipeOrADeviceIsRefused(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	fifo := filepath.Join(dir, "mau.xlsx")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"import", "registrations", fifo, "--agency", "Sở Y tế"},
		{"import", "agencies", fifo},
		{"import", "registrations", "/dev/zero", "--agency", "Sở Y tế"},
	} {
		type result struct {
			code int
			errs string
		}
		done := make(chan result, 1)
		go func() {
			code, _, errs := cchc(t, append([]string{"--db", db}, args...)...)
			done <- result{code, errs}
		}()
		select {
		case r := <-done:
			if r.code != 1 || !strings.Contains(r.errs, "không phải tệp thông thường") {
				t.Errorf("%v: exit %d, %s", args, r.code, r.errs)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%v hangs", args)
		}
	}
}
