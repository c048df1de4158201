package parse

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/yuin/goldmark/text"
)

// benchPages are the realistic pages the benchmarks run on: a long release
// page built from the fixtures, and the real whitepaper when the corpus
// is beside the repository.
func benchPages(b *testing.B) map[string][]byte {
	b.Helper()
	kinds, err := os.ReadFile("testdata/golden/kinds.md")
	if err != nil {
		b.Fatal(err)
	}
	doc, err := Parse("kinds.md", kinds)
	if err != nil {
		b.Fatal(err)
	}
	body := kinds[doc.FrontMatter.End:]
	var page bytes.Buffer
	page.Write(kinds[:doc.FrontMatter.End])
	for i := range 12 {
		fmt.Fprintf(&page, "\n## Release %d\n\n", i)
		page.Write(body)
	}
	pages := map[string][]byte{"release-notes": page.Bytes()}
	wp := filepath.Join("..", "..", "shared", "corpus", "cnpe-community", "platforms-whitepaper", "latest", "index.md")
	if src, err := os.ReadFile(wp); err == nil {
		pages["whitepaper"] = src
	}
	return pages
}

// BenchmarkSegment is the whole of Parse: front matter, goldmark, units,
// fingerprints and IDs. Compare with BenchmarkGoldmarkParse.
func BenchmarkSegment(b *testing.B) {
	for name, src := range benchPages(b) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(name, src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkGoldmarkParse is goldmark's own parse of the same pages with
// the same extensions: the floor Parse is measured against.
func BenchmarkGoldmarkParse(b *testing.B) {
	for name, src := range benchPages(b) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				markdown.Parser().Parse(text.NewReader(src))
			}
		})
	}
}
