package align

import (
	"math"
	"slices"
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

// TestCacheAgrees aligns two versions of a source page with several
// translations through one Cache and checks every alignment against one
// made without it: the cache saves reading a page again, it does not
// change what is paired.
func TestCacheAgrees(t *testing.T) {
	var sdocs []*parse.Document
	for _, n := range []int{300, 280} {
		src, _ := genPair(n, uint64(n))
		sdoc, err := parse.Parse("en.md", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		sdocs = append(sdocs, sdoc)
	}
	var c Cache
	const translations = 4
	for seed := uint64(1); seed <= translations; seed++ {
		_, tgt := genPair(300-int(seed)*20, seed)
		tdoc, err := parse.Parse("ja.md", []byte(tgt))
		if err != nil {
			t.Fatal(err)
		}
		for v, sdoc := range sdocs {
			want := Align(sdoc, tdoc, Options{})
			got := Align(sdoc, tdoc, Options{Cache: &c})
			if !slices.EqualFunc(got, want, func(x, y Pair) bool {
				return slices.Equal(x.Source, y.Source) && slices.Equal(x.Target, y.Target)
			}) {
				t.Errorf("seed %d, source %d: the cached alignment differs:\n%s\nwant\n%s", seed, v,
					describePairs(sdoc, tdoc, got), describePairs(sdoc, tdoc, want))
			}
		}
	}
	if want := len(sdocs) + translations; len(c.sides) != want {
		t.Errorf("the cache holds %d sides, want %d", len(c.sides), want)
	}
}

// TestCacheUnitsByAnchors checks that a unit is read again when its text
// is that of a unit read before but its anchors differ: a reference
// link's target is in the page's definitions, not in the unit's text.
func TestCacheUnitsByAnchors(t *testing.T) {
	var c Cache
	for _, target := range []string{"/one/", "/two/", "/one/"} {
		doc, err := parse.Parse("en.md", []byte("Read [the guide][g] first.\n\n[g]: "+target+"\n"))
		if err != nil {
			t.Fatal(err)
		}
		idx := doc.BodyIndexes()
		got, want := c.side(doc, idx, true), (*Cache)(nil).side(doc, idx, true)
		if len(got.f) != len(want.f) || len(got.f) == 0 {
			t.Fatalf("%s: %d units, want %d (> 0)", target, len(got.f), len(want.f))
		}
		if !slices.Equal(got.f[0].anchors, want.f[0].anchors) {
			t.Errorf("%s: cached anchors %v, want %v", target, got.f[0].anchors, want.f[0].anchors)
		}
	}
	if len(c.units) != 1 {
		t.Errorf("the cache holds %d units, want 1 (one text)", len(c.units))
	}
}

// TestSimAbove checks the bound simAbove prunes with: when it says a
// pairing cannot pass need, its full score does not; otherwise the score
// is the full one.
func TestSimAbove(t *testing.T) {
	src, tgt := genPair(80, 7)
	sdoc, err := parse.Parse("en.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	tdoc, err := parse.Parse("ja.md", []byte(tgt))
	if err != nil {
		t.Fatal(err)
	}
	si, ti := sdoc.BodyIndexes(), tdoc.BodyIndexes()
	a := newAligner((*Cache)(nil).side(sdoc, si, true), (*Cache)(nil).side(tdoc, ti, false), sdoc, tdoc, si, ti, 0)
	pruned := 0
	for i := range a.s {
		for j := range a.t {
			full, ok := a.simAbove(a.s[i], a.t[j], math.Inf(-1))
			if !ok {
				t.Fatalf("(%d, %d): no score without a need", i, j)
			}
			for _, need := range []float64{0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95} {
				v, ok := a.simAbove(a.s[i], a.t[j], need)
				switch {
				case !ok && full >= need:
					t.Errorf("(%d, %d): pruned at need %v, but the score is %v", i, j, need, full)
				case ok && v != full:
					t.Errorf("(%d, %d): score %v at need %v, want %v", i, j, v, need, full)
				case !ok:
					pruned++
				}
			}
		}
	}
	if pruned == 0 {
		t.Error("nothing was pruned: the test shows nothing")
	}
}
