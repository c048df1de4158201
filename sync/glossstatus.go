package sync

import (
	"slices"

	"github.com/cnpe-i18n/cnpe-i18n/glossary"
	"github.com/cnpe-i18n/cnpe-i18n/parse"
	"github.com/cnpe-i18n/cnpe-i18n/sync/align"
)

// The terminology findings of a status run with a glossary are those of
// "glossary check" on the same pages: every translation is aligned with
// the source versions its units were made from (alignedPage, as
// Site.aligned), orphans and stubs are checked too, and the run's
// findings go through glossary.Corroborate.

// termsOf is the glossary a status run checks with (g with Targets on,
// for Corroborate) and its matchers by language; nil without g.
func termsOf(g *glossary.Glossary, langs []string) (*glossary.Glossary, map[string]*glossary.Matcher) {
	if g == nil {
		return nil, nil
	}
	gt := *g
	gt.Targets = true
	terms := map[string]*glossary.Matcher{}
	for _, l := range langs {
		terms[l] = gt.Matcher(l)
	}
	return &gt, terms
}

// alignedPage is tr aligned with its source as Site.aligned aligns it,
// from the provenance status found (nil: the translation is made from
// the current source): with the base of the last page sync, and the
// units whose words changed after it with the base they were made from.
func (s *Site) alignedPage(lang string, vs *versions, prov *provenance, src, tr *Page) AlignedPage {
	a := AlignedPage{Lang: lang, Source: src, Base: src.Doc, Translation: tr}
	opts := align.Options{Cache: &vs.aligns}
	if prov == nil || prov.page.Kind == BaseNone {
		a.Pairs = align.Align(a.Base, tr.Doc, opts)
		return a
	}
	owned := map[int]bool{}
	for i, k := range prov.of {
		if k >= 0 && k != prov.synced && tr.Doc.Units[i].Translatable && i < len(prov.later) && prov.later[i] {
			owned[k] = true
		}
	}
	docOf := func(k int) *parse.Document {
		b := prov.bases[k]
		if b.doc == nil {
			b.doc = vs.doc(b.blob, b.path)
		}
		return b.doc
	}
	if d := docOf(prov.synced); d != nil {
		a.Base = d
	}
	a.Pairs = align.Align(a.Base, tr.Doc, opts)
	for k := range prov.bases {
		if !owned[k] || k == prov.synced {
			continue
		}
		d := docOf(k)
		if d == nil {
			continue
		}
		a.Pairs = ownedPairs(a.Pairs, tr.Doc, prov.of, k, false)
		// Only the pairs of the units made from d are kept: a long
		// page's stretches without them need no alignment.
		more := opts
		more.Only = func(j int) bool { return ownedBy(tr.Doc, prov.of, j, k) }
		if ps := ownedPairs(align.Align(d, tr.Doc, more), tr.Doc, prov.of, k, true); len(ps) > 0 {
			a.More = append(a.More, BasePairs{Base: d, Pairs: ps})
		}
	}
	return a
}

// corroborate puts the findings of every report through
// glossary.Corroborate, as glossary check does with those of its run.
func corroborate(g *glossary.Glossary, reports []PageReport) {
	var all []glossary.Finding
	for i := range reports {
		all = append(all, reports[i].Glossary...)
	}
	if len(all) == 0 {
		return
	}
	byFile := map[string][]glossary.Finding{}
	for _, f := range glossary.Corroborate(g, all) {
		byFile[f.File] = append(byFile[f.File], f)
	}
	for i := range reports {
		r := &reports[i]
		if len(r.Glossary) > 0 {
			r.Glossary = slices.Clip(byFile[r.Translation])
			glossary.SortFindings(r.Glossary)
		}
	}
}
