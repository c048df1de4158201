package sync

import (
	"cmp"
	"math"
	"path"
	"slices"
	"strings"
	gosync "sync"

	"github.com/cnpe-i18n/cnpe-i18n/sync/align"
	"github.com/cnpe-i18n/cnpe-i18n/sync/history"
	"github.com/cnpe-i18n/cnpe-i18n/sync/site"
)

// MinRenameConfidence is the least similarity (file name and page
// skeleton, 0–1) at which an orphan gets a rename suggestion that git's
// own rename history does not give.
const MinRenameConfidence = 0.6

// suggestRenames proposes, for each orphan, the source page it was most
// likely renamed to: the page git renamed its source to (followed to its
// name now), else, among sources missing a translation in its language,
// the most similar by file name and page skeleton, when at least
// MinRenameConfidence. Candidates come from an index of the words of
// their names; orphans are worked on concurrently, and a page is parsed
// only when its skeleton can still decide the answer: the score is
// 0.5×name + 0.5×skeleton and the skeleton is at most 1, so a name score
// caps the score before anything is parsed.
func (s *Site) suggestRenames(reports []PageReport, skel *skeletons) {
	files := map[string]site.File{}
	byReal := map[string]string{}
	for _, p := range s.pages {
		files[p.Path] = p.File
		if p.Lang == s.Layout.Source {
			byReal[p.Real] = p.Path
		}
	}
	srcDir := ""
	if l := s.Layout.Language(s.Layout.Source); l != nil {
		srcDir = l.ContentDir
	}
	// One index per language, in report order, made concurrently.
	var langs []string
	missing := map[string][]int{}
	for i, r := range reports {
		if r.State == PageMissing {
			if missing[r.Lang] == nil {
				langs = append(langs, r.Lang)
			}
			missing[r.Lang] = append(missing[r.Lang], i)
		}
	}
	made := make([]*renameIndex, len(langs))
	parallel(len(langs), s.jobs, func(l int) {
		ix := &renameIndex{words: map[string][]int{}, bases: map[string][]int{}}
		for _, i := range missing[langs[l]] {
			ix.add(reports[i].Source, files[reports[i].Source].Rel)
		}
		made[l] = ix
	})
	indexes := make(map[string]*renameIndex, len(langs))
	for l, lang := range langs {
		indexes[lang] = made[l]
	}
	var orphans []int
	for i := range reports {
		r := &reports[i]
		if r.State != PageOrphan {
			continue
		}
		orphan := files[r.Translation]
		if to := s.History.RenamedTo(path.Join(srcDir, orphan.Rel)); to != "" && byReal[to] != "" {
			r.RenamedTo, r.RenameConfidence = byReal[to], 1
			continue
		}
		orphans = append(orphans, i)
	}
	kept := s.loadProfiles()
	defer kept.save()
	profiles := &profileCache{kept: kept, parsed: skel, files: files, m: map[string]*lazyProfile{}}
	parallel(len(orphans), s.jobs, func(k int) {
		r := &reports[orphans[k]]
		ix := indexes[r.Lang]
		if ix == nil {
			return
		}
		orphan := files[r.Translation]
		// A page that existed before the source was deleted is not where
		// the source went.
		deleted := deletedAt(s.History, path.Join(srcDir, orphan.Rel))
		best, bestScore := "", 0.0
		bestAt := -1
		for _, c := range ix.candidates(orphan.Rel) {
			if c.bound < max(bestScore, MinRenameConfidence) {
				break // sorted by bound: no one left can win
			}
			cand := ix.paths[c.at]
			if deleted >= 0 && ix.addedAt(s.History, c.at, files[cand].Real) > deleted {
				continue
			}
			score := 0.5*c.name + 0.5*align.Similarity(profiles.of(r.Translation), profiles.of(cand))
			// The first candidate in page order wins a tie.
			if score > bestScore || score == bestScore && c.at < bestAt {
				best, bestScore, bestAt = cand, score, c.at
			}
		}
		if bestScore >= MinRenameConfidence {
			r.RenamedTo, r.RenameConfidence = best, math.Round(bestScore*100)/100
		}
	})
}

// renameIndex holds the sources missing a translation in one language,
// in report order, by the words of their names and by file name.
type renameIndex struct {
	paths  []string
	sizes  []int            // the number of words in each name
	words  map[string][]int // word → candidates whose name has it
	bases  map[string][]int // file name → candidates (no index pages)
	mu     gosync.Mutex
	added  []int // addedAt of each candidate, computed on first use
	addedK []bool
}

func (ix *renameIndex) add(p, rel string) {
	at := len(ix.paths)
	ix.paths = append(ix.paths, p)
	words := nameWords(rel)
	ix.sizes = append(ix.sizes, len(words))
	for _, w := range words {
		ix.words[w] = append(ix.words[w], at)
	}
	if b := path.Base(rel); b != "index.md" && b != "_index.md" {
		ix.bases[b] = append(ix.bases[b], at)
	}
	ix.added = append(ix.added, 0)
	ix.addedK = append(ix.addedK, false)
}

func (ix *renameIndex) addedAt(h *history.History, at int, real string) int {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if !ix.addedK[at] {
		ix.added[at], ix.addedK[at] = addedAt(h, real), true
	}
	return ix.added[at]
}

