package glossary

import (
	"bytes"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// formKind says what an occurrence of a form means.
type formKind uint8

const (
	kindEN      formKind = iota // the English term (source side)
	kindUse                     // an approved or accepted rendering
	kindFirst                   // the first-use pattern of a rendering (훅(hook))
	kindAvoid                   // a forbidden rendering
	kindEnglish                 // the English term left in a translation
)

// form is one string to look for.
type form struct {
	norm      string // normalized, Latin lower-cased
	cased     string // normalized as written
	text      string // as written in the glossary
	term      int    // index of the concept
	kind      formKind
	sensitive bool // compare cased too
}

func newForm(s string) form {
	return form{norm: normString(s, true), cased: normString(s, false), text: s}
}

// occurrence is a form found in a text, at byte offsets of text.norm.
type occurrence struct {
	at, end int
	f       *form
}

// index finds many forms in one pass over a text: a trie of the forms'
// normalized bytes, walked from each rune that may start one. A bit per
// rune of the Basic Multilingual Plane (a set past it) tells the runes
// that are the first of a form before any walk: most runes of a CJK text
// start none. The zero index is empty and ready to use.
type index struct {
	trie trieBuilder
	// walk is trie made compact for the walks, on the first scan (once):
	// forms are added before.
	once sync.Once
	walk trie
	// firsts has a bit for each first rune of a form in the Basic
	// Multilingual Plane; far holds the first runes past it.
	firsts [1 << 16 / 64]uint64
	far    map[rune]bool
	// Past the first rune, a filter on the first two: pairs has a bit
	// for a hash of the first two runes of each form (bigram), singles
	// one for a hash of a form of one rune. A walk starts only where a
	// bit says a form may (a false positive costs a walk, nothing else).
	pairs, singles [1 << 16 / 64]uint64
}

// bigram hashes two runes to a bit of a filter.
func bigram(a, b rune) uint32 {
	h := uint32(a)*0x9E3779B1 ^ uint32(b)
	return (h ^ h>>16) & (1<<16 - 1)
}

// mayStart reports whether a form may start with r, where rest follows
// r in the text.
func (ix *index) mayStart(r rune, rest string) bool {
	if h := uint32(r) & (1<<16 - 1); ix.singles[h/64]&(1<<(h%64)) != 0 {
		return true
	}
	if rest == "" {
		return false
	}
	r2 := rune(rest[0])
	if r2 >= utf8.RuneSelf {
		r2, _ = utf8.DecodeRuneInString(rest)
	}
	h := bigram(r, r2)
	return ix.pairs[h/64]&(1<<(h%64)) != 0
}

func (ix *index) add(f form) {
	if f.norm == "" {
		return
	}
	ix.trie.add(f.norm, &f)
	r, size := utf8.DecodeRuneInString(f.norm)
	if size == len(f.norm) {
		h := uint32(r) & (1<<16 - 1)
		ix.singles[h/64] |= 1 << (h % 64)
	} else {
		r2, _ := utf8.DecodeRuneInString(f.norm[size:])
		h := bigram(r, r2)
		ix.pairs[h/64] |= 1 << (h % 64)
	}
	switch {
	case r < 1<<16:
		ix.firsts[r/64] |= 1 << (r % 64)
	default:
		if ix.far == nil {
			ix.far = map[rune]bool{}
		}
		ix.far[r] = true
	}
}

// scan finds every occurrence of the forms that respects the boundaries
// of its script, keeps those the check function accepts, and resolves
// overlaps by longest match across all concepts: a longer form wins its
// span ("pull request" over "request", kube-proxy over proxy); forms
// found at exactly the same span all stay, except that a case-sensitive
// form beats a case-folded one.
func (ix *index) scan(t text, accept func(t text, o occurrence) bool) []occurrence {
	ix.once.Do(func() { ix.walk = ix.trie.compile() })
	if len(ix.walk.nodes) == 0 {
		return nil
	}
	tr := &ix.walk
	var found []occurrence
	s := t.norm
	afterWord := false // the rune before i is a word character
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		at := i
		i += size
		var word bool // isWordChar(r), inline
		if u := uint32(r); u < 1<<16 {
			word = latinBMP[u>>6]>>(u&63)&1 != 0
		} else {
			word = isWordChar(r)
		}
		if word && afterWord {
			continue // Latin forms start at a word boundary
		}
		afterWord = word
		switch {
		case r < 1<<16:
			if ix.firsts[r/64]&(1<<(r%64)) == 0 {
				continue
			}
		default:
			if !ix.far[r] {
				continue
			}
		}
		if !ix.mayStart(r, s[i:]) {
			continue
		}
		for n, j := int32(0), at; j < len(s); {
			if n = tr.child(n, s[j]); n < 0 {
				break
			}
			j++
			for _, f := range tr.formsAt(n) {
				if f.sensitive && !strings.HasPrefix(t.cased[at:], f.cased) {
					continue
				}
				o := occurrence{at: at, end: j, f: f}
				if !boundaries(t, o.at, o.end) || inIdentifier(t, o.at, o.end) {
					continue
				}
				if accept != nil && !accept(t, o) {
					continue
				}
				if found == nil {
					found = make([]occurrence, 0, 8)
				}
				found = append(found, o)
			}
		}
	}
	return longest(found)
}

