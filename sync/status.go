package sync

import (
	"context"
	"path"
	"runtime"
	"slices"
	"sort"
	"strings"
	gosync "sync"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

// Status loads the site under root and reports, for every translation of
// every source page, its state and the units that need work.
func Status(ctx context.Context, root string, opts Options) (*Report, error) {
	site, err := Load(ctx, root, opts)
	if err != nil {
		return nil, err
	}
	defer site.Close()
	return site.Status(opts), nil
}

// pairing is a source page and its translation in one language; one of
// them is nil for missing and orphan pages.
type pairing struct {
	lang        string
	source      *Page
	translation *Page
}

// Pairs pairs source pages with their translations: by path relative to
// the content directory (name.<lang>.md suffixes removed), or by
// translationKey front matter.
func (s *Site) pairs(langs []string) []pairing {
	src := s.Layout.Source
	bySrcRel := map[string]*Page{}
	bySrcKey := map[string]*Page{}
	byLang := map[string][]*Page{}
	for _, p := range s.Pages {
		if p.Lang == src {
			bySrcRel[p.Rel] = p
			if k := translationKey(p); k != "" {
				bySrcKey[k] = p
			}
			continue
		}
		byLang[p.Lang] = append(byLang[p.Lang], p)
	}
	var out []pairing
	for _, lang := range s.Layout.Targets() {
		if len(langs) > 0 && !slices.Contains(langs, lang) {
			continue
		}
		matched := map[*Page]bool{}
		for _, t := range byLang[lang] {
			sp := bySrcRel[t.Rel]
			if k := translationKey(t); k != "" && bySrcKey[k] != nil {
				sp = bySrcKey[k]
			}
			if sp != nil {
				matched[sp] = true
			}
			out = append(out, pairing{lang: lang, source: sp, translation: t})
		}
		for _, sp := range s.Pages {
			if sp.Lang == src && !matched[sp] {
				out = append(out, pairing{lang: lang, source: sp})
			}
		}
	}
	return out
}

func translationKey(p *Page) string {
	if u := p.Doc.Field("translationKey"); u != nil {
		return u.Text
	}
	return ""
}

// Status reports on the site's translations.
func (s *Site) Status(opts Options) *Report {
	r := &Report{SchemaVersion: SchemaVersion, Source: s.Layout.Source, History: s.HistInfo, Problems: s.Problems}
	for _, l := range s.Layout.Targets() {
		if len(opts.Langs) == 0 || slices.Contains(opts.Langs, l) {
			r.Languages = append(r.Languages, l)
		}
	}
	pairs := s.pairs(opts.Langs)
	pairs = slices.DeleteFunc(pairs, func(p pairing) bool { return !inScope(p, opts.Paths) })
	reports := make([]PageReport, len(pairs))
	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	var wg gosync.WaitGroup
	next := make(chan int)
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				reports[i] = s.pageReport(pairs[i])
			}
		}()
	}
	for i := range pairs {
		next <- i
	}
	close(next)
	wg.Wait()
	s.suggestRenames(reports)
	sort.SliceStable(reports, func(i, j int) bool {
		a, b := reports[i], reports[j]
		if a.Lang != b.Lang {
			return langOrder(s.Layout, a.Lang) < langOrder(s.Layout, b.Lang)
		}
		return pageKey(a) < pageKey(b)
	})
	r.Pages = reports
	if r.Problems == nil {
		r.Problems = []FileProblem{}
	}
	return r
}

func langOrder(l *Layout, code string) int {
	for i, lang := range l.Languages {
		if lang.Code == code {
			return i
		}
	}
	return len(l.Languages)
}

func pageKey(p PageReport) string {
	if p.Source != "" {
		return p.Source
	}
	return p.Translation
}

// inScope reports whether a pairing concerns one of the paths (files or
// directories, source or translation side); no paths means everything.
func inScope(p pairing, paths []string) bool {
	if len(paths) == 0 {
		return true
	}
	for _, want := range paths {
		want = strings.TrimSuffix(path.Clean(want), "/")
		for _, pg := range []*Page{p.source, p.translation} {
			if pg == nil {
				continue
			}
			for _, have := range []string{pg.Path, pg.Real} {
				if have == want || strings.HasPrefix(have, want+"/") || want == "." {
					return true
				}
			}
		}
	}
	return false
}

func (s *Site) pageReport(p pairing) PageReport {
	r := PageReport{Lang: p.lang, Units: []UnitReport{}}
	if p.source != nil {
		r.Source = p.source.Path
	}
	if p.translation != nil {
		r.Translation = p.translation.Path
		if u := p.translation.Doc.Field("outdated"); u != nil && u.Text == "true" {
			r.Outdated = true
		}
	}
	switch {
	case p.translation == nil:
		r.State = PageMissing
		return r
	case p.source == nil:
		r.State = PageOrphan
		return r
	case !p.translation.Doc.HasBody() && p.source.Doc.HasBody():
		r.State = PageStub
		return r
	}
	base, baseDoc := s.findBase(p.source, p.translation)
	r.Base = base
	if baseDoc == nil {
		r.State = PageUntracked
		r.Units = untranslatedUnits(p.source.Doc, p.translation.Doc)
		return r
	}
	r.Units = unitStates(baseDoc, p.source.Doc, p.translation.Doc, base.Current)
	r.State = PageCurrent
	for _, u := range r.Units {
		switch u.State {
		case UnitStale, UnitNew, UnitObsolete, UnitUntranslated:
			r.State = PageStale
		}
		if u.State == UnitStale || u.State == UnitNew {
			r.Words += CountWords(u.SourceAfter)
		}
	}
	return r
}

