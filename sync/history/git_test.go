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
