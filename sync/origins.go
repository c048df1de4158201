package sync

import (
	"bytes"
	"hash/fnv"
	"slices"
	"strconv"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
	"github.com/cnpe-i18n/cnpe-i18n/sync/change"
	"github.com/cnpe-i18n/cnpe-i18n/sync/history"
)

// maxReads is how many versions of a translation (where the source in
// the tree changed) are read to place its units, newest first. Most
// versions are not parsed (see holdsUnits), so the walk goes back far:
// a unit untouched for years was translated from the English of then.
const maxReads = 64

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
// Without a pin, bisectOrigins places the units (reading only the
// versions where the source in the tree changed). With one, every version
// back to where the pin took its value is read. ok is false when the
// newest version cannot be read.
func (s *Site) unitOrigins(vs *versions, tr *Page, tv []history.Version, pinned bool, srcOf func(int) string) (origins []int, ok bool) {
	if !pinned {
		return s.bisectOrigins(vs, tr, tv, srcOf)
	}
	// Pinned: every version back to where the pin took its value is
	// read, since that is where the units still there were reviewed.
	origins = make([]int, len(tr.Doc.Units))
	pinKey := s.Config.PinField()
	pinVal := fieldText(tr.Doc, pinKey)
	newer, at := tr.Doc, fromWorkTree
	alive := make([]int, len(newer.Units)) // unit of newer → unit now; -1 once its origin is known
	for i := range alive {
		alive[i] = i
	}
	left := len(alive)
	for k := 0; k < len(tv) && left > 0; k++ {
		data, doc, found := vs.raw(tv[k].Blob)
		if !found {
			if k == 0 {
				return nil, false
			}
			break // unreadable: the units are as old as the newest version read
		}
		if doc == nil && bytes.Contains(data, []byte(pinVal)) && holdsUnits(data, newer, alive) {
			// Every unit still to place is there byte for byte (and
			// the pin too): none changed in this version, which need
			// not be parsed.
			at = k
			continue
		}
		older := vs.parsed(tv[k].Blob, tr.Path, data, doc)
		if older == nil {
			if k == 0 {
				return nil, false
			}
			break
		}
		if fieldText(older, pinKey) != pinVal {
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
	at = fromPin
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
	pass(func(d *parse.Document, i int) uint64 { return fingerprintKey(&d.Units[i]) })
	if slices.ContainsFunc(alive, func(c int) bool { return c >= 0 }) {
		pass(func(d *parse.Document, i int) uint64 { return vs.wordsKey(d, i) })
	}
	return match
}

// fingerprintKey is a unit's text fingerprint, and for a front matter
// field its key too: a field never pairs with body text that says the
// same (a flag "true" is not a table cell "true").
func fingerprintKey(u *parse.Unit) uint64 {
	if u.Kind != parse.FrontMatter {
		return uint64(u.Fingerprint)
	}
	h := fnv.New64a()
	h.Write([]byte(u.Key))
	h.Write([]byte{0})
	h.Write([]byte(strconv.FormatUint(uint64(u.Fingerprint), 16)))
	return h.Sum64()
}

// wordsKey is what a translated unit says: its words (the text the parse
// fingerprint is made from, links, code and markup masked) with width
// folded, white space and punctuation dropped and letter case folded. A
// CJK–Latin spacing sweep, full- or half-width punctuation, quote styles
// and markup edits leave it as it was.
func wordsKey(u *parse.Unit) uint64 {
	var buf [256]byte
	b := buf[:0]
	if u.Kind == parse.FrontMatter {
		b = append(append(b, u.Key...), 0)
	}
	b = change.AppendFoldWords(b, u.Plain)
	// FNV-1a, 64 bits.
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// fieldText is the text of a front matter field, "" when absent.
func fieldText(doc *parse.Document, key string) string {
	if f := doc.Field(key); f != nil {
		return f.Text
	}
	return ""
}

// holdsUnits reports whether data, an older version of a translation,
// holds byte for byte the text of every live unit of newer (alive[i] >= 0):
// then no unit still followed changed its words in that version.
func holdsUnits(data []byte, newer *parse.Document, alive []int) bool {
	f := finder{data: data}
	for i, c := range alive {
		if c < 0 {
			continue
		}
		if !f.holds(newer, &newer.Units[i]) {
			return false
		}
	}
	return true
}

// holds reports whether data, another version of doc's file, holds unit u
// byte for byte as a whole unit: its text with as many line breaks on
// each side before other text, or the file's start or end (and, with no
// line break on a side, the same next byte there: a table cell's "|").
// A bare substring is not enough: a paragraph that lost a sentence is a
// substring of what it was, and its words changed. Spaces alone may
// differ: a table realigned keeps its cells.
func holds(data []byte, doc *parse.Document, u *parse.Unit) bool {
	f := finder{data: data}
	return f.holds(doc, u)
}

// finder answers holds for the units of a page asked for in order, most
// of which an older version still holds in the same order: it looks first
// past the last match, so that it reads the version about once instead of
// once per unit (a unit found before the cursor moves it back there),
// and, after a few units it did not find, rules out others
// with a filter of the version's 8-byte windows (see grams) instead of
// reading the whole version for each. The cursor and the filter change
// where it looks, never what it answers.
type finder struct {
	data   []byte
	from   int    // the end of the last match
	misses int    // units not found
	grams  *grams // made after the second miss
}

func (f *finder) holds(doc *parse.Document, u *parse.Unit) bool {
	src := doc.Src
	if u.Start < 0 || u.End > len(src) || u.Start >= u.End {
		return false
	}
	text := src[u.Start:u.End]
	if f.grams != nil && !f.grams.mayHold(text) {
		return false
	}
	before, after := edge(src, u.Start, -1), edge(src, u.End, 1)
	whole := func(i int) bool {
		return edge(f.data, i, -1) == before && edge(f.data, i+len(text), 1) == after
	}
	if i := indexWhole(f.data, text, f.from, len(f.data), whole); i >= 0 {
		f.from = i + len(text)
		return true
	}
	// Not past from: a match can still start before it. The cursor
	// goes back there: a unit found past the others (a short text met
	// further on, or a section that moved) had taken it so far that
	// every unit after it was searched for to the end of the version
	// first (on kubernetes/website's ko pages, two thirds of the bytes
	// the finder read).
	if i := indexWhole(f.data, text, 0, min(len(f.data), f.from+len(text)-1), whole); i >= 0 {
		f.from = i + len(text)
		return true
	}
	if f.misses++; f.misses == 2 {
		f.grams = newGrams(f.data)
	}
	return false
}

// indexWhole returns the offset of the first occurrence of text in
// data[lo:hi] that whole accepts, or -1.
func indexWhole(data, text []byte, lo, hi int, whole func(int) bool) int {
	for off := lo; off < hi; {
		i := bytes.Index(data[off:hi], text)
		if i < 0 {
			return -1
		}
		i += off
		if whole(i) {
			return i
		}
		off = i + 1
	}
	return -1
}

// edge describes the white space of b next to offset i, going back (dir
// -1) or forward (1): the line breaks in it and whether it reaches the
// start or end of b, or, when it has no line break, the next byte that
// is not white space.
func edge(b []byte, i, dir int) int {
	const end = 1 << 20
	if dir < 0 {
		i--
	}
	if i < 0 || i >= len(b) {
		return end
	}
	if !isSpace(b[i]) {
		return -int(b[i]) - 1
	}
	n := 0
	for ; i >= 0 && i < len(b) && isSpace(b[i]); i += dir {
		if b[i] == '\n' {
			n++
		}
	}
	switch {
	case i < 0 || i >= len(b):
		return end + n + 1
	case n == 0:
		return -int(b[i]) - 1 // on the same line: what comes next
	}
	return n
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// raw returns a blob's bytes, and its parsed document when it was parsed
// already (found is false when the blob is not in the repository).
func (v *versions) raw(id string) (data []byte, doc *parse.Document, found bool) {
	if doc, ok := v.docs[id]; ok {
		if doc == nil {
			return nil, nil, false
		}
		return doc.Src, doc, true
	}
	if data, ok := v.raws[id]; ok {
		return data, nil, true
	}
	data, found, err := v.site.History.Blob(id)
	if err != nil || !found {
		// A blob git could not give (absent, or a failed read) leaves what
		// is made without it incomplete: it is not kept in the cache.
		v.missing++
		v.site.missingBlobs.Add(1)
		v.docs[id] = nil
		return nil, nil, false
	}
	v.raws[id] = data
	return data, nil, true
}

// parsed is the document of a blob raw returned: doc when it was parsed
// already, else data parsed now and kept (nil when it does not parse).
func (v *versions) parsed(id, name string, data []byte, doc *parse.Document) *parse.Document {
	if doc != nil {
		return doc
	}
	doc, _ = v.site.pcfg.Parse(name+"@"+short(id), data)
	v.docs[id] = doc
	delete(v.raws, id)
	return doc
}

// bisectOrigins is unitOrigins for a page without a pin. The versions
// that matter are those where the source in the tree changed (reads: the
// newest version of each run with one source). A unit's words, once
// changed, rarely come back, so the version where they last changed is
// found by bisection over reads: a unit present in a read version (see
// present) is taken as present in every newer one. All units are bisected
// together, and a probe whose units are all there byte for byte is not
// parsed, so a long history costs a few parses, not one per version. At
// most maxParses versions are parsed; units not placed by then take the
// oldest version they are known to be in.
func (s *Site) bisectOrigins(vs *versions, tr *Page, tv []history.Version, srcOf func(int) string) (origins []int, ok bool) {
	origins = make([]int, len(tr.Doc.Units))
	boundary := s.History.Shallow() && len(tv) > 0 && tv[len(tv)-1].Seq == s.History.Commits()-1
	var reads []int // indexes into tv, newest first
	prev := srcOf(fromWorkTree)
	for k := range tv {
		if b := srcOf(k); b != prev || boundary && k == len(tv)-1 {
			prev = b
			reads = append(reads, k)
		}
		if len(reads) == maxReads {
			break
		}
	}
	all := make([]int, len(tr.Doc.Units))
	for i := range all {
		all[i] = i
	}
	if len(reads) == 0 {
		for i := range origins {
			origins[i] = fromWorkTree
		}
		return origins, true
	}
	if _, _, found := vs.raw(tv[reads[0]].Blob); !found {
		return nil, false
	}
	parses := maxParses
	// top is where a unit known only to be in the working tree goes.
	// Units the working tree did not change are in the newest commit,
	// tv[0]: placed there, a unit the bisection cannot place (no parses
	// left) keeps the source of tv[0], never the working tree's, which
	// would call it current. Only units the working tree changed are
	// placed in it.
	top, units := fromWorkTree, all
	if history.BlobID(tr.Src) == tv[0].Blob {
		top = 0
	} else if in, out, unknown := present(vs, tr, tv[0], all, &parses); len(unknown) == 0 {
		for _, i := range out {
			origins[i] = fromWorkTree
		}
		top, units = 0, in
	}
	// solve places units present in reads[lo] (the working tree for -1)
	// and absent from reads[hi+1] (nothing past the last read).
	var solve func(lo, hi int, units []int)
	solve = func(lo, hi int, units []int) {
		if len(units) == 0 {
			return
		}
		mid := (lo + hi + 1) / 2
		var in, out, unknown []int
		if lo < hi {
			in, out, unknown = present(vs, tr, tv[reads[mid]], units, &parses)
		}
		if lo == hi || len(unknown) > 0 {
			o := top
			if lo >= 0 {
				o = reads[lo]
			}
			for _, i := range units {
				origins[i] = o
			}
			if lo == hi {
				return
			}
		}
		solve(mid, hi, in)
		solve(lo, mid-1, out)
	}
	solve(-1, len(reads)-1, units)
	return origins, true
}

// maxPrefetch bounds the versions of a translation whose source blob is
// looked up in one go before bisectOrigins (which stops at maxReads
// source changes, seldom past this).
const maxPrefetch = 256

// maxParses is how many older versions of a translation bisectOrigins
// parses at most.
const maxParses = 6

// present splits units of the translation now into those whose words an
// older version v has (in) and those it has not (out): a unit whose text
// v holds byte for byte is there; the others are matched on their words
// (matchWords), v parsed only then, when *parses allows (else they are
// unknown). An unreadable version has none.
func present(vs *versions, tr *Page, v history.Version, units []int, parses *int) (in, out, unknown []int) {
	data, doc, found := vs.raw(v.Blob)
	if !found {
		return nil, units, nil
	}
	cur := tr.Doc
	alive := make([]int, len(cur.Units))
	for i := range alive {
		alive[i] = -1
	}
	var rest []int
	f := finder{data: data}
	for _, i := range units {
		if doc == nil && f.holds(cur, &cur.Units[i]) {
			in = append(in, i)
			continue
		}
		alive[i] = i
		rest = append(rest, i)
	}
	if len(rest) == 0 {
		return in, nil, nil
	}
	if doc == nil {
		if *parses <= 0 {
			return in, nil, rest
		}
		*parses--
	}
	older := vs.parsed(v.Blob, tr.Path, data, doc)
	if older == nil {
		return in, rest, nil
	}
	match := matchWords(vs, cur, older, alive)
	for _, i := range rest {
		if match[i] >= 0 {
			in = append(in, i)
		} else {
			out = append(out, i)
		}
	}
	return in, out, nil
}
