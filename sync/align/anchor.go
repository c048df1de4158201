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
	need := a.needed(anchors)
	var out []Pair
	i, j := 0, 0
	for q, an := range anchors {
		if need[q] {
			out = append(out, a.span(i, an.i, j, an.j)...)
		}
		out = append(out, Pair{Source: []int{a.si[an.i]}, Target: []int{a.ti[an.j]}})
		i, j = an.i+1, an.j+1
	}
	if need[len(anchors)] {
		out = append(out, a.span(i, n, j, m)...)
	}
	return out
}

// needed tells the stretches to align: the stretch before each anchor
// and the one after the last. With Options.Only, the stretches are in
// groups joined by anchors that may be in runs of items (see runs), which
// reorder may re-pair with the units of the stretches on both sides; a
// group whose stretches and anchors hold no unit Only asks for is left
// out. The other anchors end every run: the groups are re-paired apart.
func (a *aligner) needed(anchors []anchor) []bool {
	need := make([]bool, len(anchors)+1)
	first, want, j := 0, false, 0 // the group's first stretch; a unit asked for in it
	for q := range need {
		end := len(a.t)
		if q < len(anchors) {
			end = anchors[q].j
		}
		want = want || a.wants(j, end)
		if q < len(anchors) {
			j = end + 1
			if a.runs(anchors[q]) {
				want = want || a.wants(end, end+1)
				continue
			}
		}
		for r := first; r <= q; r++ {
			need[r] = want
		}
		first, want = q+1, false
	}
	return need
}

// runs reports whether an anchor's pair may be in a run of items that
// reorder re-pairs.
func (a *aligner) runs(an anchor) bool { return reordered(a.s[an.i].kind) }

// wants reports whether the target units t[j0:j1] hold one Options.Only
// asks for (all of them do without it).
func (a *aligner) wants(j0, j1 int) bool {
	if a.only == nil {
		return true
	}
	for _, j := range a.ti[j0:j1] {
		if a.only(j) {
			return true
		}
	}
	return false
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
