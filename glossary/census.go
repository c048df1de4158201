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
	byKey []map[string]*RenderingCount
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
	c := &Census{Lang: m.lang, m: m}
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
		c.byKey = append(c.byKey, rc)
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
	m := c.m
	nSrc, trOcc := counts{}, map[int][]occurrence{}
	for _, u := range src {
		t := unitText(srcDoc.Src, u)
		nSrc.add(m.en.scan(t, m.accepts))
	}
	for _, u := range tr {
		t := unitText(trDoc.Src, u)
		for _, o := range m.tr.scan(t, nil) {
			trOcc[o.f.term] = append(trOcc[o.f.term], o)
		}
	}
	for i, term := range m.g.Terms {
		if nSrc[i] == nil || nSrc[i][kindEN] == 0 || !term.Applies(trPath) {
			continue
		}
		ct := &c.Terms[i]
		ct.SourceUnits++
		for _, o := range trOcc[i] {
			status := map[formKind]string{kindUse: "use", kindFirst: "first", kindAvoid: "avoid", kindEnglish: "english"}[o.f.kind]
			rc := c.byKey[i][o.f.text]
			if rc == nil {
				rc = &RenderingCount{Text: o.f.text, Status: status, Files: []string{}}
				c.byKey[i][o.f.text] = rc
				ct.Renderings = append(ct.Renderings, rc)
			}
			rc.Count++
			if !slices.Contains(rc.Files, trPath) {
				rc.Files = append(rc.Files, trPath)
			}
		}
		if len(trOcc[i]) == 0 {
			ct.Unmatched = append(ct.Unmatched, Place{File: trPath, Line: tr[0].Line, Source: excerpt(src[0].Text, 100)})
		}
	}
}

// Finish computes the conflicts: renderings found for two different
// concepts. A concept's own English form is never a conflict, and a
// concept listed twice counts once.
func (c *Census) Finish() *Census {
	terms := map[string][]string{}
	for _, ct := range c.Terms {
		for _, rc := range ct.Renderings {
			if rc.Count > 0 && rc.Status != "english" && !slices.Contains(terms[rc.Text], ct.Term) {
				terms[rc.Text] = append(terms[rc.Text], ct.Term)
			}
		}
	}
	// Pages are added in any order: sort what they built.
	for k := range c.Terms {
		ct := &c.Terms[k]
		sort.SliceStable(ct.Renderings, func(i, j int) bool {
			a, b := ct.Renderings[i], ct.Renderings[j]
			if a.Count != b.Count {
				return a.Count > b.Count
			}
			return a.Text < b.Text
		})
		for _, rc := range ct.Renderings {
			sort.Strings(rc.Files)
		}
		sort.SliceStable(ct.Unmatched, func(i, j int) bool {
			a, b := ct.Unmatched[i], ct.Unmatched[j]
			if a.File != b.File {
				return a.File < b.File
			}
			return a.Line < b.Line
		})
	}
	c.Conflicts = []Conflict{}
	for r, ts := range terms {
		if len(ts) > 1 {
			sort.Strings(ts)
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
