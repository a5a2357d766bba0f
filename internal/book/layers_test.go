package book

import (
	"go/ast"
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
// or a database driver, and the book itself does no I/O. Below the app,
// the storage is three packages: the store's shared SQL, which links no
// driver, and one package for each engine's differences, which imports
// neither the store (the store imports it) nor the other engine.
func TestLayers(t *testing.T) {
	storage := func(path string) bool {
		return path == "cchc/internal/store" || strings.HasPrefix(path, "cchc/internal/store/") ||
			path == "database/sql" || strings.HasPrefix(path, "modernc.org/") || strings.HasPrefix(path, "github.com/jackc/")
	}
	io := func(path string) bool {
		return storage(path) || path == "os" || path == "io/fs" || path == "net" || path == "net/http"
	}
	sqlite := func(path string) bool {
		return path == "cchc/internal/store/sqlite" || strings.HasPrefix(path, "modernc.org/")
	}
	postgres := func(path string) bool {
		return path == "cchc/internal/store/postgres" || strings.HasPrefix(path, "github.com/jackc/")
	}
	for _, c := range []struct {
		dir    string
		banned func(string) bool
		flat   bool // the folder's own files, not those of the packages below it
	}{
		{".", io, false}, {"../campaign", io, false}, {"../compliance", io, false},
		{"../../ui", storage, false}, {"../report", storage, false}, {"../importer", storage, false}, {"../demo", storage, false},
		{"../store", func(p string) bool {
			return strings.HasPrefix(p, "modernc.org/") || strings.HasPrefix(p, "github.com/jackc/")
		}, true},
		{"../store/sqlite", func(p string) bool { return p == "cchc/internal/store" || postgres(p) }, false},
		{"../store/postgres", func(p string) bool { return p == "cchc/internal/store" || sqlite(p) }, false},
	} {
		err := filepath.WalkDir(c.dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && (d.Name() == "testdata" || d.Name() == "demobook" || d.Name() == "demotest" || c.flat && path != c.dir) {
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

// Only the root of the UI (ui/app.go, its wiring) takes the book, as
// ui.Book (all of it but Filling): every screen takes the few methods it
// calls, so that a fake of those can test it, and nothing under ui/ can
// reach Filling (the demo's bulk, unrecorded writes). A file naming
// book.Book or book.Filling (under any import name) fails.
func TestOnlyTheRootTakesTheWholeBook(t *testing.T) {
	root := filepath.Join("..", "..", "ui")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		name := ""
		for _, imp := range f.Imports {
			if p, _ := strconv.Unquote(imp.Path.Value); p == "cchc/internal/book" {
				name = "book"
				if imp.Name != nil {
					name = imp.Name.Name
				}
			}
		}
		if name == "" {
			return nil
		}
		if name == "." {
			t.Errorf("%s imports the book into its own names", path)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if x, ok := sel.X.(*ast.Ident); ok && x.Name == name {
				switch sel.Sel.Name {
				case "Filling":
					t.Errorf("%s: the UI reaches book.Filling", fset.Position(sel.Pos()))
				case "Book":
					t.Errorf("%s: the UI takes book.Book (a screen takes its own Book; the root ui.Book)", fset.Position(sel.Pos()))
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
