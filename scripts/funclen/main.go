// Command funclen lists the functions and methods of Go packages longer than a
// number of lines, longest first: a code-health check for the rule that
// functions stay short (under about 100 lines).
//
//	go run ./scripts/funclen [-n 100] [-tests] DIR...
//
// Each DIR is read with its subdirectories (testdata, vendor and hidden ones
// excepted); test files are skipped unless -tests is given. A function's length
// counts from its func line to its closing brace, both included; a function
// literal is counted as part of the function that holds it.
package main

import (
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

type funcLen struct {
	pos   token.Position
	name  string
	lines int
}

func main() {
	min := flag.Int("n", 100, "list functions longer than this many lines")
	tests := flag.Bool("tests", false, "include _test.go files")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: go run ./scripts/funclen [-n LINES] [-tests] DIR...")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	fset := token.NewFileSet()
	var all []funcLen
	for _, root := range flag.Args() {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				name := d.Name()
				if path != root && (name == "testdata" || name == "vendor" || strings.HasPrefix(name, ".")) {
					return filepath.SkipDir
				}
				return nil
			}
			if !strings.HasSuffix(path, ".go") || (!*tests && strings.HasSuffix(path, "_test.go")) {
				return nil
			}
			fl, err := lengths(fset, path)
			all = append(all, fl...)
			return err
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, "funclen:", err)
			os.Exit(1)
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].lines > all[j].lines })
	for _, f := range all {
		if f.lines > *min {
			fmt.Printf("%5d  %-40s %s:%d\n", f.lines, f.name, f.pos.Filename, f.pos.Line)
		}
	}
}

// lengths parses one file and returns the length of each of its top-level
// functions and methods.
func lengths(fset *token.FileSet, path string) ([]funcLen, error) {
	f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	pkg := f.Name.Name
	var out []funcLen
	for _, decl := range f.Decls {
		fd, ok := decl.(*ast.FuncDecl)
		if !ok || fd.Body == nil {
			continue
		}
		start := fset.Position(fd.Pos())
		end := fset.Position(fd.End())
		out = append(out, funcLen{pos: start, name: pkg + "." + funcName(fd), lines: end.Line - start.Line + 1})
	}
	return out, nil
}

// funcName is Name for a function and Recv.Name for a method.
func funcName(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return fd.Name.Name
	}
	t := fd.Recv.List[0].Type
	if s, ok := t.(*ast.StarExpr); ok {
		t = s.X
	}
	switch r := t.(type) {
	case *ast.IndexExpr:
		t = r.X
	case *ast.IndexListExpr:
		t = r.X
	}
	if id, ok := t.(*ast.Ident); ok {
		return id.Name + "." + fd.Name.Name
	}
	return fd.Name.Name
}
