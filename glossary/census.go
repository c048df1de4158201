package glossary

import (
	"slices"
	"sort"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

// Census counts, per concept, how translations render it: every known
// rendering found in the translations of units whose source has the term
// (with counts and files), the units where none is found, and renderings
// that serve two concepts.
type Census struct {
	Lang      string       `json:"lang"`
	Terms     []CensusTerm `json:"terms"`
	Conflicts []Conflict   `json:"conflicts"`

	m     *Matcher
	byKey map[string]map[string]*RenderingCount
}

// CensusTerm is one concept's renderings.
type CensusTerm struct {
	Term        string            `json:"term"`
	SourceUnits int               `json:"source_units"`
	Renderings  []*RenderingCount `json:"renderings"`
	// Unmatched are aligned units where no known rendering occurs.
	Unmatched []Place `json:"unmatched"`
}

// RenderingCount is how often one rendering occurs, and where.
type RenderingCount struct {
	Text   string   `json:"text"`
	Status string   `json:"status"` // use, allow, avoid
	Count  int      `json:"count"`
	Files  []string `json:"files"`
}

// Place is a translated unit.
type Place struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Source string `json:"source"`
}

// Conflict is a rendering found for two or more concepts.
type Conflict struct {
	Rendering string   `json:"rendering"`
	Terms     []string `json:"terms"`
}

// NewCensus starts a census of one language.
func (m *Matcher) NewCensus() *Census {
	c := &Census{Lang: m.lang, m: m, byKey: map[string]map[string]*RenderingCount{}}
	for _, t := range m.g.Terms {
		ct := CensusTerm{Term: t.Name()}
		r := t.Langs[m.lang]
		rc := map[string]*RenderingCount{}
		if r != nil {
			for _, set := range []struct {
				status string
				forms  []string
			}{{"use", r.Use}, {"allow", r.Allow}, {"avoid", r.Avoid}} {
				for _, s := range set.forms {
					if rc[s] == nil {
						x := &RenderingCount{Text: s, Status: set.status, Files: []string{}}
						rc[s] = x
						ct.Renderings = append(ct.Renderings, x)
					}
				}
			}
		}
		c.byKey[t.Name()] = rc
		ct.Unmatched = []Place{}
		c.Terms = append(c.Terms, ct)
	}
	return c
}

// Add counts one aligned pair of units.
func (c *Census) Add(srcDoc *parse.Document, src []*parse.Unit, trDoc *parse.Document, tr []*parse.Unit, trPath string) {
	if len(src) == 0 || len(tr) == 0 {
		return
	}
	st, tt := unitsText(srcDoc, src), unitsText(trDoc, tr)
	for i, term := range c.m.g.Terms {
		if !term.Applies(trPath) {
			continue
		}
		if n, _ := count(st, c.m.en[i]); n == 0 {
			continue
		}
		ct := &c.Terms[i]
		ct.SourceUnits++
		found := false
		for _, rc := range ct.Renderings {
			if n, _ := count(tt, []form{newForm(rc.Text)}); n > 0 {
				rc.Count += n
				found = true
				if !slices.Contains(rc.Files, trPath) {
					rc.Files = append(rc.Files, trPath)
				}
			}
		}
		if !found {
			// Left in English: a rendering too (for keep terms, the right one).
			if n, _ := count(tt, c.m.en[i]); n > 0 {
				found = true
				var rc *RenderingCount
				for _, r := range ct.Renderings {
					if r.Status == "english" {
						rc = r
					}
				}
				if rc == nil {
					rc = &RenderingCount{Text: term.Name(), Status: "english", Files: []string{}}
					ct.Renderings = append(ct.Renderings, rc)
				}
				rc.Count += n
				if !slices.Contains(rc.Files, trPath) {
					rc.Files = append(rc.Files, trPath)
				}
			}
		}
		if !found {
			ct.Unmatched = append(ct.Unmatched, Place{File: trPath, Line: tr[0].Line, Source: excerpt(src[0].Text, 100)})
		}
	}
}

// Finish computes the conflicts: renderings found for two concepts.
func (c *Census) Finish() *Census {
	terms := map[string][]string{}
	for _, ct := range c.Terms {
		for _, rc := range ct.Renderings {
			if rc.Count > 0 {
				terms[rc.Text] = append(terms[rc.Text], ct.Term)
			}
		}
	}
	c.Conflicts = []Conflict{}
	for r, ts := range terms {
		if len(ts) > 1 {
			c.Conflicts = append(c.Conflicts, Conflict{Rendering: r, Terms: ts})
		}
	}
	sort.Slice(c.Conflicts, func(i, j int) bool { return c.Conflicts[i].Rendering < c.Conflicts[j].Rendering })
	return c
}

func excerpt(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
