package sync

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

// Pair is one step of an alignment: source units (indexes into the source
// document's Units) and the translated units that render them. One side
// is empty for a unit with no counterpart.
type Pair struct {
	Source []int
	Target []int
}

// AlignOptions tune the alignment. The zero value works.
type AlignOptions struct {
	// Ratio is the expected length of a translated text over its source
	// (in characters); 0 estimates it from the two pages.
	Ratio float64
}

// Align aligns the units of a source page with those of its translation:
// front matter fields by key, body units by dynamic programming over the
// two sequences with 1–1, 1–0, 0–1, 2–1 and 1–2 steps, scored on unit
// kinds and heading levels, shared anchors (link and image targets,
// numbers, code, shortcodes), Latin words kept in the translation and the
// length ratio.
func Align(src, tgt *parse.Document, opts AlignOptions) []Pair {
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
	si, ti := bodyIndexes(src), bodyIndexes(tgt)
	a := newAligner(src, tgt, si, ti, opts.Ratio)
	return append(pairs, a.run()...)
}

// features are what the score compares, computed once per unit.
type features struct {
	kind    parse.Kind
	level   int
	full    parse.Fingerprint
	anchors map[string]int // links, images, code, shortcodes, numbers
	words   map[string]bool
	names   map[string]bool // words a translation keeps (names, acronyms)
	length  float64         // characters of plain text
	prose   bool
}

func unitFeatures(u *parse.Unit, allWords bool) features {
	f := features{kind: u.Kind, level: u.Level, full: u.FullFingerprint,
		length: float64(utf8.RuneCountInString(u.Plain)), prose: u.Translatable,
		anchors: map[string]int{}, words: map[string]bool{}, names: map[string]bool{}}
	a := u.AllAnchors()
	for _, w := range a.Words {
		f.names[strings.ToLower(w)] = true
	}
	for _, l := range a.Links {
		f.anchors["l:"+normalizeLink(l)]++
	}
	for _, l := range a.Images {
		f.anchors["i:"+normalizeLink(l)]++
	}
	for _, c := range a.Code {
		f.anchors["c:"+c]++
	}
	for _, s := range a.Shortcodes {
		f.anchors["s:"+s]++
	}
	for _, n := range a.Numbers {
		f.anchors["n:"+strings.ReplaceAll(n, ",", "")]++
	}
	if allWords {
		for _, t := range tokenize(strings.ToLower(u.Plain)) {
			r, _ := utf8.DecodeRuneInString(t)
			if r < utf8.RuneSelf && isWordRune(r) && len(t) > 1 {
				f.words[t] = true
			}
		}
	} else {
		f.words = f.names
	}
	return f
}

