package align

import (
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
