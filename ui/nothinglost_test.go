package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cchc/internal/lang"
)

// The reports screen never writes over the open book, however its name
// is typed, even when the clerk would say yes to overwriting.
func TestReportsScreenNeverWritesOverTheBook(t *testing.T) {
	st := seeded(t)
	h := newHarness(t, st, lang.VI, 80, 24)
	book := st.Path()
	before, err := os.ReadFile(book)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Dir(book)
	h.keys("6", "tab", "right", "tab", "tab") // status report, md, the file's name
	for _, name := range []string{book, filepath.Join(dir, "x", "..", filepath.Base(book)), book + "-wal"} {
		h.keys("ctrl+u", name, "ctrl+s")
		v := strings.Join(strings.Fields(h.view()), " ")
		if !strings.Contains(v, "không bao giờ ghi đè lên tệp dữ liệu") || strings.Contains(v, "Đã ghi: ") {
			t.Fatalf("%s:\n%s", name, v)
		}
	}
	after, err := os.ReadFile(book)
	if err != nil {
		t.Fatal(err)
	}
	if string(after) != string(before) {
		t.Fatal("the book was written over")
	}
}
