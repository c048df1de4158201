package sync

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/internal/corpustest"
	"github.com/cnpe-i18n/cnpe-i18n/parse"
	"github.com/cnpe-i18n/cnpe-i18n/parse/parsetest"
	"github.com/cnpe-i18n/cnpe-i18n/sync/align"
	"github.com/cnpe-i18n/cnpe-i18n/sync/change"
)

// TestCorpusStatus checks status on the real cnpe-community history, with
// no configuration and no pins, against what is known about it.
func TestCorpusStatus(t *testing.T) {
	root := corpustest.Clone(t)
	report, err := Status(context.Background(), root, Options{})
	if err != nil {
		t.Fatal(err)
	}
	pages := map[string]PageReport{}
	for _, p := range report.Pages {
		key := p.Translation
		if key == "" {
			key = p.Lang + ":" + p.Source
		}
		pages[key] = p
	}
	page := func(t *testing.T, lang, rel string) PageReport {
		t.Helper()
		p, ok := pages["website/content/"+lang+"/"+rel]
		if !ok {
			t.Fatalf("no report for %s %s", lang, rel)
		}
		return p
	}
	// About 70 of the 172 English units changed from v1 to v1.1; six of
	// those changes only add a comma or a space ("ArtifactHub"), which
	// asks for no retranslation (change.SameWords).
	t.Run("ko and zh whitepaper latest are stale", func(t *testing.T) {
		for _, lang := range []string{"ko", "zh"} {
			p := page(t, lang, "resources/whitepaper/latest/index.md")
			work := p.Count(UnitStale) + p.Count(UnitNew) + p.Count(UnitObsolete)
			if p.State != PageStale || p.Count(UnitStale) < 25 || work < 45 {
				t.Errorf("%s: state %s, %d stale, %d units to retranslate; want stale with 25+ stale and 45+ in all", lang, p.State, p.Count(UnitStale), work)
			}
			for _, u := range p.Units {
				if u.State == UnitStale && change.SameWords(u.SourceBefore, u.SourceAfter) {
					t.Errorf("%s: unit %s is stale but its source words did not change", lang, u.ID)
				}
			}
		}
	})
	t.Run("ja whitepaper latest has no stale unit", func(t *testing.T) {
		p := page(t, "ja", "resources/whitepaper/latest/index.md")
		if n := p.Count(UnitStale); n != 0 || p.State != PageCurrent {
			t.Errorf("state %s with %d stale units, want current", p.State, n)
		}
	})
	t.Run("v1 whitepapers have at most 2 stale units", func(t *testing.T) {
		for _, lang := range []string{"ja", "ko", "zh"} {
			p := page(t, lang, "resources/whitepaper/v1/index.md")
			if n := p.Count(UnitStale) + p.Count(UnitNew) + p.Count(UnitObsolete); n > 2 {
				t.Errorf("%s: %d units to retranslate, want at most 2", lang, n)
			}
		}
	})
	t.Run("glossary translations have no stale unit", func(t *testing.T) {
		n := 0
		for _, lang := range []string{"ja", "ko", "zh", "de", "es", "fr"} {
			p, ok := pages["website/content/"+lang+"/resources/glossary/latest/index.md"]
			if !ok {
				continue
			}
			n++
			if c := p.Count(UnitStale) + p.Count(UnitNew) + p.Count(UnitObsolete); c != 0 {
				t.Errorf("%s: %d units to retranslate, want none", lang, c)
			}
		}
		if n < 5 {
			t.Errorf("found %d glossary translations, want the corpus's", n)
		}
	})
	t.Run("orphans and stubs", func(t *testing.T) {
		orphans := 0
		for _, p := range report.Pages {
			switch p.State {
			case PageOrphan:
				orphans++
			case PageStub:
				src, err := os.ReadFile(filepath.Join(root, p.Translation))
				if err != nil {
					t.Fatal(err)
				}
				if body := strings.SplitN(string(src), "---", 3); len(body) == 3 && strings.TrimSpace(body[2]) != "" {
					t.Errorf("%s is a stub but has a body", p.Translation)
				}
			}
		}
		if orphans != 11 {
			t.Errorf("%d orphans, want 11", orphans)
		}
	})
}

