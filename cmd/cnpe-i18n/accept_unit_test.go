package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	isync "github.com/cnpe-i18n/cnpe-i18n/sync"
)

// TestAcceptUnit: English changes two paragraphs; a reviewer records one
// of them with FILE:LINE and the other with --unit, without changing the
// translation's words. Each record takes its unit off the list, and one
// lapses when its English changes again.
func TestAcceptUnit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	write := func(rel, text string) {
		t.Helper()
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if out, err := exec.Command("git", "init", "-q", dir).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v %s", err, out)
	}
	write("hugo.toml", "defaultContentLanguage = \"en\"\n[languages.en]\ncontentDir = \"content/en\"\n[languages.ja]\ncontentDir = \"content/ja\"\n")
	write("content/en/page.md", "---\ntitle: Page\n---\n\nThe first paragraph about builds.\n\nThe second paragraph about deploys.\n")
	write("content/ja/page.md", "---\ntitle: ページ\n---\n\nビルドについての最初の段落。\n\nデプロイについての二番目の段落。\n")
	gitCommit(t, dir, "one")
	write("content/en/page.md", "---\ntitle: Page\n---\n\nThe first paragraph about all builds.\n\nThe second paragraph about all deploys.\n")
	gitCommit(t, dir, "two")
	const ja = "content/ja/page.md"
	units := func() []string {
		t.Helper()
		var ids []string
		for _, p := range statusReport(t, dir, ja).Pages {
			for _, u := range p.Units {
				ids = append(ids, u.State.String()+" "+u.ID)
			}
		}
		return ids
	}
	accept := func(args ...string) {
		t.Helper()
		var stdout, stderr bytes.Buffer
		if code := run(append([]string{"accept", "-C", dir, "--write"}, args...), nil, &stdout, &stderr); code != exitOK {
			t.Fatalf("accept %v: exit %d\n%s%s", args, code, stdout.String(), stderr.String())
		}
	}
	if got := strings.Join(units(), ", "); got != "stale _/paragraph-1, stale _/paragraph-2" {
		t.Fatalf("before: %s", got)
	}
	accept(ja + ":5")
	if got := strings.Join(units(), ", "); got != "stale _/paragraph-2" {
		t.Errorf("after accept %s:5: %s", ja, got)
	}
	accept(ja, "--unit", "_/paragraph-2")
	if got := units(); len(got) != 0 {
		t.Errorf("after accept --unit: %s", got)
	}
	b, _ := os.ReadFile(filepath.Join(dir, ja))
	if !strings.Contains(string(b), isync.ReviewField+": ") || !strings.Contains(string(b), "ビルドについての最初の段落。\n\nデプロイについての二番目の段落。\n") {
		t.Errorf("accept --unit changed more than the front matter:\n%s", b)
	}
	gitCommit(t, dir, "ja: reviewed")
	write("content/en/page.md", "---\ntitle: Page\n---\n\nThe first paragraph about all builds.\n\nThe second paragraph about all the deploys.\n")
	gitCommit(t, dir, "three")
	if got := strings.Join(units(), ", "); got != "stale _/paragraph-2" {
		t.Errorf("after the English changed again: %s, want the second paragraph stale", got)
	}
}
