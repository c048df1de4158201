package glossary

import (
	"fmt"
	"sort"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

// validate finds what makes a glossary contradict itself: a concept
// listed twice (the same English term, with the same case mode and no
// conditions telling the two apart), and a rendering that a language
// both approves and forbids (in one concept or across two).
func (g *Glossary) validate() []error {
	var errs []error
	at := func(t *Term, format string, args ...any) {
		errs = append(errs, &parse.Error{Path: g.Path, Line: t.Line, Col: 1, Err: fmt.Errorf(format, args...)})
	}
	concepts := map[string]*Term{}
	type use struct {
		t    *Term
		kind string
	}
	renderings := map[string]map[string]use{} // lang → rendering → first listing
	for _, t := range g.Terms {
		for _, e := range t.EN {
			key := normString(e, !t.CaseSensitive)
			if t.When != nil || t.Unless != nil {
				continue
			}
			if prev := concepts[key]; prev != nil && prev != t && prev.When == nil && prev.Unless == nil {
				at(t, "duplicate concept %q (first at line %d)", e, prev.Line)
				break
			}
			concepts[key] = t
		}
		for _, lang := range sortedLangs(t) {
			r := t.Langs[lang]
			if renderings[lang] == nil {
				renderings[lang] = map[string]use{}
			}
			seen := renderings[lang]
			for _, set := range []struct {
				kind  string
				forms []string
			}{{"use", r.Use}, {"use", r.Allow}, {"avoid", r.Avoid}} {
				for _, s := range set.forms {
					key := normString(s, true)
					prev, ok := seen[key]
					switch {
					case !ok:
						seen[key] = use{t, set.kind}
					case prev.kind != set.kind && prev.t == t:
						at(t, "%s: %q is both approved and forbidden for %q", lang, s, t.Name())
					case prev.kind != set.kind:
						at(t, "%s: %q is %s for %q here and %s for %q at line %d", lang, s, verb(set.kind), t.Name(), verb(prev.kind), prev.t.Name(), prev.t.Line)
					}
				}
			}
		}
	}
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].(*parse.Error).Line < errs[j].(*parse.Error).Line })
	return errs
}

func verb(kind string) string {
	if kind == "avoid" {
		return "forbidden"
	}
	return "approved"
}
