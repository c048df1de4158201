package sync

import (
	"context"
	"fmt"
	"slices"
	"strings"
	gosync "sync"
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/glossary"
)

// TestTranslationHistoryBases: with the translations' history only, a
// translation is aligned with the source it was made from, as with the
// whole history, also when both pages were renamed since (the source is
// found under the name matching the translation's then); a source
// missing from the translation's commit falls back to the current one.
func TestTranslationHistoryBases(t *testing.T) {
	dir := t.TempDir()
	git(t, dir, "init", "-q", "-b", "main")
	commitStep(t, dir, "one", map[string]string{
		"hugo.toml":         enKoHugo,
		"content/en/a.md":   "# Alpha\n\nFirst words of alpha.\n",
		"content/en/old.md": "# Moved\n\nThe moved page says this.\n",
	})
	commitStep(t, dir, "translate", map[string]string{
		"content/ko/a.md":   "# 알파\n\n알파의 첫 말.\n",
		"content/ko/old.md": "# 옮김\n\n옮긴 쪽이 말한다.\n",
		"content/ko/c.md":   "# 감마\n\n감마.\n",
	})
	git(t, dir, "mv", "content/en/old.md", "content/en/new.md")
	git(t, dir, "mv", "content/ko/old.md", "content/ko/new.md")
	commitStep(t, dir, "move", map[string]string{
		"content/en/a.md": "# Alpha\n\nFirst words of alpha, changed.\n",
		"content/en/c.md": "# Gamma\n\nGamma, written after its translation.\n",
	})
	commitStep(t, dir, "edit", map[string]string{"content/en/new.md": "# Moved\n\nThe moved page says this now.\n"})

	bases := func(trOnly bool) map[string]string {
		s, err := Load(context.Background(), dir, Options{LazyHistory: true, TranslationHistory: trOnly})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		out := map[string]string{}
		var mu gosync.Mutex
		s.ForEachAligned(Options{}, func(a AlignedPage) {
			mu.Lock()
			defer mu.Unlock()
			if a.Base != nil {
				out[a.Translation.Path] = strings.TrimSpace(string(a.Base.Src))
			}
		})
		if trOnly && len(s.History.Versions("content/en/a.md")) != 0 {
			t.Error("the source's history was read")
		}
		return out
	}
	want := map[string]string{
		"content/ko/a.md":   "# Alpha\n\nFirst words of alpha.",
		"content/ko/new.md": "# Moved\n\nThe moved page says this.",
		"content/ko/c.md":   "# Gamma\n\nGamma, written after its translation.",
	}
	for _, trOnly := range []bool{false, true} {
		got := bases(trOnly)
		for p, w := range want {
			if got[p] != w {
				t.Errorf("TranslationHistory %v: %s is aligned with %q, want %q", trOnly, p, got[p], w)
			}
		}
	}
}

// TestUnitBasePairs: a translated unit updated after the page's last sync
// is checked against the source it was updated from, not the older
// source of the rest of the page.
func TestUnitBasePairs(t *testing.T) {
	dir := t.TempDir()
	git(t, dir, "init", "-q", "-b", "main")
	commitStep(t, dir, "one", map[string]string{
		"hugo.toml":       enKoHugo,
		"content/en/a.md": "# Alpha\n\nThe first part.\n\nThe second part.\n\nThe third part.\n\nThe fourth part.\n",
	})
	commitStep(t, dir, "translate", map[string]string{
		"content/ko/a.md": "# 알파\n\n첫째 부분.\n\n둘째 부분.\n\n셋째 부분.\n\n넷째 부분.\n",
	})
	commitStep(t, dir, "source", map[string]string{
		"content/en/a.md": "# Alpha\n\nThe first part.\n\nThe second part runs on Docker.\n\nThe third part.\n\nThe fourth part.\n",
	})
	commitStep(t, dir, "update one unit", map[string]string{
		"content/ko/a.md": "# 알파\n\n첫째 부분.\n\n둘째 부분은 Docker에서 돈다.\n\n셋째 부분.\n\n넷째 부분.\n",
	})
	g, err := glossary.Parse("g.yaml", []byte("terms:\n  - en: Docker\n    ko: {use: [도커]}\n"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := Load(context.Background(), dir, Options{LazyHistory: true, TranslationHistory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var got []string
	for _, f := range s.TermFindings(Options{}, g) {
		got = append(got, fmt.Sprintf("%s:%d %s %s", f.File, f.Line, f.Rule, f.Term))
	}
	want := []string{"content/ko/a.md:5 missing Docker"}
	if !slices.Equal(got, want) {
		t.Errorf("findings %q, want %q", got, want)
	}
}
