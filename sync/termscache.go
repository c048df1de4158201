package sync

import (
	"encoding/json"
	"strconv"
	gosync "sync"

	"github.com/cnpe-i18n/cnpe-i18n/glossary"
	"github.com/cnpe-i18n/cnpe-i18n/internal/cache"
	"github.com/cnpe-i18n/cnpe-i18n/sync/site"
)

const kindTerms = "terms"

// TermFindings checks every translation in scope against g
// (ForEachAligned, then CheckTerms), unsorted. With a cache, the
// findings of a translation are kept under a key of everything its
// alignment is made from (as groupKey), so a warm run reads no page
// that has not changed.
func (s *Site) TermFindings(opts Options, g *glossary.Glossary) []glossary.Finding {
	var (
		mu       gosync.Mutex
		findings []glossary.Finding
		matchers = map[string]*glossary.Matcher{}
	)
	matcher := func(lang string) *glossary.Matcher {
		mu.Lock()
		defer mu.Unlock()
		m := matchers[lang]
		if m == nil {
			m = g.Matcher(lang)
			matchers[lang] = m
		}
		return m
	}
	add := func(fs []glossary.Finding) {
		mu.Lock()
		findings = append(findings, fs...)
		mu.Unlock()
	}
	if s.cache == nil {
		s.ForEachAligned(opts, func(a AlignedPage) { add(CheckTerms(matcher(a.Lang), a)) })
		return findings
	}
	// The history a key needs is read before the keys are made (as
	// ForEachAligned would).
	var base string
	keyed := false
	type pending struct {
		key  cache.Key
		data []byte // the findings in JSON
	}
	var (
		fresh  []pending
		keys   = map[string]cache.Key{}
		keysMu gosync.Mutex
	)
	s.forEachPair(opts, func() {
		base, keyed = s.termsKeyBase(g)
	}, func(p site.Pair) bool {
		if !keyed {
			return false
		}
		k, ok := s.groupKey(base, []site.Pair{p}, []int{0})
		if !ok {
			return false
		}
		if data, hit := s.cache.Get(kindTerms, k); hit {
			var fs []glossary.Finding
			if json.Unmarshal(data, &fs) == nil {
				add(fs)
				return true
			}
		}
		keysMu.Lock()
		keys[p.Translation.Path] = k
		keysMu.Unlock()
		return false
	}, func(a AlignedPage) {
		fs := CheckTerms(matcher(a.Lang), a)
		add(fs)
		keysMu.Lock()
		k, ok := keys[a.Translation.Path]
		keysMu.Unlock()
		if !ok {
			return
		}
		// Encoded here, on the page's goroutine, while the others work.
		if data, err := json.Marshal(fs); err == nil {
			keysMu.Lock()
			fresh = append(fresh, pending{k, data})
			keysMu.Unlock()
		}
	})
	// The entries are written once every page is done (a blob found
	// missing on any page keeps them all out), on as many goroutines as
	// the pages were: one file each, most of it system calls, which one
	// goroutine made the run's tail (some 0.2 s of CPU on
	// kubernetes/website's ko pages).
	if s.missingBlobs.Load() == 0 && len(s.Problems()) == 0 {
		parallel(len(fresh), s.jobs, func(i int) {
			s.cache.Put(kindTerms, fresh[i].key, fresh[i].data)
		})
	}
	return findings
}

// termsKeyBase is groupKeyBase for a glossary check.
func (s *Site) termsKeyBase(g *glossary.Glossary) (string, bool) {
	gd := digest(g)
	if gd == "" {
		return "", false
	}
	b, ok := s.groupKeyBase(nil, nil)
	// Bases found without the source's history may differ.
	k := cache.KeyOf(kindTerms, b, gd, strconv.FormatBool(s.trHistoryOnly))
	return string(k[:]), ok
}
