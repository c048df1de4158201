package align

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/parse/parsetest"
)

// TestOnly checks Options.Only's promise: every pair holding a target
// unit it asks for is the pair Align gives without it, on long pages cut
// at code blocks and at list items left as they were (anchors that end
// runs of items, and anchors that do not), whatever few units are asked
// for (anchors among them).
func TestOnly(t *testing.T) {
	for seed := range uint64(6) {
		s, tr := genPair(3*cutAbove, seed)
		if seed%2 == 1 {
			// List items kept verbatim in the translation are anchors
			// too, inside runs of items.
			s, tr = verbatimItems(s, 60), verbatimItems(tr, 60)
		}
		src, tgt := parsetest.MustParse(t, "en.md", s), parsetest.MustParse(t, "ja.md", tr)
		want := Align(src, tgt, Options{})
		var kept []int // the verbatim items of the translation
		for j, u := range tgt.Units {
			if strings.Contains(u.Text, "tool-") {
				kept = append(kept, j)
			}
		}
		r := rand.New(rand.NewPCG(seed, 11))
		skipped := 0
		for try := range 20 {
			asked := map[int]bool{}
			for range 1 + r.IntN(4) {
				asked[r.IntN(len(tgt.Units))] = true
			}
			if len(kept) > 0 && try%3 == 0 {
				// One that is an anchor, alone.
				clear(asked)
				asked[kept[r.IntN(len(kept))]] = true
			}
			only := func(j int) bool { return asked[j] }
			got := Align(src, tgt, Options{Only: only})
			if w, g := holding(want, only), holding(got, only); !slices.EqualFunc(w, g, samePair) {
				t.Errorf("seed %d, try %d, units %v: pairs %v, want %v", seed, try, asked, g, w)
			}
			if len(got) > len(want) {
				t.Errorf("seed %d, try %d: %d pairs with Only, %d without", seed, try, len(got), len(want))
			}
			if len(got) < len(want) {
				skipped++
			}
		}
		if skipped == 0 {
			t.Errorf("seed %d: no stretch left out in 20 tries", seed)
		}
	}
}

// verbatimItems follows every n-th list item of a page with an item that
// says the same on both sides of a translation ("- `tool-k`").
func verbatimItems(page string, n int) string {
	var b strings.Builder
	k := 0
	for line := range strings.Lines(page) {
		b.WriteString(line)
		if strings.HasPrefix(line, "- ") {
			if k++; k%n == 0 {
				fmt.Fprintf(&b, "- `tool-%d`\n", k)
			}
		}
	}
	return b.String()
}

// holding are the pairs with a target unit only asks for.
func holding(pairs []Pair, only func(int) bool) []Pair {
	var out []Pair
	for _, p := range pairs {
		if slices.ContainsFunc(p.Target, only) {
			out = append(out, p)
		}
	}
	return out
}

func samePair(a, b Pair) bool {
	return slices.Equal(a.Source, b.Source) && slices.Equal(a.Target, b.Target)
}
