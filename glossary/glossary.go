// Package glossary checks terminology across translations: a glossary of
// concepts (an English term and its variants, per language the approved,
// admitted and forbidden renderings, a first-use form, or "keep in
// English"), with case, context conditions and severity per entry, and
// rule entries for spelling conventions. Terms are matched on normalized
// text with script-aware boundaries and the longest match across
// concepts, on the aligned unit pairs of a page.
//
//	g, err := glossary.Parse("glossary.yaml", data)
//	m := g.Matcher("ko")
//	for _, f := range m.Check(glossary.Page{Path: path, Doc: tr, Source: src, Pairs: pairs}) {
//		fmt.Printf("%s:%d:%d: %s %s %s\n", f.File, f.Line, f.Column, f.Severity, f.Rule, f.Term)
//	}
package glossary

import (
	"fmt"
	"path"
	"sort"
	"strings"
)

// Glossary is a list of concepts.
type Glossary struct {
	Path  string
	Terms []*Term
	// Targets makes Check keep the translated text of the missing and
	// keep findings that only count renderings (Finding.Target), for
	// Corroborate; off, findings carry no Target.
	Targets bool
}

// Term is one concept, or a spelling rule (Rule set, EN empty).
type Term struct {
	// EN are the English term and its variants (the first is the term).
	EN []string
	// ENAvoid are deprecated English variants (rule "source").
	ENAvoid []string
	// Label names a rule entry in findings (a concept is named by EN[0]).
	Label string
	Note  string
	// Status is free text: "proposed", "approved", …
	Status string
	// Severity is the level of the entry's findings: error, warning (the
	// default) or info (optional or advisory: never fails CI).
	Severity Severity
	// CaseSensitive: the English matches only as written (API kinds:
	// Deployment, not deployment); plurals and possessives still match.
	CaseSensitive bool
	// When and Unless limit where an English occurrence counts: it counts
	// when one of When's conditions holds (or When is empty) and none of
	// Unless's does.
	When, Unless *Context
	// Keep: the term stays verbatim in every language.
	Keep bool
	// Scope and Exclude are path globs where the concept applies, and
	// where it does not (frozen v1/ pages, say). "**" matches any depth.
	Scope, Exclude []string
	// Langs holds the renderings per language code.
	Langs map[string]*Rendering
	// Rule is a spelling rule checked on every translated page.
	Rule *Rule
	Line int
}

// Rendering is how a language renders a concept.
type Rendering struct {
	Use   []string // approved
	Allow []string // accepted variants
	Avoid []string // forbidden
	Keep  bool     // stays in English in this language
	Note  string
	// First is the pattern the first occurrence in a page must follow,
	// with {use} for the rendering and {en} for the English term:
	// "{use}({en})" asks for 훅(hook) once, then 훅.
	First string
}

// Context is a set of conditions on the English text around an
// occurrence of a term. Words are compared case-folded.
type Context struct {
	Prev []string // the word or words just before (a hyphen counts as a space)
	Next []string // the word or words just after (load-balancing, load balancer)
	Near []string // a word anywhere in the same unit
	// SentenceStart: the occurrence opens a sentence, a heading or an
	// item, where capitalization says nothing.
	SentenceStart bool
	// TitleCase: the word before or after (articles skipped) is
	// capitalized too: a title-case heading or a name.
	TitleCase bool
}

// Rule is a spelling convention that is not a list of words: a pattern
// type with its parameters.
type Rule struct {
	Lang string
	// Words is the pattern type: "katakana", the maximal runs of
	// katakana (with ー and ・) in the text.
	Words string
	// Endings maps a word ending to its replacement: {ティー: ティ} asks
	// for セキュリティ, not セキュリティー.
	Endings map[string]string
	// MinMorae: only words of at least this many morae (the ending
	// included; small kana do not count) are checked.
	MinMorae int
	// Except are words the rule leaves alone, also at the end of a
	// compound (ツリー in ソースツリー).
	Except []string
}

// Severity is how much a finding matters.
type Severity int

// Severities, from the least to the most severe.
const (
	SeverityDefault Severity = iota // warning
	Info
	Warning
	Error
)

var severityNames = map[Severity]string{Info: "info", Warning: "warning", Error: "error"}

func (s Severity) String() string {
	if s == SeverityDefault {
		return "warning"
	}
	return severityNames[s]
}

// Level is the severity with the default resolved.
func (s Severity) Level() Severity {
	if s == SeverityDefault {
		return Warning
	}
	return s
}

// MarshalText writes the severity's name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads what MarshalText writes ("warning" reads as
// Warning), so that findings read back from JSON (the cache) are the
// findings written.
func (s *Severity) UnmarshalText(b []byte) error {
	v, ok := ParseSeverity(string(b))
	if !ok {
		return fmt.Errorf("unknown severity %q (want error, warning or info)", b)
	}
	*s = v
	return nil
}

// ParseSeverity reads error, warning or info.
func ParseSeverity(s string) (Severity, bool) {
	for k, v := range severityNames {
		if v == s {
			return k, true
		}
	}
	return SeverityDefault, false
}

// Name is the concept's English term, or a rule's label.
func (t *Term) Name() string {
	if t.Label != "" {
		return t.Label
	}
	if len(t.EN) > 0 {
		return t.EN[0]
	}
	return ""
}

// Applies reports whether the concept applies to a page path.
func (t *Term) Applies(p string) bool {
	for _, g := range t.Exclude {
		if matchGlob(g, p) {
			return false
		}
	}
	if len(t.Scope) == 0 {
		return true
	}
	for _, g := range t.Scope {
		if matchGlob(g, p) {
			return true
		}
	}
	return false
}

// matchGlob matches path.Match patterns where "**" also spans directories.
func matchGlob(pattern, p string) bool {
	if !strings.Contains(pattern, "**") {
		ok, _ := path.Match(pattern, p)
		return ok
	}
	prefix, suffix, _ := strings.Cut(pattern, "**")
	prefix = strings.TrimSuffix(prefix, "/")
	suffix = strings.TrimPrefix(suffix, "/")
	segs := strings.Split(p, "/")
	for i := 0; i <= len(segs); i++ {
		head := strings.Join(segs[:i], "/")
		okHead := prefix == ""
		if !okHead {
			okHead, _ = path.Match(prefix, head)
		}
		if !okHead {
			continue
		}
		for j := i; j <= len(segs); j++ {
			if suffix == "" || matchGlob(suffix, strings.Join(segs[j:], "/")) {
				return true
			}
		}
	}
	return false
}

// Languages lists the language codes the glossary has renderings for.
func (g *Glossary) Languages() []string {
	set := map[string]bool{}
	for _, t := range g.Terms {
		for l := range t.Langs {
			set[l] = true
		}
	}
	var out []string
	for l := range set {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// HasSourceRules reports whether the glossary checks source pages: a
// concept with deprecated English variants (en_avoid).
func (g *Glossary) HasSourceRules() bool {
	for _, t := range g.Terms {
		if len(t.ENAvoid) > 0 {
			return true
		}
	}
	return false
}
