package store

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The shared package never asks which engine it has: what differs is
// asked of the Dialect or the Engine, and only placeOf tells a location's
// engine. A branch on Kind(), on an engine's name, or on the engine
// packages' values in the store's own files fails here.
func TestNoEngineBranches(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var found []string
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		found = append(found, engineBranches(fset, f)...)
	}
	for _, b := range found {
		t.Errorf("an engine branch in the shared store: %s (ask the Dialect or the Engine instead)", b)
	}

	// the scan itself finds what it is for
	old := `package store
func (s *Store) a() { if s.d.Kind() != "sqlite" { return } }
func (s *Store) b() bool { return s.d.Kind() == "postgres" }
func (s *Store) c() { switch s.d.(type) { case sqlite.Dialect: } }
func (s *Store) e(p string) { if location.IsPostgres(p) { return } }
func (s *Store) f() { if _, ok := s.d.(postgres.Dialect); ok { return } }
func (s *Store) g(kind string) { if kind == "postgres" { return } }
`
	f, err := parser.ParseFile(fset, "old.go", old, 0)
	if err != nil {
		t.Fatal(err)
	}
	lines := map[int]bool{}
	for _, b := range engineBranches(fset, f) {
		line, _ := strconv.Atoi(strings.Split(b, ":")[1])
		lines[line] = true
	}
	for line := 2; line <= 7; line++ {
		if !lines[line] {
			t.Errorf("the scan misses the branch of line %d: %s", line, strings.Split(old, "\n")[line-1])
		}
	}
}

// engineBranches lists where f asks which engine it has: a call of a
// dialect's Kind(), a comparison with an engine's name, an engine
// package's value in a condition, a case or a type assertion, and
// location.IsPostgres outside placeOf.
func engineBranches(fset *token.FileSet, f *ast.File) []string {
	var found []string
	add := func(n ast.Node, what string) {
		found = append(found, fset.Position(n.Pos()).String()+": "+what)
	}
	names := func(e ast.Expr) bool { // e names one of the engine packages' values
		hit := false
		ast.Inspect(e, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				if id, ok := sel.X.(*ast.Ident); ok && (id.Name == "sqlite" || id.Name == "postgres") {
					hit = true
				}
			}
			return !hit
		})
		return hit
	}
	inPlaceOf := func(pos token.Pos) bool {
		for _, d := range f.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Name.Name == "placeOf" && fn.Recv == nil && fn.Pos() <= pos && pos < fn.End() {
				return true
			}
		}
		return false
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.CallExpr:
			sel, ok := x.Fun.(*ast.SelectorExpr)
			if !ok {
				break
			}
			if sel.Sel.Name == "Kind" && len(x.Args) == 0 && dialectLike(sel.X) {
				add(x, "Kind()")
			}
			if id, ok := sel.X.(*ast.Ident); ok && id.Name == "location" && sel.Sel.Name == "IsPostgres" && !inPlaceOf(x.Pos()) {
				add(x, "location.IsPostgres outside placeOf")
			}
		case *ast.BinaryExpr:
			if x.Op != token.EQL && x.Op != token.NEQ {
				break
			}
			for _, side := range []ast.Expr{x.X, x.Y} {
				if lit, ok := side.(*ast.BasicLit); ok && lit.Kind == token.STRING {
					if v, _ := strconv.Unquote(lit.Value); v == "sqlite" || v == "postgres" {
						add(x, "a comparison with "+lit.Value)
					}
				}
			}
		case *ast.IfStmt:
			if names(x.Cond) {
				add(x, "an engine's value in a condition")
			}
		case *ast.SwitchStmt:
			if x.Tag != nil && names(x.Tag) {
				add(x, "a switch on an engine's value")
			}
		case *ast.CaseClause:
			for _, e := range x.List {
				if names(e) {
					add(e, "a case of an engine's value")
				}
			}
		case *ast.TypeAssertExpr:
			if x.Type != nil && names(x.Type) {
				add(x, "an assertion of an engine's type")
			}
		}
		return true
	})
	return found
}

// dialectLike is an expression that holds a Dialect: d, s.d, a call of
// Dialect().
func dialectLike(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.Ident:
		return x.Name == "d" || strings.Contains(strings.ToLower(x.Name), "dialect")
	case *ast.SelectorExpr:
		return x.Sel.Name == "d" || strings.Contains(strings.ToLower(x.Sel.Name), "dialect")
	case *ast.CallExpr:
		return dialectLike(x.Fun)
	}
	return false
}
