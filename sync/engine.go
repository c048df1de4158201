package sync

import (
	"context"
	"errors"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	gosync "sync"
	"sync/atomic"

	"github.com/cnpe-i18n/cnpe-i18n/glossary"
	"github.com/cnpe-i18n/cnpe-i18n/internal/cache"
	"github.com/cnpe-i18n/cnpe-i18n/sync/align"
	"github.com/cnpe-i18n/cnpe-i18n/sync/change"
	"github.com/cnpe-i18n/cnpe-i18n/sync/history"
	"github.com/cnpe-i18n/cnpe-i18n/sync/site"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

// Options select what Status looks at.
type Options struct {
	Config site.Config
	// Langs restricts the translation languages (codes); empty means all.
	Langs []string
	// Paths restricts the pages: site paths relative to the root, or
	// directories holding them, in any language.
	Paths []string
	// NoHistory skips git: bases come from pins only.
	NoHistory bool
	// LazyHistory starts reading git history in Load but waits for it
	// only when a caller needs it (see ForEachAligned); Close stops a
	// read no caller needed.
	LazyHistory bool
	// TranslationHistory reads the history of the translations only, not
	// that of the source pages (nor of the configuration and string
	// tables): a check that needs bases but no source history (glossary)
	// then does not pay for the source's log, most of a cold run on a
	// large site. A translation's base is the source found in the tree of
	// its commits under the source's name now, or under the name matching
	// the translation's name then (see sourceAt); a source renamed since,
	// under another name, is not followed, and a base not found is the
	// current source.
	TranslationHistory bool
	// Jobs is the number of pages worked on at once; 0 means GOMAXPROCS.
	Jobs int
	// Since limits the report to what a change set (a pull request) does
	// to translations; Paths should be its paths.
	Since *history.ChangeSet
	// Glossary, when set, adds terminology findings to the pages.
	Glossary *glossary.Glossary
	// Cache, when set, keeps the history index, the front matter pass
	// and page reports between runs (see cached.go); output is the same
	// with and without it.
	Cache *cache.Store
}

// Page is a parsed page.
type Page struct {
	site.File
	Src []byte
	Doc *parse.Document
}

// Site is a loaded site: its layout, its pages and its history.
type Site struct {
	Layout   *site.Layout
	Config   site.Config
	History  *history.History
	HistInfo HistoryInfo

	pages    []*site.Entry
	mu       gosync.Mutex // guards problems
	problems []FileProblem
	pcfg     parse.Config
	jobs     int

	lazy      *lazyHistory // set until history is taken on demand
	historyMu gosync.Mutex
	scoped    bool // only some pages were scanned
	// noHistory: history was not read on purpose (Options.NoHistory), so
	// a missing base is not a sign of an incomplete clone.
	noHistory bool
	// trHistoryOnly: the history holds the translations only
	// (Options.TranslationHistory).
	trHistoryOnly bool

	indexOnce gosync.Once
	byPath    map[string]*site.Entry

	digestsOnce gosync.Once
	digests     map[*site.Entry]string // entryDigests

	cache *cache.Store
	// missingBlobs counts the blobs asked for that the repository lacks:
	// what was made from their absence is not kept in the cache.
	missingBlobs atomic.Int64
	// historyOf names the history read: its pathspecs and the commit it
	// covers ("" when not known).
	historyOf string
	// blobs are the blob ids of the pages as scanned, by site path (with
	// a cache only: the stat cache knows them without reading).
	blobs map[string]string
}

// frontMatterMemo is how many front matters the site's parses keep (see
// parse.Memo). A run parses the front matter of every page in its scan,
// then each page again with its group, and older versions of it, which
// mostly have the same front matter. On the Markdown-only
// kubernetes/website (27,300 front matters parsed, 58% met before), 256
// slots find 35% for about 2 MB of live heap; 8192 slots found 46% but
// kept some 21 MB more live, which the collector marks at every cycle:
// more work than the parses saved.
const frontMatterMemo = 256

// Load reads the site under root: layout, the front matter of every page
// (concurrently) and, unless opts.NoHistory, its git history in one pass.
func Load(ctx context.Context, root string, opts Options) (*Site, error) {
	cfg := opts.Config
	layout, err := site.DetectLayout(root, cfg)
	if err != nil {
		return nil, err
	}
	if err := layout.CheckLangs(opts.Langs); err != nil {
		return nil, err
	}
	s := &Site{Layout: layout, Config: cfg, jobs: opts.Jobs, cache: opts.Cache,
		pcfg: parse.Config{TranslatableKeys: cfg.TranslatableKeys, Memo: parse.NewMemo(frontMatterMemo)}}
	if s.jobs <= 0 {
		s.jobs = runtime.GOMAXPROCS(0)
	}
	files, problems := layout.FilesOf(cfg, opts.Langs)
	scope := langScope(layout, opts.Langs)
	for _, p := range problems {
		if scope.holds(p.Path) {
			s.problem(FileProblem{Path: p.Path, Message: p.Err.Error()})
		}
	}
	if len(opts.Langs) > 0 {
		// Only the source and the languages asked for: another language's
		// pages are neither read nor reported.
		files = slices.DeleteFunc(files, func(f site.File) bool { return !scope.langs[f.Lang] })
	}
	if len(opts.Paths) > 0 || opts.Since != nil {
		// Only the pages that can pair with the paths (none for a change
		// set that changed nothing): a pull request's
		// run reads a few pages, not the site. (Pairing by translationKey
		// across differently named files needs the whole site.)
		files = layout.Scope(files, opts.Paths)
		s.scoped = true
	}
	s.noHistory = opts.NoHistory
	s.trHistoryOnly = opts.TranslationHistory
	var read gosync.WaitGroup
	switch {
	case opts.LazyHistory && !opts.NoHistory:
		s.lazy = s.startHistory(ctx, s.historySpecs(files))
	case !opts.NoHistory:
		// git log runs while the pages are scanned.
		read.Add(1)
		go func() {
			defer read.Done()
			s.loadHistory(ctx, s.historySpecs(files))
		}()
	default:
		s.HistInfo.Message = "history not read (--no-history): bases come from pins only"
	}
	if s.cache != nil {
		s.scanCached(files, len(opts.Langs) > 0 || s.scoped)
	} else {
		s.scan(files)
	}
	read.Wait()
	if cfg, note := site.DetectConvention(s.Config, s.pages); note != "" {
		s.Config = cfg
		layout.Notes = append(layout.Notes, note)
	}
	return s, nil
}

func (s *Site) problem(p FileProblem) {
	s.mu.Lock()
	s.problems = append(s.problems, p)
	s.mu.Unlock()
}

// Problems lists the files that could not be used, in path order.
func (s *Site) Problems() []FileProblem {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := append([]FileProblem{}, s.problems...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	// A page that cannot be read is met by every pass that needs it.
	return slices.Compact(out)
}

// scan reads the front matter of every page, concurrently. A page whose
// front matter does not parse is reported and left out.
func (s *Site) scan(files []site.File) {
	infos := make([]*site.Entry, len(files))
	parallel(len(files), s.jobs, func(i int) {
		e, err := site.ReadEntry(s.Layout.Root, files[i], s.pcfg, s.Config)
		if err != nil {
			s.problem(problemOf(files[i].Path, err))
			e = &site.Entry{File: files[i], HasBody: true, Unreadable: true}
		}
		infos[i] = e
	})
	for _, info := range infos {
		if info != nil {
			s.pages = append(s.pages, info)
		}
	}
}

// parallel calls fn(0..n-1) on jobs goroutines.
func parallel(n, jobs int, fn func(int)) {
	var wg gosync.WaitGroup
	next := make(chan int)
	for range min(jobs, max(n, 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// load reads and parses a page in full.
func (s *Site) load(f site.File) (*Page, error) {
	src, err := site.ReadFile(filepath.Join(s.Layout.Root, filepath.FromSlash(f.Path)), s.pcfg.MaxBytes)
	if err != nil {
		return nil, parse.PathError(f.Path, err)
	}
	doc, err := s.pcfg.Parse(f.Path, src)
	if err != nil {
		return nil, err
	}
	return &Page{File: f, Src: src, Doc: doc}, nil
}

func problemOf(path string, err error) FileProblem {
	var pe *parse.Error
	if errors.As(err, &pe) {
		return FileProblem{Path: pe.Path, Line: pe.Line, Column: pe.Col, Message: pe.Err.Error()}
	}
	return FileProblem{Path: path, Message: err.Error()}
}

// lazyHistory is a history read in the background (Options.LazyHistory):
// Load starts it next to the scan, as git log is one process and the
// scan runs on the other cores; needHistory waits for it and Close stops
// it when no caller needed it.
type lazyHistory struct {
	cancel context.CancelFunc
	done   chan struct{} // closed when h, of and err are set
	h      *history.History
	of     string
	err    error
}

func (s *Site) startHistory(ctx context.Context, specs []string) *lazyHistory {
	ctx, cancel := context.WithCancel(ctx)
	l := &lazyHistory{cancel: cancel, done: make(chan struct{})}
	go func() {
		defer close(l.done)
		l.h, l.of, l.err = s.readHistory(ctx, specs)
	}()
	return l
}

// needHistory waits for the history Load left for later, and reports
// whether there is one.
func (s *Site) needHistory() bool {
	s.historyMu.Lock()
	defer s.historyMu.Unlock()
	if l := s.lazy; l != nil {
		s.lazy = nil
		<-l.done
		l.cancel()
		s.setHistory(l.h, l.of, l.err)
	}
	return s.History != nil
}

// scopeOfLangs is what a run looks at: the source language and the
// languages asked for (all when none are).
type scopeOfLangs struct {
	layout *site.Layout
	langs  map[string]bool // nil: all
}

func langScope(l *site.Layout, langs []string) scopeOfLangs {
	if len(langs) == 0 {
		return scopeOfLangs{layout: l}
	}
	m := map[string]bool{l.Source: true}
	for _, code := range langs {
		m[code] = true
	}
	return scopeOfLangs{layout: l, langs: m}
}

// holds reports whether a path belongs to the scope: it is not inside
// the content directory of languages that are all out of scope.
func (sc scopeOfLangs) holds(p string) bool {
	if sc.langs == nil {
		return true
	}
	best, in := "", false
	for _, lang := range sc.layout.Languages {
		d := lang.ContentDir
		if p != d && !strings.HasPrefix(p, d+"/") || len(d) < len(best) {
			continue
		}
		if len(d) > len(best) {
			best, in = d, false
		}
		in = in || sc.langs[lang.Code]
	}
	return best == "" || in
}

// historySpecs are the paths whose history is read for files: their
// directories (the files themselves for a run on a few pages), the
// configuration and the string tables.
func (s *Site) historySpecs(files []site.File) []string {
	var specs []string
	seen := map[string]bool{}
	for _, p := range files {
		if s.trHistoryOnly && p.Lang == s.Layout.Source {
			continue
		}
		spec := path.Dir(p.Real)
		if s.scoped && len(files) <= 200 {
			spec = p.Real // a few files: exactly those
		}
		if !seen[spec] {
			seen[spec] = true
			specs = append(specs, spec)
		}
		// An orphan's English was at its name in the source language:
		// its history there gives the orphan a base (orphanSources).
		for _, o := range s.orphanSpecs(p, s.scoped && len(files) <= 200) {
			if !seen[o] {
				seen[o] = true
				specs = append(specs, o)
			}
		}
	}
	if s.trHistoryOnly {
		return minimalDirs(specs)
	}
	// The configuration and the string tables have histories too.
	if s.Layout.ConfigFile != "" {
		specs = append(specs, s.Layout.ConfigFile)
	}
	for _, lang := range s.Layout.Languages {
		if t := s.Layout.TableFile(lang.Code); t != "" {
			specs = append(specs, t)
		}
	}
	return minimalDirs(specs)
}

func (s *Site) loadHistory(ctx context.Context, specs []string) {
	s.setHistory(s.readHistory(ctx, specs))
}

func (s *Site) setHistory(h *history.History, of string, err error) {
	if err != nil {
		s.HistInfo.Message = err.Error() + "; bases come from pins only (in CI, check out with fetch-depth: 0)"
		return
	}
	s.History, s.historyOf = h, of
	s.HistInfo = HistoryInfo{Available: true, Shallow: h.Shallow(), Commits: h.Commits(), Message: h.Degraded()}
	if h.Shallow() {
		s.HistInfo.Message = "shallow clone: translations made before the first fetched commit have no base; check out with fetch-depth: 0"
	}
}

// minimalDirs drops directories inside others of the list; too many
// pathspecs slow git down, so past a hundred the whole tree is read.
func minimalDirs(dirs []string) []string {
	sort.Strings(dirs)
	var out []string
	for _, d := range dirs {
		if d == "." {
			return nil
		}
		if n := len(out); n > 0 && (d == out[n-1] || strings.HasPrefix(d, out[n-1]+"/")) {
			continue
		}
		out = append(out, d)
	}
	if len(out) > 300 {
		return nil
	}
	return out
}

// Close releases the site's git processes, and stops a history read no
// caller waited for.
func (s *Site) Close() error {
	s.historyMu.Lock()
	l := s.lazy
	s.lazy = nil
	s.historyMu.Unlock()
	var err error
	if l != nil {
		l.cancel()
		<-l.done
		err = l.h.Close()
	}
	return errors.Join(err, s.History.Close())
}

// versions caches the parsed historical versions of the pages of one
// group (a source page and its translations), by blob id. It lives only
// while the group is worked on.
type versions struct {
	site *Site
	docs map[string]*parse.Document
	// raws are blobs read and not parsed (yet): a version probed byte for
	// byte is often probed again, or parsed after. Parsing moves a blob
	// to docs, whose Src holds the same bytes.
	raws  map[string][]byte
	words map[*parse.Document][]uint64
	// plainWords are the words keys of body units by their plain text.
	plainWords map[string]uint64
	trees      map[string]string // "commit:path" → blob, "" for none
	missing    int               // blobs asked for that are not in the repository
	// diffs are the source diffs made, by their two documents: the
	// translations of a page often share a base.
	diffs map[[2]*parse.Document]*change.SourceDiff
	// edits are the word diffs of the changes of diffs, by change and
	// whether they are of the markup (the text) or of the words: the
	// translations of a page that share a base report the same changes.
	edits map[wordDiffKey][]change.Edit
	// aligns keeps the pages' alignment features: the current
	// source and its older versions are aligned with every translation.
	aligns align.Cache
}

func (s *Site) newVersions() *versions {
	return &versions{site: s, docs: map[string]*parse.Document{}, raws: map[string][]byte{},
		words: map[*parse.Document][]uint64{}, plainWords: map[string]uint64{}, trees: map[string]string{},
		diffs: map[[2]*parse.Document]*change.SourceDiff{}, edits: map[wordDiffKey][]change.Edit{}}
}

type wordDiffKey struct {
	c      *change.Change
	markup bool
}

// wordDiff is the word diff of a change's two units, made once: of their
// texts (markup) or of their words (change.UnitWordDiff). The edits are
// shared by the reports that show them, which do not change them.
func (v *versions) wordDiff(c *change.Change, markup bool) []change.Edit {
	k := wordDiffKey{c, markup}
	if e, ok := v.edits[k]; ok {
		return e
	}
	var e []change.Edit
	if markup {
		e = change.WordDiff(c.Before.Text, c.After.Text)
	} else {
		e = change.UnitWordDiff(c.Before, c.After)
	}
	v.edits[k] = e
	return e
}

// kinds is change.DiffKinds(before, after), made once per pair of
// documents. A SourceDiff is not changed once made, so its users share it.
func (v *versions) kinds(before, after *parse.Document) *change.SourceDiff {
	k := [2]*parse.Document{before, after}
	d, ok := v.diffs[k]
	if !ok {
		d = change.DiffKinds(before, after)
		v.diffs[k] = d
	}
	return d
}

// wordsKey is the words key of a version's unit, computed once.
func (v *versions) wordsKey(doc *parse.Document, i int) uint64 {
	k, ok := v.words[doc]
	if !ok {
		k = make([]uint64, len(doc.Units))
		v.words[doc] = k
	}
	if k[i] == 0 {
		u := &doc.Units[i]
		if u.Kind == parse.FrontMatter {
			k[i] = wordsKey(u) | 1 // never 0: 0 is not computed yet
			return k[i]
		}
		// A body unit's key is of its plain text alone, which most
		// versions of a page share unit by unit: folded once.
		w, ok := v.plainWords[u.Plain]
		if !ok {
			w = wordsKey(u) | 1
			v.plainWords[u.Plain] = w
		}
		k[i] = w
	}
	return k[i]
}

// blobAt is the blob at path in commit's tree.
func (v *versions) blobAt(commit, path string) (string, bool) {
	key := commit + ":" + path
	blob, ok := v.trees[key]
	if !ok {
		blob, _, _ = v.site.History.BlobAt(commit, path)
		v.trees[key] = blob
	}
	return blob, blob != ""
}

// prefetchAt looks path up in the trees of the commits of vs (see
// blobAt) in batches, for the lookups blobAt is about to make one by one.
// A failed batch leaves them to blobAt.
func (v *versions) prefetchAt(vs []history.Version, path string) {
	var commits []string
	seen := map[string]bool{}
	for _, ver := range vs {
		if _, ok := v.trees[ver.Commit+":"+path]; !ok && !seen[ver.Commit] {
			seen[ver.Commit] = true
			commits = append(commits, ver.Commit)
		}
	}
	if len(commits) < 2 {
		return
	}
	blobs, err := v.site.History.BlobsAt(commits, path)
	if err != nil {
		return
	}
	for i, c := range commits {
		v.trees[c+":"+path] = blobs[i]
	}
}

// doc returns the parsed blob, nil when it is not in the repository or
// does not parse (an old version that does not parse cannot be a base).
func (v *versions) doc(id, name string) *parse.Document {
	if doc, ok := v.docs[id]; ok {
		return doc
	}
	data, _, found := v.raw(id)
	if !found {
		return nil
	}
	return v.parsed(id, name, data, nil)
}

// add records a page's current content under its blob id.
func (v *versions) add(id string, doc *parse.Document) { v.docs[id] = doc }

// detach copies the texts of a page's unit reports out of the pages they
// were cut from. A unit's text is a slice of its whole page, so one kept
// in a report would keep the page, and the older source versions whose
// units it quotes, alive until the run ends.
func detach(r *PageReport) {
	for i := range r.Units {
		u := &r.Units[i]
		u.SourceBefore = strings.Clone(u.SourceBefore)
		u.SourceAfter = strings.Clone(u.SourceAfter)
		u.Text = strings.Clone(u.Text)
		u.ID = strings.Clone(u.ID)
		u.SourceID = strings.Clone(u.SourceID)
	}
	for i := range r.Glossary {
		f := &r.Glossary[i]
		f.Source, f.Target, f.Found = strings.Clone(f.Source), strings.Clone(f.Target), strings.Clone(f.Found)
	}
}
