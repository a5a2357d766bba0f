package safefile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cchc/internal/lang"
)

// The system's "disk full" and "quota used up" errors, injected through
// the writer, are told as such with the file and the room left, in both
// languages, however the writer wrapped them; the old file is kept and no
// temporary file is left (issue 22, point 13). Each system's own codes are
// in noRoomErrors (room_*_test.go).
func TestFullDiskThroughTheWriter(t *testing.T) {
	for name, c := range noRoomErrors {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "bao-cao.csv")
			if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
				t.Fatal(err)
			}
			for _, wrap := range []func(error) error{
				func(e error) error { return &fs.PathError{Op: "write", Path: path + ".tmp", Err: e} },
				func(e error) error { return lang.Wrap(e, "Lỗi khi ghi báo cáo", "Error writing the report") },
			} {
				err := WriteFile(path, true, func(w io.Writer) error {
					io.WriteString(w, "half")
					return wrap(c.errno)
				})
				if !errors.Is(err, c.errno) {
					t.Fatalf("the cause is lost: %v", err)
				}
				vi, en := lang.Message(err, lang.VI), lang.Message(err, lang.EN)
				if !strings.Contains(vi, c.vi+" khi ghi "+path+" (còn trống ") || !strings.Contains(en, c.en) || !strings.Contains(en, path) || !strings.Contains(en, "free)") {
					t.Errorf("vi: %s\nen: %s", vi, en)
				}
			}
			if data, err := os.ReadFile(path); err != nil || string(data) != "old" {
				t.Errorf("old file: %q, %v", data, err)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 1 {
				t.Errorf("left behind: %v", entries)
			}
		})
	}
	if err := Full(errors.New("other"), "x"); err != nil {
		t.Errorf("another error taken for a full disk: %v", err)
	}
}
