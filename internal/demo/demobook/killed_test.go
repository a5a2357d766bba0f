package demobook

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"cchc/internal/demo"
	"cchc/internal/store"
)

// childEnv names the book a child process makes (TestDemoChild).
const childEnv = "CCHC_DEMO_CHILD"

// TestDemoChild is the demo killed by TestKilledDemoLeavesNoBook.
func TestDemoChild(t *testing.T) {
	path := os.Getenv(childEnv)
	if path == "" {
		t.Skip("run by TestKilledDemoLeavesNoBook as a separate process")
	}
	if _, err := Create(context.Background(), path, demo.National, 1); err != nil {
		t.Fatal(err)
	}
}

// A demo killed midway leaves no book at its name (it was made under a
// temporary name), so a second demo there works; what the killed one
// left is removed by the next write in that folder once untouched for
// safefile.StaleAfter.
func TestKilledDemoLeavesNoBook(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a national demo")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "demo.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestDemoChild$")
	cmd.Env = append(os.Environ(), childEnv+"="+path)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	// midway: a few MB written (a whole national demo is hundreds)
	for deadline := time.Now().Add(2 * time.Minute); written(dir) < 4<<20; {
		select {
		case err := <-exited:
			t.Fatalf("the demo ended before it could be killed: %v", err)
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatal("the demo wrote nothing for two minutes")
		}
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	<-exited
	if _, err := os.Lstat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("a killed demo left a book at its name (%v)", err)
	}
	left, err := os.ReadDir(dir)
	if err != nil || len(left) == 0 {
		t.Fatalf("the killed demo's temporary files: %v %v", left, err)
	}
	old := time.Now().Add(-time.Hour)
	for _, e := range left {
		if err := os.Chtimes(filepath.Join(dir, e.Name()), old, old); err != nil {
			t.Fatal(err)
		}
	}

	if _, err := Create(context.Background(), path, demo.Province, 1); err != nil {
		t.Fatalf("a second demo: %v", err)
	}
	st, err := store.Open(path, store.Options{MustExist: true})
	if err != nil {
		t.Fatal(err)
	}
	if p, err := st.Check(context.Background()); err != nil || len(p) != 0 {
		t.Errorf("check: %v %v", p, err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	if left, err := os.ReadDir(dir); err != nil || len(left) != 1 || left[0].Name() != "demo.db" {
		t.Errorf("in the folder after the second demo: %v %v", left, err)
	}
}

// written is how many bytes the files in dir hold.
func written(dir string) int64 {
	var n int64
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if fi, err := e.Info(); err == nil {
			n += fi.Size()
		}
	}
	return n
}
