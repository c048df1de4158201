package sync

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
	"github.com/cnpe-i18n/cnpe-i18n/sync/align"
	"github.com/cnpe-i18n/cnpe-i18n/sync/site"
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

// BenchmarkSuggestRenames: 3 languages, each with 100 orphans among 400
// sources that lack a translation, like a site after a reorganisation.
func BenchmarkSuggestRenames(b *testing.B) {
	dir := b.TempDir()
	write := func(rel, text string) {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	langs := []string{"de", "ja", "ko"}
	config := "defaultContentLanguage = 'en'\n[languages.en]\ncontentDir = 'content/en'\n"
	for _, l := range langs {
		config += fmt.Sprintf("[languages.%s]\ncontentDir = 'content/%s'\n", l, l)
	}
	write("hugo.toml", config)
	topics := []string{"setup", "tasks", "concepts", "reference", "tutorials", "blog", "contribute", "guides"}
	page := func(i, sections int) string {
		var s strings.Builder
		fmt.Fprintf(&s, "---\ntitle: Page %d\n---\n\n", i)
		for k := range sections {
			fmt.Fprintf(&s, "## Part %d\n\nSome text for part %d of page %d.\n\n- one\n- two\n\n", k, k, i)
			if k%3 == 0 {
				s.WriteString("```sh\nrun it\n```\n\n")
			}
		}
		return s.String()
	}
	for i := range 400 {
		rel := fmt.Sprintf("docs/%s/%s-topic-%d.md", topics[i%len(topics)], topics[(i/8)%len(topics)], i)
		write("content/en/"+rel, page(i, 2+i%7))
		if i < 100 {
			// The translation kept the old name; the source moved.
			old := fmt.Sprintf("docs/%s/old-%s-topic-%d.md", topics[(i+1)%len(topics)], topics[(i/8)%len(topics)], i)
			for _, l := range langs {
				write("content/"+l+"/"+old, page(i, 2+i%7))
			}
		}
	}
	cfg, err := site.LoadConfig(dir)
	if err != nil {
		b.Fatal(err)
	}
	s, err := Load(context.Background(), dir, Options{Config: cfg, NoHistory: true})
	if err != nil {
		b.Fatal(err)
	}
	reports := s.Status(Options{}).Pages
	found := 0
	for _, r := range reports {
		if r.RenamedTo != "" {
			found++
		}
	}
	if found != 300 {
		b.Fatalf("%d rename suggestions, want 300", found)
	}
	work := make([]PageReport, len(reports))
	b.ResetTimer()
	for range b.N {
		copy(work, reports)
		for i := range work {
			work[i].RenamedTo, work[i].RenameConfidence = "", 0
		}
		s.suggestRenames(work, nil)
	}
}

// TestSkeletonsFor: the run keeps the skeletons of the sources a rename
// suggestion may compare, those missing their translation in a language
// with an orphan, and no others.
func TestSkeletonsFor(t *testing.T) {
	entry := func(p string) *site.Entry { return &site.Entry{File: site.File{Path: p}} }
	a, b, c := entry("en/a.md"), entry("en/b.md"), entry("en/c.md")
	pairs := []site.Pair{
		{Lang: "ko", Source: a},                                // missing, ko has an orphan
		{Lang: "ja", Source: b},                                // missing, ja has none
		{Lang: "ko", Source: c, Translation: entry("ko/c.md")}, // translated
		{Lang: "ko", Translation: entry("ko/old.md")},          // the orphan
	}
	k := skeletonsFor(pairs)
	doc, err := parse.Parse("a.md", []byte("# A\n\nText.\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range []*site.Entry{a, b, c} {
		k.keep(&lazyPage{info: e, page: &Page{Doc: doc}})
	}
	k.keep(&lazyPage{info: a}) // not parsed: nothing to keep
	for _, tt := range []struct {
		path string
		want bool
	}{{"en/a.md", true}, {"en/b.md", false}, {"en/c.md", false}} {
		if _, ok := k.of(tt.path); ok != tt.want {
			t.Errorf("skeleton of %s kept: %v, want %v", tt.path, ok, tt.want)
		}
	}
	if pr, _ := k.of("en/a.md"); !reflect.DeepEqual(pr, align.ProfileOf(doc)) {
		t.Errorf("skeleton of en/a.md = %v, want the page's", pr)
	}
}
