package sync

import (
	"context"
	"fmt"
	"path"
	"path/filepath"
	"slices"
	"strings"
	gosync "sync"

	"github.com/cnpe-i18n/cnpe-i18n/glossary"
	"github.com/cnpe-i18n/cnpe-i18n/internal/cache"
	"github.com/cnpe-i18n/cnpe-i18n/sync/change"
	"github.com/cnpe-i18n/cnpe-i18n/sync/history"
	"github.com/cnpe-i18n/cnpe-i18n/sync/site"
	"github.com/cnpe-i18n/cnpe-i18n/translations"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

// Status loads the site under root and reports, for every translation of
// every source page, its state and the units that need work.
func Status(ctx context.Context, root string, opts Options) (*Report, error) {
	s, err := Load(ctx, root, opts)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	if !s.scoped {
		if err := site.CheckPins(s.Config, s.pages, s.Layout.Source); err != nil {
			return nil, err
		}
	}
	return s.Status(opts), nil
}

// Status reports on the site's translations. Pairs are worked on in
// groups that share a source page, concurrently; each group's pages and
// historical versions are parsed while it is worked on and dropped after.
func (s *Site) Status(opts Options) *Report {
	return s.status(opts, false)
}

// status is Status. With splice, a page whose report comes from the
// cache is only its head and its JSON (see cachedGroup), and the JSON of
// every page made here is kept with it: the report is for writeJSON, and
// Outline, only. Splicing needs every page's report as it is made per
// group: not with a change set (filterSince rewrites the units).
func (s *Site) status(opts Options, splice bool) *Report {
	splice = splice && opts.Since == nil
	r := &Report{SchemaVersion: SchemaVersion, Source: s.Layout.Source, History: s.HistInfo, Notes: s.Layout.Notes}
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
	skel := skeletonsFor(pairs)
	g, terms := termsOf(opts.Glossary, r.Languages)
	if g != nil {
		splice = false // corroborate reads every page's findings
	}
	base, keyed := "", false
	if s.cache != nil {
		base, keyed = s.groupKeyBase(g, terms)
	}
	// The string tables need nothing of the pages: they are compared
	// while the pages are.
	r.Strings = []translations.Entry{}
	var tables gosync.WaitGroup
	if (opts.Since == nil && len(opts.Paths) == 0) || s.stringsInScope(opts.Paths) {
		tables.Add(1)
		go func() {
			defer tables.Done()
			r.Strings = s.StringReport(opts.Langs, opts.Glossary)
		}()
	}
	parallel(len(groups), s.jobs, func(g int) {
		var key cache.Key
		ok := keyed
		if ok {
			key, ok = s.groupKey(base, pairs, groups[g])
		}
		if ok && s.cachedGroup(key, groups[g], reports, splice) {
			return
		}
		store := s.groupReports(pairs, groups[g], reports, terms, skel) && ok && cacheable(reports, groups[g])
		if store || splice {
			s.keepGroup(key, groups[g], reports, store, splice)
		}
	})
	s.suggestRenames(reports, skel)
	if g != nil {
		corroborate(g, reports)
	}
	s.checkComplete(&r.History, reports)
	if opts.Since != nil {
		reports = s.filterSince(reports, opts.Since)
	}
	r.Pages = s.sortReports(reports)
	r.Since = opts.Since
	tables.Wait()
	r.Problems = s.Problems()
	return r
}

// sortReports orders reports by language (the site's order), then page
// (source path, else translation path), keeping the order of equals. It
// sorts their positions, not the reports.
func (s *Site) sortReports(reports []PageReport) []PageReport {
	type sortKey struct {
		lang int
		page string
		at   int
	}
	keys := make([]sortKey, len(reports))
	for i := range reports {
		keys[i] = sortKey{langOrder(s.Layout, reports[i].Lang), pageKey(reports[i]), i}
	}
	slices.SortFunc(keys, func(a, b sortKey) int {
		if a.lang != b.lang {
			return a.lang - b.lang
		}
		if c := strings.Compare(a.page, b.page); c != 0 {
			return c
		}
		return a.at - b.at
	})
	out := make([]PageReport, len(reports))
	for i, k := range keys {
		out[i] = reports[k.at]
	}
	return out
}

// checkComplete counts the pages whose base is unknown for want of
// history and, if there are any, says so in the history message, with
// the fix.
func (s *Site) checkComplete(h *HistoryInfo, reports []PageReport) {
	for _, p := range reports {
		if p.Base != nil && p.Base.IncompleteHistory {
			h.Incomplete++
		}
	}
	if h.Incomplete == 0 {
		return
	}
	why, fix := "objects are missing from this clone", "git fetch --refetch"
	switch {
	case !h.Available:
		why, fix = "there is no git history here", "run in a git clone"
	case h.Shallow:
		why, fix = "this is a shallow clone", "git fetch --unshallow"
	}
	h.Message = fmt.Sprintf("history is incomplete: %s, so the source version of %d translated page(s) is unknown and their stale units cannot be told; check out with fetch-depth: 0 (actions/checkout), or %s", why, h.Incomplete, fix)
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
// checked with the pages and base already at hand. It reports whether
// the reports depend only on the group's inputs: no page was a problem
// and every blob asked for was found.
func (s *Site) groupReports(pairs []site.Pair, idx []int, reports []PageReport, terms map[string]*glossary.Matcher, skel *skeletons) bool {
	first := pairs[idx[0]]
	var src *lazyPage
	if first.Source != nil {
		src = &lazyPage{site: s, info: first.Source, blob: s.blobs[first.Source.Path]}
	}
	vs := s.newVersions()
	clean := true
	srcReported := false
	// failed reports a page that could not be read or parsed (the group's
	// source once) and keeps the group out of the cache.
	failed := func(path string, err error, isSource bool) {
		clean = false
		if isSource && srcReported {
			return
		}
		srcReported = srcReported || isSource
		s.problem(problemOf(path, err))
	}
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
			tr := &lazyPage{site: s, info: p.Translation}
			r.Base = s.orphanBase(vs, tr)
			if m := terms[p.Lang]; m != nil {
				if page, err := tr.get(); err == nil {
					r.Glossary = CheckTerms(m, AlignedPage{Lang: p.Lang, Translation: page})
				} else {
					failed(p.Translation.Path, err, false)
				}
			}
		case p.Translation.Unreadable || p.Source.Unreadable:
			r.State = PageUntracked
			r.Base = &Base{Kind: BaseNone, Message: "the page could not be read (see the problems)"}
		case !p.Translation.HasBody && p.Source.HasBody && hasProse(src):
			r.State = PageStub
			if m := terms[p.Lang]; m != nil {
				sp, err1 := src.get()
				tr, err2 := (&lazyPage{site: s, info: p.Translation}).get()
				switch {
				case err1 != nil:
					failed(p.Source.Path, err1, true)
				case err2 != nil:
					failed(p.Translation.Path, err2, false)
				default:
					r.Glossary = CheckTerms(m, s.alignedPage(p.Lang, vs, s.findProvenance(vs, sp, tr), sp, tr))
				}
			}
		default:
			base, quick := s.quickBase(src, p.Translation)
			if quick && terms == nil {
				r.State, r.Base = PageCurrent, base
				break
			}
			sp, err := src.get()
			if err != nil {
				failed(p.Source.Path, err, true)
				r.State = PageUntracked
				r.Base = &Base{Kind: BaseNone, Message: "the source page could not be parsed"}
				break
			}
			tr, err := (&lazyPage{site: s, info: p.Translation}).get()
			if err != nil {
				failed(p.Translation.Path, err, false)
				r.State = PageUntracked
				r.Base = &Base{Kind: BaseNone, Message: "the translation could not be parsed"}
				break
			}
			var prov *provenance
			if quick {
				r.State, r.Base = PageCurrent, base
			} else {
				prov = s.pageReport(vs, sp, tr, &r)
			}
			if m := terms[p.Lang]; m != nil {
				r.Glossary = CheckTerms(m, s.alignedPage(p.Lang, vs, prov, sp, tr))
			}
		}
		glossary.SortFindings(r.Glossary)
		detach(&r)
		reports[i] = r
	}
	skel.keep(src)
	return clean && vs.missing == 0
}

// hasProse reports whether a source page has text to translate after
// its front matter: a translation of a page whose body is only a script,
// an include or code is no stub without it. A page that does not parse
// is taken to have some.
func hasProse(src *lazyPage) bool {
	sp, err := src.get()
	if err != nil {
		return true
	}
	for _, u := range sp.Doc.Units {
		if u.Kind != parse.FrontMatter && u.Translatable {
			return true
		}
	}
	return false
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
	if len(sv) > 1 && oldest.Time-sv[0].Time <= olderWindow {
		// Shortly before: the translation may have been begun from the
		// source before that (olderSource).
		return nil, false
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
// the provenance it found.
func (s *Site) pageReport(vs *versions, src, tr *Page, r *PageReport) *provenance {
	prov := s.findProvenance(vs, src, tr)
	r.Base = prov.page
	if prov.page.Kind == BaseNone {
		r.State = PageUntracked
		r.Units = untranslatedUnits(src.Doc, tr.Doc)
		return prov
	}
	r.Units = unitStates(prov, src.Doc, tr.Doc)
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
	return prov
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
