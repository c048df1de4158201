package glossary

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Matcher checks one language against the glossary.
type Matcher struct {
	g    *Glossary
	lang string
	en   *index   // English forms of every concept (source side)
	tr   *index   // renderings, forbidden renderings and English forms (translation side)
	enAv []*index // per concept: its deprecated English variants (nil: none)
	keep []bool
	use  [][]form // per concept: approved and accepted renderings
	// when and unless are the concepts' conditions (nil: none).
	when, unless []*condition
	rules        []langRule // the rule entries of the language
}

// langRule is a rule entry of the Matcher's language with its endings
// in the order they are tried.
type langRule struct {
	term    int
	endings []string
}

// Matcher prepares the glossary's forms for a language.
func (g *Glossary) Matcher(lang string) *Matcher {
	m := &Matcher{g: g, lang: lang, en: &index{}, tr: &index{}}
	for i, t := range g.Terms {
		var enAv *index
		var use []form
		r := t.Langs[lang]
		keep := t.Keep || r != nil && r.Keep
		for _, e := range t.EN {
			for _, v := range englishForms(e) {
				f := newForm(v)
				f.term, f.sensitive = i, t.CaseSensitive
				f.kind = kindEN
				m.en.add(f)
				f.kind = kindEnglish
				if keep {
					f.kind = kindUse
					use = append(use, f)
				}
				m.tr.add(f)
			}
		}
		for _, e := range t.ENAvoid {
			for _, v := range englishForms(e) {
				if enAv == nil {
					enAv = &index{}
				}
				enAv.add(newForm(v))
			}
		}
		if r != nil && !keep {
			for _, s := range append(append([]string(nil), r.Use...), r.Allow...) {
				f := newForm(koreanStem(s))
				f.text = s
				f.term, f.kind = i, kindUse
				m.tr.add(f)
				use = append(use, f)
			}
			for _, s := range expandFirst(r.First, r.Use, t.EN) {
				f := newForm(s)
				f.term, f.kind = i, kindFirst
				m.tr.add(f)
			}
		}
		if r != nil {
			for _, s := range r.Avoid {
				f := newForm(s)
				f.term, f.kind = i, kindAvoid
				m.tr.add(f)
			}
		}
		m.enAv = append(m.enAv, enAv)
		m.use = append(m.use, use)
		m.keep = append(m.keep, keep)
		m.when = append(m.when, newCondition(t.When))
		m.unless = append(m.unless, newCondition(t.Unless))
		if t.Rule != nil && t.Rule.Lang == lang {
			m.rules = append(m.rules, langRule{i, sortedKeys(t.Rule.Endings)})
		}
	}
	return m
}

// expandFirst spells out a first-use pattern: {use} is each approved
// rendering, {en} each English variant (singular and plural); a space
// before an opening parenthesis is optional.
func expandFirst(pattern string, use, en []string) []string {
	if pattern == "" {
		return nil
	}
	uses, ens := []string{""}, []string{""}
	if strings.Contains(pattern, "{use}") {
		uses = use
	}
	if strings.Contains(pattern, "{en}") {
		ens = nil
		for _, e := range en {
			ens = append(ens, e, plural(e))
			if s, ok := singular(e); ok {
				ens = append(ens, s) // 톨러레이션(toleration) for tolerations, as the ko table writes it
			}
		}
	}
	var out []string
	for _, u := range uses {
		for _, e := range ens {
			s := strings.ReplaceAll(strings.ReplaceAll(pattern, "{use}", u), "{en}", e)
			out = append(out, s)
			if strings.Contains(s, "(") {
				if strings.Contains(s, " (") {
					out = append(out, strings.ReplaceAll(s, " (", "("))
				} else {
					out = append(out, strings.ReplaceAll(s, "(", " ("))
				}
			}
		}
	}
	return out
}

// accepts reports whether an English occurrence counts for its concept:
// the concept's When and Unless conditions.
func (m *Matcher) accepts(t text, o occurrence) bool {
	term := m.g.Terms[o.f.term]
	if o.f.kind != kindEN {
		return true
	}
	if w := t.cased[o.at:o.end]; len(w) > 1 && upperCase(w) && hasLower(o.f.text) {
		return false // PATCH, TYPE: a constant or a method, not the word
	}
	if !term.CaseSensitive && isName(t, o) {
		return false
	}
	if c := m.when[o.f.term]; c != nil && !c.holds(t, o) {
		return false
	}
	if c := m.unless[o.f.term]; c != nil && c.holds(t, o) {
		return false
	}
	return true
}

// upperCase reports a string written in capitals: one letter at least
// has a lower case, and none is lower case (strings.ToUpper(s) == s and
// strings.ToLower(s) != s, with no string built).
func upperCase(s string) bool {
	upper := false
	for _, r := range s {
		if unicode.ToUpper(r) != r {
			return false
		}
		if unicode.ToLower(r) != r {
			upper = true
		}
	}
	return upper
}

// hasLower reports a letter that has an upper case: strings.ToUpper(s)
// != s.
func hasLower(s string) bool {
	for _, r := range s {
		if unicode.ToUpper(r) != r {
			return true
		}
	}
	return false
}

// koreanStem is the part of a Korean verb that does not change with its
// ending: 반환하다 is written 반환한다, 반환하는, 반환해야; 노출시키다
// 노출시켜. A glossary lists the dictionary form; the stem is matched.
func koreanStem(s string) string {
	for _, ending := range []string{"시키다", "하다", "되다"} {
		if stem, ok := strings.CutSuffix(s, ending); ok && stem != "" {
			last, _ := utf8.DecodeLastRuneInString(stem)
			if isHangul(last) {
				return stem
			}
		}
	}
	return s
}

// isName reports a capitalized occurrence inside a sentence, next to
// another capitalized word: part of a name (Cluster API, Flatcar
// Container Linux, Node Problem Detector), not the common noun a
// case-folded entry is about.
func isName(t text, o occurrence) bool {
	r, _ := utf8.DecodeRuneInString(t.cased[o.at:])
	if !unicode.IsUpper(r) {
		return false
	}
	if !sentenceStart(t, o.at) {
		return titleCase(t, o)
	}
	// Opening a sentence, a capital says nothing; the next word's does.
	next, _ := utf8.DecodeRuneInString(strings.TrimLeft(t.cased[o.end:], " "))
	return unicode.IsUpper(next)
}
