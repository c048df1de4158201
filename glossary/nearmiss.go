package glossary

import (
	"strings"
	"unicode"
)

// nearMiss finds, in the scanned units, the closest window to one of the
// concept's renderings: at most one edit away for renderings of five
// runes or more (four kanji), two for eight or more; a four-rune
// rendering only when a space is the difference (컨피그 맵); shorter ones
// have too many neighbours to point at anything (파드 is one edit from 파일). A window
// that overlaps a known form of any concept is never a near miss. It
// returns the unit's index, the position and the text, or "".
func (m *Matcher) nearMiss(scans []scanned, term int) (int, int, string) {
	bestUnit, bestAt, best, bestDist := 0, 0, "", 1<<30
	for k, sc := range scans {
		runes := []rune(sc.t.norm)
		offs := make([]int, len(runes)+1)
		o := 0
		for i, r := range runes {
			offs[i] = o
			o += len(string(r))
		}
		offs[len(runes)] = o
		for _, f := range m.use[term] {
			fr := []rune(f.norm)
			n := len(fr)
			short := n < 5 && !(n == 4 && allHan(fr))
			if n < 4 || isWordChar(fr[0]) && n < 8 {
				continue // short Latin words have too many neighbours
			}
			limit := 1
			if n >= 8 {
				limit = 2
			}
			for size := n - limit; size <= n+limit; size++ {
				for i := 0; i+size <= len(runes); i++ {
					w := runes[i : i+size]
					if w[0] != fr[0] || w[len(w)-1] != fr[n-1] {
						continue
					}
					at, end := offs[i], offs[i+size]
					if isHangul(w[0]) && i > 0 && isHangul(runes[i-1]) || coincides(sc.occ, at, end) {
						continue
					}
					if short && strings.ReplaceAll(string(w), " ", "") != f.norm {
						continue // a short rendering: only a space apart
					}
					if d := editDistance(w, fr); d > 0 && d <= limit && d < bestDist {
						bestUnit, bestAt, best, bestDist = k, at, string(w), d
					}
				}
			}
		}
	}
	return bestUnit, bestAt, best
}

// coincides reports a window that is a known form, or lies inside one.
func coincides(occ []occurrence, at, end int) bool {
	for _, o := range occ {
		if o.at <= at && end <= o.end {
			return true
		}
	}
	return false
}

// editDistance is the Levenshtein distance of two rune strings.
func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func allHan(rs []rune) bool {
	for _, r := range rs {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return true
}
