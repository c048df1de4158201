package sync

import (
	"context"
	"slices"

	"github.com/cnpe-i18n/cnpe-i18n/glossary"
	"github.com/cnpe-i18n/cnpe-i18n/sync/change"
	"github.com/cnpe-i18n/cnpe-i18n/sync/history"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

// filterSince keeps what the change set does to translations: units whose
// source changed since the change set's ref, pages whose source it added
// (missing translations) or removed (orphans).
func (s *Site) filterSince(reports []PageReport, cs *history.ChangeSet) []PageReport {
	realOf := map[string]string{}
	for _, p := range s.pages {
		realOf[p.Path] = p.Real
	}
	var srcPaths []string
	for _, r := range reports {
		if r.Source != "" {
			srcPaths = append(srcPaths, realOf[r.Source])
		}
	}
	slices.Sort(srcPaths)
	refBlobs := history.BlobsAt(context.Background(), s.Layout.Root, cs.Ref, slices.Compact(slices.DeleteFunc(srcPaths, func(p string) bool { return p == "" })))
	type changed struct{ after, removed map[string]bool }
	bySource := map[string]changed{}
	changesOf := func(src string) changed {
		if c, ok := bySource[src]; ok {
			return c
		}
		c := changed{after: map[string]bool{}, removed: map[string]bool{}}
		bySource[src] = c
		cur, err := s.loadPath(src)
		if err != nil {
			return c
		}
		var before *parse.Document
		if blob := refBlobs[realOf[src]]; blob != "" && s.History != nil {
			vs := s.newVersions()
			before = vs.doc(blob, src)
		}
		if before == nil {
			// New since ref: every unit is new.
			for _, u := range cur.Doc.Units {
				c.after[u.Text] = true
			}
			return c
		}
		for _, ch := range change.DiffSource(before, cur.Doc).Changes {
			switch ch.Kind {
			case change.Prose, change.Mechanical, change.Added, change.Moved:
				c.after[ch.After.Text] = true
			case change.Removed:
				c.removed[ch.Before.Text] = true
			}
		}
		return c
	}
	var out []PageReport
	for _, r := range reports {
		switch r.State {
		case PageMissing:
			if cs.Added[realOf[r.Source]] || cs.Added[r.Source] {
				out = append(out, r)
			}
			continue
		case PageOrphan:
			out = append(out, r) // its source is gone; the change set may be why
			continue
		}
		if r.Source == "" {
			continue
		}
		c := changesOf(r.Source)
		var units []UnitReport
		for _, u := range r.Units {
			if c.after[u.SourceAfter] || (u.State == UnitObsolete && c.removed[u.SourceBefore]) {
				units = append(units, u)
			}
		}
		if len(units) == 0 {
			continue
		}
		r.Units = units
		// Terminology findings in the changed units only.
		var terms []glossary.Finding
		for _, f := range r.Glossary {
			for _, u := range units {
				if u.Line > 0 && f.Line >= u.Line && f.Line <= u.EndLine {
					terms = append(terms, f)
					break
				}
			}
		}
		r.Glossary = terms
		r.Words = 0
		for _, u := range units {
			if u.State == UnitStale || u.State == UnitNew {
				r.Words += change.CountWords(u.SourceAfter)
			}
		}
		out = append(out, r)
	}
	return out
}
