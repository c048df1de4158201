package parse

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// flatAndParsed returns the fields of the YAML front matter of src read
// by flatYAMLFields (ok false when it declines) and by the parser.
func flatAndParsed(src []byte) (flat, parsed []field, ok bool, err error) {
	doc := &Document{Path: "p.md", Src: src, Lines: NewLines(src)}
	if !delimLine(src, "---") {
		return nil, nil, false, nil
	}
	fm, err := fencedBlock(doc, 0, "---", YAML)
	if err != nil || checkSize(doc, fm) != nil {
		return nil, nil, false, err
	}
	flat, ok = flatYAMLFields(doc, fm)
	parsed, err = parsedYAMLFields(doc, fm)
	return flat, parsed, ok, err
}

func checkFlat(t *testing.T, name string, src []byte) bool {
	t.Helper()
	flat, parsed, ok, err := flatAndParsed(src)
	if !ok {
		return false
	}
	if err != nil {
		t.Errorf("%s: flatYAMLFields read %q, the parser fails: %v", name, src, err)
	} else if !reflect.DeepEqual(flat, parsed) {
		t.Errorf("%s: %q:\nflat   %+v\nparsed %+v", name, src, flat, parsed)
	}
	return true
}

var flatYAMLCases = []struct {
	fm   string
	flat bool
}{
	{"title: Pods\nweight: 10\n", true},
	{"# a comment\ntitle: \"파드\"\n\nlinkTitle: 'x y'\ncontent_type: concept\n", true},
	{"title: a:b http://x.y/z, (c) 1.5\nno_list: true\nweight: 010\ndate: 2024-01-02\n", true},
	{"title: x  \n", false},        // trailing spaces
	{"title:   \n", false},         // no value
	{"title: x # note\n", false},   // a comment after the value
	{"title: >\n  folded\n", true}, // block scalars
	{"description: >-\n  two\n  lines: x # y\n\nweight: 2\n", true},
	{"a: |\n   kept\n   breaks\n# c\nb: |-\n  x\n", true},
	{"a: >\n  x\n    more indented\n", false},
	{"a: >\n  x\n\n  after a blank line\n", false},
	{"a: >\n\n  x\n", false},
	{"a: >+\n  kept\n", false},
	{"a: >2\n  x\n", false},
	{"a: > # c\n  x\n", false},
	{"a: >\n  x \n", false},
	{"a: >\nb: 1\n", false},
	{"card:\n  name: x\n  weight: 20\ntitle: y\n", true}, // a mapping
	{"reviewers:\n- alice\n- bob\n\ntitle: x\n", true},   // lists
	{"reviewers:\n  - alice\n  - bob\ntitle: x\n", true},
	{"card:\n  tags:\n  - a\n  - b\n  name: x\n", true},
	{"reviewers:\ntitle: x\n", true}, // null
	{"title: x\nreviewers:\n", true},
	{"card:\n  deep:\n    name: x\n", false},
	{"card:\n  name: x\n    more: y\n", false},
	{"card:\n  name: x\n card: y\n", false},
	{"card:\n  name: >\n    x\n", false},
	{"card:\n  name: x\n  name: y\n", false},
	{"card:\n  name: x\ncard: y\n", false},
	{"reviewers:\n- alice # c\n", false},
	{"reviewers:\n-   alice\n", false},
	{"reviewers:\n- \"q\"\n", false},
	{"reviewers:\n- a: b\n", false},
	{"reviewers:\n- a\n  - b\n", false},
	{"reviewers:\n\n- a\n", false},
	{"reviewers:\n# c\ntitle: x\n", false},
	{"reviewers: \ntitle: x\n", false},
	{"title: \"a\\\"b\"\n", false},             // escapes
	{"title: 'it''s'\n", false},                // quote doubled
	{"title: x\ntitle: y\n", false},            // duplicate key
	{"title: x\n  more\n", false},              // continuation
	{"tags: [a, b]\n", false},                  // flow sequence
	{"title: &a x\nother: *a\n", false},        // anchor, alias
	{"title: null\n", false},                   // null
	{"true: x\n", false},                       // a key that is not a string
	{"title:\tx\n", false},                     // tab
	{"title: x\r\nweight: 1\r\n", false},       // CR
	{"title: a: b\n", false},                   // a mapping in a value
	{"title: x\n- y\n", false},                 // a sequence entry
	{"title: \"x\" y\n", false},                // text after a quoted string
	{"title: x\n# trailing comment\n\n", true}, // comment and blank lines close the last value
}

// TestFlatYAML: flatYAMLFields reads the simple front matters, with the
// parser's fields, and declines the others.
func TestFlatYAML(t *testing.T) {
	for _, c := range flatYAMLCases {
		src := []byte("---\n" + c.fm + "---\n\nText.\n")
		if got := checkFlat(t, c.fm, src); got != c.flat {
			t.Errorf("flatYAMLFields(%q) read it: %v, want %v", c.fm, got, c.flat)
		}
	}
}

func FuzzFlatYAML(f *testing.F) {
	for _, c := range flatYAMLCases {
		f.Add(c.fm)
	}
	f.Fuzz(func(t *testing.T, fm string) {
		if len(fm) > 2000 || !utf8.ValidString(fm) {
			return // Parse refuses a page that is not UTF-8 before its front matter is read
		}
		checkFlat(t, "fuzz", []byte("---\n"+fm+"\n---\nText.\n"))
	})
}

// TestFlatYAMLCorpus compares flatYAMLFields with the parser on every page
// under $CNPE_PARSE_BENCH_DIR (skipped without it).
func TestFlatYAMLCorpus(t *testing.T) {
	dir := os.Getenv("CNPE_PARSE_BENCH_DIR")
	if dir == "" {
		t.Skip("set CNPE_PARSE_BENCH_DIR to a directory of real pages")
	}
	pages, flat := 0, 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() || !strings.HasSuffix(path, ".md") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		pages++
		if checkFlat(t, path, src) {
			flat++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d pages, %d front matters read flat", pages, flat)
}

// BenchmarkYAMLFields reads the flat YAML front matters of the benchmark
// pages with flatYAMLFields and with the parser.
func BenchmarkYAMLFields(b *testing.B) {
	files, err := filepath.Glob("testdata/bench/*.md")
	if err != nil {
		b.Fatal(err)
	}
	type page struct {
		doc *Document
		fm  FrontMatterBlock
	}
	var pages []page
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		doc := &Document{Path: f, Src: src, Lines: NewLines(src)}
		if !delimLine(src, "---") {
			continue
		}
		fm, err := fencedBlock(doc, 0, "---", YAML)
		if err != nil {
			b.Fatal(err)
		}
		if _, ok := flatYAMLFields(doc, fm); !ok {
			continue // guide.md: a flow sequence
		}
		pages = append(pages, page{doc, fm})
	}
	b.Run("flat", func(b *testing.B) {
		for b.Loop() {
			for _, p := range pages {
				flatYAMLFields(p.doc, p.fm)
			}
		}
	})
	b.Run("parser", func(b *testing.B) {
		for b.Loop() {
			for _, p := range pages {
				if _, err := parsedYAMLFields(p.doc, p.fm); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}
