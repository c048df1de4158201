package align

import (
	"math"
	"slices"
)

// MaxCells bounds the dynamic programming table of one alignment: the
// cells of the band around the diagonal, one byte each (the step taken
// into the cell; scores are kept for the last three rows only). Within it
// the band is max(40, n/4) wide on either side, as wide as the reordering
// translations do; a page of up to about 4,000 units on its longer side
// fits (the largest page of kubernetes/website has 2,511). A longer page
// is first cut between anchors (units found verbatim once on each side),
// and a stretch between anchors that still does not fit gets a narrower
// band.
const MaxCells = 1 << 23

// minWidth is the band's half width for short pages.
const minWidth = 40

// step codes: the source and target units the step into a cell takes,
// as di<<4 | dj. noStep marks a cell no path reaches.
const noStep = 0xff

// band is the shape of a banded table over n source and m target units:
// row i holds the cells lo(i)..hi(i). The first and last rows are whole,
// since the corners are always reachable.
type band struct {
	n, m, width int
}

func newBand(n, m, maxCells int) band {
	b := band{n: n, m: m, width: max(minWidth, max(n, m)/4)}
	if b.cells() > maxCells && n > 1 {
		// What the whole first and last rows leave for the others.
		inner := (maxCells - 2*(m+1)) / (n - 1)
		b.width = max(1, (inner-1)/2)
	}
	return b
}

// fits reports whether the band has the width the page's length asks for.
func (b band) fits() bool { return b.width >= max(minWidth, max(b.n, b.m)/4) }

func (b band) center(i int) int {
	if b.n == 0 {
		return 0
	}
	return i * b.m / b.n
}

func (b band) lo(i int) int {
	if i == 0 || i == b.n {
		return 0
	}
	return max(0, b.center(i)-b.width)
}

func (b band) hi(i int) int {
	if i == 0 || i == b.n {
		return b.m
	}
	return min(b.m, b.center(i)+b.width)
}

// cells is the number of cells of the table, without allocating it.
func (b band) cells() int {
	if b.n == 0 {
		return b.m + 1
	}
	// Inner rows hold at most 2·width+1 cells, and at most m+1.
	return 2*(b.m+1) + (b.n-1)*min(2*b.width+1, b.m+1)
}

