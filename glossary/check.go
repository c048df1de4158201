package glossary

import (
	"fmt"
	"sort"
	"strings"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

// Rule is the kind of a finding.
type Rule string

// Rules.
const (
	Forbidden Rule = "forbidden" // an avoided rendering in a translation
	Missing   Rule = "missing"   // the source unit has the term, the aligned translation none of its renderings
	Keep      Rule = "keep"      // a keep-in-English term lost in translation
	Source    Rule = "source"    // the English uses a deprecated variant
)

// Finding is one terminology problem at a place.
type Finding struct {
	Rule     Rule   `json:"rule"`
	Lang     string `json:"lang"`
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Term     string `json:"term"`
	Found    string `json:"found"`
	Expected string `json:"expected"`
}

func (f Finding) String() string {
	return fmt.Sprintf("%s:%d:%d: %s %q: found %q, expected %q", f.File, f.Line, f.Column, f.Rule, f.Term, f.Found, f.Expected)
}

// Matcher checks one language against the glossary.
type Matcher struct {
	g    *Glossary
	lang string
	en   [][]form // per term: the English forms
	enAv [][]form
	use  [][]form // approved and accepted renderings
	av   [][]form // forbidden renderings
	keep []bool
}

// Matcher prepares the glossary's forms for a language.
func (g *Glossary) Matcher(lang string) *Matcher {
	m := &Matcher{g: g, lang: lang}
	for _, t := range g.Terms {
		var en, enAv, use, av []form
		for _, e := range t.EN {
			for _, v := range englishForms(e) {
				en = append(en, newForm(v))
			}
		}
		for _, e := range t.ENAvoid {
			for _, v := range englishForms(e) {
				enAv = append(enAv, newForm(v))
			}
		}
		r := t.Langs[lang]
		keep := t.Keep || r != nil && r.Keep
		if r != nil {
			for _, s := range append(append([]string(nil), r.Use...), r.Allow...) {
				use = append(use, newForm(s))
			}
			for _, s := range r.Avoid {
				av = append(av, newForm(s))
			}
		}
		sortLongestFirst(en)
		sortLongestFirst(use)
		m.en = append(m.en, en)
		m.enAv = append(m.enAv, enAv)
		m.use = append(m.use, use)
		m.av = append(m.av, av)
		m.keep = append(m.keep, keep)
	}
	return m
}

func sortLongestFirst(fs []form) {
	sort.SliceStable(fs, func(i, j int) bool { return len(fs[i].norm) > len(fs[j].norm) })
}

// unitsText normalizes the visible text of units of a document.
func unitsText(doc *parse.Document, units []*parse.Unit) text {
	var spans []parse.Span
	for _, u := range units {
		spans = append(spans, u.Spans...)
	}
	return normalize(doc.Src, spans)
}

func (m *Matcher) position(doc *parse.Document, t text, at int, fallback *parse.Unit) (int, int) {
	if at >= 0 && at < len(t.off) {
		return doc.Lines.Position(t.off[at])
	}
	return fallback.Line, 1
}

// CheckPair checks translated units against the source units aligned with
// them: forbidden renderings, missing renderings (count-aware: fewer
// approved renderings than the source has terms) and keep terms lost.
func (m *Matcher) CheckPair(srcDoc *parse.Document, src []*parse.Unit, trDoc *parse.Document, tr []*parse.Unit, trPath string) []Finding {
	if len(tr) == 0 {
		return nil
	}
	var out []Finding
	tt := unitsText(trDoc, tr)
	var st text
	if len(src) > 0 {
		st = unitsText(srcDoc, src)
	}
	for i, term := range m.g.Terms {
		if !term.Applies(trPath) {
			continue
		}
		forbidden := false
		for _, f := range m.av[i] {
			for _, at := range f.find(tt) {
				line, col := m.position(trDoc, tt, at, tr[0])
				out = append(out, Finding{Rule: Forbidden, Lang: m.lang, File: trPath, Line: line, Column: col, Term: term.Name(),
					Found: f.text, Expected: strings.Join(m.g.Terms[i].Langs[m.lang].Use, ", ")})
				forbidden = true
			}
		}
		if len(src) == 0 {
			continue
		}
		nSrc, _ := count(st, m.en[i])
		if nSrc == 0 {
			continue
		}
		if m.keep[i] {
			nTr, _ := count(tt, m.en[i])
			if nTr < nSrc {
				line, col := m.position(trDoc, tt, 0, tr[0])
				out = append(out, Finding{Rule: Keep, Lang: m.lang, File: trPath, Line: line, Column: col, Term: term.Name(),
					Found: fmt.Sprintf("%d of %d", nTr, nSrc), Expected: term.Name()})
			}
			continue
		}
		if len(m.use[i]) == 0 || forbidden {
			continue
		}
		if nTr, _ := count(tt, m.use[i]); nTr < nSrc {
			// Point at what the translator wrote instead, when a near miss
			// of an approved rendering is there (認知的負荷 for 認知負荷).
			at, found := nearMiss(tt, m.use[i])
			if found == "" {
				at, found = 0, fmt.Sprintf("%d of %d", nTr, nSrc)
			}
			line, col := m.position(trDoc, tt, at, tr[0])
			out = append(out, Finding{Rule: Missing, Lang: m.lang, File: trPath, Line: line, Column: col, Term: term.Name(),
				Found: found, Expected: strings.Join(formsText(m.use[i]), ", ")})
		}
	}
	return out
}

func formsText(fs []form) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.text)
	}
	return out
}

// CheckSource reports deprecated English variants in a source page.
func (m *Matcher) CheckSource(doc *parse.Document, path string) []Finding {
	var out []Finding
	for _, u := range doc.Units {
		if !u.Translatable || len(u.Spans) == 0 {
			continue
		}
		t := normalize(doc.Src, u.Spans)
		for i, term := range m.g.Terms {
			if !term.Applies(path) {
				continue
			}
			for _, f := range m.enAv[i] {
				for _, at := range f.find(t) {
					line, col := doc.Lines.Position(t.off[at])
					out = append(out, Finding{Rule: Source, Lang: "en", File: path, Line: line, Column: col, Term: term.Name(), Found: f.text, Expected: term.Name()})
				}
			}
		}
	}
	return out
}

// SortFindings orders findings by file, line and column.
func SortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
}

// nearMiss finds the closest window of the text to one of the forms, at
// most one edit away (two for forms of eight runes or more). It returns
// its position and text, or "" when there is none.
func nearMiss(t text, forms []form) (int, string) {
	runes := []rune(t.norm)
	// Byte offset of each rune, to report positions.
	offs := make([]int, len(runes)+1)
	o := 0
	for i, r := range runes {
		offs[i] = o
		o += len(string(r))
	}
	offs[len(runes)] = o
	bestAt, best, bestDist := 0, "", 1<<30
	for _, f := range forms {
		fr := []rune(f.norm)
		n := len(fr)
		if n < 3 {
			continue
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
				if d := editDistance(w, fr); d > 0 && d <= limit && d < bestDist {
					bestAt, best, bestDist = offs[i], string(w), d
				}
			}
		}
	}
	return bestAt, best
}

// editDistance is the Levenshtein distance of two rune strings.
func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
