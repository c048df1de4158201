package render

import (
	"cmp"
	"slices"
)

// ranked returns the findings in the order they matter: warnings before
// notes; among them, each file's first finding before any file's second,
// so that a capped list covers as many pages as it can; then by rule
// (stale units first), keeping the report's order otherwise.
func ranked(fs []Finding) []Finding {
	order := map[string]int{}
	for i, r := range rules {
		order[r.id] = i
	}
	type item struct {
		f           Finding
		weight, nth int
		rule        int
	}
	seen := map[[2]string]int{}
	items := make([]item, len(fs))
	for i, f := range fs {
		w := 1
		if f.level() == "warning" {
			w = 0
		}
		key := [2]string{f.level(), f.File}
		items[i] = item{f, w, seen[key], order[f.Rule]}
		seen[key]++
	}
	slices.SortStableFunc(items, func(a, b item) int {
		return cmp.Or(cmp.Compare(a.weight, b.weight), cmp.Compare(a.nth, b.nth), cmp.Compare(a.rule, b.rule))
	})
	out := make([]Finding, len(items))
	for i, it := range items {
		out[i] = it.f
	}
	return out
}
