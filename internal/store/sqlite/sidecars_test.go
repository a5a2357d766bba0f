package sqlite

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cchc/internal/lang"
)

// ClearSidecars moves leftover logs aside only where no file is: a file
// at the name owns its -wal, -shm and -journal.
func TestClearSidecars(t *testing.T) {
	dir := t.TempDir()
	owned, orphan := filepath.Join(dir, "owned.db"), filepath.Join(dir, "orphan.db")
	for _, p := range []string{owned, owned + "-wal", orphan + "-wal", orphan + "-shm"} {
		if err := os.WriteFile(p, []byte(filepath.Base(p)), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if moved, err := ClearSidecars(owned); err != nil || moved != nil {
		t.Errorf("a file's own log was moved: %v %v", moved, err)
	}
	moved, err := ClearSidecars(orphan)
	if err != nil || len(moved) != 2 {
		t.Fatalf("moved %v, %v", moved, err)
	}
	for i, suffix := range []string{"-wal", "-shm"} {
		if _, err := os.Lstat(orphan + suffix); err == nil {
			t.Errorf("%s is still there", suffix)
		}
		if b, err := os.ReadFile(moved[i]); err != nil || string(b) != "orphan.db"+suffix || !strings.HasPrefix(moved[i], orphan+suffix+".stale-") {
			t.Errorf("%s: kept as %s: %q %v", suffix, moved[i], b, err)
		}
	}
	if again, err := ClearSidecars(orphan); err != nil || again != nil {
		t.Errorf("nothing left to move: %v %v", again, err)
	}
	note := AsideNote(orphan, moved)
	if en := lang.Message(note, lang.EN); !strings.Contains(en, moved[0]) || !strings.Contains(en, "moved aside") {
		t.Errorf("note: %s", en)
	}
}
