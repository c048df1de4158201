package render

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	isync "github.com/cnpe-i18n/cnpe-i18n/sync"
	"github.com/cnpe-i18n/cnpe-i18n/sync/change"
	"github.com/cnpe-i18n/cnpe-i18n/sync/history"
	"github.com/cnpe-i18n/cnpe-i18n/translations"
)

// longTail is an unchanged run long enough that the comment cuts it.
var longTail = " and operators" + strings.Repeat(" keep the platform running for everyone", 20) + "."

// sourceCentredReport is what one pull request does to three
// translations of two English pages: each English change reaches every
// language.
func sourceCentredReport() *isync.Report {
	const guide = "content/en/docs/context-propagation/_index.md"
	stale := func(line int) isync.UnitReport {
		return isync.UnitReport{ID: "_/paragraph-1", State: isync.UnitStale, Change: change.Prose, Line: line, EndLine: line + 1, SourceLine: 5,
			SourceBefore: "Run `make build` before you push.", SourceAfter: "Run `make test` before you push.",
			Words: []change.Edit{{Op: change.Equal, Text: "Run `make "}, {Op: change.Delete, Text: "build"}, {Op: change.Insert, Text: "test"}, {Op: change.Equal, Text: "` before you push."}}}
	}
	long := func(line int) isync.UnitReport {
		return isync.UnitReport{ID: "_/paragraph-2", State: isync.UnitStale, Change: change.Prose, Line: line, EndLine: line, SourceLine: 7,
			SourceBefore: "Developers" + longTail, SourceAfter: "Developers, data scientists" + longTail,
			Words: []change.Edit{{Op: change.Equal, Text: "Developers"}, {Op: change.Insert, Text: ", data scientists"}, {Op: change.Equal, Text: longTail}}}
	}
	added := func(line int) isync.UnitReport {
		return isync.UnitReport{ID: "_/paragraph-3", State: isync.UnitNew, Change: change.Added, Line: line, EndLine: line, SourceLine: 9,
			SourceAfter: "Deploy with `kubectl apply -f site.yaml` \\- then check the \\_index page."}
	}
	removed := func(line int) isync.UnitReport {
		return isync.UnitReport{ID: "_/paragraph-4", State: isync.UnitObsolete, Change: change.Removed, Line: line, EndLine: line, SourceLine: 11,
			SourceBefore: "The legacy installer is gone."}
	}
	page := func(lang string, units ...isync.UnitReport) isync.PageReport {
		return isync.PageReport{Lang: lang, Source: guide, Translation: strings.Replace(guide, "/en/", "/"+lang+"/", 1), State: isync.PageStale, Words: 20, Units: units}
	}
	return &isync.Report{SchemaVersion: 1, Source: "en", Languages: []string{"ja", "ko", "zh"},
		Since: &history.ChangeSet{Ref: "main"},
		Pages: []isync.PageReport{
			page("ja", stale(5), long(8), added(9), removed(12)),
			{Lang: "ja", Source: "content/en/docs/new_page.md", State: isync.PageMissing},
			page("ko", stale(6), long(9), added(0), removed(14)),
			{Lang: "ko", Source: "content/en/docs/new_page.md", State: isync.PageMissing},
			page("zh", stale(5), long(8), added(10), removed(12)),
			{Lang: "zh", Source: "content/en/docs/new_page.md", State: isync.PageMissing},
			{Lang: "zh", Translation: "content/zh/docs/old.md", State: isync.PageOrphan, RenamedTo: "content/en/docs/new_page.md"},
		},
		Strings: []translations.Entry{{Lang: "ja", Key: "read-more", State: translations.Stale, File: "i18n/ja.toml", Line: 3, Source: "Read more", Text: "続き"}},
	}
}