// span aligns source body units s[i0:i1] with target units t[j0:j1] by
// dynamic programming within a band around the diagonal.
func (a *aligner) span(i0, i1, j0, j1 int) []Pair {
	n, m := i1-i0, j1-j0
	b := newBand(n, m, a.maxCells)
	offsets := make([]int, n+2)
	for i := 0; i <= n; i++ {
		offsets[i+1] = offsets[i] + b.hi(i) - b.lo(i) + 1
	}
	steps, buf := a.buffers(offsets[n+1], 3*(m+1))
	a.cells = max(a.cells, len(steps))
	// rows[i%3] holds the scores of row i: a step goes back at most two
	// rows. A row is whole, -Inf outside the band (no path reaches
	// there): each row's cells are reset before the row three below
	// takes its place.
	negInf := math.Inf(-1)
	for k := range buf {
		buf[k] = negInf
	}
	rows := [3][]float64{buf[:m+1], buf[m+1 : 2*(m+1)], buf[2*(m+1):]}
	spans := [3][2]int{{0, -1}, {0, -1}, {0, -1}} // the cells each row set
	const (
		gain1 = 1 - threshold                // the most a 1–1 step adds
		gain2 = 1 - threshold - mergePenalty // the most a 2–1 or 1–2 step adds
	)
	for i := 0; i <= n; i++ {
		cur, up, up2 := rows[i%3], rows[(i+2)%3], rows[(i+1)%3]
		lo, hi := b.lo(i), b.hi(i)
		for j := spans[i%3][0]; j <= spans[i%3][1]; j++ {
			cur[j] = negInf
		}
		spans[i%3] = [2]int{lo, hi}
		s := i0 + i - 1 // the source unit a step into row i takes
		var sf, sf2 *features
		merged := false // the step 2–1 may be taken
		if i > 0 {
			sf = a.s[s]
			merged = i > 1 && sf.prose && a.s[s-1].prose
			sf2 = a.s2[s]
		}
		rowSteps := steps[offsets[i]:offsets[i+1]:offsets[i+1]]
		for j := lo; j <= hi; j++ {
			best, step := negInf, byte(noStep)
			if i == 0 && j == 0 {
				best, step = 0, 0
			}
			// A step from a score of -Inf is not taken; one whose gain
			// cannot beat best is not scored (sim is at most 1).
			t := j0 + j - 1 // the target unit a step into (i, j) takes
			if i > 0 && j > 0 {
				// The 1–1 step is tried first and wins ties, so it need
				// only reach the steps tried after it that add nothing.
				floor := max(up[j], cur[j-1])
				if prev := up[j-1]; prev != negInf && prev+gain1+margin > best {
					if v, ok := a.simAbove(sf, a.t[t], floor-prev+threshold); ok {
						if sc := prev + (v - threshold); sc > best {
							best, step = sc, 1<<4|1
						}
					}
				}
			}
			if i > 0 {
				if prev := up[j]; prev != negInf && prev > best {
					best, step = prev, 1<<4
				}
			}
			if j > 0 {
				if prev := cur[j-1]; prev != negInf && prev > best {
					best, step = prev, 1
				}
			}
			if merged && j > 0 {
				if prev := up2[j-1]; prev != negInf && prev+gain2+margin > best {
					if v, ok := a.simAbove(sf2, a.t[t], best-prev+threshold+mergePenalty); ok {
						if sc := prev + (v - threshold - mergePenalty); sc > best {
							best, step = sc, 2<<4|1
						}
					}
				}
			}
			if i > 0 && j > 1 && a.t[t].prose && a.t[t-1].prose {
				if prev := up[j-2]; prev != negInf && prev+gain2+margin > best {
					if v, ok := a.simAbove(sf, a.t2[t], best-prev+threshold+mergePenalty); ok {
						if sc := prev + (v - threshold - mergePenalty); sc > best {
							best, step = sc, 1<<4|2
						}
					}
				}
			}
			cur[j] = best
			rowSteps[j-lo] = step
		}
	}
	return a.trace(b, steps, offsets, i0, j0)
}

// buffers are a table of steps (each cell is written before it is read)
// and of rows of scores, from the aligner's Cache when it has one.
func (a *aligner) buffers(steps, rows int) ([]byte, []float64) {
	c := a.tables
	if c == nil {
		return make([]byte, steps), make([]float64, rows)
	}
	if cap(c.steps) < steps {
		c.steps = make([]byte, steps)
	}
	if cap(c.rows) < rows {
		c.rows = make([]float64, rows)
	}
	return c.steps[:steps], c.rows[:rows]
}

// trace follows the steps back from the last cell and returns the pairs
// in order.
func (a *aligner) trace(b band, steps []byte, offsets []int, i0, j0 int) []Pair {
	rev := make([]Pair, 0, max(b.n, b.m))
	// The pairs' units, in one array: each unit is in one pair. Each
	// pair's slice is full, so that appending to it copies it.
	units := make([]int, b.n+b.m)
	for i, j := b.n, b.m; i > 0 || j > 0; {
		step := byte(noStep)
		if lo := b.lo(i); j >= lo && j <= b.hi(i) {
			step = steps[offsets[i]+j-lo]
		}
		di, dj := int(step>>4), int(step&0xf)
		if step == noStep {
			// Outside the band: fall back to one unit at a time.
			if i > 0 {
				di, dj = 1, 0
			} else {
				di, dj = 0, 1
			}
		}
		p := Pair{}
		if di > 0 {
			p.Source, units = units[:di:di], units[di:]
			copy(p.Source, a.si[i0+i-di:i0+i])
		}
		if dj > 0 {
			p.Target, units = units[:dj:dj], units[dj:]
			copy(p.Target, a.ti[j0+j-dj:j0+j])
		}
		rev = append(rev, p)
		i -= di
		j -= dj
	}
	slices.Reverse(rev)
	return rev
}
