package change

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

// ChangeKind classifies what happened to a source unit between the base
// (the version translated) and now.
type ChangeKind int

// Change kinds. Only Prose, Added and Removed need a translator.
const (
	Unchanged  ChangeKind = iota
	Prose                 // the words changed
	Mechanical            // links, code, markup or shortcode arguments changed, the words did not
	Whitespace            // only white space or line breaks changed
	Metadata              // a front matter field that is not translated changed
	Added                 // the unit is new
	Removed               // the unit is gone
	Moved                 // the same unit is elsewhere in the page
	Typography            // only quote marks or letter case changed
)

var changeNames = [...]string{"unchanged", "prose", "mechanical", "whitespace", "metadata", "added", "removed", "moved", "typography"}

// Change is what happened to one source unit. Before is the unit at the
// base (nil when Added), After the unit now (nil when Removed).
type Change struct {
	Kind   ChangeKind
	Before *parse.Unit
	After  *parse.Unit
	// Words is the word diff of a Prose change.
	Words []Edit
}

// SourceDiff is the comparison of two versions of a source page.
type SourceDiff struct {
	// ByBefore maps each unit index of the base to its change.
	ByBefore map[int]*Change
	// ByAfter maps each unit index of the current page to its change.
	ByAfter map[int]*Change
	Changes []*Change

	noWords bool // DiffKinds: no word diffs
}

// DiffSource compares the base and current versions of a source page:
// front matter fields by key, body units with go-diff over their text
// fingerprints, deleted and inserted neighbours paired into modified units
// when their words are alike.
func DiffSource(before, after *parse.Document) *SourceDiff {
	return diffSource(before, after, false)
}

// DiffKinds is DiffSource without the word diffs of prose changes
// (Change.Words is nil), for callers that need the kinds of many changes
// and the word diffs of a few (WordDiff of their Plain texts).
func DiffKinds(before, after *parse.Document) *SourceDiff {
	return diffSource(before, after, true)
}

func diffSource(before, after *parse.Document, noWords bool) *SourceDiff {
	d := &SourceDiff{ByBefore: map[int]*Change{}, ByAfter: map[int]*Change{}, noWords: noWords}
	d.frontMatter(before, after)
	bi, ai := before.BodyIndexes(), after.BodyIndexes()
	d.body(before, after, bi, ai)
	return d
}

func (d *SourceDiff) add(c *Change, bi, ai int) {
	d.Changes = append(d.Changes, c)
	if bi >= 0 {
		d.ByBefore[bi] = c
	}
	if ai >= 0 {
		d.ByAfter[ai] = c
	}
}

func (d *SourceDiff) frontMatter(before, after *parse.Document) {
	afterByKey := map[string]int{}
	for i, u := range after.Units {
		if u.Kind == parse.FrontMatter {
			afterByKey[u.Key] = i
		}
	}
	seen := map[string]bool{}
	for i := range before.Units {
		b := &before.Units[i]
		if b.Kind != parse.FrontMatter {
			continue
		}
		seen[b.Key] = true
		j, ok := afterByKey[b.Key]
		if !ok {
			kind := Removed
			if !b.Translatable {
				kind = Metadata
			}
			d.add(&Change{Kind: kind, Before: b}, i, -1)
			continue
		}
		a := &after.Units[j]
		d.add(d.compareUnits(b, a), i, j)
	}
	for key, j := range afterByKey {
		if seen[key] {
			continue
		}
		a := &after.Units[j]
		kind := Added
		if !a.Translatable {
			kind = Metadata
		}
		d.add(&Change{Kind: kind, After: a}, -1, j)
	}
}

// compareUnits classifies the change between two versions of one unit.
func (d *SourceDiff) compareUnits(b, a *parse.Unit) *Change {
	c := &Change{Before: b, After: a}
	switch {
	case b.Fingerprint != a.Fingerprint:
		switch {
		case b.Kind == parse.FrontMatter && !a.Translatable:
			c.Kind = Metadata
		case !a.Translatable && !b.Translatable:
			c.Kind = Mechanical
		default:
			// The words are folded once for both tests.
			sameWords := SameWords(b.Plain, a.Plain)
			switch {
			case sameWords && !markupChanged(b, a):
				c.Kind = Typography
			case sameWords:
				c.Kind = Mechanical // a link or code change is not hidden by a typography change
			case SameWords(codeShown(b), codeShown(a)):
				c.Kind = Mechanical // words put in code spans or taken out of them: markup, not prose
			case SameWords(footnoteRefsMasked(b.Plain), footnoteRefsMasked(a.Plain)):
				c.Kind = Mechanical // a footnote reference gained or lost its definition: markup
			default:
				c.Kind = Prose
				if !d.noWords {
					c.Words = UnitWordDiff(b, a)
				}
			}
		}
	case !sameFull(b, a):
		c.Kind = Mechanical
		if b.Kind == parse.FrontMatter {
			c.Kind = Metadata
			if a.Translatable {
				c.Kind = Mechanical
			}
		}
	case b.Text != a.Text:
		c.Kind = Whitespace
	}
	return c
}