// TestCorpusAlign checks alignments of real translated pairs.
func TestCorpusAlign(t *testing.T) {
	root := corpustest.Clone(t)
	read := func(rel string) *parseDoc {
		t.Helper()
		src, err := os.ReadFile(filepath.Join(root, rel))
		if err != nil {
			t.Fatal(err)
		}
		return &parseDoc{parsetest.MustParse(t, rel, string(src))}
	}
	t.Run("ja kickoff post merges English paragraphs", func(t *testing.T) {
		en := read("website/content/en/blog/2026-01-14-cnpe-japan-kickoff.md")
		ja := read("website/content/ja/blog/2026-01-14-cnpe-japan-kickoff.md")
		pairs := align.Align(en.Document, ja.Document, align.Options{})
		merged := 0
		for _, p := range pairs {
			if len(p.Source) == 2 && len(p.Target) == 1 {
				merged++
			}
			checkSameImages(t, en, ja, p)
		}
		if merged == 0 {
			t.Error("no 2–1 step: the merged paragraphs were not found")
		}
		checkHeadingsInOrder(t, en, ja, pairs)
	})
	t.Run("ja glossary drops blank lines after headings", func(t *testing.T) {
		en := read("platforms-wg/glossary/latest/index.md")
		ja := read("website/content/ja/resources/glossary/latest/index.md")
		checkHeadingsInOrder(t, en, ja, align.Align(en.Document, ja.Document, align.Options{}))
	})
	t.Run("ko and zh inline the reference links of the English", func(t *testing.T) {
		out, err := exec.Command("git", "-C", root, "show", "7c9cc1c:platforms-whitepaper/latest/index.md").Output()
		if err != nil {
			t.Skip("base commit not in this bundle")
		}
		en := &parseDoc{parsetest.MustParse(t, "en.md", string(out))}
		for _, lang := range []string{"zh", "ko"} {
			tr := read("website/content/" + lang + "/resources/whitepaper/latest/index.md")
			pairs := align.Align(en.Document, tr.Document, align.Options{})
			checkHeadingsInOrder(t, en, tr, pairs)
			// Units citing the same reference URL are aligned with each other.
			for _, p := range pairs {
				if len(p.Source) != 1 || len(p.Target) != 1 {
					continue
				}
				s, g := en.Units[p.Source[0]].AllAnchors(), tr.Units[p.Target[0]].AllAnchors()
				for _, l := range s.Links {
					if strings.HasPrefix(l, "https://martinfowler.com") && !contains(g.Links, l) {
						t.Errorf("%s: source L%d cites %s, aligned unit L%d does not", lang, en.Units[p.Source[0]].Line, l, tr.Units[p.Target[0]].Line)
					}
				}
			}
		}
	})
}

type parseDoc struct{ *parse.Document }

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// checkHeadingsInOrder checks that every heading of the translation is
// aligned with a heading of the source, in order.
func checkHeadingsInOrder(t *testing.T, src, tgt *parseDoc, pairs []align.Pair) {
	t.Helper()
	last := -1
	aligned := 0
	for _, p := range pairs {
		for _, j := range p.Target {
			if tgt.Units[j].Kind.String() != "heading" {
				continue
			}
			if len(p.Source) == 0 || src.Units[p.Source[0]].Kind.String() != "heading" {
				t.Errorf("translated heading L%d %q is not aligned with a source heading", tgt.Units[j].Line, tgt.Units[j].Text)
				continue
			}
			if p.Source[0] < last {
				t.Errorf("heading L%d aligned out of order", tgt.Units[j].Line)
			}
			last = p.Source[0]
			aligned++
		}
	}
	if aligned == 0 {
		t.Error("no heading aligned")
	}
}

// checkSameImages checks that a step aligning units that show images
// shows the same images on both sides.
func checkSameImages(t *testing.T, src, tgt *parseDoc, p align.Pair) {
	t.Helper()
	var si, ti []string
	for _, i := range p.Source {
		si = append(si, src.Units[i].AllAnchors().Images...)
	}
	for _, j := range p.Target {
		ti = append(ti, tgt.Units[j].AllAnchors().Images...)
	}
	if len(si) > 0 && len(ti) > 0 && strings.Join(si, ",") != strings.Join(ti, ",") {
		t.Errorf("images %v aligned with images %v", si, ti)
	}
}

// TestCorpusStrings checks the UI string tables and the site
// configuration's strings of the real site.
func TestCorpusStrings(t *testing.T) {
	root := corpustest.Clone(t)
	report, err := Status(context.Background(), root, Options{})
	if err != nil {
		t.Fatal(err)
	}
	state := map[string]string{}
	for _, e := range report.Strings {
		state[e.Lang+" "+e.Key] = e.State.String()
		if e.State.String() != "current" && (e.File == "" || e.Line == 0) {
			t.Errorf("%s %s is %s without file and line", e.Lang, e.Key, e.State)
		}
	}
	for _, lang := range []string{"ja", "ko", "zh", "de", "es", "fr"} {
		if state[lang+" read_more"] != "missing" {
			t.Errorf("%s read_more: %q, want missing", lang, state[lang+" read_more"])
		}
	}
	for key, want := range map[string][]string{
		"ja ui_see_all_tags":    {"untranslated"},
		"ja ui_tags_intro":      {"stale", "untranslated"},
		"ja page_contents":      {"current"},
		"ja languages.ja.title": {"stale"},
	} {
		if !contains(want, state[key]) {
			t.Errorf("%s: %q, want %v", key, state[key], want)
		}
	}
}
