package sync

import (
	"math"
	"path"
	"strings"

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
// MinRenameConfidence. Only these pages are parsed again.
func (s *Site) suggestRenames(reports []PageReport) {
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
	profiles := map[string]align.Profile{}
	kept := s.loadProfiles()
	defer kept.save()
	profileOf := func(p string) align.Profile {
		if pr, ok := profiles[p]; ok {
			return pr
		}
		pr := kept.of(files[p])
		profiles[p] = pr
		return pr
	}
	added := map[string]int{} // addedAt by path: each candidate is asked for once per orphan
	addedOf := func(p string) int {
		a, ok := added[p]
		if !ok {
			a = addedAt(s.History, p)
			added[p] = a
		}
		return a
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
		if to := s.History.RenamedTo(path.Join(srcDir, orphan.Rel)); to != "" && byReal[to] != "" {
			r.RenamedTo, r.RenameConfidence = byReal[to], 1
			continue
		}
		// A page that existed before the source was deleted is not where
		// the source went.
		deleted := deletedAt(s.History, path.Join(srcDir, orphan.Rel))
		op := profileOf(r.Translation)
		best, bestScore := "", 0.0
		for _, cand := range missing[r.Lang] {
			if deleted >= 0 && addedOf(files[cand].Real) > deleted {
				continue
			}
			pathScore := pathSimilarity(orphan.Rel, files[cand].Rel)
			if pathScore == 0 && len(missing[r.Lang]) > 50 {
				continue // many candidates: only those with a name in common
			}
			score := 0.5*pathScore + 0.5*align.Similarity(op, profileOf(cand))
			if score > bestScore {
				best, bestScore = cand, score
			}
		}
		if bestScore >= MinRenameConfidence {
			r.RenamedTo, r.RenameConfidence = best, math.Round(bestScore*100)/100
		}
	}
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
