//go:build linux || darwin

package importer

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"cchc/internal/lang"
)

// readSoon is ReadFile that fails the test instead of hanging for ever.
func readSoon(t *testing.T, path string) error {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		_, err := ReadFile(path)
		done <- err
	}()
	select {
	case err := <-done:
		return err
	case <-time.After(10 * time.Second):
		t.Fatalf("reading %s hangs", path)
		return nil
	}
}

// A named pipe or a device given as the file to import is refused at
// once, instead of waiting for a writer or reading for ever.
func TestPipesAndDevicesAreRefused(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "mau.csv")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{fifo, "/dev/zero", "/dev/null"} {
		err := readSoon(t, path)
		if msg := lang.Message(err, lang.VI); !strings.Contains(msg, "không phải tệp thông thường") {
			t.Errorf("%s: %q", path, msg)
		}
		if msg := lang.Message(err, lang.EN); !strings.Contains(msg, "not a regular file") {
			t.Errorf("%s: %q", path, msg)
		}
	}
}
