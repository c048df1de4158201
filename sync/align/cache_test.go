package align

import (
	"slices"
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

// TestCacheAgrees aligns one source page with several translations
// through one Cache and checks every alignment against one made without
// it: the cache saves reading the source again, it does not change what
// is paired.
func TestCacheAgrees(t *testing.T) {
	src, _ := genPair(300, 1)
	sdoc, err := parse.Parse("en.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var c Cache
	for seed := uint64(1); seed <= 4; seed++ {
		_, tgt := genPair(300-int(seed)*20, seed)
		tdoc, err := parse.Parse("ja.md", []byte(tgt))
		if err != nil {
			t.Fatal(err)
		}
		want := Align(sdoc, tdoc, Options{})
		got := Align(sdoc, tdoc, Options{Cache: &c})
		if !slices.EqualFunc(got, want, func(x, y Pair) bool {
			return slices.Equal(x.Source, y.Source) && slices.Equal(x.Target, y.Target)
		}) {
			t.Errorf("seed %d: the cached alignment differs:\n%s\nwant\n%s", seed,
				describePairs(sdoc, tdoc, got), describePairs(sdoc, tdoc, want))
		}
	}
	if len(c.src) != 1 {
		t.Errorf("the cache holds %d source pages, want 1", len(c.src))
	}
}
