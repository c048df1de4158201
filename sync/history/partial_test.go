package history

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// gitOut runs git in dir and returns its trimmed output.
func gitOut(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("git %v: %v", args, err)
	}
	return strings.TrimSpace(string(out))
}

// commitFiles writes the files (an empty content deletes) and commits.
func commitFiles(t *testing.T, dir, msg string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if content == "" {
			if err := os.Remove(p); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git(t, dir, "add", "-A")
	git(t, dir, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", msg)
}

// dropObject deletes a loose object, as a partial clone or a snapshot
// that left large blobs behind would lack it.
func dropObject(t *testing.T, dir, id string) {
	t.Helper()
	if err := os.Remove(filepath.Join(dir, ".git", "objects", id[:2], id[2:])); err != nil {
		t.Fatal(err)
	}
}

func newRepo(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	git(t, dir, "init", "-q")
	return dir
}

// TestReadHistoryMissingImage: an image renamed with edits whose old blob
// is absent kills "git log -M" over the whole tree; the history of the
// pages is read all the same, because only pages, configurations and
// string tables are diffed.
func TestReadHistoryMissingImage(t *testing.T) {
	dir := newRepo(t)
	commitFiles(t, dir, "one", map[string]string{
		"content/en/a.md":      "# A\n\nOne.\n",
		"content/en/logo.gif":  strings.Repeat("GIF89a old pixels\n", 40),
		"hugo.toml":            "title = 'x'\n",
		"content/en/notes.txt": "plain\n",
	})
	old := gitOut(t, dir, "rev-parse", "HEAD:content/en/logo.gif")
	commitFiles(t, dir, "two", map[string]string{
		"content/en/logo.gif":     "",
		"content/en/img/logo.gif": strings.Repeat("GIF89a old pixels\n", 39) + "new\n",
		"content/en/a.md":         "# A\n\nTwo.\n",
	})
	dropObject(t, dir, old)
	if err := exec.Command("git", "-C", dir, "log", "-M", "--raw", "--format=%H").Run(); err == nil {
		t.Fatal("git log -M over the whole tree succeeded: the fixture does not lack the object")
	}
	h, err := ReadHistory(context.Background(), dir, []string{"content", "hugo.toml"})
	if err != nil {
		t.Fatalf("ReadHistory: %v", err)
	}
	if n := len(h.Versions("content/en/a.md")); n != 2 {
		t.Errorf("a.md has %d versions, want 2", n)
	}
	if n := len(h.Versions("hugo.toml")); n != 1 {
		t.Errorf("hugo.toml has %d versions, want 1", n)
	}
	if n := len(h.Versions("content/en/img/logo.gif")); n != 0 {
		t.Errorf("the image's history was read (%d versions)", n)
	}
	if h.Degraded() != "" {
		t.Errorf("degraded: %s", h.Degraded())
	}
	if whole, err := ReadHistory(context.Background(), dir, nil); err != nil || len(whole.Versions("content/en/a.md")) != 2 || whole.Degraded() != "" {
		t.Errorf("the whole tree: %v, degraded %q", err, whole.Degraded())
	}
}

// TestReadHistoryMissingPageBlob: when a page's own old version is absent
// and rename detection needs it, the log is read without renames, the
// other pages keep their history, and Blob says the version is absent.
func TestReadHistoryMissingPageBlob(t *testing.T) {
	dir := newRepo(t)
	body := strings.Repeat("A paragraph of words that stays.\n\n", 20)
	commitFiles(t, dir, "one", map[string]string{
		"content/en/old.md": body + "First.\n",
		"content/en/b.md":   "# B\n",
	})
	old := gitOut(t, dir, "rev-parse", "HEAD:content/en/old.md")
	commitFiles(t, dir, "two", map[string]string{
		"content/en/old.md": "",
		"content/en/new.md": body + "Second.\n",
		"content/en/b.md":   "# B\n\nMore.\n",
	})
	dropObject(t, dir, old)
	h, err := ReadHistory(context.Background(), dir, []string{"content"})
	if err != nil {
		t.Fatalf("ReadHistory: %v", err)
	}
	if !strings.Contains(h.Degraded(), old) {
		t.Errorf("Degraded() = %q, want it to name %s", h.Degraded(), old)
	}
	if n := len(h.Versions("content/en/b.md")); n != 2 {
		t.Errorf("b.md has %d versions, want 2", n)
	}
	if _, found, err := h.Blob(old); found || err != nil {
		t.Errorf("Blob(absent) = found %v, %v; want not found, no error", found, err)
	}
	h.Close()
}

func TestPathspecs(t *testing.T) {
	got := Pathspecs([]string{"content/en", "hugo.toml", "i18n/ja.yaml"})
	want := []string{":(literal)hugo.toml", ":(literal)i18n/ja.yaml", "content/en/*.md", "content/en/*.markdown"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Pathspecs = %q, want %q", got, want)
	}
	if all := Pathspecs(nil); !reflect.DeepEqual(all, []string{"*.md", "*.markdown"}) {
		t.Errorf("Pathspecs(nil) = %q, want the pages of the whole tree", all)
	}
	if esc := Pathspecs([]string{"docs/[draft]"}); esc[0] != ":(literal)docs/[draft]" {
		t.Errorf("a directory named like a pattern: %q", esc[0])
	}
	if files := Pathspecs([]string{"content/en/a.md"}); !reflect.DeepEqual(files, []string{":(literal)content/en/a.md"}) {
		t.Errorf("Pathspecs(a page) = %q, want that page only", files)
	}
}

// TestReadHistoryMarkdownPages: a .markdown page deep in a directory read
// has its history; one outside the directories read has none.
func TestReadHistoryMarkdownPages(t *testing.T) {
	dir := newRepo(t)
	commitFiles(t, dir, "one", map[string]string{
		"content/ko/docs/a.markdown": "# A\n",
		"content/en/b.markdown":      "# B\n",
		"content/ko/c.md":            "# C\n",
	})
	h, err := ReadHistory(context.Background(), dir, []string{"content/ko"})
	if err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]int{"content/ko/docs/a.markdown": 1, "content/ko/c.md": 1, "content/en/b.markdown": 0} {
		if n := len(h.Versions(p)); n != want {
			t.Errorf("%s: %d versions, want %d", p, n, want)
		}
	}
}
