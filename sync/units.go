package sync

import (
	"sort"
	"strings"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
	"github.com/cnpe-i18n/cnpe-i18n/sync/align"
	"github.com/cnpe-i18n/cnpe-i18n/sync/change"
	"github.com/cnpe-i18n/cnpe-i18n/sync/edit"
)

// unitStates compares the base and current source and carries each
// change to the translated units aligned with the base.
func unitStates(base, cur, tr *parse.Document, current bool) []UnitReport {
	units := []UnitReport{}
	if current {
		return units
	}
	diff := change.DiffSource(base, cur)
	if !diff.NeedsAlignment() {
		return units
	}
	pairs := align.Align(base, tr, align.Options{})
	for _, p := range pairs {
		if len(p.Target) == 0 {
			continue
		}
		state, kind, ch := UnitCurrent, change.Unchanged, (*change.Change)(nil)
		removed := 0
		for _, bi := range p.Source {
			c := diff.ByBefore[bi]
			if c == nil {
				continue
			}
			switch c.Kind {
			case change.Prose:
				state, kind, ch = UnitStale, change.Prose, c
			case change.Mechanical:
				if state == UnitCurrent && !edit.Carried(c, tr, p.Target) {
					state, kind, ch = UnitMechanical, change.Mechanical, c
				}
			case change.Removed:
				removed++
				if ch == nil {
					ch = c
				}
			}
		}
		if removed > 0 && removed == len(p.Source) {
			state, kind = UnitObsolete, change.Removed
		}
		if state == UnitCurrent {
			continue
		}
		units = append(units, unitReport(tr, p.Target, state, kind, ch))
	}
	for _, c := range diff.Changes {
		if c.Kind != change.Added || !c.After.Translatable {
			continue
		}
		a := c.After
		units = append(units, UnitReport{ID: a.ID, State: UnitNew, Change: change.Added, Kind: a.Kind,
			SourceID: a.ID, SourceLine: a.Line, SourceAfter: a.Text})
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
		}
		if c.After != nil {
			u.SourceAfter = c.After.Text
			u.SourceLine = c.After.Line
			u.SourceID = c.After.ID
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
