package glossary

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

// benchSite is a made-up glossary of some 250 concepts in the shape of a
// team glossary (one- and two-word terms, case-sensitive kinds, first-use
// forms, forbidden renderings, conditions) and a Korean page of aligned
// paragraphs that use them among filler words.
func benchSite(b *testing.B) (*Glossary, Page) {
	b.Helper()
	rng := rand.New(rand.NewPCG(1, 2))
	const syllables = "가나다라마바사아자차카타파하노도로모보소오조초코토포호"
	hangul := []rune(syllables)
	word := func(n int) string { // a Latin word of n letters
		var sb strings.Builder
		for range n {
			sb.WriteByte(byte('a' + rng.IntN(26)))
		}
		return sb.String()
	}
	hword := func(n int) string {
		var sb strings.Builder
		for range n {
			sb.WriteRune(hangul[rng.IntN(len(hangul))])
		}
		return sb.String()
	}
	g := &Glossary{}
	for i := range 250 {
		en := word(4 + rng.IntN(8))
		if i%4 == 0 {
			en += " " + word(3+rng.IntN(6))
		}
		t := &Term{EN: []string{en}, Langs: map[string]*Rendering{"ko": {Use: []string{hword(2 + rng.IntN(3))}}}}
		switch i % 10 {
		case 1:
			t.CaseSensitive = true
			t.EN[0] = strings.ToUpper(en[:1]) + en[1:]
		case 2:
			t.Langs["ko"].First = "{use}({en})"
		case 3:
			t.Langs["ko"].Avoid = []string{hword(3)}
		case 4:
			t.Unless = &Context{Next: []string{word(5)}}
		case 5:
			t.Keep = true
		}
		g.Terms = append(g.Terms, t)
	}
	var en, ko strings.Builder
	en.WriteString("---\ntitle: Bench\n---\n\n")
	ko.WriteString("---\ntitle: 벤치\n---\n\n")
	for range 60 {
		for k := range 40 {
			if k > 0 {
				en.WriteByte(' ')
				ko.WriteByte(' ')
			}
			if rng.IntN(8) == 0 {
				t := g.Terms[rng.IntN(len(g.Terms))]
				en.WriteString(t.EN[0])
				if t.Keep {
					ko.WriteString(t.EN[0])
				} else {
					ko.WriteString(t.Langs["ko"].Use[0])
				}
				continue
			}
			en.WriteString(word(2 + rng.IntN(7)))
			ko.WriteString(hword(1 + rng.IntN(4)))
		}
		en.WriteString(".\n\n")
		ko.WriteString(".\n\n")
	}
	src, err := parse.Parse("en.md", []byte(en.String()))
	if err != nil {
		b.Fatal(err)
	}
	tr, err := parse.Parse("ko.md", []byte(ko.String()))
	if err != nil {
		b.Fatal(err)
	}
	p := Page{Path: "ko.md", Doc: tr, Source: src}
	for i := range min(len(src.Units), len(tr.Units)) {
		p.Pairs = append(p.Pairs, UnitPair{Source: []*parse.Unit{&src.Units[i]}, Target: []*parse.Unit{&tr.Units[i]}})
	}
	return g, p
}

func BenchmarkCheck(b *testing.B) {
	g, p := benchSite(b)
	m := g.Matcher("ko")
	if n := len(m.Check(p)); n == 0 {
		b.Fatal("no findings: the page does not exercise the checks")
	}
	b.ReportAllocs()
	for b.Loop() {
		m.Check(p)
	}
}

// BenchmarkScan is the English and Korean scans of the page's units.
func BenchmarkScan(b *testing.B) {
	g, p := benchSite(b)
	m := g.Matcher("ko")
	var texts [2][]text
	for _, side := range []struct {
		k   int
		doc *parse.Document
	}{{0, p.Source}, {1, p.Doc}} {
		for i := range side.doc.Units {
			texts[side.k] = append(texts[side.k], unitText(side.doc.Src, &side.doc.Units[i]))
		}
	}
	n := 0
	for _, t := range texts[0] {
		n += len(m.en.scan(t, m.accepts))
	}
	if n == 0 {
		b.Fatal("no English occurrences")
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts[0] {
			m.en.scan(t, m.accepts)
		}
		for _, t := range texts[1] {
			m.tr.scan(t, nil)
		}
	}
}

func BenchmarkUnitText(b *testing.B) {
	_, p := benchSite(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, doc := range []*parse.Document{p.Source, p.Doc} {
			for i := range doc.Units {
				unitText(doc.Src, &doc.Units[i])
			}
		}
	}
}