// TestCommentSourceCentred: each English unit once with its word diff,
// then the languages and translated lines it affects; new pages in one
// line; and the comment renders on GitHub as written.
func TestCommentSourceCentred(t *testing.T) {
	for _, l := range []Linker{GitHubLinker("", "o/r", "0123456789abcdef"), {}} {
		t.Run(fmt.Sprintf("links=%v", l.Base != ""), func(t *testing.T) {
			got := Comment(sourceCentredReport(), l, MaxCommentBytes)
			checkInert(t, got)
			for _, p := range RenderProblems(got) {
				t.Error(p)
			}
			for what, n := range map[string]int{
				"- **changed**": 2, "- **new**": 1, "- **removed**": 1, // once each, not once per language
				"before you push": 1, "data scientists": 1, "kubectl apply": 1, "legacy installer": 1,
				"new\\_page.md</code>: no translation in **ja**, **ko** and **zh** yet": 1,
				"### <code>content/en/docs/context\\-propagation/\\_index.md</code>":    1,
			} {
				if c := strings.Count(got, what); c != n {
					t.Errorf("%q appears %d times, want %d:\n%s", what, c, n, got)
				}
			}
			lines := regexp.MustCompile(`(?m)^  - retranslate: \*\*ja\*\* .+ · \*\*ko\*\* .+ · \*\*zh\*\* .+$`).FindAllStringSubmatch(got, -1)
			if len(lines) != 2 {
				t.Fatalf("want 2 retranslate lines naming ja, ko and zh:\n%s", got)
			}
			goes := "goes after: **ja** line 9 · **ko** the top · **zh** line 10"
			if l.Base != "" {
				goes = "goes after: **ja** [line 9](https://github.com/o/r/blob/0123456789abcdef/content/ja/docs/context-propagation/_index.md#L9) · **ko** [the top]("
				if !strings.Contains(got, "**ko** [lines 6–7](https://github.com/o/r/blob/0123456789abcdef/content/ko/docs/context-propagation/_index.md#L6-L7)") {
					t.Errorf("no line link into the ko translation:\n%s", got)
				}
			}
			if !strings.Contains(got, goes) {
				t.Errorf("want %q:\n%s", goes, got)
			}
			text := renderedText(t, got)
			for _, want := range []string{
				"Run `make buildtest` before you push.",          // code spans intact, delete then insert
				"Developers, data scientists and operators keep", // not glued where the excerpt is cut
				"- then check the _index page",                   // the page's own escapes do not show
				"context-propagation/_index.md",
				"ja: 1 UI string",
			} {
				if !strings.Contains(text, want) {
					t.Errorf("rendered text lacks %q:\n%s", want, text)
				}
			}
		})
	}
}

// renderedText is the text a reader sees of a comment on GitHub.
func renderedText(t *testing.T, comment string) string {
	t.Helper()
	out, err := GitHubHTML(comment)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return strings.ReplaceAll(b.String(), "\u200b", "")
}

// TestRenderProblems: the checker finds each way a comment can render
// other than intended, and passes one that renders well.
func TestRenderProblems(t *testing.T) {
	tests := []struct {
		name, markdown, want string
	}{
		{"escape in summary", "<details><summary>content/en/\\_index.md</summary>\n\n- a\n\n</details>\n", "visible escape"},
		{"line swallowed after details", "<details><summary>x</summary>\n\n- a\n\n</details>\n- **stale** b\n", "Markdown shown as text"},
		{"heading swallowed", "<details>\n### Title\n</details>\n", "Markdown shown as text"},
		{"code placeholder", "- **stale** run \uFFFC first\n", "placeholder"},
		{"renders well", "## T\n\n<details><summary>content/en/_index.md</summary>\n\n- **stale** a\\_b <del>x</del>\n\n</details>\n\n- **new** c\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := strings.Join(RenderProblems(tt.markdown), "\n")
			if tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
				t.Errorf("RenderProblems = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestCommentSiteSummary: without --since the summary speaks of the site,
// not of a change.
func TestCommentSiteSummary(t *testing.T) {
	r := sourceCentredReport()
	r.Since = nil
	got := Comment(r, Linker{}, MaxCommentBytes)
	checkInert(t, got)
	want := "This site has **4** source units on **1** page changed since they were translated (**12** translated units), **1** page without a translation, **1** translation without a source and **1** UI string to update, in **ja**, **ko** and **zh**."
	if !strings.Contains(got, want) {
		t.Errorf("want %q:\n%s", want, got)
	}
}

// TestMarkdownDiffCut: the run that crosses the limit is cut, whatever
// its kind, so that a long rewrite still shows the start of its new text;
// spaces at a cut stay.
func TestMarkdownDiffCut(t *testing.T) {
	old := strings.Repeat("former wording ", 14) // 210 characters
	new := "Fresh wording begins here" + strings.Repeat(" and goes on", 30)
	tests := []struct {
		name  string
		edits []change.Edit
		want  []string
	}{
		{"insert crosses", []change.Edit{{Op: change.Delete, Text: old}, {Op: change.Insert, Text: new}, {Op: change.Equal, Text: " tail"}},
			[]string{"<ins>Fresh wording begins here and goes on", "…</ins>"}},
		{"equal crosses", []change.Edit{{Op: change.Equal, Text: "Teams"}, {Op: change.Insert, Text: ","}, {Op: change.Equal, Text: " and" + new}},
			[]string{"<ins>,</ins> and", "…"}},
		{"short run past the limit", []change.Edit{{Op: change.Equal, Text: old + old}, {Op: change.Insert, Text: "extra"}},
			[]string{"…"}},
		{"fits", []change.Edit{{Op: change.Equal, Text: "A "}, {Op: change.Delete, Text: "b"}, {Op: change.Insert, Text: "c"}},
			[]string{"A <del>b</del><ins>c</ins>"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := markdownDiff(tt.edits, 350)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("markdownDiff = %q, want %q in it", got, w)
				}
			}
			if n := len([]rune(got)); n > 350+200 {
				t.Errorf("markdownDiff is %d characters long", n)
			}
		})
	}
}
