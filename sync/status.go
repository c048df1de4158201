package sync

import (
	"context"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/cnpe-i18n/cnpe-i18n/glossary"
	"github.com/cnpe-i18n/cnpe-i18n/sync/align"
	"github.com/cnpe-i18n/cnpe-i18n/sync/change"
	"github.com/cnpe-i18n/cnpe-i18n/sync/edit"
	"github.com/cnpe-i18n/cnpe-i18n/sync/history"
	"github.com/cnpe-i18n/cnpe-i18n/sync/site"
	"github.com/cnpe-i18n/cnpe-i18n/translations"

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

// Status reports on the site's translations. Pairs are worked on in
// groups that share a source page, concurrently; each group's pages and
// historical versions are parsed while it is worked on and dropped after.
func (s *Site) Status(opts Options) *Report {
	r := &Report{SchemaVersion: SchemaVersion, Source: s.Layout.Source, History: s.HistInfo}
	for _, l := range s.Layout.Targets() {
		if len(opts.Langs) == 0 || slices.Contains(opts.Langs, l) {
			r.Languages = append(r.Languages, l)
		}
	}
	pairs := site.Pairs(s.Layout, s.pages, opts.Langs)
	if len(opts.Paths) > 0 || opts.Since != nil {
		pairs = slices.DeleteFunc(pairs, func(p site.Pair) bool { return !p.InScope(opts.Paths) })
	}
	// Group by source page; orphans are groups of their own.
	var groups [][]int
	bySource := map[*site.Entry]int{}
	for i, p := range pairs {
		if p.Source == nil {
			groups = append(groups, []int{i})
			continue
		}
		g, ok := bySource[p.Source]
		if !ok {
			g = len(groups)
			bySource[p.Source] = g
			groups = append(groups, nil)
		}
		groups[g] = append(groups[g], i)
	}
	reports := make([]PageReport, len(pairs))
	var terms map[string]*glossary.Matcher
	if opts.Glossary != nil {
		terms = map[string]*glossary.Matcher{}
		for _, l := range r.Languages {
			terms[l] = opts.Glossary.Matcher(l)
		}
	}
	parallel(len(groups), s.jobs, func(g int) {
		s.groupReports(pairs, groups[g], reports, terms)
	})
	s.suggestRenames(reports)
	if opts.Since != nil {
		reports = s.filterSince(reports, opts.Since)
	}
	sort.SliceStable(reports, func(i, j int) bool {
		a, b := reports[i], reports[j]
		if a.Lang != b.Lang {
			return langOrder(s.Layout, a.Lang) < langOrder(s.Layout, b.Lang)
		}
		return pageKey(a) < pageKey(b)
	})
	r.Pages = reports
	r.Since = opts.Since
	r.Strings = []translations.Entry{}
	if (opts.Since == nil && len(opts.Paths) == 0) || s.stringsInScope(opts.Paths) {
		r.Strings = s.StringReport(opts.Langs)
	}
	r.Problems = s.Problems()
	return r
}

// lazyPage reads and parses a page the first time it is needed.
type lazyPage struct {
	site *Site
	info *site.Entry
	page *Page
	blob string
	err  error
	done bool
	read bool
	src  []byte
}

func (l *lazyPage) bytes() ([]byte, error) {
	if !l.read {
		l.read = true
		l.src, l.err = site.ReadFile(filepath.Join(l.site.Layout.Root, filepath.FromSlash(l.info.Path)), l.site.pcfg.MaxBytes)
		if l.err != nil {
			l.err = parse.PathError(l.info.Path, l.err)
		}
	}
	return l.src, l.err
}

func (l *lazyPage) blobID() (string, error) {
	if l.blob == "" {
		src, err := l.bytes()
		if err != nil {
			return "", err
		}
		l.blob = history.BlobID(src)
	}
	return l.blob, nil
}

func (l *lazyPage) get() (*Page, error) {
	if !l.done {
		l.done = true
		src, err := l.bytes()
		if err != nil {
			return nil, err
		}
		doc, err := l.site.pcfg.Parse(l.info.Path, src)
		if err != nil {
			l.err = err
			return nil, err
		}
		l.page = &Page{File: l.info.File, Src: src, Doc: doc}
	}
	return l.page, l.err
}

// groupReports works on the pairs (indexes into pairs) sharing a source.
// With matchers (a glossary), the terminology of each translation is
// checked with the pages and base already at hand.
func (s *Site) groupReports(pairs []site.Pair, idx []int, reports []PageReport, terms map[string]*glossary.Matcher) {
	first := pairs[idx[0]]
	var src *lazyPage
	if first.Source != nil {
		src = &lazyPage{site: s, info: first.Source}
	}
	vs := s.newVersions()
	srcReported := false
	for _, i := range idx {
		p := pairs[i]
		r := PageReport{Lang: p.Lang, Units: []UnitReport{}}
		if p.Source != nil {
			r.Source = p.Source.Path
		}
		if p.Translation != nil {
			r.Translation = p.Translation.Path
			r.Outdated = p.Translation.Outdated
		}
		switch {
		case p.Translation == nil:
			r.State = PageMissing
		case p.Source == nil:
			r.State = PageOrphan
		case !p.Translation.HasBody && p.Source.HasBody:
			r.State = PageStub
		default:
			base, quick := s.quickBase(src, p.Translation)
			if quick && terms == nil {
				r.State, r.Base = PageCurrent, base
				break
			}
			sp, err := src.get()
			if err != nil {
				if !srcReported {
					s.problem(problemOf(p.Source.Path, err))
					srcReported = true
				}
				r.State = PageUntracked
				r.Base = &Base{Kind: BaseNone, Message: "the source page could not be parsed"}
				break
			}
			tr, err := (&lazyPage{site: s, info: p.Translation}).get()
			if err != nil {
				s.problem(problemOf(p.Translation.Path, err))
				r.State = PageUntracked
				r.Base = &Base{Kind: BaseNone, Message: "the translation could not be parsed"}
				break
			}
			baseDoc := sp.Doc
			if quick {
				r.State, r.Base = PageCurrent, base
			} else {
				baseDoc = s.pageReport(vs, sp, tr, &r)
			}
			if m := terms[p.Lang]; m != nil {
				if baseDoc == nil {
					baseDoc = sp.Doc
				}
				r.Glossary = CheckTerms(m, AlignedPage{Lang: p.Lang, Source: sp, Base: baseDoc, Translation: tr,
					Pairs: align.Align(baseDoc, tr.Doc, align.Options{})})
				glossary.SortFindings(r.Glossary)
			}
		}
		reports[i] = r
	}
}

// quickBase recognizes a translation made from the current source without
// parsing anything: its pin is the source's blob id, or, unpinned, the
// source has not changed since the translation first appeared in history
// (so whichever of its commits translated it, the source was as now).
func (s *Site) quickBase(src *lazyPage, tr *site.Entry) (*Base, bool) {
	blob, err := src.blobID()
	if err != nil {
		return nil, false
	}
	if tr.Pin != "" {
		if tr.Pin == blob {
			return &Base{Kind: BasePin, Blob: blob, Current: true, Confidence: 1}, true
		}
		return nil, false
	}
	if s.History == nil {
		return nil, false
	}
	sv := liveVersions(s.History.Versions(src.info.Real))
	tv := liveVersions(s.History.Versions(tr.Real))
	if len(sv) == 0 || len(tv) == 0 || sv[0].Blob != blob {
		return nil, false
	}
	oldest := tv[len(tv)-1]
	if s.History.Shallow() && oldest.Seq == s.History.Commits()-1 {
		return nil, false
	}
	if sv[0].Seq < oldest.Seq {
		return nil, false // the source changed after the translation appeared
	}
	return &Base{Kind: BaseInferred, Blob: blob, Commit: sv[0].Commit, Path: sv[0].Path, Current: true,
		Confidence: 1, Message: ""}, true
}

func pageKey(p PageReport) string {
	if p.Source != "" {
		return p.Source
	}
	return p.Translation
}

func langOrder(l *site.Layout, code string) int {
	for i, lang := range l.Languages {
		if lang.Code == code {
			return i
		}
	}
	return len(l.Languages)
}

// pageReport fills r for a source page and its translation, and returns
// the base document (nil when unknown).
func (s *Site) pageReport(vs *versions, src, tr *Page, r *PageReport) *parse.Document {
	base, baseDoc := s.findBase(vs, src, tr)
	r.Base = base
	if baseDoc == nil {
		r.State = PageUntracked
		r.Units = untranslatedUnits(src.Doc, tr.Doc)
		return nil
	}
	r.Units = unitStates(baseDoc, src.Doc, tr.Doc, base.Current)
	r.State = PageCurrent
	for _, u := range r.Units {
		switch u.State {
		case UnitStale, UnitNew, UnitObsolete, UnitUntranslated:
			r.State = PageStale
		}
		if u.State == UnitStale || u.State == UnitNew {
			r.Words += change.CountWords(u.SourceAfter)
		}
	}
	return baseDoc
}

// unitStates compares the base and current source and carries each
// change to the translated units aligned with the base.
func unitStates(base, cur, tr *parse.Document, current bool) []UnitReport {
	units := []UnitReport{}
	if current {
		return units
	}
	diff := change.DiffSource(base, cur)
	if !diff.NeedsAlignment() {
		return units
	}
	pairs := align.Align(base, tr, align.Options{})
	for _, p := range pairs {
		if len(p.Target) == 0 {
			continue
		}
		state, kind, ch := UnitCurrent, change.Unchanged, (*change.Change)(nil)
		removed := 0
		for _, bi := range p.Source {
			c := diff.ByBefore[bi]
			if c == nil {
				continue
			}
			switch c.Kind {
			case change.Prose:
				state, kind, ch = UnitStale, change.Prose, c
			case change.Mechanical:
				if state == UnitCurrent && !edit.Carried(c, tr, p.Target) {
					state, kind, ch = UnitMechanical, change.Mechanical, c
				}
			case change.Removed:
				removed++
				if ch == nil {
					ch = c
				}
			}
		}
		if removed > 0 && removed == len(p.Source) {
			state, kind = UnitObsolete, change.Removed
		}
		if state == UnitCurrent {
			continue
		}
		units = append(units, unitReport(tr, p.Target, state, kind, ch))
	}
	for _, c := range diff.Changes {
		if c.Kind != change.Added || !c.After.Translatable {
			continue
		}
		a := c.After
		units = append(units, UnitReport{ID: a.ID, State: UnitNew, Change: change.Added, Kind: a.Kind,
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

func unitReport(tr *parse.Document, targets []int, state UnitState, kind change.ChangeKind, c *change.Change) UnitReport {
	first, last := &tr.Units[targets[0]], &tr.Units[targets[len(targets)-1]]
	var text strings.Builder
	for k, i := range targets {
		if k > 0 {
			text.WriteString("\n\n")
		}
		text.WriteString(tr.Units[i].Text)
	}
	u := UnitReport{ID: first.ID, State: state, Change: kind, Kind: first.Kind,
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
		if kind == change.Mechanical && c.Before != nil && c.After != nil {
			// Show the markup that changed: link targets, code.
			u.Words = change.WordDiff(c.Before.Text, c.After.Text)
		}
	}
	return u
}

// untranslatedUnits aligns the current source with a translation whose
// base is unknown and lists the translatable source units with no
// counterpart.
func untranslatedUnits(src, tr *parse.Document) []UnitReport {
	units := []UnitReport{}
	for _, p := range align.Align(src, tr, align.Options{}) {
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
// the most similar by file name and page skeleton. Only these pages are
// parsed again.
func (s *Site) suggestRenames(reports []PageReport) {
	files := map[string]site.File{}
	for _, p := range s.pages {
		files[p.Path] = p.File
	}
	profiles := map[string]align.Profile{}
	profileOf := func(p string) align.Profile {
		if pr, ok := profiles[p]; ok {
			return pr
		}
		var pr align.Profile
		if pg, err := s.load(files[p]); err == nil {
			pr = align.ProfileOf(pg.Doc)
		}
		profiles[p] = pr
		return pr
	}
	missing := map[string][]string{}
	for _, r := range reports {
		if r.State == PageMissing {
			missing[r.Lang] = append(missing[r.Lang], r.Source)
		}
	}
	for i := range reports {
		r := &reports[i]
		if r.State != PageOrphan {
			continue
		}
		orphan := files[r.Translation]
		op := profileOf(r.Translation)
		best, bestScore := "", 0.0
		for _, cand := range missing[r.Lang] {
			pathScore := pathSimilarity(orphan.Rel, files[cand].Rel)
			if pathScore == 0 && len(missing[r.Lang]) > 50 {
				continue // many candidates: only those with a name in common
			}
			score := 0.5*pathScore + 0.5*align.Similarity(op, profileOf(cand))
			if score > bestScore {
				best, bestScore = cand, score
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

// stringsInScope reports whether the string tables and site configuration
// are among the paths (no paths: everything).
func (s *Site) stringsInScope(paths []string) bool {
	for _, p := range paths {
		p = strings.TrimSuffix(path.Clean(p), "/")
		if p == "." || p == s.Layout.ConfigFile || p == s.Layout.I18nDir || strings.HasPrefix(p, s.Layout.I18nDir+"/") ||
			strings.HasPrefix(s.Layout.I18nDir, p+"/") {
			return true
		}
	}
	return false
}
