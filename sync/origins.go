package sync

import (
	"hash/fnv"
	"slices"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
	"github.com/cnpe-i18n/cnpe-i18n/sync/change"
	"github.com/cnpe-i18n/cnpe-i18n/sync/history"
)

// maxReads is how many versions of a translation (where the source in
// the tree changed) are read to place its units, newest first.
const maxReads = 4

// Origins of translated units (see unitOrigins): an index into the
// translation's versions, or one of these.
const (
	fromWorkTree = -1      // the words changed in the working tree
	fromPin      = 1 << 30 // unchanged since the page pin took its value
)

// unitOrigins finds, for each unit of the translation now, the version of
// the translation in which its words last changed: an index into tv
// (newest first), fromWorkTree for an uncommitted change or, when the page
// is pinned, fromPin for the units unchanged since the pin took its
// current value (so a commit that only moves the pin reviews every unit).
// Units are followed from version to version by their words (matchWords),
// so a typography, spacing, width or markup sweep is not a change.
//
// What matters of an origin is the source in its tree (srcOf: the source
// blob at a version): between two versions with the same source a unit
// has the same base whichever of them changed it, so only the newest
// version of each run is read, and the origin given is that version. In
// a shallow clone the first fetched version is read too: a unit as old as
// it has the origin len(tv)-1, which has no known base. Past maxReads
// versions (where the source changed), the units not placed yet have the
// origin of the oldest version read. ok is
// false when the newest version cannot be read.
func (s *Site) unitOrigins(vs *versions, tr *Page, tv []history.Version, pinned bool, srcOf func(int) string) (origins []int, ok bool) {
	origins = make([]int, len(tr.Doc.Units))
	pinKey := s.Config.PinField()
	pinVal := fieldText(tr.Doc, pinKey)
	boundary := s.History.Shallow() && len(tv) > 0 && tv[len(tv)-1].Seq == s.History.Commits()-1
	newer, at := tr.Doc, fromWorkTree
	alive := make([]int, len(newer.Units)) // unit of newer → unit now; -1 once its origin is known
	for i := range alive {
		alive[i] = i
	}
	left := len(alive)
	prev := srcOf(fromWorkTree)
	reads := 0
	for k := 0; k < len(tv) && left > 0; k++ {
		if !pinned {
			// The pin's versions are all read: where it took its value
			// matters.
			b := srcOf(k)
			if b == prev && !(boundary && k == len(tv)-1) {
				continue
			}
			prev = b
			if reads++; reads > maxReads {
				// A long history: a unit left as it was through that
				// many updates of the translation against a changed
				// source is taken as reviewed in the oldest of them.
				break
			}
		}
		older := vs.doc(tv[k].Blob, tr.Path)
		if older == nil {
			if k == 0 {
				return nil, false
			}
			break // unreadable: the units are as old as the newest version read
		}
		if pinned && fieldText(older, pinKey) != pinVal {
			at = fromPin
			break
		}
		if older != newer {
			next := make([]int, len(older.Units))
			for j := range next {
				next[j] = -1
			}
			match := matchWords(vs, newer, older, alive)
			for i, c := range alive {
				if c < 0 {
					continue
				}
				if j := match[i]; j >= 0 {
					next[j] = c
					continue
				}
				origins[c] = at
				left--
			}
			alive, newer = next, older
		}
		at = k
	}
	if pinned {
		at = fromPin
	}
	for _, c := range alive {
		if c >= 0 {
			origins[c] = at
		}
	}
	return origins, true
}

// matchWords pairs the live units of a newer version with units of the
// older one that say the same (-1: none; the words changed): first by
// text fingerprint, then, for the rest, by their words (wordsKey), in
// order where it can, so that repeated texts pair with their own.
func matchWords(vs *versions, newer, older *parse.Document, alive []int) []int {
	match := make([]int, len(newer.Units))
	for i := range match {
		match[i] = -1
	}
	used := make([]bool, len(older.Units))
	pass := func(key func(*parse.Document, int) uint64) {
		byKey := map[uint64][]int{}
		for j := range older.Units {
			if !used[j] {
				k := key(older, j)
				byKey[k] = append(byKey[k], j)
			}
		}
		last := -1
		for i := range newer.Units {
			if alive[i] < 0 || match[i] >= 0 {
				continue
			}
			cands := byKey[key(newer, i)]
			pick := -1
			for _, j := range cands {
				if !used[j] && (pick < 0 || j > last && pick <= last) {
					pick = j
				}
			}
			if pick >= 0 {
				used[pick] = true
				match[i] = pick
				last = pick
			}
		}
	}
	pass(func(d *parse.Document, i int) uint64 { return uint64(d.Units[i].Fingerprint) })
	if slices.ContainsFunc(alive, func(c int) bool { return c >= 0 }) {
		pass(func(d *parse.Document, i int) uint64 { return vs.wordsKey(d, i) })
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
