package align

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
	"github.com/cnpe-i18n/cnpe-i18n/parse/parsetest"
)

func BenchmarkAlign(b *testing.B) {
	for _, n := range []int{100, 1000, 10_000, 50_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			s, t := genPair(n, 1)
			src, tgt := parsetest.MustParse(b, "en.md", s), parsetest.MustParse(b, "ja.md", t)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				Align(src, tgt, Options{})
			}
		})
	}
}

// alignAlloc aligns src and tgt and returns the pairs and the bytes
// allocated meanwhile.
func alignAlloc(src, tgt *parse.Document) ([]Pair, uint64) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	pairs := Align(src, tgt, Options{})
	runtime.ReadMemStats(&after)
	return pairs, after.TotalAlloc - before.TotalAlloc
}

// TestAlignMemory checks that long pages are aligned in bounded memory,
// and still aligned: a full table of 50,000 × 50,000 units would take
// 40 GB.
func TestAlignMemory(t *testing.T) {
	const limit = 256 << 20
	for _, n := range []int{10_000, 50_000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			s, tr := genPair(n, 2)
			src, tgt := parsetest.MustParse(t, "en.md", s), parsetest.MustParse(t, "ja.md", tr)
			pairs, alloc := alignAlloc(src, tgt)
			if alloc > limit {
				t.Errorf("Align of %d units allocated %d MB, want at most %d MB", n, alloc>>20, limit>>20)
			}
			t.Logf("%d and %d units: %d MB allocated", len(src.Units), len(tgt.Units), alloc>>20)
			checkPairs(t, src, tgt, pairs)
			// The generated translation keeps all but about one unit in
			// 50, in order: nearly every source unit has its counterpart.
			paired := 0
			for _, p := range pairs {
				if len(p.Source) > 0 && len(p.Target) > 0 {
					paired += len(p.Source)
				}
			}
			if len(src.Units) == 0 || paired < len(src.Units)*9/10 {
				t.Errorf("%d of %d source units paired, want at least 90%%", paired, len(src.Units))
			}
		})
	}
}

// checkPairs checks the invariants of an alignment: every unit of both
// pages appears exactly once, and body pairs are in page order on both
// sides, but for list items and table cells, which may pair out of order
// within their list or table (a run of them on both sides).
func checkPairs(t testing.TB, src, tgt *parse.Document, pairs []Pair) {
	t.Helper()
	seenS, seenT := make([]int, len(src.Units)), make([]int, len(tgt.Units))
	// last is the last body unit of a side, lastOther the last one that
	// is not a list item or table cell.
	check := func(doc *parse.Document, seen []int, idx []int, last, lastOther *int, side string) {
		for _, i := range idx {
			seen[i]++
			u := &doc.Units[i]
			switch {
			case u.Kind == parse.FrontMatter:
			case u.Kind == parse.ListItem || u.Kind == parse.TableCell:
				if i <= *lastOther {
					t.Fatalf("%s item %d after unit %d", side, i, *lastOther)
				}
				*last = max(*last, i)
			default:
				if i <= *last {
					t.Fatalf("%s unit %d after %d", side, i, *last)
				}
				*last, *lastOther = i, i
			}
		}
	}
	lastS, otherS, lastT, otherT := -1, -1, -1, -1
	for _, p := range pairs {
		if len(p.Source) == 0 && len(p.Target) == 0 {
			t.Fatalf("empty pair")
		}
		check(src, seenS, p.Source, &lastS, &otherS, "source")
		check(tgt, seenT, p.Target, &lastT, &otherT, "target")
	}
	for i, c := range seenS {
		if c != 1 {
			t.Fatalf("source unit %d appears %d times", i, c)
		}
	}
	for j, c := range seenT {
		if c != 1 {
			t.Fatalf("target unit %d appears %d times", j, c)
		}
	}
}

// TestAlignCutsLongPages checks that a page past cutAbove units is cut at
// its anchors (the code blocks, verbatim on both sides) and aligned a
// stretch at a time: the largest table is a small part of one band over
// the whole page, and the alignment is the same but for where the band
// alone strays.
func TestAlignCutsLongPages(t *testing.T) {
	for _, n := range []int{cutAbove / 2, 4 * cutAbove} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			s, tr := genPair(n, 3)
			src, tgt := parsetest.MustParse(t, "en.md", s), parsetest.MustParse(t, "ja.md", tr)
			pairs, cells := align(src, tgt, Options{})
			checkPairs(t, src, tgt, pairs)
			ns, nt := len(src.BodyIndexes()), len(tgt.BodyIndexes())
			whole := newBand(ns, nt, MaxCells).cells()
			cut := max(ns, nt) > cutAbove
			if cut && cells > whole/4 || !cut && cells < whole/2 {
				t.Errorf("%d and %d units: the largest table held %d cells, one band over the page %d (cut: %v)", ns, nt, cells, whole, cut)
			}
			// Code blocks pair with their copies: the generated translation
			// keeps them verbatim.
			for _, p := range pairs {
				for _, i := range p.Source {
					if src.Units[i].Kind != parse.Code {
						continue
					}
					if len(p.Target) != 1 || tgt.Units[p.Target[0]].Text != src.Units[i].Text {
						t.Errorf("code block %s paired with %v", src.Units[i].ID, p.Target)
					}
				}
			}
		})
	}
}