// normalizeLink drops what translations change in a link: a language
// prefix such as /ja/ and a trailing slash.
func normalizeLink(l string) string {
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

func merge(a, b features) features {
	m := features{kind: a.kind, level: a.level, length: a.length + b.length, prose: a.prose || b.prose,
		anchors: map[string]int{}, words: map[string]bool{}, names: map[string]bool{}}
	for w := range a.names {
		m.names[w] = true
	}
	for w := range b.names {
		m.names[w] = true
	}
	for k, v := range a.anchors {
		m.anchors[k] += v
	}
	for k, v := range b.anchors {
		m.anchors[k] += v
	}
	for w := range a.words {
		m.words[w] = true
	}
	for w := range b.words {
		m.words[w] = true
	}
	return m
}

type aligner struct {
	s, t  []features
	si    []int
	ti    []int
	ratio float64
}

func newAligner(src, tgt *parse.Document, si, ti []int, ratio float64) *aligner {
	a := &aligner{si: si, ti: ti, ratio: ratio}
	var ls, lt float64
	for _, i := range si {
		f := unitFeatures(&src.Units[i], true)
		a.s = append(a.s, f)
		if f.prose {
			ls += f.length
		}
	}
	for _, i := range ti {
		f := unitFeatures(&tgt.Units[i], false)
		a.t = append(a.t, f)
		if f.prose {
			lt += f.length
		}
	}
	if a.ratio <= 0 {
		a.ratio = 1
		if ls > 0 && lt > 0 {
			a.ratio = lt / ls
		}
	}
	return a
}

// threshold is what a pairing must score to be better than leaving both
// units unpaired.
const threshold = 0.42

// sim scores how likely target features t render source features s, 0–1.
func (a *aligner) sim(s, t features) float64 {
	if !s.prose && !t.prose && s.kind == t.kind {
		if s.full == t.full {
			return 1
		}
		return 0.6 + 0.3*anchorScore(s, t)
	}
	k := kindScore(s, t)
	if k == 0 {
		return 0
	}
	return 0.3*k + 0.3*anchorScore(s, t) + 0.15*wordScore(s, t) + 0.25*a.lengthScore(s, t)
}

func kindScore(s, t features) float64 {
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

func anchorScore(s, t features) float64 {
	if len(s.anchors) == 0 && len(t.anchors) == 0 {
		return 0.5
	}
	common, total := 0, 0
	for k, n := range s.anchors {
		common += min(n, t.anchors[k])
		total += n
	}
	for _, n := range t.anchors {
		total += n
	}
	return 2 * float64(common) / float64(total)
}

// wordScore measures the Latin words the two units share: the target's
// words found in the source, and the source's names found in the target.
func wordScore(s, t features) float64 {
	switch {
	case len(t.words) == 0 && len(s.names) == 0:
		return 0.5
	case len(t.words) == 0:
		return 0.1 // the source names things the target does not
	}
	found := 0
	for w := range t.words {
		if s.words[w] {
			found++
		}
	}
	score := float64(found) / float64(len(t.words))
	if len(s.names) == 0 {
		return score
	}
	kept := 0
	for w := range s.names {
		if t.words[w] {
			kept++
		}
	}
	return (score + float64(kept)/float64(len(s.names))) / 2
}

func (a *aligner) lengthScore(s, t features) float64 {
	if s.length == 0 || t.length == 0 {
		if s.length == t.length {
			return 1
		}
		return 0
	}
	return math.Exp(-1.2 * math.Abs(math.Log(t.length/(s.length*a.ratio))))
}

// run aligns the body sequences. The table is limited to a band around
// the diagonal, wide enough for the reordering translations do.
func (a *aligner) run() []Pair {
	n, m := len(a.s), len(a.t)
	const none = -1
	type cell struct {
		score float64
		di    int8 // source units taken by the step into this cell
		dj    int8
	}
	width := max(40, max(n, m)/4)
	dp := make([][]cell, n+1)
	for i := range dp {
		dp[i] = make([]cell, m+1)
		for j := range dp[i] {
			dp[i][j].score = math.Inf(-1)
			dp[i][j].di = none
		}
	}
	dp[0][0] = cell{}
	center := func(i int) int {
		if n == 0 {
			return 0
		}
		return i * m / n
	}
	for i := 0; i <= n; i++ {
		lo, hi := max(0, center(i)-width), min(m, center(i)+width)
		if i == 0 || i == n {
			lo, hi = 0, m // the corners are always reachable
		}
		for j := lo; j <= hi; j++ {
			best := dp[i][j]
			try := func(di, dj int, gain float64) {
				if i-di < 0 || j-dj < 0 {
					return
				}
				prev := dp[i-di][j-dj]
				if math.IsInf(prev.score, -1) {
					return
				}
				if s := prev.score + gain; s > best.score {
					best = cell{score: s, di: int8(di), dj: int8(dj)}
				}
			}
			if i > 0 && j > 0 {
				try(1, 1, a.sim(a.s[i-1], a.t[j-1])-threshold)
			}
			if i > 0 {
				try(1, 0, 0)
			}
			if j > 0 {
				try(0, 1, 0)
			}
			if i > 1 && j > 0 && a.s[i-1].prose && a.s[i-2].prose {
				try(2, 1, a.sim(merge(a.s[i-2], a.s[i-1]), a.t[j-1])-threshold-0.12)
			}
			if i > 0 && j > 1 && a.t[j-1].prose && a.t[j-2].prose {
				try(1, 2, a.sim(a.s[i-1], merge(a.t[j-2], a.t[j-1]))-threshold-0.12)
			}
			dp[i][j] = best
		}
	}
	var rev []Pair
	for i, j := n, m; i > 0 || j > 0; {
		c := dp[i][j]
		if c.di == none {
			// Outside the band: fall back to one unit at a time.
			if i > 0 {
				c.di, c.dj = 1, 0
			} else {
				c.di, c.dj = 0, 1
			}
		}
		p := Pair{}
		for k := i - int(c.di); k < i; k++ {
			p.Source = append(p.Source, a.si[k])
		}
		for k := j - int(c.dj); k < j; k++ {
			p.Target = append(p.Target, a.ti[k])
		}
		rev = append(rev, p)
		i -= int(c.di)
		j -= int(c.dj)
	}
	out := make([]Pair, 0, len(rev))
	for k := len(rev) - 1; k >= 0; k-- {
		out = append(out, rev[k])
	}
	return out
}
