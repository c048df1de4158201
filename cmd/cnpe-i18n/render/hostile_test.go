package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"

	isync "github.com/cnpe-i18n/cnpe-i18n/sync"
	"github.com/cnpe-i18n/cnpe-i18n/sync/change"
)

func stalePage(lang, source, translation string) isync.PageReport {
	return isync.PageReport{Lang: lang, Source: source, Translation: translation, State: isync.PageStale,
		Units: []isync.UnitReport{{ID: "s/paragraph-1", State: isync.UnitStale, Line: 3, EndLine: 3, SourceLine: 3,
			Words: []change.Edit{{Op: change.Insert, Text: "new words"}}}}}
}

// TestHostileLinksNeedHTTPS: without a known https base (GITHUB_REPOSITORY
// unset, or a server or repository that is not one), a directory named
// javascript:alert(document.domain) is printed as code, never linked.
func TestHostileLinksNeedHTTPS(t *testing.T) {
	dir := "javascript:alert(document.domain)"
	r := &isync.Report{SchemaVersion: 1, Source: "en", Languages: []string{"ja"},
		Pages: []isync.PageReport{stalePage("ja", dir+"/en.md", dir+"/ja.md")}}
	for _, l := range []Linker{
		GitHubLinker("", "", ""),
		GitHubLinker("https://github.com", "", "0123456789abcdef"),
		GitHubLinker("http://github.com", "o/r", "0123456789abcdef"),
		GitHubLinker("javascript:alert(1)//", "o/r", "0123456789abcdef"),
		GitHubLinker("https://github.com", "o/r)](javascript:alert(1)", "0123456789abcdef"),
		GitHubLinker("https://github.com", "o/r", "main)(x"),
		{Base: "javascript:"},
	} {
		t.Run(l.Base, func(t *testing.T) {
			got := Comment(r, l, MaxCommentBytes)
			checkInert(t, got)
			if strings.Contains(got, "](") {
				t.Errorf("comment has a link:\n%s", got)
			}
			if !strings.Contains(got, "<code>javascript\\:alert\\(document.domain\\)/ja.md</code>") {
				t.Errorf("comment does not name the file as code:\n%s", got)
			}
		})
	}
	good := GitHubLinker("", "o/r", "0123456789abcdef")
	if got := good.Line(dir+"/ja.md", 3, 3); got != "https://github.com/o/r/blob/0123456789abcdef/javascript%3Aalert%28document.domain%29/ja.md#L3" {
		t.Errorf("got link %q", got)
	}
}

func TestHostileIssueReferences(t *testing.T) {
	r := &isync.Report{SchemaVersion: 1, Source: "en", Languages: []string{"ja"},
		Pages: []isync.PageReport{stalePage("ja", "content/en/a.md", "content/ja/a.md")}}
	r.Pages[0].Units[0].Words = []change.Edit{{Op: change.Insert, Text: "fixed in GH-456, gh-7 and #8 by @someone"}}
	got := Comment(r, GitHubLinker("", "o/r", "0123456789abcdef"), MaxCommentBytes)
	checkInert(t, got)
	if !strings.Contains(got, "GH\u200b\\-456") {
		t.Errorf("GH-456 is not split:\n%s", got)
	}
}

// TestHostileSARIFURIs: artifact URIs are relative URI references that
// resolve to the file, whatever its name holds.
func TestHostileSARIFURIs(t *testing.T) {
	names := []string{"content/ja/a b.md", "content/ja/日本語.md", "content/ja/x\ny.md", "content/ja/a#b?c%d.md", "javascript:x/a.md", "content/ja/(1).md"}
	r := &isync.Report{SchemaVersion: 1, Source: "en", Languages: []string{"ja"}}
	for _, n := range names {
		r.Pages = append(r.Pages, stalePage("ja", "content/en/a.md", n))
	}
	var b bytes.Buffer
	if err := SARIF(&b, r, "test"); err != nil {
		t.Fatal(err)
	}
	var log SARIFLog
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, res := range log.Runs[0].Results {
		uri := res.Locations[0].PhysicalLocation.ArtifactLocation.URI
		u, err := url.Parse(uri)
		if err != nil || u.Scheme != "" || u.Opaque != "" || u.RawQuery != "" || u.Fragment != "" || strings.ContainsAny(uri, " \n") {
			t.Errorf("URI %q is not a plain relative reference (%v)", uri, err)
			continue
		}
		got = append(got, u.Path)
	}
	if fmt.Sprint(got) != fmt.Sprint(names) {
		t.Errorf("URIs resolve to %q, want %q", got, names)
	}
}

// TestHostileCommentBytes: with CJK file names and text the comment stays
// under GitHub's limit counted in bytes, as docs/ci.md's head -c counts.
func TestHostileCommentBytes(t *testing.T) {
	r := &isync.Report{SchemaVersion: 1, Source: "en", Languages: []string{"ja"}}
	for i := range 2000 {
		name := fmt.Sprintf("content/ja/ドキュメント/翻訳されたページ%d.md", i)
		p := stalePage("ja", fmt.Sprintf("content/en/ドキュメント/ページ%d.md", i), name)
		p.Units[0].Words = []change.Edit{{Op: change.Insert, Text: strings.Repeat("段落の文章です。", 10)}}
		r.Pages = append(r.Pages, p)
	}
	got := Comment(r, GitHubLinker("", "o/r", "0123456789abcdef"), MaxCommentBytes)
	if len(got) >= MaxCommentBytes {
		t.Errorf("comment is %d bytes, limit %d", len(got), MaxCommentBytes)
	}
	if !strings.Contains(got, "more not shown") {
		t.Error("the comment does not say what it left out")
	}
}
