package align

import (
	"slices"
	"sort"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

// cutAbove is the number of body units on either side past which a
// page is cut at anchors before it is aligned.
const cutAbove = 200

// run aligns the body sequences. A long page (past cutAbove units, or
// whose band does not fit in MaxCells) is cut at anchors first: each
// stretch between two anchors gets a band of its own, which follows the
// page where one band over the whole page would hold cells far from it,
// and costs a fraction of it (the table of a page grows with the square
// of its length).
func (a *aligner) run() []Pair {
	n, m := len(a.s), len(a.t)
	var anchors []anchor
	if max(n, m) > cutAbove || !newBand(n, m, a.maxCells).fits() {
		anchors = a.anchors()
	}
	if len(anchors) == 0 {
		return a.span(0, n, 0, m)
	}
	var out []Pair
	i, j := 0, 0
	for _, an := range anchors {
		out = append(out, a.span(i, an.i, j, an.j)...)
		out = append(out, Pair{Source: []int{a.si[an.i]}, Target: []int{a.ti[an.j]}})
		i, j = an.i+1, an.j+1
	}
	return append(out, a.span(i, n, j, m)...)
}

type anchor struct{ i, j int }

// anchors are the body units found verbatim (same kind, same full
// fingerprint) exactly once on each side, the longest chain of them in
// the same order on both sides: code blocks, shortcodes, tables and text
// left untranslated.
func (a *aligner) anchors() []anchor {
	type key struct {
		kind parse.Kind
		full parse.Fingerprint
	}
	type seen struct{ i, j, ni, nj int }
	byKey := make(map[key]*seen)
	sf, tf := a.ss.full(), a.ts.full()
	for i, f := range a.s {
		k := key{f.kind, sf[i]}
		if e := byKey[k]; e != nil {
			e.ni++
		} else {
			byKey[k] = &seen{i: i, ni: 1}
		}
	}
	for j, f := range a.t {
		if e := byKey[key{f.kind, tf[j]}]; e != nil {
			e.j = j
			e.nj++
		}
	}
	var cands []anchor
	for _, e := range byKey {
		if e.ni == 1 && e.nj == 1 {
			cands = append(cands, anchor{e.i, e.j})
		}
	}
	slices.SortFunc(cands, func(x, y anchor) int { return x.i - y.i })
	return increasing(cands)
}

// increasing is the longest subsequence of cands (sorted by i, each i
// once) whose j increase too, by patience sorting.
func increasing(cands []anchor) []anchor {
	var tails []int // tails[k]: index in cands of the last anchor of the best chain of length k+1
	prev := make([]int, len(cands))
	for c, an := range cands {
		k := sort.Search(len(tails), func(k int) bool { return cands[tails[k]].j >= an.j })
		prev[c] = -1
		if k > 0 {
			prev[c] = tails[k-1]
		}
		if k == len(tails) {
			tails = append(tails, c)
		} else {
			tails[k] = c
		}
	}
	chain := make([]anchor, len(tails))
	for k, c := len(tails)-1, 0; k >= 0; k-- {
		if k == len(tails)-1 {
			c = tails[k]
		}
		chain[k] = cands[c]
		c = prev[c]
	}
	return chain
}
