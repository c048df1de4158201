package render

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	isync "github.com/cnpe-i18n/cnpe-i18n/sync"
	"github.com/cnpe-i18n/cnpe-i18n/sync/change"
	"github.com/cnpe-i18n/cnpe-i18n/sync/history"
	"github.com/cnpe-i18n/cnpe-i18n/translations"
)

// hostile is English text a pull request could put in a page to take
// over the comment: mentions, raw HTML, a comment, backtick runs.
const hostile = "Ping @kubernetes/sig-docs and @octocat, see #1234. <details open><summary>click</summary> <!-- hidden --> " +
	"```` ``` `` ` code ` ``` ```` <img src=x onerror=alert(1)> [link](javascript:alert(1)) **bold** | a | b |\n# heading"

func hostileReport() *isync.Report {
	return &isync.Report{
		SchemaVersion: 1, Source: "en", Languages: []string{"ja", "ko"},
		Since: &history.ChangeSet{Ref: "main"},
		Pages: []isync.PageReport{
			{Lang: "ja", Source: "content/en/docs/a.md", Translation: "content/ja/docs/a.md", State: isync.PageStale, Words: 12,
				Units: []isync.UnitReport{
					{ID: "intro/paragraph-1", State: isync.UnitStale, Change: change.Prose, Line: 7, EndLine: 8, SourceLine: 9,
						SourceBefore: "Old text.", SourceAfter: hostile,
						Words: []change.Edit{{Op: change.Delete, Text: "Old text."}, {Op: change.Insert, Text: hostile}}},
					{ID: "intro/paragraph-2", State: isync.UnitNew, Change: change.Added, SourceLine: 12, SourceAfter: "@here " + hostile},
					{ID: "intro/paragraph-3", State: isync.UnitObsolete, Change: change.Removed, Line: 10, EndLine: 10, SourceBefore: "<!-- end -->"},
				}},
			{Lang: "ko", Source: "content/en/docs/new (draft).md", State: isync.PageMissing},
		},
		Strings: []translations.Entry{{Lang: "ja", Key: "read_more", State: translations.Stale, File: "i18n/ja.toml", Line: 3, Source: "@team <b>Read</b>", Text: "続き"}},
	}
}

func TestMarkdownCommentGolden(t *testing.T) {
	tests := []struct {
		name   string
		Linker Linker
	}{
		{"comment-hostile", Linker{Base: "https://github.com/cncf/site/blob/abc123/"}},
		{"comment-relative", Linker{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Comment(hostileReport(), tt.Linker, MaxCommentBytes)
			checkInert(t, got)
			golden(t, filepath.Join("testdata", "golden", tt.name+".md"), got)
		})
	}
}

// checkInert fails the test on live markup in a comment, and on what
// would not render as intended on GitHub.
func checkInert(t *testing.T, comment string) {
	t.Helper()
	for _, p := range LiveMarkup(comment) {
		t.Error(p)
	}
	for _, p := range RenderProblems(comment) {
		t.Error(p)
	}
}

func golden(t *testing.T, file, got string) {
	t.Helper()
	if *update {
		os.MkdirAll(filepath.Dir(file), 0o755)
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (run go test -update and review):\n%s", file, got)
	}
}

func TestMarkdownCommentLimit(t *testing.T) {
	r := &isync.Report{SchemaVersion: 1, Source: "en", Languages: []string{"ja"}}
	for i := range 400 {
		p := isync.PageReport{Lang: "ja", Source: fmt.Sprintf("content/en/p%d.md", i), Translation: fmt.Sprintf("content/ja/p%d.md", i), State: isync.PageStale}
		for j := range 5 {
			text := strings.Repeat("ドキュメントの段落です。", 20) + fmt.Sprint(j)
			p.Units = append(p.Units, isync.UnitReport{ID: fmt.Sprintf("s/paragraph-%d", j), State: isync.UnitStale, Line: j*2 + 1, EndLine: j*2 + 1,
				SourceAfter: text, Words: []change.Edit{{Op: change.Insert, Text: text}}})
		}
		r.Pages = append(r.Pages, p)
	}
	got := Comment(r, Linker{Base: "https://github.com/o/r/blob/s/"}, MaxCommentBytes)
	if n := utf8.RuneCountInString(got); n > MaxCommentBytes {
		t.Errorf("comment has %d characters, limit %d", n, MaxCommentBytes)
	}
	if !regexp.MustCompile(`\*\*… and \d+ more not shown\*\*`).MatchString(got) {
		t.Error("the comment does not say what it left out")
	}
}

// TestAnnotationsAndSARIF checks that --format github and --format sarif
// describe the same Findings, and that annotations are escaped.
func TestAnnotationsAndSARIF(t *testing.T) {
	r := hostileReport()
	var gh bytes.Buffer
	Annotations(&gh, r)
	var sarif bytes.Buffer
	if err := SARIF(&sarif, r, "test"); err != nil {
		t.Fatal(err)
	}
	var log SARIFLog
	if err := json.Unmarshal(sarif.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(gh.String()), "\n")
	results := log.Runs[0].Results
	if len(lines) != len(results) || len(lines) != 5 {
		t.Fatalf("%d annotations, %d SARIF results; want the same 5", len(lines), len(results))
	}
	ann := regexp.MustCompile(`^::(warning|notice) file=([^,]+),line=(\d+),endLine=(\d+),title=[^:]*::[^\n]*$`)
	for i, l := range lines {
		m := ann.FindStringSubmatch(l)
		if m == nil {
			t.Errorf("annotation %q is malformed", l)
			continue
		}
		loc := results[i].Locations[0].PhysicalLocation
		file, err := url.PathUnescape(loc.ArtifactLocation.URI)
		if err != nil {
			t.Errorf("SARIF URI %q: %v", loc.ArtifactLocation.URI, err)
		}
		if m[2] != EscapeProperty(file) || m[3] != fmt.Sprint(loc.Region.StartLine) || m[4] != fmt.Sprint(loc.Region.EndLine) {
			t.Errorf("annotation %d at %s:%s-%s, SARIF at %s:%d-%d", i, m[2], m[3], m[4], loc.ArtifactLocation.URI, loc.Region.StartLine, loc.Region.EndLine)
		}
		if (m[1] == "warning") != (results[i].Level == "warning") {
			t.Errorf("annotation %d level %s, SARIF %s", i, m[1], results[i].Level)
		}
	}
	if log.Version != "2.1.0" || len(log.Runs[0].Tool.Driver.Rules) == 0 {
		t.Errorf("SARIF header: %+v", log)
	}
	for _, res := range results {
		if log.Runs[0].Tool.Driver.Rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("result %s points at rule %d", res.RuleID, res.RuleIndex)
		}
	}
}

var update = flag.Bool("update", false, "rewrite the golden files")
