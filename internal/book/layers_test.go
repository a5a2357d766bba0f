package book

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The app depends on the book, never on a storage: no package of ui,
// report, importer or demo (but the demo's file maker) imports the store
// or a database driver, and the book itself does no I/O.
func TestLayers(t *testing.T) {
	storage := func(path string) bool {
		return path == "cchc/internal/store" || strings.HasPrefix(path, "cchc/internal/store/") ||
			path == "database/sql" || strings.HasPrefix(path, "modernc.org/") || strings.HasPrefix(path, "github.com/jackc/")
	}
	io := func(path string) bool {
		return storage(path) || path == "os" || path == "io/fs" || path == "net" || path == "net/http"
	}
	for _, c := range []struct {
		dir    string
		banned func(string) bool
	}{
		{".", io}, {"../campaign", io}, {"../compliance", io},
		{"../../ui", storage}, {"../report", storage}, {"../importer", storage}, {"../demo", storage},
	} {
		err := filepath.WalkDir(c.dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && (d.Name() == "testdata" || d.Name() == "demobook" || d.Name() == "demotest") {
				return filepath.SkipDir
			}
			if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return nil
			}
			f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
			if err != nil {
				return err
			}
			for _, imp := range f.Imports {
				p, err := strconv.Unquote(imp.Path.Value)
				if err != nil {
					return err
				}
				if c.banned(p) {
					t.Errorf("%s imports %s", path, p)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
