package layers

import (
	"go/build"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

const module = "github.com/cnpe-i18n/cnpe-i18n/"

// TestImportsRunOneWay: every package of the module (tests aside) imports
// only packages ranked below it in Order, and every package has a rank.
func TestImportsRunOneWay(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		if name := d.Name(); p != root && (name == "testdata" || strings.HasPrefix(name, ".")) {
			return filepath.SkipDir
		}
		pkg, err := build.ImportDir(p, 0)
		if err != nil {
			return nil // no Go files
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		rank, ok := Order[rel]
		if !ok {
			t.Errorf("package %s has no rank in layers.Order", rel)
			return nil
		}
		seen++
		for _, imp := range pkg.Imports {
			dep, ok := strings.CutPrefix(imp, module)
			if !ok {
				continue
			}
			if r, ok := Order[dep]; !ok || r >= rank {
				t.Errorf("%s (rank %d) imports %s (rank %d): imports run from higher ranks to lower only", rel, rank, dep, r)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen < len(Order)-1 {
		t.Errorf("found %d packages, Order names %d", seen, len(Order))
	}
}
