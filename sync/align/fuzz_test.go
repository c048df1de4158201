package align

import (
	"runtime"
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

// FuzzAlign aligns generated pages of fuzzed sizes, each after a fuzzed
// Markdown prefix, under a fuzzed table bound, and checks the invariants:
// every unit once, pairs in page order, the table within its bound and
// allocation linear in the input.
func FuzzAlign(f *testing.F) {
	f.Add(uint16(40), uint16(38), uint64(1), uint32(0), "", "")
	f.Add(uint16(300), uint16(120), uint64(2), uint32(5000), "# T\n\n- a\n- b\n", "# T\n\n- b\n- a\n")
	f.Add(uint16(390), uint16(380), uint64(3), uint32(2_000), "", "")
	f.Add(uint16(5), uint16(900), uint64(4), uint32(100), "x\n", "")
	f.Add(uint16(0), uint16(0), uint64(5), uint32(1), "---\ntitle: T\n---\n| a | b |\n|---|---|\n| 1 | 2 |\n", "")
	f.Fuzz(func(t *testing.T, n, m uint16, seed uint64, cells uint32, srcPrefix, tgtPrefix string) {
		// At most 400 units a side, so that an input is aligned in
		// milliseconds; the table bound reaches down to a few cells, so
		// that narrow bands and anchors are explored at that size.
		n, m = n%400, m%400
		s, _ := genPair(int(n), seed)
		_, tr := genPair(int(m), seed)
		src, err := parse.Parse("en.md", []byte(srcPrefix+"\n\n"+s))
		if err != nil {
			return
		}
		tgt, err := parse.Parse("ja.md", []byte(tgtPrefix+"\n\n"+tr))
		if err != nil {
			return
		}
		maxCells := int(cells % (1 << 22))
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		pairs, used := align(src, tgt, Options{maxCells: maxCells})
		runtime.ReadMemStats(&after)
		checkPairs(t, src, tgt, pairs)
		if maxCells == 0 {
			maxCells = MaxCells
		}
		// The narrowest band is three cells a row, and the first and last
		// rows are whole.
		ns, nt := len(src.BodyIndexes()), len(tgt.BodyIndexes())
		if bound := max(maxCells, 3*ns+2*(nt+1)); used > bound {
			t.Errorf("table of %d cells for %d and %d units, bound %d", used, ns, nt, bound)
		}
		alloc := after.TotalAlloc - before.TotalAlloc
		if bound := uint64(1<<20 + 12*used + 64*(len(src.Src)+len(tgt.Src)) + 2048*(len(src.Units)+len(tgt.Units))); alloc > bound {
			t.Errorf("Align allocated %d bytes for pages of %d and %d bytes, %d and %d units, bound %d",
				alloc, len(src.Src), len(tgt.Src), len(src.Units), len(tgt.Units), bound)
		}
	})
}
