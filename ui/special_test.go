//go:build linux || darwin

package ui

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"cchc/internal/lang"
)

// The import screen refuses a named pipe at once instead of hanging.
func TestImportScreenRefusesAPipe(t *testing.T) {
	st := seeded(t)
	h := newHarness(t, st, lang.VI, 100, 30)
	fifo := filepath.Join(t.TempDir(), "mau.csv")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	done := make(chan string, 1)
	go func() {
		h.keys("2", "i", fifo, "ctrl+s")
		done <- h.view()
	}()
	select {
	case v := <-done:
		if !strings.Contains(v, "không phải tệp thông thường") {
			t.Fatalf("no refusal:\n%s", v)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the import screen hangs on a named pipe")
	}
}
