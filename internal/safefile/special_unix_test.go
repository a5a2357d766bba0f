//go:build unix

package safefile_test

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"cchc/internal/lang"
	"cchc/internal/safefile"
)

// A named pipe, a socket or a folder at the target is refused, --force or
// not, and stays what it was: writing would replace the node with a file
// (or feed whatever reads the pipe).
func TestOnlyRegularFilesAreReplaced(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.xlsx")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	sock := filepath.Join(dir, "s.sock")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	link := filepath.Join(dir, "link.pdf")
	if err := os.Symlink(fifo, link); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{fifo, sock, link, dir} {
		for _, force := range []bool{false, true} {
			err := safefile.WriteFile(p, force, text("x"))
			msg := lang.Message(err, lang.EN)
			if err == nil || !strings.Contains(msg, "not a regular file") && !strings.Contains(msg, "is a folder") {
				t.Errorf("%s, force %v: %v", filepath.Base(p), force, msg)
			}
			if vi := lang.Message(err, lang.VI); !strings.Contains(vi, "không phải một tệp thông thường") && !strings.Contains(vi, "là một thư mục") {
				t.Errorf("%s: Vietnamese: %s", filepath.Base(p), vi)
			}
		}
	}
	for p, mode := range map[string]os.FileMode{fifo: os.ModeNamedPipe, sock: os.ModeSocket, link: os.ModeSymlink} {
		if fi, err := os.Lstat(p); err != nil || fi.Mode().Type() != mode {
			t.Errorf("%s was replaced: %v %v", filepath.Base(p), fi.Mode(), err)
		}
	}
}