// sameFull reports whether two units have the same full fingerprint,
// without hashing them when they say the same: but in front matter
// (where it is of the value as written, not as decoded), a unit's full
// fingerprint is made of its kind, key and text, and for a reference
// link of its link and image targets.
func sameFull(b, a *parse.Unit) bool {
	if b.Kind != parse.FrontMatter && b.Kind == a.Kind && b.Key == a.Key && b.Text == a.Text && sameTargets(b.Anchors, a.Anchors) {
		return true
	}
	return b.FullFingerprint() == a.FullFingerprint()
}

func sameTargets(x, y *parse.Anchors) bool {
	if x == nil || y == nil {
		return x == y
	}
	return slices.Equal(x.Links, y.Links) && slices.Equal(x.Images, y.Images)
}

// codeShown is a unit's plain text with its code spans shown instead of
// masked, when every mask is a code span (else the plain text): the words
// a reader sees, code included.
func codeShown(u *parse.Unit) string {
	if u.Anchors == nil || len(u.Anchors.Code) == 0 || len(u.Anchors.Images) > 0 ||
		strings.Count(u.Plain, maskToken) != len(u.Anchors.Code) {
		return u.Plain
	}
	var b strings.Builder
	rest := u.Plain
	for _, code := range u.Anchors.Code {
		i := strings.Index(rest, maskToken)
		b.WriteString(rest[:i])
		b.WriteString(code)
		rest = rest[i+len(maskToken):]
	}
	b.WriteString(rest)
	return b.String()
}

// footnoteRef is a footnote reference as text: goldmark parses "[^1]"
// as a footnote link only when the page defines the note, and as the
// characters otherwise.
var footnoteRef = regexp.MustCompile(`\[\^[^\]\s]+\]`)

// footnoteRefsMasked is plain text with its footnote references written
// as text masked as the parser masks a footnote link.
func footnoteRefsMasked(plain string) string {
	if !strings.Contains(plain, "[^") {
		return plain
	}
	return footnoteRef.ReplaceAllLiteralString(plain, maskToken)
}

// markupChanged reports a change of the link and image targets, code or
// shortcodes of a unit.
func markupChanged(b, a *parse.Unit) bool {
	var x, y parse.Anchors
	if b.Anchors != nil {
		x = *b.Anchors
	}
	if a.Anchors != nil {
		y = *a.Anchors
	}
	return !slices.Equal(x.Links, y.Links) || !slices.Equal(x.Images, y.Images) ||
		!slices.Equal(x.Code, y.Code) || !slices.Equal(x.Shortcodes, y.Shortcodes)
}

// body diffs the body units by text fingerprint.
func (d *SourceDiff) body(before, after *parse.Document, bi, ai []int) {
	codes := map[parse.Fingerprint]rune{}
	encode := func(doc *parse.Document, idx []int) []rune {
		rs := make([]rune, len(idx))
		for k, i := range idx {
			fp := doc.Units[i].Fingerprint
			r, ok := codes[fp]
			if !ok {
				r = rune(0xF0000 + len(codes))
				codes[fp] = r
			}
			rs[k] = r
		}
		return rs
	}
	rb, ra := encode(before, bi), encode(after, ai)
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	diffs := dmp.DiffMainRunes(rb, ra, false)
	var dels, ins []int // pending unit indexes of a replaced block
	pb, pa := 0, 0
	flush := func() {
		d.pairBlock(before, after, dels, ins)
		dels, ins = dels[:0], ins[:0]
	}
	for _, df := range diffs {
		n := len([]rune(df.Text))
		switch df.Type {
		case diffmatchpatch.DiffEqual:
			flush()
			for k := 0; k < n; k++ {
				b, a := &before.Units[bi[pb+k]], &after.Units[ai[pa+k]]
				d.add(d.compareUnits(b, a), bi[pb+k], ai[pa+k])
			}
			pb += n
			pa += n
		case diffmatchpatch.DiffDelete:
			for k := 0; k < n; k++ {
				dels = append(dels, bi[pb+k])
			}
			pb += n
		case diffmatchpatch.DiffInsert:
			for k := 0; k < n; k++ {
				ins = append(ins, ai[pa+k])
			}
			pa += n
		}
	}
	flush()
	d.findMoves()
}

