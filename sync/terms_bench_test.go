package sync

import (
	"context"
	"os"
	gosync "sync"
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/glossary"
	"github.com/cnpe-i18n/cnpe-i18n/internal/cputime"
)

// BenchmarkCheckTerms times CheckTerms alone over the aligned pages of a
// real site: CNPE_BENCH_REPO names the repository, CNPE_BENCH_GLOSSARY
// the glossary and CNPE_BENCH_LANG the language (the benchmark is
// skipped without them). The pages are aligned once, with no history.
func BenchmarkCheckTerms(b *testing.B) {
	repo, gpath, lang := os.Getenv("CNPE_BENCH_REPO"), os.Getenv("CNPE_BENCH_GLOSSARY"), os.Getenv("CNPE_BENCH_LANG")
	if repo == "" || gpath == "" || lang == "" {
		b.Skip("set CNPE_BENCH_REPO, CNPE_BENCH_GLOSSARY and CNPE_BENCH_LANG")
	}
	data, err := os.ReadFile(gpath)
	if err != nil {
		b.Fatal(err)
	}
	g, err := glossary.Parse(gpath, data)
	if err != nil {
		b.Fatal(err)
	}
	s, err := Load(context.Background(), repo, Options{Langs: []string{lang}, NoHistory: true})
	if err != nil {
		b.Fatal(err)
	}
	var (
		mu    gosync.Mutex
		pages []AlignedPage
	)
	s.ForEachAligned(Options{Langs: []string{lang}}, func(a AlignedPage) {
		mu.Lock()
		pages = append(pages, a)
		mu.Unlock()
	})
	m := g.Matcher(lang)
	cpu := cputime.Process()
	n := 0
	for b.Loop() {
		for _, a := range pages {
			CheckTerms(m, a)
		}
		n++
	}
	// CPU time is steadier than wall time on a shared machine.
	b.ReportMetric(float64(cputime.Process()-cpu)/float64(n), "cpu-ns/op")
}
