package history

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// ChangedSince sees what the commits changed since ref and what the work
// tree changed since HEAD, without git reading the work tree (it would run
// the repository's filters): an edited page, a page of the same size with
// other bytes, a deleted page, a staged page. Unchanged pages are not listed.
func TestChangedSinceWorkTree(t *testing.T) {
	repo := t.TempDir()
	write := func(name, content string) {
		p := filepath.Join(repo, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git(t, repo, "init", "-q", "-b", "main")
	for _, f := range []string{"a.md", "b.md", "c.md", "d.md", "e.md", "f.md"} {
		write(f, "page "+f+"\n")
	}
	git(t, repo, "add", "-A")
	git(t, repo, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "-m", "one")
	write("a.md", "page a.md, committed change\n")
	git(t, repo, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "-am", "two")
	write("b.md", "page b.md, edited in the work tree\n")
	write("c.md", "page C.md\n") // same size
	os.Remove(filepath.Join(repo, "d.md"))
	write("f.md", "page f.md, staged\n")
	git(t, repo, "add", "f.md")

	cs, err := ChangedSince(context.Background(), repo, "HEAD~1")
	if err != nil {
		t.Fatal(err)
	}
	got := slices.Sorted(slices.Values(cs.Paths))
	if want := []string{"a.md", "b.md", "c.md", "d.md", "f.md"}; !slices.Equal(got, want) {
		t.Errorf("paths %v, want %v", got, want)
	}
	if !cs.Deleted["d.md"] || len(cs.Added) != 0 {
		t.Errorf("added %v, deleted %v; want d.md deleted", cs.Added, cs.Deleted)
	}
}
