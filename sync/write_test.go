package sync

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/cnpe-i18n/cnpe-i18n/glossary"
	"github.com/cnpe-i18n/cnpe-i18n/sync/edit"
	"github.com/cnpe-i18n/cnpe-i18n/sync/history"
	"github.com/cnpe-i18n/cnpe-i18n/sync/site"
)

// repoFromSteps builds a git repository from txtar steps as the scenario
// tests do and loads it as a site.
func repoFromSteps(t *testing.T, archive string) string {
	t.Helper()
	ar := txtar.Parse([]byte(archive))
	dir := t.TempDir()
	git(t, dir, "init", "-q", "-b", "main")
	steps := map[int][]txtar.File{}
	content := map[string][]byte{}
	maxStep := 0
	for _, f := range ar.Files {
		n, rest, _ := strings.Cut(f.Name, "/")
		var step int
		for _, c := range n {
			step = step*10 + int(c-'0')
		}
		steps[step] = append(steps[step], txtar.File{Name: rest, Data: f.Data})
		content[f.Name] = f.Data
		maxStep = max(maxStep, step)
	}
	for n := 1; n <= maxStep; n++ {
		if len(steps[n]) > 0 {
			applyStep(t, dir, n, steps[n], content, false)
		}
	}
	return dir
}

func loadSite(t *testing.T, dir string) *Site {
	t.Helper()
	cfg, err := site.LoadConfig(dir)
	if err != nil {
		t.Fatal(err)
	}
	s, err := Load(context.Background(), dir, Options{Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func applyAll(t *testing.T, dir string, edits []edit.FileEdit) {
	t.Helper()
	if errs := edit.Apply(dir, edits); len(errs) > 0 {
		t.Fatal(errs)
	}
}

func pageState(t *testing.T, dir, translation string) PageReport {
	t.Helper()
	s := loadSite(t, dir)
	for _, p := range s.Status(Options{}).Pages {
		if p.Translation == translation {
			return p
		}
	}
	t.Fatalf("no report for %s", translation)
	return PageReport{}
}

const siteArchive = `-- 1/hugo.toml --
defaultContentLanguage = "en"
[languages.en]
contentDir = "content/en"
[languages.ja]
contentDir = "content/ja"
[languages.ko]
contentDir = "content/ko"
`

func TestAcceptPinsAndLaterEdits(t *testing.T) {
	for _, tt := range []struct{ name, fm, body string }{
		{"yaml", "---\ntitle: ガイド\noutdated: true\n---\n", "---"},
		{"toml", "+++\ntitle = \"ガイド\"\noutdated = true\n+++\n", "+++"},
		{"json", "{\n  \"title\": \"ガイド\",\n  \"outdated\": true\n}\n", "}"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := repoFromSteps(t, siteArchive+`-- 1/content/en/guide.md --
---
title: Guide
---

First paragraph about builds.

Second paragraph about deployments.
-- 2/content/ja/guide.md --
`+tt.fm+`
ビルドについての最初の段落。

デプロイについての二番目の段落。
-- 3/content/en/guide.md --
---
title: Guide
---

First paragraph about builds.

Second paragraph about deployments and rollbacks.
`)
			s := loadSite(t, dir)
			edits, notes := s.PlanAccept(AcceptOptions{Paths: []string{"content/ja/guide.md"}})
			if len(edits) != 1 || len(notes) > 0 {
				t.Fatalf("edits %d, notes %v; want one edit", len(edits), notes)
			}
			diff := edit.UnifiedDiff(edits[0])
			changed := 0
			for _, l := range strings.Split(diff, "\n") {
				if (strings.HasPrefix(l, "+") || strings.HasPrefix(l, "-")) && !strings.HasPrefix(l, "+++") && !strings.HasPrefix(l, "---") {
					changed++
				}
			}
			// JSON moves a comma when its last member goes: one line more.
			limit := 3
			if tt.name == "json" {
				limit = 4
			}
			if changed == 0 || changed > limit || strings.Contains(diff, "デプロイ") {
				t.Errorf("accept changed %d lines (want 1 to %d, front matter only):\n%s", changed, limit, diff)
			}
			applyAll(t, dir, edits)
			if p := pageState(t, dir, "content/ja/guide.md"); p.State != PageCurrent || p.Base.Kind != BasePin {
				t.Fatalf("after accept: %s base %s, want current from the pin", p.State, p.Base.Kind)
			}
			// A later commit edits the translation's body, then English changes one sentence.
			git(t, dir, "add", "-A")
			applyStep(t, dir, 10, nil, nil, false)
			ja := filepath.Join(dir, "content/ja/guide.md")
			b, _ := os.ReadFile(ja)
			os.WriteFile(ja, []byte(strings.Replace(string(b), "最初の段落。", "最初の段落です。", 1)), 0o644)
			applyStep(t, dir, 11, nil, nil, false)
			en := filepath.Join(dir, "content/en/guide.md")
			b, _ = os.ReadFile(en)
			os.WriteFile(en, []byte(strings.Replace(string(b), "about builds.", "about builds and caches.", 1)), 0o644)
			applyStep(t, dir, 12, nil, nil, false)
			p := pageState(t, dir, "content/ja/guide.md")
			if p.State != PageStale || len(p.Units) != 1 || p.Units[0].State != UnitStale || !strings.Contains(p.Units[0].SourceAfter, "caches") {
				t.Errorf("after the English edit: %s with units %+v; want one stale unit with the new English", p.State, p.Units)
			}
		})
	}
}

func TestAcceptKeepsCRLFAndBOM(t *testing.T) {
	dir := repoFromSteps(t, siteArchive+"-- 1/content/en/a.md --\n# A\n\nText.\n-- 2/content/ja/a.md --\n\ufeff---\r\ntitle: A\r\noutdated: true\r\n---\r\n\r\n# A\r\n\r\nテキスト。\r\n")
	s := loadSite(t, dir)
	edits, _ := s.PlanAccept(AcceptOptions{Paths: []string{"content/ja/a.md"}})
	applyAll(t, dir, edits)
	got, _ := os.ReadFile(filepath.Join(dir, "content/ja/a.md"))
	if !strings.HasPrefix(string(got), "\ufeff---\r\n") || strings.Count(string(got), "\n") != strings.Count(string(got), "\r\n") || strings.Contains(string(got), "outdated") {
		t.Errorf("BOM or CRLF lost, or outdated kept:\n%q", got)
	}
}

func TestMarkAndStub(t *testing.T) {
	dir := repoFromSteps(t, siteArchive+`-- 1/content/en/_index.md --
+++
title = "Home"
+++

Welcome.
-- 1/content/en/a.md --
---
title: "A: first"
---

Alpha.
-- 1/content/en/b.md --
---
title: B
---

Beta.
-- 2/content/ja/a.md --
---
title: A
---

アルファ。
-- 2/content/ja/b.md --
---
title: B
---

ベータ。
-- 3/content/en/a.md --
---
title: "A: first"
---

Alpha, revised.
`)
	s := loadSite(t, dir)
	marks := s.PlanMark(nil, nil)
	if len(marks) != 1 || marks[0].Path != "content/ja/a.md" || !strings.Contains(string(marks[0].After), "outdated: true") {
		t.Fatalf("mark planned %+v; want outdated: true on content/ja/a.md only", marks)
	}
	stubs := s.PlanStub(nil, nil)
	got := map[string]string{}
	for _, e := range stubs {
		got[e.Path] = string(e.After)
	}
	want := map[string]string{
		"content/ja/_index.md": "+++\ntitle = \"Home\"\noutdated = true\nlist_pages = true\n+++\n",
		"content/ko/_index.md": "+++\ntitle = \"Home\"\noutdated = true\nlist_pages = true\n+++\n",
		"content/ko/a.md":      "---\ntitle: \"A: first\"\noutdated: true\n---\n",
		"content/ko/b.md":      "---\ntitle: B\noutdated: true\n---\n",
	}
	for p, w := range want {
		if got[p] != w {
			t.Errorf("stub %s:\n%q\nwant\n%q", p, got[p], w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("stubs for %v, want %d", got, len(want))
	}
	applyAll(t, dir, append(marks, stubs...))
	s = loadSite(t, dir)
	if again := s.PlanStub(nil, nil); len(again) != 0 {
		t.Errorf("second stub run plans %d files, want none", len(again))
	}
	if again := s.PlanMark(nil, nil); len(again) != 0 {
		t.Errorf("second mark run plans %d files, want none", len(again))
	}
	// accept clears the flag again.
	edits, _ := s.PlanAccept(AcceptOptions{Paths: []string{"content/ja/a.md"}})
	applyAll(t, dir, edits)
	b, _ := os.ReadFile(filepath.Join(dir, "content/ja/a.md"))
	if strings.Contains(string(b), "outdated") {
		t.Errorf("accept left the flag:\n%s", b)
	}
}

func TestFix(t *testing.T) {
	dir := repoFromSteps(t, siteArchive+`-- 1/content/en/a.md --
---
title: A
image: /img/v1.png
---

See the [reference](https://example.org/v1/ref) for details.

Run `+"`tool sync`"+` daily, or read the [local guide](/docs/guide/).

Cited work [1].

[1]: https://example.org/paper-v1
-- 2/content/ja/a.md --
---
title: A
image: /img/v1.png
---

詳細は[リファレンス](https://example.org/v1/ref)を参照してください。

毎日 `+"`tool sync`"+` を実行するか、[ガイド](/ja/docs/guide/)を読んでください。

引用文献 [1]。

[1]: https://example.org/paper-v1
-- 3/content/en/a.md --
---
title: A
image: /img/v2.png
---

See the [reference](https://example.org/v2/ref) for details.

Run `+"`tool sync --all`"+` daily, or read the [local guide](/docs/guides/).

Cited work [1].

[1]: https://example.org/paper-v2
`)
	before := pageState(t, dir, "content/ja/a.md")
	if before.State != PageCurrent || before.Count(UnitMechanical) != 3 {
		t.Fatalf("before fix: %s with %d mechanical units, want current with 3", before.State, before.Count(UnitMechanical))
	}
	s := loadSite(t, dir)
	edits, notes := s.PlanFix(nil, nil)
	if len(edits) != 1 {
		t.Fatalf("fix planned %d edits", len(edits))
	}
	after := string(edits[0].After)
	for _, want := range []string{"image: /img/v2.png", "(https://example.org/v2/ref)", "`tool sync --all`", "[1]: https://example.org/paper-v2", "詳細は[リファレンス]", "(/ja/docs/guide/)"} {
		if !strings.Contains(after, want) {
			t.Errorf("fixed page lacks %q:\n%s", want, after)
		}
	}
	if len(notes) != 1 || !strings.Contains(notes[0].Message, "needs a person") || notes[0].Line != 8 || strings.Contains(notes[0].Message, "tool sync") {
		t.Errorf("notes = %+v, want one for the localized link on line 8", notes)
	}
	applyAll(t, dir, edits)
	if p := pageState(t, dir, "content/ja/a.md"); p.Count(UnitMechanical) != 1 {
		t.Errorf("after fix: %d mechanical units, want only the localized link left", p.Count(UnitMechanical))
	}
}

// TestSinceWithGlossary: --since keeps the terminology findings of the
// units the change touches, not those of the rest of the page.
func TestSinceWithGlossary(t *testing.T) {
	dir := repoFromSteps(t, siteArchive+`-- 1/content/en/a.md --
Telemetry is collected.

Dashboards show telemetry.
-- 2/content/ja/a.md --
テレメトリを収集します。

ダッシュボードはテレメトリを表示します。
-- 3/content/en/a.md --
Telemetry is collected every minute.

Dashboards show telemetry.
`)
	g, err := glossary.Parse("g.yaml", []byte("terms:\n  - en: telemetry\n    ja: {use: [テレメトリー], avoid: [テレメトリ]}\n"))
	if err != nil {
		t.Fatal(err)
	}
	ref := strings.TrimSpace(gitOut(t, dir, "rev-parse", "HEAD~1"))
	cs, err := history.ChangedSince(context.Background(), dir, ref)
	if err != nil {
		t.Fatal(err)
	}
	s := loadSite(t, dir)
	r := s.Status(Options{Paths: cs.Paths, Since: cs, Glossary: g, Langs: []string{"ja"}})
	if len(r.Pages) != 1 || len(r.Pages[0].Units) != 1 || len(r.Pages[0].Glossary) != 1 || r.Pages[0].Glossary[0].Line != 1 {
		t.Errorf("pages %+v; want one stale unit and its one finding on line 1", r.Pages)
	}
}

func gitOut(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}