// renameCandidate is a source page whose name shares something with an
// orphan's: its index, its name score and the most its score can be.
type renameCandidate struct {
	at          int
	name, bound float64
}

// candidates are the sources that can reach MinRenameConfidence with
// rel's orphan, best bound first, then in report order. The name score
// is pathSimilarity's, computed from the index.
func (ix *renameIndex) candidates(rel string) []renameCandidate {
	common := map[int]int{}
	words := nameWords(rel)
	for _, w := range words {
		for _, at := range ix.words[w] {
			common[at]++
		}
	}
	same := map[int]bool{}
	if b := path.Base(rel); b != "index.md" && b != "_index.md" {
		for _, at := range ix.bases[b] {
			same[at] = true
			common[at] += 0 // listed even with no word in common
		}
	}
	var out []renameCandidate
	for at, n := range common {
		name := 0.0
		switch {
		case same[at]:
			name = 1
		case len(words)+ix.sizes[at] > 0:
			name = 2 * float64(n) / float64(len(words)+ix.sizes[at])
		}
		// Exactly the score's expression with a skeleton of 1, so that
		// bound >= score in floating point too.
		if bound := 0.5*name + 0.5*1.0; bound >= MinRenameConfidence {
			out = append(out, renameCandidate{at: at, name: name, bound: bound})
		}
	}
	slices.SortFunc(out, func(a, b renameCandidate) int {
		if c := cmp.Compare(b.bound, a.bound); c != 0 {
			return c
		}
		return a.at - b.at
	})
	return out
}

// profileCache parses each page once for its skeleton, whichever orphan
// asks first, unless the run made it already (parsed).
type profileCache struct {
	kept   *profiles  // skeletons by blob id, kept between runs
	parsed *skeletons // skeletons of the pages the run parsed
	files  map[string]site.File
	mu     gosync.Mutex
	m      map[string]*lazyProfile
}

type lazyProfile struct {
	once gosync.Once
	p    align.Profile
}

func (c *profileCache) of(p string) align.Profile {
	c.mu.Lock()
	lp := c.m[p]
	if lp == nil {
		lp = &lazyProfile{}
		c.m[p] = lp
	}
	c.mu.Unlock()
	lp.once.Do(func() { lp.p = c.kept.of(c.files[p], c.parsed.of) })
	return lp.p
}

// skeletons are the skeletons of the source pages that rename
// suggestions compare, made from the pages the run parses anyway:
// without them suggestRenames parsed some 2,600 pages of
// kubernetes/website a second time. A source is wanted when it misses
// its translation in a language with an orphan (a translation without a
// source), where a rename may be suggested.
type skeletons struct {
	want   map[*site.Entry]bool
	mu     gosync.Mutex
	byPath map[string]align.Profile
}

func skeletonsFor(pairs []site.Pair) *skeletons {
	orphaned := map[string]bool{}
	for _, p := range pairs {
		if p.Source == nil && p.Translation != nil {
			orphaned[p.Lang] = true
		}
	}
	k := &skeletons{want: map[*site.Entry]bool{}, byPath: map[string]align.Profile{}}
	for _, p := range pairs {
		if p.Source != nil && p.Translation == nil && orphaned[p.Lang] {
			k.want[p.Source] = true
		}
	}
	return k
}

// keep makes the skeleton of a wanted source page that was parsed.
func (k *skeletons) keep(src *lazyPage) {
	if k == nil || src == nil || src.page == nil || !k.want[src.info] {
		return
	}
	pr := align.ProfileOf(src.page.Doc)
	k.mu.Lock()
	k.byPath[src.info.Path] = pr
	k.mu.Unlock()
}

// of is the skeleton keep made of the page at path, if any.
func (k *skeletons) of(path string) (align.Profile, bool) {
	if k == nil {
		return nil, false
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	pr, ok := k.byPath[path]
	return pr, ok
}

// deletedAt is the log position (0 newest) of the commit that deleted the
// file at p, or -1 when history does not show it deleted.
func deletedAt(h *history.History, p string) int {
	vs := h.Versions(p)
	if len(vs) > 0 && vs[0].Blob == "" {
		return vs[0].Seq
	}
	return -1
}

// addedAt is the log position of the oldest version of the file at p
// (renames followed), or -1 when it is not committed.
func addedAt(h *history.History, p string) int {
	vs := h.Versions(p)
	if len(vs) == 0 {
		return -1
	}
	return vs[len(vs)-1].Seq
}

// pathSimilarity compares two page paths by the words of their names.
func pathSimilarity(a, b string) float64 {
	if path.Base(a) == path.Base(b) && path.Base(a) != "index.md" && path.Base(a) != "_index.md" {
		return 1
	}
	sa, sb := nameWords(a), nameWords(b)
	common := 0
	for _, w := range sa {
		if slices.Contains(sb, w) {
			common++
		}
	}
	if len(sa)+len(sb) == 0 {
		return 0
	}
	return 2 * float64(common) / float64(len(sa)+len(sb))
}

// nameWords are the distinct words of a page path without its extension,
// "index" left out.
func nameWords(p string) []string {
	p = strings.TrimSuffix(p, path.Ext(p))
	var words []string
	for _, w := range strings.FieldsFunc(p, func(r rune) bool { return r == '/' || r == '-' || r == '_' || r == '.' }) {
		if w != "index" && !slices.Contains(words, w) {
			words = append(words, w)
		}
	}
	return words
}
