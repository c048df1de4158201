package release

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the workflow blocks of docs/ci.md from docs/workflows")

// workflowBlock is a workflow file included in a page: the marker names
// the file, the yaml block after it is the file's text.
var workflowBlock = regexp.MustCompile("(?s)<!-- workflow: (workflows/[a-z0-9-]+\\.yml) -->\n```yaml\n(.*?)```\n")

// TestDocsWorkflows keeps docs/ci.md equal to the files in docs/workflows
// that actionlint checks, and includes every one of them. Run with
// -update (make golden) to rewrite the page from the files.
func TestDocsWorkflows(t *testing.T) {
	page := "../../docs/ci.md"
	data, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob("../../docs/workflows/*.yml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no workflows: %v", err)
	}
	included := map[string]bool{}
	text := workflowBlock.ReplaceAllStringFunc(string(data), func(m string) string {
		sub := workflowBlock.FindStringSubmatch(m)
		name := sub[1]
		included[name] = true
		want, err := os.ReadFile(filepath.Join("../../docs", name))
		if err != nil {
			t.Errorf("docs/ci.md includes %s: %v", name, err)
			return m
		}
		if sub[2] != string(want) && !*update {
			t.Errorf("docs/ci.md shows %s differently from the file (make golden rewrites the page)", name)
		}
		return "<!-- workflow: " + name + " -->\n```yaml\n" + string(want) + "```\n"
	})
	for _, f := range files {
		if name := "workflows/" + filepath.Base(f); !included[name] {
			t.Errorf("docs/ci.md does not include %s", name)
		}
	}
	if *update {
		if err := os.WriteFile(page, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestDocsActionTag: the README, the CI page and the workflows name the
// same release of the action, and it is a release tag the action
// downloads (not a branch it would build).
func TestDocsActionTag(t *testing.T) {
	uses := regexp.MustCompile(`cnpe-i18n/cnpe-i18n(?:@|:)(v[0-9A-Za-z.+-]+)`)
	files, _ := filepath.Glob("../../docs/workflows/*.yml")
	files = append(files, "../../README.md", "../../docs/ci.md")
	tags := map[string][]string{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range uses.FindAllStringSubmatch(string(data), -1) {
			tags[m[1]] = append(tags[m[1]], filepath.Base(f))
		}
	}
	if len(tags) != 1 {
		t.Fatalf("the docs name %d tags of the action, want one: %v", len(tags), tags)
	}
	for tag, where := range tags {
		if !regexp.MustCompile(`^v[0-9]+\.[0-9]+\.[0-9]+$`).MatchString(tag) {
			t.Errorf("%s (in %s) is not a release tag", tag, strings.Join(slices.Compact(where), ", "))
		}
		if !slices.Contains(where, "README.md") {
			t.Error("the README does not give the uses: line")
		}
	}
}
