package edit

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestApplyRefusals(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.md")
	os.WriteFile(p, []byte("---\ntitle: A\n---\n"), 0o644)
	e := FileEdit{Path: "a.md", Before: []byte("---\ntitle: A\n---\n"), After: []byte("---\ntitle: A\noutdated: true\n---\n")}

	// Changed on disk since the plan was made.
	os.WriteFile(p, []byte("---\ntitle: A (edited)\n---\n"), 0o644)
	if errs := Apply(dir, []FileEdit{e}); len(errs) != 1 || !errors.Is(errs[0], ErrChangedOnDisk) {
		t.Errorf("changed on disk: %v", errs)
	}
	if b, _ := os.ReadFile(p); string(b) != "---\ntitle: A (edited)\n---\n" {
		t.Errorf("file overwritten: %q", b)
	}

	// Read-only.
	os.WriteFile(p, e.Before, 0o644)
	os.Chmod(p, 0o444)
	if errs := Apply(dir, []FileEdit{e}); len(errs) != 1 || !errors.Is(errs[0], ErrReadOnly) || !strings.Contains(errs[0].Error(), "a.md") {
		t.Errorf("read-only: %v", errs)
	}
	if b, _ := os.ReadFile(p); string(b) != string(e.Before) {
		t.Errorf("read-only file changed: %q", b)
	}
	os.Chmod(p, 0o644)

	// A new file where one exists; a path out of the root.
	if errs := Apply(dir, []FileEdit{{Path: "a.md", After: []byte("x")}, {Path: "../escape.md", After: []byte("x")}}); len(errs) != 2 {
		t.Errorf("refusals: %v", errs)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(dir), "escape.md")); err == nil {
		t.Error("wrote outside the root")
	}

	// Success keeps the mode and leaves no temporary file.
	os.Chmod(p, 0o640)
	if errs := Apply(dir, []FileEdit{e}); len(errs) != 0 {
		t.Fatal(errs)
	}
	info, _ := os.Stat(p)
	if info.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", info.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left files behind: %v", entries)
	}
}

func TestUnifiedDiff(t *testing.T) {
	before := "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n"
	after := "a\nb\nc\nD\ne\nf\ng\nh\ni\nj\nk\n"
	got := UnifiedDiff(FileEdit{Path: "x.md", Before: []byte(before), After: []byte(after)})
	want := "--- a/x.md\n+++ b/x.md\n@@ -1,10 +1,11 @@\n a\n b\n c\n-d\n+D\n e\n f\n g\n h\n i\n j\n+k\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	got = UnifiedDiff(FileEdit{Path: "new.md", After: []byte("---\ntitle: x\n---\n")})
	if !strings.HasPrefix(got, "--- /dev/null\n+++ b/new.md\n@@ -0,0 +1,3 @@\n+---\n") {
		t.Errorf("new file diff:\n%s", got)
	}
}
