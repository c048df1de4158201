package align

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
	"github.com/cnpe-i18n/cnpe-i18n/sync/change"
)

// features are what the score compares, computed once per unit. Sets are
// sorted hashes, so that comparing two units allocates nothing.
type features struct {
	kind    parse.Kind
	level   int
	full    parse.Fingerprint // of units that are not prose
	anchors []uint64          // links, images, code, shortcodes, numbers (a multiset)
	words   []uint64          // Latin words, lower case
	names   []uint64          // words a translation keeps (names, acronyms)
	length  float64           // characters of plain text
	logLen  float64           // its logarithm
	prose   bool
	row     string // a table cell's table and row ("intro/table-1/r2")
	col     string // and its column ("c3", "c3#2" for a cell's second unit)
}

func unitFeatures(u *parse.Unit, allWords bool) features {
	f := features{kind: u.Kind, level: u.Level,
		length: float64(utf8.RuneCountInString(u.Plain)), prose: u.Translatable}
	if !f.prose {
		// Prose units are compared by their words; the anchors of a
		// long page read their full fingerprints (side.fulls).
		f.full = u.FullFingerprint()
	}
	f.logLen = math.Log(max(f.length, 1))
	if u.Kind == parse.TableCell {
		if r := strings.LastIndex(u.ID, "/r"); r >= 0 {
			if c := strings.IndexByte(u.ID[r:], 'c'); c >= 0 {
				f.row, f.col = u.ID[:r+c], u.ID[r+c:]
			}
		}
	}
	a := u.AllAnchors()
	if n := len(a.Links) + len(a.Images) + len(a.Code) + len(a.Shortcodes) + len(a.Numbers); n > 0 {
		f.anchors = make([]uint64, 0, n)
	}
	for _, l := range a.Links {
		f.anchors = append(f.anchors, strHash2("l:", LinkKey(l)))
	}
	for _, l := range a.Images {
		f.anchors = append(f.anchors, strHash2("i:", LinkKey(l)))
	}
	for _, c := range a.Code {
		f.anchors = append(f.anchors, strHash2("c:", c))
	}
	for _, sc := range a.Shortcodes {
		f.anchors = append(f.anchors, strHash2("s:", sc))
	}
	for _, n := range a.Numbers {
		f.anchors = append(f.anchors, numberHash(n))
	}
	slices.Sort(f.anchors)
	if len(a.Words) > 0 {
		f.names = make([]uint64, 0, len(a.Words))
	}
	for _, w := range a.Words {
		f.names = append(f.names, lowerHash(w))
	}
	f.names = sortedSet(f.names)
	if allWords {
		f.words = sortedSet(wordHashes(u.Plain))
	} else {
		f.words = f.names
	}
	return f
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func strHash(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// strHash2 is strHash(p + s), without making the string.
func strHash2(p, s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(p); i++ {
		h ^= uint64(p[i])
		h *= fnvPrime
	}
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// numberHash is a number's anchor key, strHash("n:" + n without commas).
func numberHash(n string) uint64 {
	h := strHash("n:")
	for i := 0; i < len(n); i++ {
		if n[i] != ',' {
			h ^= uint64(n[i])
			h *= fnvPrime
		}
	}
	return h
}

// lowerHash is strHash(strings.ToLower(s)), without making the string
// when s is ASCII.
func lowerHash(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return strHash(strings.ToLower(s))
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// wordHashes are the hashes of the Latin words of a source unit's plain
// text, lower case: the tokens (change.Tokens) of the text in lower case
// that start with an ASCII letter, digit, underscore or apostrophe and
// are longer than one byte. When no rune past ASCII is a letter or digit
// in lower case (ASCII text, or with typographic quotes and dashes), the
// words are the runs of ASCII word bytes, and are hashed as they are
// scanned.
func wordHashes(plain string) []uint64 {
	var hs []uint64
	for i := 0; i < len(plain); {
		c := plain[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(plain[i:])
			if change.IsWordRune(unicode.ToLower(r)) {
				return tokenHashes(plain)
			}
			i += size
			continue
		}
		if !isWordByte(c) {
			i++
			continue
		}
		j := i + 1
		for j < len(plain) && isWordByte(plain[j]) {
			j++
		}
		if j-i > 1 {
			hs = append(hs, lowerHash(plain[i:j]))
		}
		i = j
	}
	return hs
}

// tokenHashes is wordHashes of any text.
func tokenHashes(plain string) []uint64 {
	var hs []uint64
	for t := range change.Tokens(strings.ToLower(plain)) {
		r, _ := utf8.DecodeRuneInString(t)
		if r < utf8.RuneSelf && change.IsWordRune(r) && len(t) > 1 {
			hs = append(hs, strHash(t))
		}
	}
	return hs
}

// isWordByte is change.IsWordRune for an ASCII byte.
func isWordByte(c byte) bool {
	return 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9' || c == '_' || c == '\''
}

func sortedSet(xs []uint64) []uint64 {
	slices.Sort(xs)
	return slices.Compact(xs)
}

// common counts the elements two sorted multisets share.
func common(a, b []uint64) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n
}

// LinkKey is a link or image target as translations keep it: without a
// language prefix such as /ja/ and a trailing slash.
func LinkKey(l string) string {
	l = strings.TrimSuffix(l, "/")
	if len(l) > 3 && l[0] == '/' {
		if i := strings.IndexByte(l[1:], '/'); i >= 2 && i <= 5 {
			if code := l[1 : i+1]; isLangCode(code) {
				l = l[i+1:]
			}
		}
	}
	return l
}

func isLangCode(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c == '-') {
			return false
		}
	}
	return len(s) == 2 || len(s) == 5
}

// merge is the features of two consecutive units read as one.
func merge(a, b features) features {
	m := features{kind: a.kind, level: a.level, length: a.length + b.length, prose: a.prose || b.prose}
	m.logLen = math.Log(max(m.length, 1))
	// One array holds the three merged lists.
	buf := make([]uint64, 0, len(a.anchors)+len(b.anchors)+len(a.words)+len(b.words)+len(a.names)+len(b.names))
	buf = mergeSorted(buf, a.anchors, b.anchors, false)
	m.anchors = buf[:len(buf):len(buf)]
	buf = mergeSorted(buf, a.words, b.words, true)
	m.words = buf[len(m.anchors):len(buf):len(buf)]
	buf = mergeSorted(buf, a.names, b.names, true)
	m.names = buf[len(m.anchors)+len(m.words):]
	if len(m.anchors) == 0 {
		m.anchors = nil
	}
	if len(m.words) == 0 {
		m.words = nil
	}
	if len(m.names) == 0 {
		m.names = nil
	}
	return m
}

// mergeSorted appends to dst the elements of the sorted lists a and b in
// order: all of them (a multiset) or, when set, each once (a and b are
// sets).
func mergeSorted(dst, a, b []uint64, set bool) []uint64 {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			dst = append(dst, a[i])
			i++
		case b[j] < a[i]:
			dst = append(dst, b[j])
			j++
		default:
			dst = append(dst, a[i])
			i++
			if set {
				j++
			}
		}
	}
	dst = append(dst, a[i:]...)
	return append(dst, b[j:]...)
}