func longest(found []occurrence) []occurrence {
	if len(found) < 2 || disjoint(found) {
		return found
	}
	slices.SortStableFunc(found, func(a, b occurrence) int {
		if la, lb := a.end-a.at, b.end-b.at; la != lb {
			return lb - la
		}
		if a.f.sensitive != b.f.sensitive {
			if a.f.sensitive {
				return -1
			}
			return 1
		}
		if a.at != b.at {
			return a.at - b.at
		}
		return int(a.f.kind) - int(b.f.kind)
	})
	var kept []occurrence
next:
	for _, o := range found {
		for _, k := range kept {
			if o.at == k.at && o.end == k.end && o.f.term == k.f.term {
				continue next // one concept counts a span once: a rendering before its English form
			}
			if o.at == k.at && o.end == k.end && (o.f.sensitive == k.f.sensitive) {
				continue // the same span for another concept: both stay
			}
			if o.at < k.end && k.at < o.end {
				continue next
			}
		}
		kept = append(kept, o)
	}
	slices.SortStableFunc(kept, func(a, b occurrence) int { return a.at - b.at })
	return kept
}

// disjoint reports occurrences in text order none of which overlaps
// the next: all of them stay, in that order.
func disjoint(found []occurrence) bool {
	for k := 1; k < len(found); k++ {
		if found[k].at < found[k-1].end {
			return false
		}
	}
	return true
}

// boundaries applies the boundaries of the form's script at both edges:
// words at Latin edges; a word start at a Hangul start (particles attach
// at the end, so the end is free); and the kana guard: a katakana form
// does not end where a long-vowel mark or a small kana follows
// (テレメトリ is not in テレメトリー). Other CJK edges are substrings.
func boundaries(t text, at, end int) bool {
	first, _ := utf8.DecodeRuneInString(t.norm[at:])
	last, _ := utf8.DecodeLastRuneInString(t.norm[:end])
	before, _ := utf8.DecodeLastRuneInString(t.norm[:at])
	after, _ := utf8.DecodeRuneInString(t.norm[end:])
	if isWordChar(first) && at > 0 && isWordChar(before) {
		return false
	}
	if isWordChar(last) && end < len(t.norm) && isWordChar(after) && !(isLetter(last) && isDigit(after) && digitsThenCJK(t.norm[end:])) {
		return false // Secret1つ, Node2のスペック: a number after the word, in CJK text
	}
	if isHangul(first) && at > 0 && isHangul(before) {
		return false
	}
	if isKatakana(last) && end < len(t.norm) && extendsKana(after) {
		return false
	}
	return true
}

