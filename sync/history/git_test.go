package history

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestWorkTreeRoot: from a folder inside a work tree the root is its top;
// outside one it is the folder itself.
func TestWorkTreeRoot(t *testing.T) {
	repo := t.TempDir()
	git(t, repo, "init", "-q")
	sub := filepath.Join(repo, "website", "content")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	plain := t.TempDir()
	top, _ := filepath.EvalSymlinks(repo)
	for _, tt := range []struct{ dir, want string }{
		{sub, top},
		{repo, top},
		{plain, plain},
	} {
		got, _ := filepath.EvalSymlinks(WorkTreeRoot(context.Background(), tt.dir))
		want, _ := filepath.EvalSymlinks(tt.want)
		if got != want {
			t.Errorf("WorkTreeRoot(%s) = %s, want %s", tt.dir, got, want)
		}
	}
}

func git(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

// TestRepositoryLogConfig: the repository's own log settings do not
// change the history read: with log.showRoot=false git would leave out
// the files the first commit added, and with diff.renameLimit=1 it would
// not pair the renames of a commit that moves two pages.
func TestRepositoryLogConfig(t *testing.T) {
	dir := newRepo(t)
	gitAt(t, dir, 1000, "config", "log.showRoot", "false")
	gitAt(t, dir, 1000, "config", "diff.renameLimit", "1")
	datedCommit(t, dir, 1000, map[string]string{
		"content/en/a.md": "# A\n\nThe first page, long enough to be found again after a move.\n",
		"content/en/b.md": "# B\n\nThe second page, long enough to be found again after a move.\n",
	})
	datedCommit(t, dir, 2000, map[string]string{ // moved and edited: not exact renames
		"content/en/a.md": "", "content/en/b.md": "",
		"content/en/a2.md": "# A\n\nThe first page, long enough to be found again after a move.\n\nMore.\n",
		"content/en/b2.md": "# B\n\nThe second page, long enough to be found again after a move.\n\nMore.\n",
	})
	h, err := ReadHistory(context.Background(), dir, []string{"content/en"})
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	for _, p := range []string{"content/en/a2.md", "content/en/b2.md"} {
		if vs := h.Versions(p); len(vs) != 2 {
			t.Errorf("%s: %d versions, want 2 (the move and the first commit): %+v", p, len(vs), vs)
		}
	}
}
