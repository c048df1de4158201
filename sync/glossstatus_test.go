package sync

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/glossary"
	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

// TestStatusGlossaryAsCheck: status with a glossary reports the terms
// findings glossary check reports on the same pages (TermFindings, then
// Corroborate): a unit updated after the page's last sync is checked
// against the source it was updated from, orphans and stubs are checked,
// and a missing rendering nothing corroborates is dropped.
func TestStatusGlossaryAsCheck(t *testing.T) {
	dir := t.TempDir()
	git(t, dir, "init", "-q", "-b", "main")
	commitStep(t, dir, "one", map[string]string{
		"hugo.toml":       enKoHugo,
		"content/en/a.md": "# Alpha\n\nThe first part.\n\nThe second part.\n\nThe third part.\n\nThe fourth part.\n",
		"content/en/b.md": "# Beta\n\nEvery cluster has a node.\n",
		"content/en/c.md": "---\ntitle: Node\n---\n\n# Node\n\nA node text.\n",
	})
	commitStep(t, dir, "translate", map[string]string{
		"content/ko/a.md":      "# 알파\n\n첫째 부분.\n\n둘째 부분.\n\n셋째 부분.\n\n넷째 부분.\n",
		"content/ko/b.md":      "# 베타\n\n모든 것에는 노드가 있다.\n",
		"content/ko/c.md":      "---\ntitle: 마디\n---\n",
		"content/ko/orphan.md": "# 고아\n\n마디가 있다.\n",
	})
	commitStep(t, dir, "source", map[string]string{
		"content/en/a.md": "# Alpha\n\nThe first part.\n\nThe second part runs on Docker.\n\nThe third part.\n\nThe fourth part.\n",
	})
	commitStep(t, dir, "update one unit", map[string]string{
		"content/ko/a.md": "# 알파\n\n첫째 부분.\n\n둘째 부분은 도커에서 돈다.\n\n셋째 부분.\n\n넷째 부분.\n",
	})
	g, err := glossary.Parse("g.yaml", []byte("terms:\n  - en: Docker\n    keep: true\n"+
		"  - en: node\n    ko: {use: [노드], avoid: [마디]}\n  - en: cluster\n    ko: {use: [클러스터]}\n"))
	if err != nil {
		t.Fatal(err)
	}
	describe := func(fs []glossary.Finding) []string {
		glossary.SortFindings(fs)
		var out []string
		for _, f := range fs {
			b, _ := json.Marshal(f) // every field, the texts too
			out = append(out, fmt.Sprintf("%s:%d:%d %s", f.File, f.Line, f.Column, b))
		}
		return out
	}
	s, err := Load(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	gt := *g
	gt.Targets = true
	want := describe(glossary.Corroborate(&gt, s.TermFindings(Options{}, &gt)))
	s.Close()
	for _, c := range []string{"", t.TempDir()} {
		opts := Options{Glossary: g}
		if c != "" {
			opts.Cache = openCache(t, c, "test")
		}
		for _, run := range []string{"first", "again"} {
			r, err := Status(context.Background(), dir, opts)
			if err != nil {
				t.Fatal(err)
			}
			var fs []glossary.Finding
			for _, p := range r.Pages {
				fs = append(fs, p.Glossary...)
			}
			if got := describe(fs); !slices.Equal(got, want) {
				t.Errorf("cache %v, %s run: status findings\n%q\nwant (glossary check)\n%q", c != "", run, got, want)
			}
		}
	}
	// What the fixture is for: each kind of page is checked.
	for _, p := range []string{"content/ko/a.md:5", "content/ko/c.md:2", "content/ko/orphan.md:3"} {
		if !slices.ContainsFunc(want, func(f string) bool { return len(f) > len(p) && f[:len(p)+1] == p+":" }) {
			t.Errorf("glossary check finds nothing at %s: %q", p, want)
		}
	}
	if slices.ContainsFunc(want, func(f string) bool { return f[:len("content/ko/b.md")] == "content/ko/b.md" }) {
		t.Errorf("glossary check keeps the uncorroborated finding on b.md: %q", want)
	}
}

// TestStatusGlossaryUnparsable: an orphan or stub translation whose front
// matter scans but whose body does not parse (here over the link
// reference limit) is a problem of the run when a glossary checks it, as
// any other page that does not parse, not a page silently left unchecked.
func TestStatusGlossaryUnparsable(t *testing.T) {
	refs := strings.Repeat("[r]: https://example.com/x\n", parse.MaxReferenceRun+1)
	dir := t.TempDir()
	git(t, dir, "init", "-q", "-b", "main")
	commitStep(t, dir, "one", map[string]string{
		"hugo.toml":        enKoHugo,
		"content/en/a.md":  "---\ntitle: A\n---\n\nEvery cluster has a node.\n",
		"content/ko/a.md":  "---\ntitle: 가\n---\n" + refs,
		"content/ko/or.md": "# 고아\n\n" + refs,
	})
	g, err := glossary.Parse("g.yaml", []byte("terms:\n  - en: node\n    ko: {use: [노드]}\n"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := Status(context.Background(), dir, Options{Glossary: g})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range r.Problems {
		got = append(got, p.Path)
	}
	slices.Sort(got)
	if want := []string{"content/ko/a.md", "content/ko/or.md"}; !slices.Equal(got, want) {
		t.Errorf("problems in %q, want %q", got, want)
	}
}
