package glossary

import (
	"strings"
	"unicode"

	"github.com/cnpe-i18n/cnpe-i18n/internal/levenshtein"
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
					if d := levenshtein.Distance(w, fr); d > 0 && d <= limit && d < bestDist {
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

func allHan(rs []rune) bool {
	for _, r := range rs {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return true
}
