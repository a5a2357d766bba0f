//go:build linux || darwin

package main

import (
	"os"
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

// -o (or a backup, copy or demo target) naming a named pipe is refused
// with a clear message, --force or not, and the pipe stays a pipe: before,
// --force replaced it with a regular file.
func TestNoCommandWritesOverAPipe(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	makeBook(t, db)
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"--db", db, "template", "-o", fifo, "--force"},
		{"--db", db, "report", "status", "--format", "pdf", "-o", fifo, "--force"},
		{"--db", db, "report", "registrations", "--format", "xlsx", "-o", fifo},
		{"--db", db, "backup", fifo},
		{"copy", db, fifo},
		{"demo", "--db", fifo},
	} {
		code, _, errs := cchc(t, args...)
		if code != 1 || !strings.Contains(errs, "không phải một tệp thông thường") {
			t.Errorf("%v: exit %d, %s", args, code, errs)
		}
		if fi, err := os.Lstat(fifo); err != nil || fi.Mode().Type() != os.ModeNamedPipe {
			t.Fatalf("%v replaced or removed the pipe: %v", args, err)
		}
	}
	if _, _, errs := cchc(t, "--lang", "en", "--db", db, "template", "-o", fifo, "--force"); !strings.Contains(errs, "is not a regular file") {
		t.Errorf("English: %s", errs)
	}
}
