package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// genSmall generates a small repository; it takes a few seconds.
func genSmall(t *testing.T, commits int, seed uint64) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "repo")
	if err := generate(genOptions{Dir: dir, Pages: 80, Commits: commits, Images: 12, Seed: seed}); err != nil {
		t.Fatal(err)
	}
	return dir
}

func gitOut(t *testing.T, dir string, args ...string) string {
	t.Helper()
	var out bytes.Buffer
	if err := git(dir, &out, args...); err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(out.String())
}

func TestGenerateDeterministic(t *testing.T) {
	if testing.Short() {
		t.Skip("generates three repositories")
	}
	a, b, c := genSmall(t, 300, 3), genSmall(t, 300, 3), genSmall(t, 300, 4)
	ha, hb, hc := gitOut(t, a, "rev-parse", "HEAD"), gitOut(t, b, "rev-parse", "HEAD"), gitOut(t, c, "rev-parse", "HEAD")
	if ha != hb {
		t.Errorf("seed 3 twice: HEAD %s and %s, want the same", ha, hb)
	}
	if ha == hc {
		t.Errorf("seeds 3 and 4: both HEAD %s, want different histories", ha)
	}
}

// TestGenerateShape checks the properties the generator promises, with
// the same measure -stats prints for a real clone.
func TestGenerateShape(t *testing.T) {
	dir := genSmall(t, 1200, 1)
	s, err := measure(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", s)
	checks := []struct {
		name string
		ok   bool
	}{
		{"commits as asked (±2%)", s.Commits >= 1200 && s.Commits <= 1224},
		{"pull-request merges on the first-parent line", s.FirstParentMerges > s.FirstParent/2},
		{"merges besides those (main merged into a branch)", s.Merges > s.FirstParentMerges},
		{"English pages as asked (±3%: deletions late in the history)", len(s.SizeEN) >= 78 && len(s.SizeEN) <= 80},
		{"renames", s.Renamed > 0 && s.CommitsWithRenames > 1},
		{"a mass rename: one commit moves a whole section with its translations", s.MaxRenamesInCommit >= 80/len(sections)},
		{"deletions", s.Deleted > 0 && s.CommitsWithDeletions > 0},
		{"orphaned translations", s.Orphans > 0},
		{"translations edited in their own commits", s.OneLanguage > s.Mixed},
		{"heavy-tailed versions: p99 >= 4 x median", pct(s.VersionsEN, 99) >= 4*max(1, pct(s.VersionsEN, 50))},
		{"heavy-tailed sizes: largest >= 10 x median", pct(s.SizeEN, 100) >= 10*pct(s.SizeEN, 50)},
	}
	for _, c := range checks {
		if !c.ok {
			t.Errorf("%s: not so", c.name)
		}
	}

	// Old image versions are gone from the object store, and history
	// can still be walked.
	missing := 0
	for _, line := range strings.Split(gitOut(t, dir, "rev-list", "--objects", "--all", "--missing=print"), "\n") {
		if strings.HasPrefix(line, "?") {
			missing++
		}
	}
	if missing == 0 {
		t.Error("no object missing from the object store, want the replaced images'")
	}
	if gitOut(t, dir, "log", "--format=%H", "--raw", "-M", "--", "content") == "" {
		t.Error("git log over content printed nothing")
	}
}

// TestTranslationsDiverge: translations are not block-for-block copies:
// some skip or add blocks or stop early, zh-cn keeps the English in
// comments, and some units lag behind the English they were made from.
func TestTranslationsDiverge(t *testing.T) {
	g := newGenerator(genOptions{Pages: 1, Seed: 2}, nil)
	var p *page
	for p == nil || len(p.blocks) < 40 {
		p = g.newPage(1, 20000)
	}
	var sameShape, otherShape, commented int
	for _, l := range langs {
		for range 20 {
			tr := g.translate(l, p)
			if len(tr.units) == len(p.blocks) {
				sameShape++
			} else {
				otherShape++
			}
			if strings.Contains(tr.renderPage(), "<!--\n") {
				commented++
			}
		}
	}
	if sameShape == 0 || otherShape == 0 {
		t.Errorf("%d translations with as many units as the English, %d with another count: want some of both", sameShape, otherShape)
	}
	if commented != 20 {
		t.Errorf("%d translations keep the English in comments, want the 20 zh-cn ones", commented)
	}

	tr := g.translate(langs[1], p)
	for range 30 {
		g.editEnglish(p)
	}
	g.catchUp(tr, false)
	current, lagging := 0, 0
	text := map[int]string{}
	for _, b := range p.blocks {
		text[b.id] = b.text
	}
	for _, u := range tr.units {
		if u.src == 0 {
			continue
		}
		if u.orig == text[u.src] {
			current++
		} else {
			lagging++
		}
	}
	if current == 0 || lagging == 0 {
		t.Errorf("after 30 English edits and a partial catch-up: %d units current, %d lagging, want some of both", current, lagging)
	}
}