// pairBlock pairs the deleted and inserted units of one replaced block
// into modified units: first those with the same kind and enough words in
// common, then, in order, the remaining ones of the same kind (a rewritten
// list item is still the list item a translator must rewrite). The rest
// are removed and added.
func (d *SourceDiff) pairBlock(before, after *parse.Document, dels, ins []int) {
	pairedIns := make([]int, len(ins)) // index into dels+1, 0 when unpaired
	pairedDel := make([]int, len(dels))
	insWords := make([][]uint64, len(ins)) // word sets, made when first compared
	j := 0
	for di, i := range dels {
		b := &before.Units[i]
		var bw []uint64
		best, bestSim := -1, 0.0
		for k := j; k < len(ins) && k < j+4; k++ {
			a := &after.Units[ins[k]]
			if a.Kind != b.Kind || pairedIns[k] != 0 {
				continue
			}
			if bw == nil {
				bw = wordSet(b.Plain)
			}
			if insWords[k] == nil {
				insWords[k] = wordSet(a.Plain)
			}
			if s := dice(bw, insWords[k]); s > bestSim {
				best, bestSim = k, s
			}
		}
		if best >= 0 && bestSim >= 0.3 {
			pairedIns[best] = di + 1
			pairedDel[di] = best + 1
			j = best + 1
		}
	}
	// Positional pairing of what is left, between the pairs found.
	k := 0
	for di := range dels {
		if pairedDel[di] != 0 {
			k = pairedDel[di]
			continue
		}
		for ; k < len(ins); k++ {
			if pairedIns[k] != 0 {
				break
			}
			if after.Units[ins[k]].Kind == before.Units[dels[di]].Kind && after.Units[ins[k]].Translatable {
				pairedIns[k] = di + 1
				pairedDel[di] = k + 1
				k++
				break
			}
		}
	}
	// Emit in order of the current page.
	for di, i := range dels {
		if pairedDel[di] == 0 {
			d.add(&Change{Kind: Removed, Before: &before.Units[i]}, i, -1)
		}
	}
	for k, ai := range ins {
		if pairedIns[k] == 0 {
			d.add(&Change{Kind: Added, After: &after.Units[ai]}, -1, ai)
			continue
		}
		bi := dels[pairedIns[k]-1]
		d.add(d.compareUnits(&before.Units[bi], &after.Units[ai]), bi, ai)
	}
}

// findMoves turns a removed unit and an added unit with the same words
// into one moved unit.
func (d *SourceDiff) findMoves() {
	added := map[parse.Fingerprint]*Change{}
	for _, c := range d.Changes {
		if c.Kind == Added && c.After.Kind != parse.FrontMatter && c.After.Translatable {
			added[c.After.Fingerprint] = c
		}
	}
	for _, c := range d.Changes {
		if c.Kind != Removed || c.Before.Kind == parse.FrontMatter {
			continue
		}
		if a, ok := added[c.Before.Fingerprint]; ok {
			delete(added, c.Before.Fingerprint)
			c.Kind = Moved
			c.After = a.After
			a.Kind = Moved
			a.Before = c.Before
		}
	}
}

// dice is the Dice coefficient of two word sets (see wordSet).
func dice(wa, wb []uint64) float64 {
	if len(wa) == 0 && len(wb) == 0 {
		return 1
	}
	common, i, j := 0, 0, 0
	for i < len(wa) && j < len(wb) {
		switch {
		case wa[i] == wb[j]:
			common++
			i++
			j++
		case wa[i] < wb[j]:
			i++
		default:
			j++
		}
	}
	return 2 * float64(common) / float64(len(wa)+len(wb))
}

