package lang

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

// Every F and Errorf call of the program gives its Vietnamese and English
// formats the same verbs and as many arguments as they take: go vet cannot
// see through the pair, and a slip shows the clerk "%!d(MISSING)".
func TestFormatPairsAgree(t *testing.T) {
	root := filepath.Join("..", "..")
	fset := token.NewFileSet()
	checked := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			first := 0 // where the Vietnamese format is
			switch sel.Sel.Name {
			case "F", "Errorf":
			case "Wrap":
				first = 1
			default:
				return true
			}
			if len(call.Args) < first+2 || call.Ellipsis.IsValid() {
				return true
			}
			vi, ok1 := literal(call.Args[first])
			en, ok2 := literal(call.Args[first+1])
			if !ok1 || !ok2 {
				return true
			}
			checked++
			args := len(call.Args) - first - 2
			v, e := verbs(vi), verbs(en)
			switch { // lang.VI.F("…%d", "", n): one language only, the other left empty
			case vi == "":
				v = e
			case en == "":
				e = v
			}
			if v != e || v != args {
				t.Errorf("%s: %d verbs in Vietnamese, %d in English, %d arguments", fset.Position(call.Pos()), v, e, args)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 100 {
		t.Fatalf("only %d format pairs found: is the walk looking in the right place?", checked)
	}
}

func literal(e ast.Expr) (string, bool) {
	b, ok := e.(*ast.BasicLit)
	if !ok || b.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(b.Value)
	return s, err == nil
}

// verbs counts the formatting verbs of a format ("%%" is none).
func verbs(format string) int {
	n := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		if i+1 < len(format) && format[i+1] == '%' {
			i++
			continue
		}
		n++
	}
	return n
}
