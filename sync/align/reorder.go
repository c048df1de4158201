package align

import (
	"slices"
	"strings"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

// maxItems bounds the lists reorder looks at; real lists are far
// shorter.
const maxItems = 256

// reorder re-pairs the items of a list that the translation orders
// differently. Alignment by dynamic programming keeps both pages in order,
// so it pairs reordered items by position, and a change of one item then
// lands on the translation of another. In each run of list items paired
// one to one (or with no counterpart), the items sure to render each
// other (surePairs) are paired, and when two of those pairs cross, the
// run is rebuilt from them and from the pairs in order that neither side
// of them took. Without evidence nothing moves. The pairs of a run
// rebuilt follow the source's order, and its target items left without
// counterpart end it.
func (a *aligner) reorder(pairs []Pair) []Pair {
	out := make([]Pair, 0, len(pairs))
	for k := 0; k < len(pairs); {
		kind, end := a.itemKind(pairs[k]), k
		for end < len(pairs) && kind != 0 && a.itemKind(pairs[end]) == kind {
			end++
		}
		if end-k < 2 {
			out = append(out, pairs[k])
			k++
			continue
		}
		out = append(out, a.reorderRun(pairs[k:end], kind)...)
		k = end
	}
	return out
}

// itemKind is ListItem or TableCell when p pairs at most one unit of
// that kind with at most one, and 0 otherwise.
func (a *aligner) itemKind(p Pair) parse.Kind {
	if len(p.Source) > 1 || len(p.Target) > 1 {
		return 0
	}
	var kind parse.Kind
	for _, i := range p.Source {
		kind = a.s[a.sLocal[i]].kind
	}
	for _, j := range p.Target {
		k := a.t[a.tLocal[j]].kind
		if kind != 0 && k != kind {
			return 0
		}
		kind = k
	}
	if !reordered(kind) {
		return 0
	}
	return kind
}

// reordered reports the kinds of units whose runs reorder re-pairs.
func reordered(k parse.Kind) bool { return k == parse.ListItem || k == parse.TableCell }

func (a *aligner) reorderRun(run []Pair, kind parse.Kind) []Pair {
	var ss, ts []int // local indexes, in page order
	for _, p := range run {
		for _, i := range p.Source {
			ss = append(ss, a.sLocal[i])
		}
		for _, j := range p.Target {
			ts = append(ts, a.tLocal[j])
		}
	}
	if len(ss) < 2 || len(ts) < 2 || len(ss) > maxItems || len(ts) > maxItems {
		return run
	}
	sure := a.surePairs(ss, ts)
	if kind == parse.TableCell {
		sure = a.rowPairs(ss, ts, sure)
	}
	if !crossing(sure) {
		return run
	}
	match := make([]int, len(ss)) // position in ts, or -1
	for x := range match {
		match[x] = -1
	}
	used := make([]bool, len(ts))
	for _, an := range sure {
		match[an.i], used[an.j] = an.j, true
	}
	// The pairs in order stay where neither side was taken.
	x, y := 0, 0
	for _, p := range run {
		if len(p.Source) == 1 && len(p.Target) == 1 && match[x] < 0 && !used[y] {
			match[x], used[y] = y, true
		}
		x += len(p.Source)
		y += len(p.Target)
	}
	out := make([]Pair, 0, len(run))
	for x, i := range ss {
		p := Pair{Source: []int{a.si[i]}}
		if y := match[x]; y >= 0 {
			p.Target = []int{a.ti[ts[y]]}
		}
		out = append(out, p)
	}
	for y, j := range ts {
		if !used[y] {
			out = append(out, Pair{Target: []int{a.ti[j]}})
		}
	}
	return out
}

// surePairs are the items of a run (positions in ss and ts) that render
// each other for sure: they share keys (an anchor counts two, a name one)
// that no other item of the run holds, worth two or more, and neither
// shares such keys with a third item.
func (a *aligner) surePairs(ss, ts []int) []anchor {
	type key struct {
		name bool
		h    uint64
	}
	type holders struct{ ns, nt, x, y int }
	keys := map[key]*holders{}
	add := func(k key, side bool, pos int) {
		h := keys[k]
		if h == nil {
			h = &holders{}
			keys[k] = h
		}
		if side {
			h.nt++
			h.y = pos
		} else {
			h.ns++
			h.x = pos
		}
	}
	addUnit := func(f *features, side bool, pos int) {
		for k, h := range f.anchors {
			if k == 0 || h != f.anchors[k-1] { // a multiset: each key once
				add(key{false, h}, side, pos)
			}
		}
		for _, h := range f.names {
			add(key{true, h}, side, pos)
		}
	}
	for x, i := range ss {
		addUnit(a.s[i], false, x)
	}
	for y, j := range ts {
		addUnit(a.t[j], true, y)
	}
	weight := map[anchor]int{}
	partners := make([]int, len(ss)+len(ts)) // source positions, then target positions
	for k, h := range keys {
		if h.ns != 1 || h.nt != 1 {
			continue
		}
		an := anchor{h.x, h.y}
		if weight[an] == 0 {
			partners[an.i]++
			partners[len(ss)+an.j]++
		}
		weight[an] += map[bool]int{false: 2, true: 1}[k.name]
	}
	var sure []anchor
	for an, w := range weight {
		if w >= 2 && partners[an.i] == 1 && partners[len(ss)+an.j] == 1 {
			sure = append(sure, an)
		}
	}
	slices.SortFunc(sure, func(p, q anchor) int { return p.i - q.i })
	return sure
}

// rowPairs turns the sure pairs of table cells into pairs of rows: a
// source row whose sure cells all pair with cells of one target row, and
// that row's with cells of it, pairs with it cell by cell, by the column
// the parser gave each cell (a cell left empty has no unit, so the
// place of a cell among its row's units is not its column). Header rows
// pair with each other.
func (a *aligner) rowPairs(ss, ts []int, sure []anchor) []anchor {
	type cell struct {
		row   int // rows of the run, counted from 0
		col   string
		first bool // the row's first cell in the run
	}
	rowsOf := func(pos []int, fs []*features) []cell {
		cells := make([]cell, len(pos))
		row := -1
		for k, i := range pos {
			first := k == 0 || fs[i].row != fs[pos[k-1]].row
			if first {
				row++
			}
			cells[k] = cell{row, fs[i].col, first}
		}
		return cells
	}
	cs, ct := rowsOf(ss, a.s), rowsOf(ts, a.t)
	const conflict = -1
	to, from := map[int]int{}, map[int]int{}
	link := func(m map[int]int, k, v int) {
		if w, ok := m[k]; ok && w != v {
			v = conflict
		}
		m[k] = v
	}
	for _, an := range sure {
		link(to, cs[an.i].row, ct[an.j].row)
		link(from, ct[an.j].row, cs[an.i].row)
	}
	// The header rows pair when nothing else pairs them, and each side
	// has one.
	header := func(pos []int, fs []*features, cells []cell) int {
		h := -1
		for k, i := range pos {
			if strings.HasSuffix(fs[i].row, "/r0") && cells[k].first {
				if h >= 0 {
					return -1
				}
				h = cells[k].row
			}
		}
		return h
	}
	if hs, ht := header(ss, a.s, cs), header(ts, a.t, ct); hs >= 0 && ht >= 0 {
		if _, ok := to[hs]; !ok {
			if _, ok := from[ht]; !ok {
				to[hs], from[ht] = ht, hs
			}
		}
	}
	type place struct {
		row int
		col string
	}
	at := map[place]int{}
	for y, c := range ct {
		at[place{c.row, c.col}] = y
	}
	var pairs []anchor
	for x, c := range cs {
		r, ok := to[c.row]
		if !ok || r == conflict || from[r] != c.row {
			continue
		}
		if y, ok := at[place{r, c.col}]; ok {
			pairs = append(pairs, anchor{x, y})
		}
	}
	return pairs
}

// crossing reports whether two of the pairs (sorted by i) are in
// opposite orders on the two sides.
func crossing(pairs []anchor) bool {
	for k := 1; k < len(pairs); k++ {
		if pairs[k].j < pairs[k-1].j {
			return true
		}
	}
	return false
}
