package sync

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/sync/site"
)

// preloadSite is a committed site of four translated pages of growing
// size: c.md is the largest, then a.md, d.md, b.md.
func preloadSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	git(t, dir, "init", "-q", "-b", "main")
	para := func(n int) string { return strings.Repeat("Words of a paragraph here.\n\n", n) }
	commitStep(t, dir, "pages", map[string]string{
		"hugo.toml":       enKoHugo,
		"content/en/a.md": "# A\n\n" + para(6),
		"content/en/b.md": "# B\n\n" + para(1),
		"content/en/c.md": "# C\n\n" + para(9),
		"content/en/d.md": "# D\n\n" + para(3),
		"content/ko/a.md": "# 가\n\n" + strings.Repeat("문단의 말.\n\n", 6),
		"content/ko/b.md": "# 나\n\n문단의 말.\n",
		"content/ko/c.md": "# 다\n\n" + strings.Repeat("문단의 말.\n\n", 9),
		"content/ko/d.md": "# 라\n\n" + strings.Repeat("문단의 말.\n\n", 3),
	})
	return dir
}

// TestLargestFirst: pages are worked on largest first (source and
// translation together), so that the longest is not left for last.
func TestLargestFirst(t *testing.T) {
	dir := preloadSite(t)
	s, err := Load(context.Background(), dir, Options{LazyHistory: true, TranslationHistory: true, Jobs: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var got []string
	s.ForEachAligned(Options{}, func(a AlignedPage) { got = append(got, a.Translation.Path) })
	want := []string{"content/ko/c.md", "content/ko/a.md", "content/ko/d.md", "content/ko/b.md"}
	if !slices.Equal(got, want) {
		t.Errorf("order %q, want %q", got, want)
	}
}

// TestPreload: the pages are read and parsed, in order, until preload is
// stopped or has read preloadBytes; the pages it read are the ones
// aligned.
func TestPreload(t *testing.T) {
	dir := preloadSite(t)
	s, err := Load(context.Background(), dir, Options{NoHistory: true, Jobs: 1})
	if err != nil {
		t.Fatal(err)
	}
	todo := s.largestFirst(site.Pairs(s.Layout, s.pages, nil))
	read := func(limit int64) []bool {
		defer func(old int64) { preloadBytes = old }(preloadBytes)
		preloadBytes = limit
		pre, stop, finished := s.preload(todo)
		<-finished
		stop()
		var got []bool
		for _, l := range pre {
			got = append(got, l.tr != nil && l.src != nil)
		}
		return got
	}
	if got, want := read(1<<20), []bool{true, true, true, true}; !slices.Equal(got, want) {
		t.Errorf("preloaded %v, want %v", got, want)
	}
	// c.md's pair is past 300 bytes: preload stops there.
	if got, want := read(300), []bool{true, false, false, false}; !slices.Equal(got, want) {
		t.Errorf("preloaded %v within 300 bytes, want %v", got, want)
	}

	pre, stop, finished := s.preload(todo)
	<-finished
	stop()
	a, ok := s.aligned(todo[0], pre[0])
	if !ok || a.Translation != pre[0].tr || a.Source != pre[0].src {
		t.Error("the pages preloaded are not the ones aligned")
	}
}