// unitStates compares the base and current source and carries each
// change to the translated units aligned with the base.
func unitStates(base, cur, tr *parse.Document, current bool) []UnitReport {
	units := []UnitReport{}
	if current {
		return units
	}
	diff := DiffSource(base, cur)
	if !diff.needsAlignment() {
		return units
	}
	pairs := Align(base, tr, AlignOptions{})
	for _, p := range pairs {
		if len(p.Target) == 0 {
			continue
		}
		state, change, ch := UnitCurrent, Unchanged, (*Change)(nil)
		removed := 0
		for _, bi := range p.Source {
			c := diff.ByBefore[bi]
			if c == nil {
				continue
			}
			switch c.Kind {
			case Prose:
				state, change, ch = UnitStale, Prose, c
			case Mechanical:
				if state == UnitCurrent {
					state, change, ch = UnitMechanical, Mechanical, c
				}
			case Removed:
				removed++
				if ch == nil {
					ch = c
				}
			}
		}
		if removed > 0 && removed == len(p.Source) {
			state, change = UnitObsolete, Removed
		}
		if state == UnitCurrent {
			continue
		}
		units = append(units, unitReport(tr, p.Target, state, change, ch))
	}
	for _, c := range diff.Changes {
		if c.Kind != Added || !c.After.Translatable {
			continue
		}
		a := c.After
		units = append(units, UnitReport{ID: a.ID, State: UnitNew, Change: Added, Kind: a.Kind,
			SourceID: a.ID, SourceLine: a.Line, SourceAfter: a.Text})
	}
	sort.SliceStable(units, func(i, j int) bool {
		a, b := units[i], units[j]
		la, lb := a.Line, b.Line
		if la == 0 {
			la = a.SourceLine
		}
		if lb == 0 {
			lb = b.SourceLine
		}
		return la < lb
	})
	return units
}

func (d *SourceDiff) needsAlignment() bool {
	for _, c := range d.Changes {
		switch c.Kind {
		case Prose, Mechanical, Added, Removed:
			return true
		}
	}
	return false
}

func unitReport(tr *parse.Document, targets []int, state UnitState, change ChangeKind, c *Change) UnitReport {
	first, last := &tr.Units[targets[0]], &tr.Units[targets[len(targets)-1]]
	var text strings.Builder
	for k, i := range targets {
		if k > 0 {
			text.WriteString("\n\n")
		}
		text.WriteString(tr.Units[i].Text)
	}
	u := UnitReport{ID: first.ID, State: state, Change: change, Kind: first.Kind,
		Line: first.Line, EndLine: last.EndLine, Text: text.String()}
	if c != nil {
		if c.Before != nil {
			u.SourceBefore = c.Before.Text
			u.SourceLine = c.Before.Line
			u.SourceID = c.Before.ID
		}
		if c.After != nil {
			u.SourceAfter = c.After.Text
			u.SourceLine = c.After.Line
			u.SourceID = c.After.ID
		}
		u.Words = c.Words
		if change == Mechanical && c.Before != nil && c.After != nil {
			// Show the markup that changed: link targets, code.
			u.Words = WordDiff(c.Before.Text, c.After.Text)
		}
	}
	return u
}

// untranslatedUnits aligns the current source with a translation whose
// base is unknown and lists the translatable source units with no
// counterpart.
func untranslatedUnits(src, tr *parse.Document) []UnitReport {
	units := []UnitReport{}
	for _, p := range Align(src, tr, AlignOptions{}) {
		if len(p.Target) > 0 {
			continue
		}
		for _, i := range p.Source {
			u := &src.Units[i]
			if !u.Translatable || u.Kind == parse.FrontMatter {
				continue
			}
			units = append(units, UnitReport{ID: u.ID, State: UnitUntranslated, Kind: u.Kind,
				SourceID: u.ID, SourceLine: u.Line, SourceAfter: u.Text})
		}
	}
	return units
}

// suggestRenames proposes, for each orphan, the source page it was most
// likely renamed to: among sources missing a translation in its language,
// the most similar by file name and page skeleton.
func (s *Site) suggestRenames(reports []PageReport) {
	pages := map[string]*Page{}
	for _, p := range s.Pages {
		pages[p.Path] = p
	}
	missing := map[string][]*Page{}
	for _, r := range reports {
		if r.State == PageMissing {
			missing[r.Lang] = append(missing[r.Lang], pages[r.Source])
		}
	}
	for i := range reports {
		r := &reports[i]
		if r.State != PageOrphan {
			continue
		}
		orphan := pages[r.Translation]
		op := profile(orphan.Doc)
		best, bestScore := "", 0.0
		for _, cand := range missing[r.Lang] {
			score := 0.5*pathSimilarity(orphan.Rel, cand.Rel) + 0.5*profileSimilarity(op, profile(cand.Doc))
			if score > bestScore {
				best, bestScore = cand.Path, score
			}
		}
		if bestScore >= 0.45 {
			r.RenamedTo = best
		}
	}
}

// pathSimilarity compares two page paths by the words of their names.
func pathSimilarity(a, b string) float64 {
	if path.Base(a) == path.Base(b) && path.Base(a) != "index.md" && path.Base(a) != "_index.md" {
		return 1
	}
	split := func(p string) map[string]bool {
		set := map[string]bool{}
		p = strings.TrimSuffix(p, path.Ext(p))
		for _, w := range strings.FieldsFunc(p, func(r rune) bool { return r == '/' || r == '-' || r == '_' || r == '.' }) {
			if w != "index" {
				set[w] = true
			}
		}
		return set
	}
	sa, sb := split(a), split(b)
	common := 0
	for w := range sa {
		if sb[w] {
			common++
		}
	}
	if len(sa)+len(sb) == 0 {
		return 0
	}
	return 2 * float64(common) / float64(len(sa)+len(sb))
}
