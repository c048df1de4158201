package glossary

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Corroboration thresholds: a word stands for a concept's rendering when
// at least minSupport findings of the concept have it, in at least
// minShare of them and minLift times more often than in the findings of
// all concepts (or in half of them and twice as often).
const (
	minSupport = 5
	minShare   = 0.15
	minLift    = 6.0
)

// Corroborate keeps the missing findings that only count renderings
// ("0 of 1") when their translated units have a word the
// translations use in the concept's place: learned from the findings
// themselves, the word their translated units share far more often than
// the others do (유형 where Type → 타입 is missing, 구성 요소 for
// Component). Such a finding says what was found instead; one with no
// such word is dropped: a word a translation leaves out (a pronoun, a
// merged clause) is not a terminology problem, and the tool cannot tell
// it from a rendering it does not know. A keep finding of the kind is
// treated the same, except that with fewer than minSupport of them for
// its term there is nothing to learn from and it stands: a name lost in
// translation was most likely translated. Other findings pass unchanged.
// The words are learned from the run's findings, so a run over a few
// pages has little to learn from and keeps fewer of these findings.
//
// A word that renders another concept of g (컨테이너 where Pod is missing)
// stands for that concept, not this one.
func Corroborate(g *Glossary, findings []Finding) []Finding {
	c := newLearning(findings)
	learned := map[termKey][]string{}
	byLang := map[string]map[string][]string{}
	for k, idx := range c.perTerm {
		if byLang[k.lang] == nil {
			byLang[k.lang] = renderingWords(g, k.lang)
		}
		learned[k] = c.learn(idx, otherWords(byLang[k.lang], k))
	}
	phrases := c.phrases(learned)
	dropFunctionWords(learned, phrases)
	out := findings[:0:0]
	for i, f := range findings {
		if c.words[i] == nil {
			out = append(out, f)
			continue
		}
		k := termKey{f.Lang, f.Term}
		if f.Rule == Keep && len(c.perTerm[k]) < minSupport {
			// Too few to learn from: a name lost in translation was most
			// likely translated (OTel Operator rendered in words).
			out = append(out, f)
			continue
		}
		for _, w := range learned[k] {
			if c.words[i][w] {
				f.Found = w
				if p := phrases[phraseKey{k, w}]; p != "" && strings.Contains(f.Target, p) {
					f.Found = p
				}
				out = append(out, f)
				break
			}
		}
	}
	return out
}

// termKey is a concept in one language.
type termKey struct{ lang, term string }

// phraseKey is a word learned for a concept.
type phraseKey struct {
	k termKey
	w string
}

// renderingWords are the words of the renderings of g's concepts in
// lang, each with the names of the concepts whose renderings have it.
func renderingWords(g *Glossary, lang string) map[string][]string {
	w := map[string][]string{}
	for _, t := range g.Terms {
		r := t.Langs[lang]
		if r == nil {
			continue
		}
		name := t.Name()
		for _, u := range append(append([]string(nil), r.Use...), r.Allow...) {
			for tok := range tokens(u) {
				if names := w[tok]; len(names) == 0 || names[len(names)-1] != name {
					w[tok] = append(names, name)
				}
			}
		}
	}
	return w
}

// otherWords are the words of the renderings of concepts other than
// k's (words: renderingWords of k's language).
func otherWords(words map[string][]string, k termKey) map[string]bool {
	w := map[string]bool{}
	for tok, names := range words {
		for _, n := range names {
			if n != k.term {
				w[tok] = true
				break
			}
		}
	}
	return w
}

// learning holds the words of the findings Corroborate learns from.
type learning struct {
	findings []Finding
	words    []map[string]bool // per finding: the words of its translated text (nil: not learned from)
	perTerm  map[termKey][]int // per concept: its findings
	all      map[string]int    // per word: the findings that have it
	total    int               // findings learned from
}

func newLearning(findings []Finding) *learning {
	c := &learning{findings: findings, words: make([]map[string]bool, len(findings)),
		perTerm: map[termKey][]int{}, all: map[string]int{}}
	for i, f := range findings {
		if !isCount(f.Found) || f.Target == "" || f.Rule != Missing && f.Rule != Keep {
			continue
		}
		c.words[i] = tokens(f.Target)
		k := termKey{f.Lang, f.Term}
		c.perTerm[k] = append(c.perTerm[k], i)
		for w := range c.words[i] {
			c.all[w]++
		}
		c.total++
	}
	return c
}