// wordSet is the set of a text's tokens in lower case but for white
// space, as sorted 64-bit hashes (FNV-1a): sorting and comparing them
// costs a fraction of what the strings do. Never nil.
func wordSet(s string) []uint64 {
	set := []uint64{}
	for t := range Tokens(strings.ToLower(s)) {
		if strings.TrimSpace(t) != "" {
			h := uint64(14695981039346656037)
			for i := 0; i < len(t); i++ {
				h ^= uint64(t[i])
				h *= 1099511628211
			}
			set = append(set, h)
		}
	}
	slices.Sort(set)
	return slices.Compact(set)
}

// SameWords reports whether two texts say the same words: they differ only
// in white space (also inside a word: "ArtifactHub", "Artifact Hub"),
// punctuation (a comma added, full- or half-width marks, quote styles)
// and letter case. An edit like that is cosmetic: no translator redoes a
// translation for it, and a translator making it is not translating.
func SameWords(a, b string) bool { return FoldWords(a) == FoldWords(b) }

// FoldWords is the words of a text without white space and punctuation
// (but for marks inside a number: 1.1 is not 11), width folded (NFKC) and
// in lower case: what SameWords compares.
func FoldWords(s string) string { return string(AppendFoldWords(nil, s)) }

// AppendFoldWords appends FoldWords(s) to dst.
func AppendFoldWords(dst []byte, s string) []byte {
	// Most texts hold only runes NFKC leaves as they are, next to any
	// other rune of the set (ASCII, the blocks of plainLetter and common
	// CJK punctuation): they are folded as they are, in one pass. A text
	// with any other rune is normalised first.
	if out, ok := appendFold(dst, s, true); ok {
		return out
	}
	out, _ := appendFold(dst, norm.NFKC.String(s), false)
	return out
}

// appendFold is AppendFoldWords of s, in NFKC. With stable, it gives up
// (false) at the first rune it does not know to be stable under NFKC.
func appendFold(dst []byte, s string, stable bool) ([]byte, bool) {
	dst = slices.Grow(dst, len(s))
	prev := rune(-1) // the rune before r, written or not
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf && asciiClass[c] != asciiSpace && asciiClass[c] != asciiPunct {
			// A letter, digit or symbol: written, in lower case.
			i++
			prev = rune(c)
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if plainLetter(r) {
			// Hangul, kana or a CJK ideograph: a letter, with no case.
			prev = r
			dst = append(dst, s[i-size:i]...)
			continue
		}
		if stable && r >= utf8.RuneSelf && !stablePunct(r) {
			return nil, false
		}
		if unicode.IsSpace(r) {
			prev = r
			continue
		}
		if unicode.IsPunct(r) && !(unicode.IsDigit(prev) && digitAt(s, i)) {
			prev = r
			continue
		}
		prev = r
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			dst = append(dst, byte(r))
			continue
		}
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return dst, true
}

// stablePunct reports whether r is CJK punctuation that NFKC leaves as it
// is: 、。「」『』 (not the full-width forms, which it maps to ASCII).
func stablePunct(r rune) bool {
	return r == 0x3001 || r == 0x3002 || 0x300C <= r && r <= 0x300F
}

// ASCII classes for AppendFoldWords: unicode.IsSpace and unicode.IsPunct
// of each byte below utf8.RuneSelf, looked up in a table.
const (
	asciiOther = iota
	asciiSpace
	asciiPunct
)

var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		switch {
		case unicode.IsSpace(rune(c)):
			t[c] = asciiSpace
		case unicode.IsPunct(rune(c)):
			t[c] = asciiPunct
		}
	}
	return t
}()

// plainLetter reports whether r is in a block of letters only (Unicode
// category Lo) that have no case: Hangul syllables, CJK unified
// ideographs, hiragana and katakana. Neither space nor punctuation,
// and their own lower case, they are copied as they are.
func plainLetter(r rune) bool {
	return 0xAC00 <= r && r <= 0xD7A3 || 0x4E00 <= r && r <= 0x9FFF ||
		0x3041 <= r && r <= 0x3096 || 0x30A1 <= r && r <= 0x30FA
}

// digitAt reports whether s holds a digit at byte i.
func digitAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsDigit(r)
}

// NeedsAlignment reports whether a change reaches translated units: white
// space, typography, metadata and moves do not.
func (d *SourceDiff) NeedsAlignment() bool {
	for _, c := range d.Changes {
		switch c.Kind {
		case Prose, Mechanical, Added, Removed:
			return true
		}
	}
	return false
}