// inIdentifier reports a Latin occurrence that is part of an identifier,
// a path, a host name or a label key written in prose: joined to more
// word characters by / _ . = @ ~ : or | (kubernetes.io/hostname, pod.spec,
// app=web, [windows|linux]), or quoted alone ("user"). Hyphens join prose compounds too (platform-as-a-product);
// a compound kept verbatim in the translation is a name (see
// compound).
func inIdentifier(t text, at, end int) bool {
	first, _ := utf8.DecodeRuneInString(t.norm[at:])
	last, _ := utf8.DecodeLastRuneInString(t.norm[:end])
	if at > 0 && isWordChar(first) {
		if joins(t.norm[at-1]) && at > 1 && isIdentChar(t.norm[at-2]) {
			return true
		}
		if t.norm[at-1] == '/' {
			return true
		}
	}
	if end < len(t.norm) && isWordChar(last) {
		if joins(t.norm[end]) && end+1 < len(t.norm) && isIdentChar(t.norm[end+1]) {
			return true
		}
		if t.norm[end] == '/' {
			return true
		}
	}
	if namesLongerProduct(t, at, end) {
		return true
	}
	// A quoted value ("user", 'hostnames') is a literal.
	// The closing quote may be the match's own last character, at the
	// end of the unit.
	if at > 0 && isWordChar(first) {
		b, _ := utf8.DecodeLastRuneInString(t.norm[:at])
		var a rune
		if end < len(t.norm) {
			a, _ = utf8.DecodeRuneInString(t.norm[end:])
		}
		if (b == '"' || b == '“') && (a == '"' || a == '”') || b == '\'' && (a == '\'' || last == '\'') {
			return true
		}
	}
	return false
}

// namesLongerProduct reports a Latin occurrence that is the whole text of
// a link to a site whose host name is a longer word starting with it:
// [Node](https://nodejs.org/en) is Node.js, another product than the
// term. A host named as the term or otherwise ([Calico](https://www.
// projectcalico.org/)) leaves it a term.
func namesLongerProduct(t text, at, end int) bool {
	if t.src == nil || at == 0 || end > len(t.norm) || end <= at {
		return false
	}
	start, stop := t.offset(at), t.offset(end-1)+1
	if start < 1 || t.src[start-1] != '[' || !bytes.HasPrefix(t.src[stop:], []byte("](")) {
		return false
	}
	rest := t.src[stop+2:]
	for _, scheme := range []string{"https://", "http://"} {
		if after, ok := bytes.CutPrefix(rest, []byte(scheme)); ok {
			host := after
			if i := bytes.IndexAny(after, "/)"); i >= 0 {
				host = after[:i]
			}
			word := strings.ToLower(t.norm[at:end])
			for _, label := range strings.Split(strings.ToLower(string(host)), ".") {
				if len(label) > len(word) && strings.HasPrefix(label, word) {
					return true
				}
			}
		}
	}
	return false
}

func joins(b byte) bool {
	switch b {
	case '/', '_', '.', '=', '@', '~', ':', '|':
		return true
	}
	return false
}

func isIdentChar(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_' || b == '$' || b == '{'
}

func isWordChar(r rune) bool {
	if u := uint32(r); u < 1<<16 {
		return latinBMP[u>>6]>>(u&63)&1 != 0
	}
	return r >= 0 && unicode.Is(unicode.Latin, r)
}

// latinBMP has a bit for each word character of the Basic Multilingual
// Plane: ASCII letters and digits, and the Latin runes from U+00C0 on
// (ª and º are Latin, but no word characters here). isWordChar asks
// for every rune of a text, and a bit is cheaper than a search of
// unicode.Latin's ranges.
var latinBMP = func() (bits [1 << 16 / 64]uint64) {
	for r := rune(0); r < utf8.RuneSelf; r++ {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			bits[r/64] |= 1 << (r % 64)
		}
	}
	for _, rg := range unicode.Latin.R16 {
		for r := rune(rg.Lo); r <= rune(rg.Hi); r += rune(rg.Stride) {
			if r >= 0xC0 {
				bits[r/64] |= 1 << (r % 64)
			}
		}
	}
	return bits
}()