// learn is the words a concept's findings (idx) share far more than the
// run's findings do, none of them a word of another concept (other).
func (c *learning) learn(idx []int, other map[string]bool) []string {
	n := map[string]int{}
	for _, i := range idx {
		for w := range c.words[i] {
			n[w]++
		}
	}
	var cands []string
	for w, k := range n {
		share := float64(k) / float64(len(idx))
		lift := share / (float64(c.all[w]) / float64(c.total))
		if k >= minSupport && (share >= minShare && lift >= minLift || share >= 0.5 && lift >= 2) && !startsWithAny(w, other) {
			cands = append(cands, w)
		}
	}
	// A prefix stands for the word most of its findings have (저장 in
	// 저장소).
	sort.Strings(cands)
	orig := append([]string(nil), cands...)
	for j, w := range cands {
		for {
			best := ""
			for _, x := range orig {
				if len(x) > len(w) && strings.HasPrefix(x, w) && utf8.RuneCountInString(x) == utf8.RuneCountInString(w)+1 &&
					float64(n[x]) >= 0.8*float64(n[w]) && (best == "" || n[x] > n[best] || n[x] == n[best] && x < best) {
					best = x
				}
			}
			if best == "" {
				break
			}
			w = best
		}
		cands[j] = w
	}
	// The most shared first; a longer word whose stem is already in
	// (유형의 after 유형) adds nothing.
	sort.Slice(cands, func(a, b int) bool {
		if n[cands[a]] != n[cands[b]] {
			return n[cands[a]] > n[cands[b]]
		}
		return cands[a] < cands[b]
	})
	var kept []string
next:
	for _, w := range cands {
		for _, s := range kept {
			if strings.HasPrefix(w, s) || strings.HasPrefix(s, w) {
				continue next
			}
		}
		kept = append(kept, w)
	}
	return kept
}

// phrases: a learned word most of whose findings have the same word
// before it is shown with it: 더 이상 (more) for 이상, which alone reads
// "above" or "abnormal", where deprecated is 더 이상 사용하지 않는다.
func (c *learning) phrases(learned map[termKey][]string) map[phraseKey]string {
	phrases := map[phraseKey]string{}
	for k, ws := range learned {
		for _, w := range ws {
			before, with := map[string]int{}, 0
			for _, i := range c.perTerm[k] {
				if !c.words[i][w] {
					continue
				}
				with++
				if b := wordBefore(c.findings[i].Target, w); b != "" {
					before[b]++
				}
			}
			for b, n := range before {
				if n >= minSupport && float64(n) >= 0.8*float64(with) {
					phrases[phraseKey{k, w}] = b + " " + w
				}
			}
		}
	}
	return phrases
}

// dropFunctionWords: a grammatical word (다음 "following", 같은 "like",
// 이상 "above") renders no concept: learned alone it is noise, and its
// findings are dropped; within a phrase (더 이상) it stands.
func dropFunctionWords(learned map[termKey][]string, phrases map[phraseKey]string) {
	for k, ws := range learned {
		kept := ws[:0:0]
		for _, w := range ws {
			if !functionWords[w] || phrases[phraseKey{k, w}] != "" {
				kept = append(kept, w)
			}
		}
		learned[k] = kept
	}
}

// functionWords are Korean grammatical words and word forms that
// translations write around a term, never in its place.
var functionWords = map[string]bool{
	"다음": true, "같은": true, "같이": true, "이상": true, "이하": true, "없는": true, "없이": true,
	"않는다": true, "않는": true, "않은": true, "있는": true, "있다": true, "하는": true, "한다": true,
	"위한": true, "위해": true, "통해": true, "대한": true, "대해": true, "경우": true, "모든": true,
	"이러한": true, "그러한": true, "해당": true, "부터": true, "가능": true, "가능한": true, "또는": true,
	"그리고": true, "또한": true, "따라": true, "때문에": true, "이후": true, "이전": true,
}

// wordBefore returns the Hangul word just before the first w in text
// that starts a word, when a space separates them.
func wordBefore(text, w string) string {
	for at := 0; ; {
		j := strings.Index(text[at:], w)
		if j < 0 {
			return ""
		}
		j += at
		if j > 0 && text[j-1] == ' ' {
			k := j - 1
			for k > 0 {
				r, size := utf8.DecodeLastRuneInString(text[:k])
				if !isHangul(r) {
					break
				}
				k -= size
			}
			if k < j-1 {
				return text[k : j-1]
			}
			return ""
		}
		at = j + len(w)
	}
}

// startsWithAny reports a word that is, or begins with, one of words
// (설정을 begins with 설정).
func startsWithAny(w string, words map[string]bool) bool {
	for i := range w {
		if i > 0 && words[w[:i]] {
			return true
		}
	}
	return words[w]
}

// isCount reports a found value that counts renderings ("0 of 2").
func isCount(found string) bool {
	a, b, ok := strings.Cut(found, " of ")
	return ok && a != "" && b != "" && strings.Trim(a, "0123456789") == "" && strings.Trim(b, "0123456789") == ""
}

// tokens returns the words of a translated text: runs of one script;
// for Hangul also each run's prefixes of two syllables or more, since
// particles attach to the word (유형의, 유형을 hold 유형).
func tokens(text string) map[string]bool {
	out := map[string]bool{}
	script := func(r rune) int {
		switch {
		case isHangul(r):
			return 1
		case unicode.Is(unicode.Katakana, r) || r == 'ー':
			return 2
		case unicode.Is(unicode.Han, r):
			return 3
		}
		return 0
	}
	start, cur := -1, 0
	flush := func(end int) {
		if start < 0 {
			return
		}
		run := text[start:end]
		if cur == 1 {
			for i := range run {
				if i > 0 && utf8.RuneCountInString(run[:i]) >= 2 {
					out[run[:i]] = true
				}
			}
		}
		if utf8.RuneCountInString(run) >= 2 {
			out[run] = true
		}
		start = -1
	}
	for i, r := range text {
		sc := script(r)
		if sc != cur || sc == 0 {
			flush(i)
			if sc != 0 {
				start = i
			}
			cur = sc
		}
	}
	flush(len(text))
	return out
}
