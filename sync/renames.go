package sync

import (
	"path"
	"strings"

	"github.com/cnpe-i18n/cnpe-i18n/sync/align"
	"github.com/cnpe-i18n/cnpe-i18n/sync/site"
)

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
