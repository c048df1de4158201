package sync

import (
	"cmp"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	gosync "sync"
	"sync/atomic"

	"github.com/cnpe-i18n/cnpe-i18n/glossary"
	"github.com/cnpe-i18n/cnpe-i18n/parse"
	"github.com/cnpe-i18n/cnpe-i18n/sync/align"
	"github.com/cnpe-i18n/cnpe-i18n/sync/site"
)

// AlignedPage is a translation with the source units each of its units
// renders. A translation with no source page has Source and Base nil and
// no Pairs: only the checks that need no source apply to it.
type AlignedPage struct {
	Lang        string
	Source      *Page
	Base        *parse.Document // the source the translation was made from (or the current source)
	Translation *Page
	Pairs       []align.Pair
	// More pairs the translated units made from other versions of the
	// source than Base (their base, per unit) in those versions; Pairs
	// then leaves them out.
	More []BasePairs
}

// BasePairs are pairs of units of a version of the source with units of
// the translation.
type BasePairs struct {
	Base  *parse.Document
	Pairs []align.Pair
}

// ForEachAligned aligns every translation in scope and calls fn with
// it. Pages are read and aligned on several goroutines, and fn is called
// from them: it must be safe for concurrent use. A translation is
// aligned with its base: the pinned one, else the one history gives
// (waited for then, once, when Load was asked for LazyHistory and a
// translation in scope has no pin), else the current source.
func (s *Site) ForEachAligned(opts Options, fn func(AlignedPage)) {
	s.forEachPair(opts, nil, nil, fn)
}

// forEachPair is ForEachAligned with two hooks for a cache: ready, when
// set, is called once history is read (when it is); skip, when set, is
// asked first for each pair and true leaves the pair out.
//
// Pages are worked on largest first, so that a long page is not the last
// one of the run, on one core while the others idle. While git log runs
// (Load started it), the pages are read and parsed already (preload):
// what alignment needs history for comes after.
func (s *Site) forEachPair(opts Options, ready func(), skip func(site.Pair) bool, fn func(AlignedPage)) {
	var todo []site.Pair
	for _, p := range site.Pairs(s.Layout, s.pages, opts.Langs) {
		if p.Translation != nil && (len(opts.Paths) == 0 || p.InScope(opts.Paths)) {
			todo = append(todo, p)
		}
	}
	todo = s.largestFirst(todo)
	// Alignment needs the base an unpinned translation was made from, so
	// history is waited for then (Load started reading it); a run over
	// pinned pages (or none) stops it. Pages are preloaded meanwhile, with
	// a cache too: a cold one misses every page, and a warm one gives the
	// history at once, so that preload stops after a page or two.
	var pre []loaded
	for _, p := range todo {
		if p.Source != nil && !s.pinned(p.Translation.File) {
			var stop func()
			pre, stop, _ = s.preload(todo)
			s.needHistory()
			stop()
			break
		}
	}
	if ready != nil {
		ready()
	}
	parallel(len(todo), s.jobs, func(i int) {
		if skip != nil && skip(todo[i]) {
			return
		}
		var l loaded
		if i < len(pre) {
			l, pre[i] = pre[i], loaded{}
		}
		if a, ok := s.aligned(todo[i], l); ok {
			fn(a)
		}
	})
}

// loaded are the pages of a pair read and parsed ahead (preload); nil
// ones are read when needed.
type loaded struct {
	src, tr *Page
}

// preload reads and parses the pages of todo, in order, on a goroutine
// per processor but one (at least one, at most s.jobs), until stop is called (stop returns once they are done) or
// it has read preloadBytes (then finished is closed). Each page
// preloaded is one fewer to parse once history is there, and reading
// history (one git process) leaves the other cores idle.
func (s *Site) preload(todo []site.Pair) (pre []loaded, stop func(), finished <-chan struct{}) {
	pre = make([]loaded, len(todo))
	var (
		next    atomic.Int64
		bytes   atomic.Int64
		stopped atomic.Bool
		wg      gosync.WaitGroup
	)
	// One processor fewer than there are: git log has one, and it is
	// what the run waits for.
	for range min(max(runtime.GOMAXPROCS(0)-1, 1), s.jobs, len(todo)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !stopped.Load() {
				i := int(next.Add(1)) - 1
				if i >= len(todo) {
					return
				}
				p := todo[i]
				tr, err := s.load(p.Translation.File)
				if err != nil {
					continue // reported when the pair is worked on
				}
				l := loaded{tr: tr}
				if p.Source != nil {
					if l.src, err = s.load(p.Source.File); err != nil {
						continue
					}
				}
				pre[i] = l
				n := int64(len(tr.Src))
				if l.src != nil {
					n += int64(len(l.src.Src))
				}
				if bytes.Add(n) >= preloadBytes {
					return
				}
			}
		}()
	}
	done := make(chan struct{})
	go func() {
		wg.Wait()
		close(done)
	}()
	return pre, func() {
		stopped.Store(true)
		<-done
	}, done
}

// preloadBytes bounds what preload reads, in bytes of the pages' files:
// a parsed page takes some 10 to 20 times its size in memory, and the
// pages preloaded wait for history. On kubernetes/website's Korean pages
// (8 MiB with their sources) 4 MiB raised the peak by some 40-60 MiB
// (above 230 MiB against main's 165-210) for some 0.3 s of parsing done
// before history instead of after; 2 MiB is half of both.
var preloadBytes int64 = 2 << 20

