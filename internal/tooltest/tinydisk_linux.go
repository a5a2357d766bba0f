package tooltest

import (
	"fmt"
	"io"
	"os"
	"syscall"
	"testing"
)

// TinyDisk mounts a file system of size bytes (tmpfs) on a new folder for
// the test, unmounted at its end: a disk that fills up for real. Mounting
// needs root; without it the test is skipped, or fails under CI.
func TinyDisk(t testing.TB, size int64) string {
	t.Helper()
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, fmt.Sprintf("size=%d,mode=0777", size)); err != nil {
		msg := fmt.Sprintf("cannot mount a %d-byte tmpfs (%v): needed for a disk that fills up (run as root)", size, err)
		if CI() {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	t.Cleanup(func() {
		if err := syscall.Unmount(dir, 0); err != nil {
			t.Errorf("unmounting %s: %v", dir, err)
		}
	})
	return dir
}

// FillDisk writes a file named filler in dir until no more than keep
// bytes are left on its disk, and returns its path.
func FillDisk(t testing.TB, dir string, keep int64) string {
	t.Helper()
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		t.Fatal(err)
	}
	free := int64(st.Bavail) * st.Bsize
	path := dir + "/filler"
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if n := free - keep; n > 0 {
		if _, err := io.CopyN(f, zeros{}, n); err != nil {
			t.Fatalf("filling %s: %v", dir, err)
		}
	}
	return path
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}
