package glossary_test

import (
	"fmt"

	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/cnpe-i18n/cnpe-i18n/glossary"
	"github.com/cnpe-i18n/cnpe-i18n/parse"
	isync "github.com/cnpe-i18n/cnpe-i18n/sync"
	"github.com/cnpe-i18n/cnpe-i18n/sync/align"
	"github.com/cnpe-i18n/cnpe-i18n/sync/site"
)

var want = regexp.MustCompile(`<!-- want "([a-z-]+) ([^"]+)" -->`)

// TestFixtures checks each testdata/*.txtar: the findings on the
// translation (ja.md, or tr.md in the language named by the lang file),
// aligned with en.md when there is one, must be exactly the
// <!-- want "rule term" --> comments, on their lines. Without en.md the
// page has no source: only the checks that need none run.
func TestFixtures(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			parts := map[string][]byte{}
			for _, f := range ar.Files {
				parts[f.Name] = f.Data
			}
			g, err := glossary.Parse("glossary.yaml", parts["glossary.yaml"])
			if err != nil {
				t.Fatal(err)
			}
			path := strings.TrimSpace(string(parts["path"]))
			lang := strings.TrimSpace(string(parts["lang"]))
			trText := parts["tr.md"]
			if lang == "" {
				lang, trText = "ja", parts["ja.md"]
			}
			tr, err := parse.Parse(path, trText)
			if err != nil {
				t.Fatal(err)
			}
			page := isync.AlignedPage{Lang: lang, Translation: &isync.Page{File: site.File{Path: path}, Doc: tr}}
			if src, ok := parts["en.md"]; ok {
				en, err := parse.Parse("en.md", src)
				if err != nil {
					t.Fatal(err)
				}
				page.Base, page.Pairs = en, align.Align(en, tr, align.Options{})
			}
			var got []string
			for _, f := range isync.CheckTerms(g.Matcher(lang), page) {
				got = append(got, fmt.Sprintf("%d %s %s", f.Line, f.Rule, f.Term))
			}
			var expected []string
			for i, line := range strings.Split(string(trText), "\n") {
				for _, m := range want.FindAllStringSubmatch(line, -1) {
					expected = append(expected, fmt.Sprintf("%d %s %s", i+1, m[1], m[2]))
				}
			}
			sort.Strings(got)
			sort.Strings(expected)
			if strings.Join(got, "\n") != strings.Join(expected, "\n") {
				t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(expected, "\n"))
			}
		})
	}
}

func ExampleGlossary_Matcher() {
	g, _ := glossary.Parse("glossary.yaml", []byte("terms:\n  - en: telemetry\n    ja: {use: [テレメトリー], avoid: [テレメトリ]}\n"))
	src, _ := parse.Parse("en.md", []byte("Collect telemetry.\n"))
	tr, _ := parse.Parse("ja.md", []byte("テレメトリを収集します。テレメトリーは大切です。\n"))
	m := g.Matcher("ja")
	for _, f := range m.CheckPair(src, []*parse.Unit{&src.Units[0]}, tr, []*parse.Unit{&tr.Units[0]}, "ja.md") {
		fmt.Println(f)
	}
	// Output:
	// ja.md:1:1: forbidden "telemetry": found "テレメトリ", expected "テレメトリー"
}

func ExampleMatcher_Check() {
	g, _ := glossary.Parse("glossary.yaml", []byte(`terms:
  - en: hook
    ko: {use: [훅], first: "{use}({en})"}
  - en: request
    ko: {use: [요청]}
  - en: pull request
    ko: {use: [풀 리퀘스트]}
`))
	src, _ := parse.Parse("en.md", []byte("A hook runs.\n\nOpen a pull request; the hook checks it.\n"))
	tr, _ := parse.Parse("ko.md", []byte("훅이 실행된다.\n\n풀 리퀘스트를 열면 훅이 확인한다.\n"))
	page := glossary.Page{Path: "ko.md", Doc: tr, Source: src, Pairs: []glossary.UnitPair{
		{Source: []*parse.Unit{&src.Units[0]}, Target: []*parse.Unit{&tr.Units[0]}},
		{Source: []*parse.Unit{&src.Units[1]}, Target: []*parse.Unit{&tr.Units[1]}},
	}}
	for _, f := range g.Matcher("ko").Check(page) {
		fmt.Println(f)
	}
	// Output:
	// ko.md:1:1: first-use "hook": found "훅", expected "훅(hook)"
}
