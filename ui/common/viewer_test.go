package common

import (
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// The copies written for the viewer go when cchc quits; one a viewer held
// then (Windows cannot delete an open file) goes at a later start, once
// older than a day: a younger one may be open from a cchc still running.
func TestViewerCopiesAreRemoved(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	t.Setenv("TMP", tmp)
	t.Setenv("TEMP", tmp)
	t.Cleanup(RemoveViewerCopies)
	path, err := ViewerCopy("tep-1.pdf", func(w io.Writer) error { _, err := w.Write([]byte("%PDF-1.7\n")); return err })
	if err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != "%PDF-1.7\n" || filepath.Dir(filepath.Dir(path)) != tmp {
		t.Fatalf("copy %s: %q, %v", path, b, err)
	}
	RemoveViewerCopies()
	if _, err := os.Stat(filepath.Dir(path)); !os.IsNotExist(err) {
		t.Fatalf("the copy's folder is left after quitting: %v", err)
	}

	// what earlier runs left: an old copy, a young one, and another
	// program's old folder
	now := time.Now()
	old, young, other := filepath.Join(tmp, viewerPrefix+"old"), filepath.Join(tmp, viewerPrefix+"young"), filepath.Join(tmp, "khac-old")
	for _, dir := range []string{old, young, other} {
		if err := os.Mkdir(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "tep-2.pdf"), []byte("%PDF"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for _, dir := range []string{old, other} {
		if err := os.Chtimes(dir, now.Add(-25*time.Hour), now.Add(-25*time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chtimes(young, now.Add(-23*time.Hour), now.Add(-23*time.Hour)); err != nil {
		t.Fatal(err)
	}
	SweepViewerCopies(now)
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Errorf("a copy older than a day is left: %v", err)
	}
	for _, dir := range []string{young, other} {
		if _, err := os.Stat(dir); err != nil {
			t.Errorf("%s was removed: %v", dir, err)
		}
	}
}

// A path pasted from Windows' "Copy as path" comes in quotes; typed, its
// letters may come in parts.
func TestTypedPath(t *testing.T) {
	home, err := os.UserHomeDir()
	if err != nil {
		t.Skip("no home folder")
	}
	for in, want := range map[string]string{
		`  "C:\Users\lan\Công văn 12.pdf" `: `C:\Users\lan\Công văn 12.pdf`,
		`'/tmp/a b.pdf'`:                    "/tmp/a b.pdf",
		"Co\u0302ng va\u0306n.pdf":          "Công văn.pdf",
		"~/x.pdf":                           filepath.Join(home, "x.pdf"),
		`"`:                                 `"`,
	} {
		if got := TypedPath(in); got != want {
			t.Errorf("TypedPath(%q) = %q, want %q", in, got, want)
		}
	}
	// a file dragged from a file manager or a browser, a path a Linux
	// terminal pasted with its spaces escaped
	want := map[string]string{
		"file:///tmp/C%C3%B4ng%20v%C4%83n%20680.pdf": "/tmp/Công văn 680.pdf",
		`/tmp/Công\ văn\ số\ 680.pdf`:                "/tmp/Công văn số 680.pdf",
	}
	if runtime.GOOS == "windows" {
		want = map[string]string{
			"file:///C:/Users/lan/C%C3%B4ng%20v%C4%83n.pdf": `C:\Users\lan\Công văn.pdf`,
			"file://may-chu/chung/cv.pdf":                   `\\may-chu\chung\cv.pdf`,
			`C:\Users\lan\a b.pdf`:                          `C:\Users\lan\a b.pdf`,
		}
	}
	for in, want := range want {
		if got := TypedPath(in); got != want {
			t.Errorf("TypedPath(%q) = %q, want %q", in, got, want)
		}
	}
	if got := fileURLPath("may-chu", "/chung/cv.pdf", true); got != `\\may-chu\chung\cv.pdf` {
		t.Errorf("a share's address gives %q", got)
	}
}
