package main

import (
	"math/rand/v2"
	"sort"
)

// sample picks up to max candidates spread evenly over the languages:
// each language's candidates are shuffled with a fixed seed and taken in
// turn, one language after another, keeping those keep accepts (keep
// reads and parses the versions, so it is called only until enough are
// found). max ≤ 0 keeps every confirmed candidate.
func sample(cands []candidate, max int, seed uint64, keep func(candidate) bool) []candidate {
	byLang := map[string][]candidate{}
	var langs []string
	for _, c := range cands {
		if byLang[c.Lang] == nil {
			langs = append(langs, c.Lang)
		}
		byLang[c.Lang] = append(byLang[c.Lang], c)
	}
	sort.Strings(langs)
	rng := rand.New(rand.NewPCG(seed, 0))
	for _, l := range langs {
		cs := byLang[l]
		rng.Shuffle(len(cs), func(i, j int) { cs[i], cs[j] = cs[j], cs[i] })
	}
	var out []candidate
	for len(langs) > 0 && (max <= 0 || len(out) < max) {
		var left []string
		for _, l := range langs {
			if max > 0 && len(out) >= max {
				break
			}
			cs := byLang[l]
			for len(cs) > 0 {
				c := cs[0]
				cs = cs[1:]
				if keep(c) {
					out = append(out, c)
					break
				}
			}
			byLang[l] = cs
			if len(cs) > 0 {
				left = append(left, l)
			}
		}
		langs = left
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Seq < out[j].Seq })
	return out
}
