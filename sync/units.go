package sync

import (
	"slices"
	"sort"
	"strings"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
	"github.com/cnpe-i18n/cnpe-i18n/sync/align"
	"github.com/cnpe-i18n/cnpe-i18n/sync/change"
	"github.com/cnpe-i18n/cnpe-i18n/sync/edit"
)

// unitStates compares each base of the translation's units with the
// current source and carries the changes to the translated units made
// from that base (aligned with it). Source units added since the last
// page sync are new unless a unit translated from another base renders
// them.
func unitStates(p *provenance, cur, tr *parse.Document) []UnitReport {
	units := []UnitReport{}
	diffs := make([]*change.SourceDiff, len(p.bases))
	for k, b := range p.bases {
		if !b.current {
			diffs[k] = change.DiffSource(b.doc, cur)
		}
	}
	var added []*change.Change
	if d := diffs[p.synced]; d != nil {
		for _, c := range d.Changes {
			if c.Kind == change.Added && c.After.Translatable {
				added = append(added, c)
			}
		}
	}
	covered := map[*parse.Unit]bool{} // current source units rendered by a unit of another base
	for k, b := range p.bases {
		d := diffs[k]
		needStates := d != nil && d.NeedsAlignment()
		needCover := len(added) > 0 && k != p.synced
		if !needStates && !needCover {
			continue
		}
		for _, pair := range align.Align(b.doc, tr, align.Options{}) {
			var targets []int
			for _, t := range pair.Target {
				if p.of[t] == k {
					targets = append(targets, t)
				}
			}
			if len(targets) == 0 {
				continue
			}
			if needCover {
				for _, si := range pair.Source {
					if d == nil {
						covered[&cur.Units[si]] = true
					} else if c := d.ByBefore[si]; c != nil && c.After != nil {
						covered[c.After] = true
					}
				}
			}
			if needStates {
				if u, ok := unitState(d, pair.Source, tr, targets); ok {
					u.Base = p.unitBase(k, targets)
					units = append(units, u)
				}
			}
		}
	}
	for _, c := range added {
		if covered[c.After] {
			continue
		}
		a := c.After
		units = append(units, UnitReport{ID: a.ID, State: UnitNew, Change: change.Added, Kind: a.Kind,
			SourceID: a.ID, SourceLine: a.Line, SourceAfter: a.Text, SourceFingerprint: a.Fingerprint})
	}
	if len(p.reviewed) > 0 {
		units = slices.DeleteFunc(units, func(u UnitReport) bool { return p.reviewed[u.SourceFingerprint.String()] })
	}
	sort.SliceStable(units, func(i, j int) bool {
		a, b := units[i], units[j]
		la, lb := a.Line, b.Line
		if la == 0 {
			la = a.SourceLine
		}
		if lb == 0 {
			lb = b.SourceLine
		}
		return la < lb
	})
	return units
}

// unitState is the state of translated units (targets) aligned with base
// source units (sources), given the diff from that base to now; ok is
// false when they are current.
func unitState(diff *change.SourceDiff, sources []int, tr *parse.Document, targets []int) (UnitReport, bool) {
	state, kind, ch := UnitCurrent, change.Unchanged, (*change.Change)(nil)
	removed := 0
	for _, bi := range sources {
		c := diff.ByBefore[bi]
		if c == nil {
			continue
		}
		switch c.Kind {
		case change.Prose:
			state, kind, ch = UnitStale, change.Prose, c
		case change.Mechanical:
			if state == UnitCurrent && !edit.Carried(c, tr, targets) {
				state, kind, ch = UnitMechanical, change.Mechanical, c
			}
		case change.Removed:
			removed++
			if ch == nil {
				ch = c
			}
		}
	}
	if removed > 0 && removed == len(sources) {
		state, kind = UnitObsolete, change.Removed
	}
	if state == UnitCurrent {
		return UnitReport{}, false
	}
	return unitReport(tr, targets, state, kind, ch), true
}

func unitReport(tr *parse.Document, targets []int, state UnitState, kind change.ChangeKind, c *change.Change) UnitReport {
	first, last := &tr.Units[targets[0]], &tr.Units[targets[len(targets)-1]]
	var text strings.Builder
	for k, i := range targets {
		if k > 0 {
			text.WriteString("\n\n")
		}
		text.WriteString(tr.Units[i].Text)
	}
	u := UnitReport{ID: first.ID, State: state, Change: kind, Kind: first.Kind,
		Line: first.Line, EndLine: last.EndLine, Text: text.String()}
	if c != nil {
		if c.Before != nil {
			u.SourceBefore = c.Before.Text
			u.SourceLine = c.Before.Line
			u.SourceID = c.Before.ID
			u.SourceFingerprint = c.Before.Fingerprint
		}
		if c.After != nil {
			u.SourceAfter = c.After.Text
			u.SourceLine = c.After.Line
			u.SourceID = c.After.ID
			u.SourceFingerprint = c.After.Fingerprint
		}
		u.Words = c.Words
		if kind == change.Mechanical && c.Before != nil && c.After != nil {
			// Show the markup that changed: link targets, code.
			u.Words = change.WordDiff(c.Before.Text, c.After.Text)
		}
	}
	return u
}

// untranslatedUnits aligns the current source with a translation whose
// base is unknown and lists the translatable source units with no
// counterpart.
func untranslatedUnits(src, tr *parse.Document) []UnitReport {
	units := []UnitReport{}
	for _, p := range align.Align(src, tr, align.Options{}) {
		if len(p.Target) > 0 {
			continue
		}
		for _, i := range p.Source {
			u := &src.Units[i]
			if !u.Translatable || u.Kind == parse.FrontMatter {
				continue
			}
			units = append(units, UnitReport{ID: u.ID, State: UnitUntranslated, Kind: u.Kind,
				SourceID: u.ID, SourceLine: u.Line, SourceAfter: u.Text})
		}
	}
	return units
}
