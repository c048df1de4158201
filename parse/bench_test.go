package parse

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark/text"

	"github.com/cnpe-i18n/cnpe-i18n/internal/cputime"
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

// BenchmarkParse parses a set of pages per operation: the fixture pages
// (testdata/bench and testdata/golden: a concept page, its Japanese
// translation, a command reference, a Korean task page with steps, code,
// tables and shortcodes, a long English guide with HTML, tabs, footnotes
// and definition lists, the golden cases), and, when
// $CNPE_PARSE_BENCH_DIR names a directory, every .md file under it (a
// checkout of a real site: the numbers that tell).
//
//	CNPE_PARSE_BENCH_DIR=/work/repos/k8s-md/content/ko go test ./parse -run '^$' -bench BenchmarkParse -benchtime 5x
func BenchmarkParse(b *testing.B) {
	var fixtures []string
	for _, glob := range []string{"testdata/bench/*.md", "testdata/golden/*.md"} {
		files, err := filepath.Glob(glob)
		if err != nil {
			b.Fatal(err)
		}
		fixtures = append(fixtures, files...)
	}
	b.Run("fixtures", func(b *testing.B) { benchParseFiles(b, fixtures) })
	b.Run("corpus", func(b *testing.B) {
		dir := os.Getenv("CNPE_PARSE_BENCH_DIR")
		if dir == "" {
			b.Skip("set CNPE_PARSE_BENCH_DIR to a directory of real pages")
		}
		var files []string
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err == nil && d.Type().IsRegular() && strings.HasSuffix(path, ".md") {
				files = append(files, path)
			}
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
		if len(files) == 0 {
			b.Skipf("no .md files under %s", dir)
		}
		benchParseFiles(b, files)
	})
}

func benchParseFiles(b *testing.B, files []string) {
	srcs := make([][]byte, len(files))
	size := 0
	for i, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		srcs[i] = src
		size += len(src)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	cpu0 := cputime.Process()
	for b.Loop() {
		for i, src := range srcs {
			// Some real pages do not parse (broken front matter): they
			// cost what they cost, as in a run of the tool.
			_, _ = Parse(files[i], src)
		}
	}
	b.ReportMetric(float64(len(files)), "pages/op")
	// The process's CPU time, garbage collection included: on a machine
	// shared with other work it varies less than the wall time.
	b.ReportMetric(float64(cputime.Process()-cpu0)/float64(b.N), "cpu-ns/op")
}
