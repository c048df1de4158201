package sync

import (
	"cmp"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
)

// TestRenameSuggestions: git's rename wins over a page that looks more
// alike; a page that existed before the source was deleted is no rename
// target, however alike.
func TestRenameSuggestions(t *testing.T) {
	dir := t.TempDir()
	git(t, dir, "init", "-q", "-b", "main")
	body := func(topic string) string {
		return "---\ntitle: " + topic + "\n---\n\n## Install " + topic + "\n\nRun the installer for " + topic + ".\n\n## Configure\n\nEdit the file.\n"
	}
	commitStep(t, dir, "site", map[string]string{
		"hugo.toml":                "[languages.en]\ncontentDir = 'content/en'\n[languages.ja]\ncontentDir = 'content/ja'\n",
		"content/en/setup/mac.md":  body("mac"),
		"content/en/setup/unix.md": body("unix"),
		"content/en/old/linux.md":  body("linux"),
		"content/ja/setup/mac.md":  "---\ntitle: マック\n---\n\n## インストール\n\nインストーラを実行。\n\n## 設定\n\n編集。\n",
		"content/ja/old/linux.md":  "---\ntitle: リナックス\n---\n\n## インストール\n\nインストーラを実行。\n\n## 設定\n\n編集。\n",
	})
	if err := os.MkdirAll(filepath.Join(dir, "content/en/guides"), 0o755); err != nil {
		t.Fatal(err)
	}
	git(t, dir, "mv", "content/en/setup/mac.md", "content/en/guides/macos.md")
	commitStep(t, dir, "mac moves", nil)
	git(t, dir, "rm", "-q", "content/en/old/linux.md")
	commitStep(t, dir, "linux goes", nil)
	s := loadSite(t, dir)
	got := map[string]string{}
	for _, p := range s.Status(Options{}).Pages {
		if p.State == PageOrphan {
			got[p.Translation] = p.RenamedTo
			if p.RenamedTo != "" && p.RenameConfidence != 1 {
				t.Errorf("%s: confidence %v, want 1 (git's rename)", p.Translation, p.RenameConfidence)
			}
		}
	}
	want := map[string]string{
		"content/ja/setup/mac.md": "content/en/guides/macos.md",
		"content/ja/old/linux.md": "", // unix.md was there before linux.md went
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s renamed to %q, want %q", k, got[k], v)
		}
	}
	if len(got) != len(want) {
		t.Errorf("orphans %v, want %v", got, want)
	}
}

// TestRenameIndex: the name index scores every candidate as
// pathSimilarity does, lists each that can still reach
// MinRenameConfidence, and no other, best bound first then in order.
func TestRenameIndex(t *testing.T) {
	cands := []string{
		"docs/setup/install.md", "docs/setup/_index.md", "docs/guides/install-tools.md",
		"docs/concepts/pods/pod-lifecycle.md", "blog/2024/install.md", "docs/tasks/tools/_index.md",
		"docs/reference/glossary/pod.md", "docs/setup/setup.md", "about.md",
	}
	ix := &renameIndex{words: map[string][]int{}, bases: map[string][]int{}}
	for _, c := range cands {
		ix.add(c, c)
	}
	for _, orphan := range []string{
		"docs/setup/install.md", "docs/setup/_index.md", "docs/concepts/pod-lifecycle.md",
		"docs/tools/_index.md", "other/thing.md", "index.md", "docs/setup/setup-setup.md",
	} {
		t.Run(orphan, func(t *testing.T) {
			var want []renameCandidate
			for at, c := range cands {
				name := pathSimilarity(orphan, c)
				if bound := 0.5*name + 0.5; bound >= MinRenameConfidence {
					want = append(want, renameCandidate{at: at, name: name, bound: bound})
				}
			}
			slices.SortStableFunc(want, func(a, b renameCandidate) int { return cmp.Compare(b.bound, a.bound) })
			if got := ix.candidates(orphan); !reflect.DeepEqual(got, want) {
				t.Errorf("candidates = %+v, want %+v", got, want)
			}
		})
	}
}
