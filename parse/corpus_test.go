package parse

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/internal/corpustest"
)

// TestCorpusSegments segments every Markdown file of the real site.
func TestCorpusSegments(t *testing.T) {
	dir := corpustest.Snapshot(t)
	n := 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		doc, err := Parse(path, src)
		if err != nil {
			t.Errorf("%v", err)
			return nil
		}
		checkInvariants(t, doc)
		checkLinesHoldText(t, doc)
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 150 {
		t.Errorf("segmented %d files, want the whole corpus (150+)", n)
	}
}

// checkLinesHoldText checks that each unit's first and last text lines are
// on its line and end_line.
func checkLinesHoldText(t *testing.T, doc *Document) {
	t.Helper()
	for _, u := range doc.Units {
		if strings.TrimSpace(u.Text) == "" {
			continue
		}
		lines := strings.Split(u.Text, "\n")
		first := strings.TrimSpace(lines[0])
		last := strings.TrimSpace(lines[len(lines)-1])
		if u.Kind == FrontMatter {
			// Decoded values fold lines: check the first and last words.
			words := strings.Fields(u.Text)
			first, last = words[0], words[len(words)-1]
		}
		fileLine := func(n int) string { return string(doc.Src[doc.Lines.Start(n):doc.Lines.End(n)]) }
		if !strings.Contains(fileLine(u.Line), first) {
			t.Errorf("%s:%d: %s %s: line does not hold %q", doc.Path, u.Line, u.ID, u.Kind, first)
		}
		if !strings.Contains(fileLine(u.EndLine), last) {
			t.Errorf("%s:%d: %s %s: end line does not hold %q", doc.Path, u.EndLine, u.ID, u.Kind, last)
		}
	}
}

var atxHeading = regexp.MustCompile(`^ {0,3}#{1,6}[ \t]`)

// TestCorpusWhitepaper checks the English whitepaper and its CJK
// translations: headings, the capabilities table, front matter.
func TestCorpusWhitepaper(t *testing.T) {
	dir := corpustest.Snapshot(t)
	tests := []struct {
		path  string
		cells int
	}{
		{"platforms-whitepaper/latest/index.md", 42},
		{"website/content/ja/resources/whitepaper/latest/index.md", 42},
		{"website/content/ko/resources/whitepaper/latest/index.md", 42},
		{"website/content/zh/resources/whitepaper/latest/index.md", 0}, // an HTML table with more cells
		{"website/content/zh/resources/whitepaper/v1/index.md", 0},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join(dir, tt.path))
			if err != nil {
				t.Fatal(err)
			}
			doc := mustParse(t, tt.path, string(src))
			checkLinesHoldText(t, doc)
			// Every ATX heading line outside code fences is a heading unit.
			headings := map[int]bool{}
			cells := 0
			for _, u := range doc.Units {
				switch u.Kind {
				case Heading:
					headings[u.Line] = true
				case TableCell:
					cells++
				}
			}
			inFence := false
			for i, line := range strings.Split(string(src), "\n") {
				if strings.HasPrefix(strings.TrimSpace(line), "```") {
					inFence = !inFence
				}
				if !inFence && i+1 > doc.Lines.Line(doc.FrontMatter.End) && atxHeading.MatchString(line) && !headings[i+1] {
					t.Errorf("line %d: heading %q is not a heading unit", i+1, line)
				}
			}
			if tt.cells > 0 && cells != tt.cells {
				t.Errorf("got %d table cells, want %d", cells, tt.cells)
			}
			if tt.cells == 0 && cells < 42 {
				t.Errorf("got %d table cells from the HTML table, want at least 42", cells)
			}
			for key, want := range map[string]bool{"title": true, "description": true, "pdf": false, "url": false, "type": false} {
				u := doc.Field(key)
				if u == nil {
					if key == "title" || strings.HasPrefix(tt.path, "platforms-whitepaper") {
						t.Errorf("no front matter unit %q", key)
					}
					continue
				}
				if u.Translatable != want {
					t.Errorf("front matter %q translatable = %v, want %v", key, u.Translatable, want)
				}
			}
		})
	}
}