func isHangul(r rune) bool {
	return r >= 0xAC00 && r <= 0xD7A3 || r >= 0x1100 && r <= 0x11FF || r >= 0x3130 && r <= 0x318F
}

// extendsKana reports a rune that continues the katakana word before it.
func extendsKana(r rune) bool {
	switch r {
	case 'ー', 'ァ', 'ィ', 'ゥ', 'ェ', 'ォ', 'ッ', 'ャ', 'ュ', 'ョ', 'ヮ', 'ヵ', 'ヶ', '\u3099', '\u309A', '゛', '゜':
		return true
	}
	return false
}

// condition is a Context with its words normalized once, when the
// Matcher is made, rather than at every occurrence.
type condition struct {
	prev, next, near []string
	sentenceStart    bool
	titleCase        bool
}

func newCondition(c *Context) *condition {
	if c == nil {
		return nil
	}
	out := &condition{sentenceStart: c.SentenceStart, titleCase: c.TitleCase}
	for _, w := range c.Prev {
		out.prev = append(out.prev, conditionWord(w))
	}
	for _, w := range c.Next {
		out.next = append(out.next, conditionWord(w))
	}
	for _, w := range c.Near {
		out.near = append(out.near, normString(w, true))
	}
	return out
}

// holds reports whether an English occurrence meets a term's conditions.
func (c *condition) holds(t text, o occurrence) bool {
	for _, w := range c.prev {
		if endsWithWord(strings.TrimRight(t.norm[:o.at], " -"), w) {
			return true
		}
	}
	for _, w := range c.next {
		if startsWithWord(strings.TrimLeft(t.norm[o.end:], " -"), w) {
			return true
		}
	}
	for _, w := range c.near {
		for i := 0; ; {
			j := strings.Index(t.norm[i:], w)
			if j < 0 {
				break
			}
			if boundaries(t, i+j, i+j+len(w)) && (i+j >= o.end || i+j+len(w) <= o.at) {
				return true
			}
			i += j + 1
		}
	}
	if c.sentenceStart && sentenceStart(t, o.at) {
		return true
	}
	if c.titleCase && titleCase(t, o) {
		return true
	}
	return false
}

// titleCase reports an occurrence next to another capitalized word, as in
// a title-case heading or a name (Get a Shell to a Running Container, Min
// Ready Seconds), where capitalization says nothing.
func titleCase(t text, o occurrence) bool {
	before := strings.TrimRight(t.cased[:o.at], " ")
	if i := strings.LastIndexAny(before, " \n"); i >= 0 || before != "" {
		w := before[i+1:]
		for minorWords[w] && i >= 0 {
			before = strings.TrimRight(before[:i+1], " ")
			i = strings.LastIndexAny(before, " \n")
			w = before[i+1:]
		}
		// A capital that opens the sentence says nothing.
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) && !sentenceStart(t, len(before)-len(w)) {
			return true
		}
	}
	after := strings.TrimLeft(t.cased[o.end:], " ")
	r, _ := utf8.DecodeRuneInString(after)
	return unicode.IsUpper(r)
}

