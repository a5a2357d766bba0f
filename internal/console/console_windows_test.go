package console

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Documents\CCHC, made when missing: the clerk finds it in Explorer.
func TestTheClerksFolderIsInDocuments(t *testing.T) {
	dir, err := Folder()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.EqualFold(filepath.Base(filepath.Dir(dir)), "Documents") || filepath.Base(dir) != "CCHC" {
		t.Fatalf("folder %s, want …\\Documents\\CCHC", dir)
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		t.Fatalf("%s: %v", dir, err)
	}
}

func TestVariablesAreWrittenAsWindowsDoes(t *testing.T) {
	if got := EnvVar("CCHC_DB"); got != "%CCHC_DB%" {
		t.Fatalf("EnvVar = %s", got)
	}
}

// A test runs in a console it shares with go test (or with none, under
// wine's harness): never cchc's alone.
func TestATestIsNotAlone(t *testing.T) {
	if alone() {
		t.Fatal("the test's console taken for a double-click's")
	}
}
