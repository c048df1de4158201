package align

import (
	"math"
	"slices"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

// Pair is one step of an alignment: source units (indexes into the source
// document's Units) and the translated units that render them. One side
// is empty for a unit with no counterpart.
type Pair struct {
	Source []int
	Target []int
}

// Options tune the alignment. The zero value works.
type Options struct {
	// Ratio is the expected length of a translated text over its source
	// (in characters); 0 estimates it from the two pages.
	Ratio float64

	// Cache, when set, keeps what is read from source pages between
	// alignments: a page aligned with several translations is read once.
	Cache *Cache

	// Only, when set, tells the target units (indexes into the target's
	// Units) of the pairs the caller keeps; it drops the others. The
	// stretches of a long page between anchors (see run) that hold none
	// of them, nor any unit reorder may re-pair with them, are then left
	// out of the pairs instead of aligned. Every pair with one of those
	// units is as without Only.
	Only func(j int) bool

	maxCells int // the table's bound, MaxCells when 0 (tests set it lower)
}

// Cache holds the features of the pages aligned with it, by document
// and side; documents must not change while it holds them. It is not
// safe for concurrent use. The zero value is ready to use.
type Cache struct {
	sides map[sideKey]*side
	// units are the features of units by what they are computed from:
	// the versions of a page share most of their units, so a unit
	// unchanged since the version before is read once. merged are the
	// features of two such units read as one.
	units  map[unitKey]*unitEntry
	merged map[[2]*unitEntry]*features
	// steps and rows are the tables of the last alignment, which the
	// next one reuses.
	steps []byte
	rows  []float64
}

// unitKey is what a unit's features are computed from, but its anchors
// (slices), which unitEntry holds and a lookup compares.
type unitKey struct {
	kind         parse.Kind
	level        int
	translatable bool
	source       bool
	key, text    string
	plain        string
	id           string // table cells only
}

type unitEntry struct {
	anchors parse.Anchors // the unit's Anchors, nil slices when none
	f       features
}

// unitKeyOf is u's key in a Cache. The features of prose are made from
// its plain text: two prose units whose markup differs share them.
func unitKeyOf(u *parse.Unit, source bool) unitKey {
	k := unitKey{kind: u.Kind, level: u.Level, translatable: u.Translatable, source: source,
		plain: u.Plain}
	if !u.Translatable {
		k.key, k.text = u.Key, u.Text // the full fingerprint's
	}
	if u.Kind == parse.TableCell {
		k.id = u.ID
	}
	return k
}

func sameAnchors(a *parse.Anchors, b *parse.Anchors) bool {
	var za parse.Anchors
	if a == nil {
		a = &za
	}
	if b == nil {
		b = &za
	}
	return slices.Equal(a.Links, b.Links) && slices.Equal(a.Images, b.Images) &&
		slices.Equal(a.Code, b.Code) && slices.Equal(a.Shortcodes, b.Shortcodes) &&
		slices.Equal(a.Numbers, b.Numbers) && slices.Equal(a.Words, b.Words)
}

// unit is the features of u, from the cache when a unit with the same
// text, kind and anchors was read before.
func (c *Cache) unit(u *parse.Unit, source bool) *unitEntry {
	k := unitKeyOf(u, source)
	if e, ok := c.units[k]; ok && sameAnchors(&e.anchors, u.Anchors) {
		return e
	}
	e := &unitEntry{f: unitFeatures(u, source)}
	if u.Anchors != nil {
		e.anchors = *u.Anchors
	}
	c.units[k] = e
	return e
}

type sideKey struct {
	doc    *parse.Document
	source bool
}

// side is what alignment reads from one page: the features of its body
// units, of each two consecutive prose units merged, and the length of
// its prose. A source side has all its Latin words, a target side only
// those a translation keeps.
type side struct {
	f     []*features // the units', in the cache
	f2    []*features // f2[i] is f[i-1] and f[i] merged, when both are prose
	prose float64
	doc   *parse.Document
	idx   []int
	fulls []parse.Fingerprint // the full fingerprints of f, once asked for
}

// full is the full fingerprints of the side's units.
func (sd *side) full() []parse.Fingerprint {
	if sd.fulls == nil {
		sd.fulls = make([]parse.Fingerprint, len(sd.f))
		for k, i := range sd.idx {
			if sd.f[k].prose {
				sd.fulls[k] = sd.doc.Units[i].FullFingerprint()
			} else {
				sd.fulls[k] = sd.f[k].full
			}
		}
	}
	return sd.fulls
}

// side is the side of doc (its body units idx), from the cache when it
// has it: a source page is aligned with several translations, and a
// translation with several versions of its source.
func (c *Cache) side(doc *parse.Document, idx []int, source bool) *side {
	if c == nil {
		// No cache to keep it in: a cache for this side alone, which
		// still reads a unit repeated in the page once.
		return new(Cache).newSide(doc, idx, source)
	}
	if c.sides == nil {
		c.sides = map[sideKey]*side{}
	}
	k := sideKey{doc, source}
	sd, ok := c.sides[k]
	if !ok {
		sd = c.newSide(doc, idx, source)
		c.sides[k] = sd
	}
	return sd
}

// newSide makes the side of doc's units idx, with the features of units
// and of merged pairs taken from the cache when it has them.
func (c *Cache) newSide(doc *parse.Document, idx []int, source bool) *side {
	if c.units == nil {
		c.units = make(map[unitKey]*unitEntry, 2*len(idx))
		c.merged = make(map[[2]*unitEntry]*features, len(idx))
	}
	sd := &side{f: make([]*features, 0, len(idx)), doc: doc, idx: idx}
	es := make([]*unitEntry, 0, len(idx))
	for _, i := range idx {
		e := c.unit(&doc.Units[i], source)
		es = append(es, e)
		sd.f = append(sd.f, &e.f)
		if e.f.prose {
			sd.prose += e.f.length
		}
	}
	sd.f2 = make([]*features, len(sd.f))
	for i := 1; i < len(sd.f); i++ {
		if sd.f[i].prose && sd.f[i-1].prose {
			k := [2]*unitEntry{es[i-1], es[i]}
			m, ok := c.merged[k]
			if !ok {
				mf := merge(*sd.f[i-1], *sd.f[i])
				m = &mf
				c.merged[k] = m
			}
			sd.f2[i] = m
		}
	}
	return sd
}

// Align aligns the units of a source page with those of its translation:
// front matter fields by key, body units by dynamic programming over the
// two sequences with 1–1, 1–0, 0–1, 2–1 and 1–2 steps, scored on unit
// kinds and heading levels, shared anchors (link and image targets,
// numbers, code, shortcodes), Latin words kept in the translation and the
// length ratio.
func Align(src, tgt *parse.Document, opts Options) []Pair {
	pairs, _ := align(src, tgt, opts)
	return pairs
}

// align is Align, and the most cells its tables held.
func align(src, tgt *parse.Document, opts Options) ([]Pair, int) {
	var pairs []Pair
	// Front matter: by key.
	tgtKeys := map[string]int{}
	for i, u := range tgt.Units {
		if u.Kind == parse.FrontMatter {
			tgtKeys[u.Key] = i
		}
	}
	for i, u := range src.Units {
		if u.Kind != parse.FrontMatter {
			continue
		}
		if j, ok := tgtKeys[u.Key]; ok {
			pairs = append(pairs, Pair{Source: []int{i}, Target: []int{j}})
			delete(tgtKeys, u.Key)
		} else {
			pairs = append(pairs, Pair{Source: []int{i}})
		}
	}
	for _, u := range tgt.Units {
		if j, ok := tgtKeys[u.Key]; ok && u.Kind == parse.FrontMatter {
			pairs = append(pairs, Pair{Target: []int{j}})
		}
	}
	si, ti := src.BodyIndexes(), tgt.BodyIndexes()
	a := newAligner(opts.Cache.side(src, si, true), opts.Cache.side(tgt, ti, false), src, tgt, si, ti, opts.Ratio)
	a.tables = opts.Cache
	a.only = opts.Only
	a.maxCells = opts.maxCells
	if a.maxCells <= 0 {
		a.maxCells = MaxCells
	}
	return append(pairs, a.reorder(a.run())...), a.cells
}

type aligner struct {
	ss, ts   *side
	s, t     []*features
	s2, t2   []*features // s2[i] is s[i-1] and s[i] merged, when both are prose
	si       []int
	ti       []int
	ratio    float64
	logRatio float64
	maxCells int
	cells    int              // the most cells a table held (for tests)
	tables   *Cache           // where the tables are kept between alignments, or nil
	only     func(j int) bool // Options.Only
	// sLocal and tLocal map unit indexes of the documents to indexes
	// of s and t.
	sLocal, tLocal []int
}

func newAligner(ss, ts *side, src, tgt *parse.Document, si, ti []int, ratio float64) *aligner {
	a := &aligner{ss: ss, ts: ts, si: si, ti: ti, ratio: ratio, s: ss.f, s2: ss.f2, t: ts.f, t2: ts.f2,
		sLocal: make([]int, len(src.Units)), tLocal: make([]int, len(tgt.Units))}
	for k, i := range si {
		a.sLocal[i] = k
	}
	for k, j := range ti {
		a.tLocal[j] = k
	}
	if a.ratio <= 0 {
		a.ratio = 1
		if ss.prose > 0 && ts.prose > 0 {
			a.ratio = ts.prose / ss.prose
		}
	}
	a.logRatio = math.Log(a.ratio)
	return a
}

// threshold is what a pairing must score to be better than leaving both
// units unpaired; a 2–1 or 1–2 pairing must score mergePenalty more.
// margin covers rounding where a bound rules a score out.
const (
	threshold    = 0.42
	mergePenalty = 0.12
	margin       = 1e-9
)

// sim is the score of a pair from its kind, anchor, word and length
// scores, each 0–1.
func sim(k, as, w, l float64) float64 { return 0.3*k + 0.3*as + 0.15*w + 0.25*l }

// simAbove scores how likely target features t render source features
// s, 0–1, when the score may be above need, and is false when it cannot
// be: the anchors and words (the costly parts) are compared only when
// the kinds and lengths leave room for the score to pass need.
func (a *aligner) simAbove(s, t *features, need float64) (float64, bool) {
	if !s.prose && !t.prose && s.kind == t.kind {
		if s.full == t.full {
			return 1, true
		}
		if 0.9+margin <= need {
			return 0, false
		}
		return 0.6 + 0.3*anchorScore(s, t), true
	}
	k := kindScore(s, t)
	if k == 0 {
		return 0, true
	}
	// anchorScore and wordScore are at most 1, and so is lengthScore:
	// when its best cannot pass, it is not computed (the sums only grow
	// with l, rounding included).
	if sim(k, 1, 1, 1)+margin <= need {
		return 0, false
	}
	l := a.lengthScore(s, t)
	if sim(k, 1, 1, l)+margin <= need {
		return 0, false
	}
	// The anchors are one merge of short lists, the words two of longer
	// ones: a pair whose anchors already rule it out skips the words.
	as := anchorScore(s, t)
	if sim(k, as, 1, l)+margin <= need {
		return 0, false
	}
	return sim(k, as, wordScore(s, t), l), true
}

func kindScore(s, t *features) float64 {
	switch {
	case s.kind == t.kind && (s.kind != parse.Heading || s.level == t.level):
		return 1
	case s.kind == t.kind:
		return 0.7
	case s.prose && t.prose && s.kind != parse.Heading && t.kind != parse.Heading:
		return 0.4
	}
	return 0
}

func anchorScore(s, t *features) float64 {
	switch {
	case len(s.anchors) == 0 && len(t.anchors) == 0:
		return 0.5
	case len(s.anchors) == 0 || len(t.anchors) == 0:
		return 0 // nothing in common
	}
	return 2 * float64(common(s.anchors, t.anchors)) / float64(len(s.anchors)+len(t.anchors))
}

// wordScore measures the Latin words the two units share: the target's
// words found in the source, and the source's names found in the target.
func wordScore(s, t *features) float64 {
	switch {
	case len(t.words) == 0 && len(s.names) == 0:
		return 0.5
	case len(t.words) == 0:
		return 0.1 // the source names things the target does not
	}
	score := float64(common(t.words, s.words)) / float64(len(t.words))
	if len(s.names) == 0 {
		return score
	}
	return (score + float64(common(s.names, t.words))/float64(len(s.names))) / 2
}

// lengthScore is high when the target is about ratio times as long as
// the source: a smooth bump over the log of their length ratio.
func (a *aligner) lengthScore(s, t *features) float64 {
	if s.length == 0 || t.length == 0 {
		if s.length == t.length {
			return 1
		}
		return 0
	}
	x := 1.2 * math.Abs(t.logLen-s.logLen-a.logRatio)
	return 1 / (1 + x + x*x/2) // close to exp(-x), without the exponential
}
