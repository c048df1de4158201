package sync

import (
	"github.com/cnpe-i18n/cnpe-i18n/glossary"
	"github.com/cnpe-i18n/cnpe-i18n/parse"
	"github.com/cnpe-i18n/cnpe-i18n/sync/align"
	"github.com/cnpe-i18n/cnpe-i18n/sync/site"
)

// AlignedPage is a translation with the source units each of its units
// renders.
type AlignedPage struct {
	Lang        string
	Source      *Page
	Base        *parse.Document // the source the translation was made from (or the current source)
	Translation *Page
	Pairs       []align.Pair
}

// ForEachAligned aligns every translation in scope with its base (the
// current source when the base is unknown) and calls fn, one page at a
// time.
func (s *Site) ForEachAligned(opts Options, fn func(AlignedPage)) {
	for _, p := range site.Pairs(s.Layout, s.pages, opts.Langs) {
		if p.Source == nil || p.Translation == nil || len(opts.Paths) > 0 && !p.InScope(opts.Paths) {
			continue
		}
		src, err := s.load(p.Source.File)
		if err != nil {
			continue
		}
		tr, err := s.load(p.Translation.File)
		if err != nil {
			continue
		}
		base := src.Doc
		if s.History != nil || tr.Doc.Field(s.Config.PinField()) != nil {
			if _, b := s.findBase(s.newVersions(), src, tr); b != nil {
				base = b
			}
		}
		fn(AlignedPage{Lang: p.Lang, Source: src, Base: base, Translation: tr, Pairs: align.Align(base, tr.Doc, align.Options{})})
	}
}

// CheckTerms checks an aligned page against the glossary: every aligned
// step (forbidden, missing, keep), and translated units aligned with
// nothing (forbidden only).
func CheckTerms(m *glossary.Matcher, a AlignedPage) []glossary.Finding {
	var out []glossary.Finding
	for _, p := range a.Pairs {
		tr := units(a.Translation.Doc, p.Target)
		if len(tr) == 0 {
			continue
		}
		out = append(out, m.CheckPair(a.Base, units(a.Base, p.Source), a.Translation.Doc, tr, a.Translation.Path)...)
	}
	return out
}

// CensusAdd adds an aligned page to a census.
func CensusAdd(c *glossary.Census, a AlignedPage) {
	for _, p := range a.Pairs {
		c.Add(a.Base, units(a.Base, p.Source), a.Translation.Doc, units(a.Translation.Doc, p.Target), a.Translation.Path)
	}
}

// units returns the translatable units of doc at the indexes.
func units(doc *parse.Document, idx []int) []*parse.Unit {
	var out []*parse.Unit
	for _, i := range idx {
		if u := &doc.Units[i]; u.Translatable {
			out = append(out, u)
		}
	}
	return out
}

// SourcePages calls fn with every source page in scope.
func (s *Site) SourcePages(opts Options, fn func(*Page)) {
	for _, p := range s.pages {
		if p.Lang != s.Layout.Source {
			continue
		}
		if len(opts.Paths) > 0 && !(site.Pair{Source: p}).InScope(opts.Paths) {
			continue
		}
		if pg, err := s.load(p.File); err == nil {
			fn(pg)
		}
	}
}
