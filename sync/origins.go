package sync

import (
	"hash/fnv"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
	"github.com/cnpe-i18n/cnpe-i18n/sync/change"
	"github.com/cnpe-i18n/cnpe-i18n/sync/history"
)

// Origins of translated units (see unitOrigins): an index into the
// translation's versions, or one of these.
const (
	fromWorkTree = -1      // the words changed in the working tree
	fromPin      = 1 << 30 // unchanged since the page pin took its value
)

// unitOrigins finds, for each unit of the translation now, the version of
// the translation in which its words last changed: an index into tv
// (newest first; the oldest, len(tv)-1, when they never changed since),
// fromWorkTree for an uncommitted change or, when the page is pinned,
// fromPin for the units unchanged since the pin took its current value
// (a commit that only moves the pin reviews every unit). Units are
// followed from version to version by their words (wordsKey), so a
// typography, spacing, width or markup sweep is not a change. ok is false
// when the newest version cannot be read.
func (s *Site) unitOrigins(vs *versions, tr *Page, tv []history.Version, pinned bool) (origins []int, ok bool) {
	origins = make([]int, len(tr.Doc.Units))
	pinKey := s.Config.PinField()
	pinVal := fieldText(tr.Doc, pinKey)
	newer := tr.Doc
	alive := make([]int, len(newer.Units)) // unit of newer → unit now; -1 once its origin is known
	for i := range alive {
		alive[i] = i
	}
	left := len(alive)
	rest := func(o int) {
		for _, c := range alive {
			if c >= 0 {
				origins[c] = o
			}
		}
	}
	for k := 0; k < len(tv) && left > 0; k++ {
		older := vs.doc(tv[k].Blob, tr.Path)
		if older == nil {
			if k == 0 {
				return nil, false
			}
			// An unreadable version: the units are as old as the
			// newest version that can be read.
			rest(k - 1)
			return origins, true
		}
		if pinned && fieldText(older, pinKey) != pinVal {
			rest(fromPin)
			return origins, true
		}
		if older == newer {
			continue // the working tree is the newest commit
		}
		next := make([]int, len(older.Units))
		for j := range next {
			next[j] = -1
		}
		match := matchWords(vs.keys(newer), vs.keys(older), alive)
		for i, c := range alive {
			if c < 0 {
				continue
			}
			if j := match[i]; j >= 0 {
				next[j] = c
				continue
			}
			origins[c] = k - 1 // fromWorkTree when k is 0
			left--
		}
		alive, newer = next, older
	}
	if pinned {
		rest(fromPin)
	} else {
		rest(len(tv) - 1)
	}
	return origins, true
}

// matchWords pairs the live units of a newer version with units of the
// older one that say the same (-1: none; the words changed), in order
// where it can, so that repeated texts pair with their own.
func matchWords(newer, older []uint64, alive []int) []int {
	byKey := map[uint64][]int{}
	for j, k := range older {
		byKey[k] = append(byKey[k], j)
	}
	used := make([]bool, len(older))
	match := make([]int, len(newer))
	last := -1
	for i, k := range newer {
		match[i] = -1
		if alive[i] < 0 {
			continue
		}
		cands := byKey[k]
		pick := -1
		for _, j := range cands {
			if !used[j] && j > last {
				pick = j
				break
			}
		}
		if pick < 0 {
			for _, j := range cands {
				if !used[j] {
					pick = j
					break
				}
			}
		}
		if pick >= 0 {
			used[pick] = true
			match[i] = pick
			last = pick
		}
	}
	return match
}

// wordsKey is what a translated unit says: its words (the text the parse
// fingerprint is made from, links, code and markup masked) with width
// folded, white space and punctuation dropped and letter case folded. A
// CJK–Latin spacing sweep, full- or half-width punctuation, quote styles
// and markup edits leave it as it was.
func wordsKey(u *parse.Unit) uint64 {
	h := fnv.New64a()
	if u.Kind == parse.FrontMatter {
		h.Write([]byte(u.Key))
		h.Write([]byte{0})
	}
	h.Write([]byte(change.FoldWords(u.Plain)))
	return h.Sum64()
}

// fieldText is the text of a front matter field, "" when absent.
func fieldText(doc *parse.Document, key string) string {
	if f := doc.Field(key); f != nil {
		return f.Text
	}
	return ""
}