// largestFirst orders pairs by the size of their pages, largest first
// (the size of a page that cannot be read is 0).
func (s *Site) largestFirst(todo []site.Pair) []site.Pair {
	size := func(f *site.Entry) int64 {
		if f == nil {
			return 0
		}
		fi, err := os.Stat(filepath.Join(s.Layout.Root, filepath.FromSlash(f.Path)))
		if err != nil {
			return 0
		}
		return fi.Size()
	}
	sizes := make(map[string]int64, len(todo))
	for _, p := range todo {
		sizes[p.Translation.Path] = size(p.Translation) + size(p.Source)
	}
	slices.SortStableFunc(todo, func(a, b site.Pair) int {
		return cmp.Compare(sizes[b.Translation.Path], sizes[a.Translation.Path])
	})
	return todo
}

func (s *Site) aligned(p site.Pair, l loaded) (AlignedPage, bool) {
	tr, err := l.tr, error(nil)
	if tr == nil {
		if tr, err = s.load(p.Translation.File); err != nil {
			return AlignedPage{}, false
		}
	}
	if p.Source == nil {
		return AlignedPage{Lang: p.Lang, Translation: tr}, true
	}
	src := l.src
	if src == nil {
		if src, err = s.load(p.Source.File); err != nil {
			return AlignedPage{}, false
		}
	}
	a := AlignedPage{Lang: p.Lang, Source: src, Base: src.Doc, Translation: tr}
	if s.History == nil && tr.Doc.Field(s.Config.PinField()) == nil {
		a.Pairs = align.Align(a.Base, tr.Doc, align.Options{})
		return a, true
	}
	// Only the bases a pair needs are parsed (on kubernetes/website's ko
	// pages the others were a third of all parses), so a page one of whose
	// other bases cannot be read is aligned all the same, where a unit
	// report would have no base.
	vs := s.newVersions()
	return s.alignedPage(p.Lang, vs, s.provenance(vs, src, tr, false), src, tr), true
}

// ownedPairs keeps the pairs of the translated units made from base k
// (of: the base of each unit), with keep, or leaves them out; a pair
// whose translatable units it all leaves out is dropped.
func ownedPairs(pairs []align.Pair, tr *parse.Document, of []int, k int, keep bool) []align.Pair {
	var out []align.Pair
	for _, p := range pairs {
		var target []int
		kept := 0
		for _, t := range p.Target {
			if !tr.Units[t].Translatable {
				target = append(target, t)
				continue
			}
			if ownedBy(tr, of, t, k) == keep {
				target = append(target, t)
				kept++
			}
		}
		if kept > 0 || len(p.Target) == 0 && !keep {
			out = append(out, align.Pair{Source: p.Source, Target: target})
		}
	}
	return out
}

// ownedBy reports a translatable unit t of tr made from base k (of: the
// base of each unit), one whose pair ownedPairs keeps for k.
func ownedBy(tr *parse.Document, of []int, t, k int) bool {
	return tr.Units[t].Translatable && t < len(of) && of[t] == k
}

// pinned reports a translation whose front matter pins its base. Only
// the front matter is read (the scan has it).
func (s *Site) pinned(f site.File) bool {
	pg, err := s.load(f)
	return err == nil && pg.Doc.Field(s.Config.PinField()) != nil
}

// CheckTerms checks a page against the glossary: forbidden renderings,
// first-use forms and rules everywhere; with a source, missing
// renderings and lost keep terms on every aligned step.
func CheckTerms(m *glossary.Matcher, a AlignedPage) []glossary.Finding {
	p := glossary.Page{Path: a.Translation.Path, Doc: a.Translation.Doc, Source: a.Base}
	for _, pr := range a.Pairs {
		p.Pairs = append(p.Pairs, glossary.UnitPair{Source: units(a.Base, pr.Source), Target: units(a.Translation.Doc, pr.Target)})
	}
	for _, more := range a.More {
		for _, pr := range more.Pairs {
			p.Pairs = append(p.Pairs, glossary.UnitPair{Source: units(more.Base, pr.Source), Target: units(a.Translation.Doc, pr.Target), SourceDoc: more.Base})
		}
	}
	if len(a.More) > 0 {
		// In the translation's order: a first use is the first one there.
		first := func(u glossary.UnitPair) int {
			if len(u.Target) == 0 {
				return -1
			}
			return u.Target[0].Start
		}
		slices.SortStableFunc(p.Pairs, func(x, y glossary.UnitPair) int { return first(x) - first(y) })
	}
	return m.Check(p)
}

// CensusAdd adds an aligned page to a census.
func CensusAdd(c *glossary.Census, a AlignedPage) {
	if a.Base == nil {
		return
	}
	for _, p := range a.Pairs {
		c.Add(a.Base, units(a.Base, p.Source), a.Translation.Doc, units(a.Translation.Doc, p.Target), a.Translation.Path)
	}
	for _, more := range a.More {
		for _, p := range more.Pairs {
			c.Add(more.Base, units(more.Base, p.Source), a.Translation.Doc, units(a.Translation.Doc, p.Target), a.Translation.Path)
		}
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