func endsWithWord(s, w string) bool {
	if !strings.HasSuffix(s, w) {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(s[:len(s)-len(w)])
	return len(s) == len(w) || !isWordChar(before)
}

func startsWithWord(s, w string) bool {
	if !strings.HasPrefix(s, w) {
		return false
	}
	after, _ := utf8.DecodeRuneInString(s[len(w):])
	return len(s) == len(w) || !isWordChar(after)
}

// sentenceStart reports an occurrence that opens a sentence or a unit
// (opening quotes and brackets skipped).
func sentenceStart(t text, at int) bool {
	s := strings.TrimRight(t.norm[:at], " \"'(*“")
	if s == "" {
		return true
	}
	switch s[len(s)-1] {
	case '.', '!', '?', ':', '\n':
		return true
	}
	return false
}

// englishForms returns an English term with its inflections: plural of
// the last word, possessives, and hyphen and space variants.
func englishForms(term string) []string {
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	bases := []string{term}
	if strings.Contains(term, " ") {
		bases = append(bases, strings.ReplaceAll(term, " ", "-"))
	}
	if strings.Contains(term, "-") {
		bases = append(bases, strings.ReplaceAll(term, "-", " "))
	}
	// A term of two words or more listed in the plural (Image Pull
	// Secrets) matches its singular too.
	if sg, ok := singular(term); ok && strings.ContainsAny(term, " -") {
		bases = append(bases, sg)
	}
	for _, b := range bases {
		add(b)
		pl := plural(b)
		add(pl)
		add(b + "'s")
		if strings.HasSuffix(pl, "s") {
			add(pl + "'")
		}
	}
	return out
}

// plural makes the plural of the last word of an English term (regular
// plurals only; acronyms take s).
func plural(s string) string {
	i := strings.LastIndexAny(s, " -")
	head, word := s[:i+1], s[i+1:]
	lower := strings.ToLower(word)
	switch {
	case word == "" || strings.ToUpper(word) == word && len(word) > 1:
		return s + "s"
	case strings.HasSuffix(lower, "y") && len(lower) > 1 && !strings.ContainsRune("aeiou", rune(lower[len(lower)-2])):
		return head + word[:len(word)-1] + "ies"
	case strings.HasSuffix(lower, "s"), strings.HasSuffix(lower, "x"), strings.HasSuffix(lower, "z"),
		strings.HasSuffix(lower, "ch"), strings.HasSuffix(lower, "sh"):
		return head + word + "es"
	}
	return head + word + "s"
}

// compound returns the hyphenated Latin compound an occurrence is part
// of (kube-proxy for proxy), or "".
func compound(t text, at, end int) string {
	a, b := at, end
	for a > 0 && (isIdentChar(t.norm[a-1]) || t.norm[a-1] == '-') {
		a--
	}
	for b < len(t.norm) && (isIdentChar(t.norm[b]) || t.norm[b] == '-') {
		b++
	}
	c := strings.Trim(t.norm[a:b], "-")
	if len(c) == end-at || !strings.Contains(c, "-") {
		return ""
	}
	return c
}

// minorWords stay lower case in a title-case heading.
// "and" and "or" are not among them: Kubernetes and Docker are two names,
// not one.
var minorWords = map[string]bool{"a": true, "an": true, "the": true, "to": true, "of": true, "on": true, "in": true,
	"for": true, "with": true, "by": true, "at": true, "from": true, "as": true}

// singular undoes a regular plural of the last word (secrets,
// policies). A term of one word must be a lower-case common noun not
// ending in -us or -is: a capitalised word is a name (Kubernetes,
// Windows), and status or basis is no plural.
func singular(s string) (string, bool) {
	i := strings.LastIndexAny(s, " -")
	word := s[i+1:]
	lower := strings.ToLower(word)
	if i < 0 && (lower != word || strings.HasSuffix(lower, "us") || strings.HasSuffix(lower, "is")) {
		return "", false
	}
	switch {
	case strings.HasSuffix(lower, "ies") && len(word) > 4:
		return s[:i+1] + word[:len(word)-3] + "y", true
	case strings.HasSuffix(lower, "s") && !strings.HasSuffix(lower, "ss") && len(word) > 3:
		return s[:i+1] + word[:len(word)-1], true
	}
	return "", false
}

// conditionWord normalizes a word of a condition; "`" stands for a code
// span (setting `nodeName`).
func conditionWord(w string) string {
	if w == "`" {
		return string(codeMark)
	}
	return normString(w, true)
}

func isLetter(r rune) bool { return isWordChar(r) && !isDigit(r) }

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// digitsThenCJK reports digits followed by CJK text.
func digitsThenCJK(s string) bool {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return i > 0 && isCJK(r)
}
