package history

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBlobAt: the file a commit's tree holds, through a symbolic link
// as the tree had it then; nothing for a path the commit does not have,
// a link out of the repository, or a name that cannot be asked.
func TestBlobAt(t *testing.T) {
	repo := t.TempDir()
	git(t, repo, "init", "-q")
	git(t, repo, "config", "user.email", "t@example.com")
	git(t, repo, "config", "user.name", "t")
	write := func(rel, text string) {
		t.Helper()
		p := filepath.Join(repo, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("paper/index.md", "first\n")
	if err := os.MkdirAll(filepath.Join(repo, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../paper", filepath.Join(repo, "content", "paper")); err != nil {
		t.Skip("no symbolic links here")
	}
	if err := os.Symlink("/etc", filepath.Join(repo, "content", "out")); err != nil {
		t.Fatal(err)
	}
	git(t, repo, "add", "-A")
	git(t, repo, "commit", "-q", "-m", "one")
	first := rev(t, repo, "HEAD")
	write("paper/index.md", "second\n")
	write("other.md", "x\n")
	git(t, repo, "add", "-A")
	git(t, repo, "commit", "-q", "-m", "two")
	second := rev(t, repo, "HEAD")

	h, err := ReadHistory(context.Background(), repo, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	for _, tt := range []struct {
		commit, path string
		want         string // blob content, "" for none
	}{
		{first, "paper/index.md", "first\n"},
		{second, "paper/index.md", "second\n"},
		{first, "content/paper/index.md", "first\n"},
		{second, "content/paper/index.md", "second\n"},
		{first, "other.md", ""},
		{second, "content/out/passwd", ""},
		{second, "paper", ""},
		{second, "paper/index.md\nHEAD:other.md", ""},
		{"HEAD", "other.md", ""},
	} {
		blob, ok, err := h.BlobAt(tt.commit, tt.path)
		if err != nil {
			t.Fatalf("BlobAt(%.7s, %q): %v", tt.commit, tt.path, err)
		}
		got := ""
		if ok {
			data, _, err := h.Blob(blob)
			if err != nil {
				t.Fatal(err)
			}
			got = string(data)
		}
		if got != tt.want {
			t.Errorf("BlobAt(%.7s, %q) = %q, want %q", tt.commit, tt.path, got, tt.want)
		}
	}
	// BlobsAt answers as BlobAt does, over more commits than one batch
	// holds, the unanswerable ones (not hex, not in the repository,
	// symbolic links out of the tree) mixed in.
	var commits []string
	for range atBatch {
		commits = append(commits, first, second, "HEAD", strings.Repeat("0", len(first)))
	}
	// A long path no commit has is echoed back in every answer: the
	// batches must stay small enough for the pipes (it hung before).
	long := strings.Repeat("d/", 1000) + "index.md"
	for _, path := range []string{"paper/index.md", "content/paper/index.md", "other.md", "content/out/passwd", "paper", "paper/index.md\nHEAD:other.md", "", long} {
		blobs, err := h.BlobsAt(commits, path)
		if err != nil {
			t.Fatalf("BlobsAt(%q): %v", path, err)
		}
		if len(blobs) != len(commits) {
			t.Fatalf("BlobsAt(%q): %d answers for %d commits", path, len(blobs), len(commits))
		}
		for i, c := range commits {
			want, _, _ := h.BlobAt(c, path)
			if blobs[i] != want {
				t.Errorf("BlobsAt(%q)[%d] (%.7s) = %q, BlobAt = %q", path, i, c, blobs[i], want)
				break
			}
		}
	}
}

func rev(t *testing.T, dir, name string) string {
	t.Helper()
	out, err := gitOutput(context.Background(), dir, "rev-parse", name)
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(out)
}
