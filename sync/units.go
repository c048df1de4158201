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
// from that base. The source of the last sync is aligned with the
// translation as the sync left it (see syncPairs); a unit kept from an
// older base reaches its own base's change through the current source
// unit it renders. A unit changed since the sync is aligned through its
// own base. Source units added since the last sync are new unless a unit
// translated from a later base renders them (then an alignment with the
// current source tells; it is needed only when some unit changed after
// the sync).
func unitStates(p *provenance, cur, tr *parse.Document) []UnitReport {
	units := []UnitReport{}
	diffs := make([]*change.SourceDiff, len(p.bases))
	needStates := false
	for k, b := range p.bases {
		if !b.current {
			diffs[k] = p.vs.kinds(b.doc, cur)
			needStates = needStates || diffs[k].NeedsAlignment()
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
	synced := p.bases[p.synced]
	curIndex := make(map[*parse.Unit]int, len(cur.Units))
	for i := range cur.Units {
		curIndex[&cur.Units[i]] = i
	}
	// nowOf is the current source unit a unit of the synced source is (nil
	// when removed since).
	nowOf := func(si int) *parse.Unit {
		if synced.current {
			return &cur.Units[si]
		}
		if c := diffs[p.synced].ByBefore[si]; c != nil {
			return c.After
		}
		return nil
	}
	var pairs []align.Pair // the synced source with the translation
	var loose map[int]bool // units changed since the sync: their words match nothing in the translation as the sync left it
	if needStates {
		pairs, loose = p.syncPairs(synced.doc, tr)
		for _, pair := range pairs {
			for _, k := range basesOf(p, pair.Target) {
				d := diffs[k]
				if d == nil || !d.NeedsAlignment() {
					continue
				}
				var targets []int
				for _, t := range pair.Target {
					if p.of[t] == k {
						targets = append(targets, t)
					}
				}
				changes := make([]*change.Change, len(pair.Source))
				for n, si := range pair.Source {
					switch now := nowOf(si); {
					case k == p.synced:
						changes[n] = d.ByBefore[si]
					case now == nil:
						changes[n] = &change.Change{Kind: change.Removed, Before: &synced.doc.Units[si]}
					default:
						changes[n] = d.ByAfter[curIndex[now]]
					}
				}
				units = p.appendState(units, k, changes, tr, targets)
			}
		}
	}
	units = append(units, p.looseStates(loose, diffs, tr)...)
	units = append(units, newStates(p, cur, tr, added, diffs)...)
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
	insertionLines(units, cur, tr, synced.doc, pairs, diffs[p.synced])
	return units
}

// looseStates are the states of the units changed since the sync (loose):
// they are in no pair of the sync's source, so each base of theirs is
// aligned with the translation now (which they are part of), and gives
// them its changes.
func (p *provenance) looseStates(loose map[int]bool, diffs []*change.SourceDiff, tr *parse.Document) []UnitReport {
	var units []UnitReport
	var ks []int
	for t := range loose {
		if k := p.of[t]; k >= 0 && !slices.Contains(ks, k) {
			ks = append(ks, k)
		}
	}
	slices.Sort(ks)
	for _, k := range ks {
		d := diffs[k]
		if d == nil || !d.NeedsAlignment() {
			continue
		}
		mine := func(t int) bool { return loose[t] && p.of[t] == k }
		for _, pair := range align.Align(p.bases[k].doc, tr, align.Options{Cache: &p.vs.aligns, Only: mine}) {
			var targets []int
			for _, t := range pair.Target {
				if mine(t) {
					targets = append(targets, t)
				}
			}
			if len(targets) == 0 {
				continue
			}
			changes := make([]*change.Change, len(pair.Source))
			for n, si := range pair.Source {
				changes[n] = d.ByBefore[si]
			}
			units = p.appendState(units, k, changes, tr, targets)
		}
	}
	return units
}

// newStates are the source units added since the sync (added) that no
// unit translated from a later base renders: an alignment with the
// current source tells, needed only when some unit changed after the
// sync.
func newStates(p *provenance, cur, tr *parse.Document, added []*change.Change, diffs []*change.SourceDiff) []UnitReport {
	var units []UnitReport
	covered := map[*parse.Unit]bool{} // current source units rendered by a unit of a later base
	if len(added) > 0 && len(p.bases) > 1 && slices.Contains(p.later, true) {
		// A unit as old as the sync, or older, was translated before
		// the source units added since.
		later := func(t int) bool { return p.of[t] != p.synced && (t >= len(p.later) || p.later[t]) }
		for _, pair := range align.Align(cur, tr, align.Options{Cache: &p.vs.aligns, Only: later}) {
			for _, t := range pair.Target {
				if !later(t) {
					continue
				}
				k := p.of[t]
				for _, ci := range pair.Source {
					if c := diffs[k]; c == nil || c.ByAfter[ci] != nil && c.ByAfter[ci].Kind != change.Added {
						covered[&cur.Units[ci]] = true
					}
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
	return units
}

// appendState appends the state of translated units (targets, made from
// base k) whose source units changed as changes say, if any.
func (p *provenance) appendState(units []UnitReport, k int, changes []*change.Change, tr *parse.Document, targets []int) []UnitReport {
	if u, ok := unitState(p.vs, changes, tr, targets); ok {
		u.Base = p.unitBase(k, targets)
		units = append(units, u)
	}
	return units
}

// syncPairs aligns the source of the last page sync with the translation
// as the sync left it: the translator made that version from that source,
// so it follows it (the translation now may not: sections moved since to
// follow a later source pair by where they stand, not by what they say).
// The units are carried to the translation now by their words
// (matchWords); the units changed since the sync are in no pair and are
// returned as loose. Without an older version of the sync (the sync is
// the translation now, or the pin), the translation now is aligned.
func (p *provenance) syncPairs(src, tr *parse.Document) (pairs []align.Pair, loose map[int]bool) {
	opts := align.Options{Cache: &p.vs.aligns}
	var then *parse.Document
	if p.syncTr != nil {
		then = p.syncTr()
	}
	if then == nil || then == tr {
		return align.Align(src, tr, opts), nil
	}
	all := make([]int, len(tr.Units))
	for i := range all {
		all[i] = i
	}
	match := matchWords(p.vs, tr, then, all) // unit now → unit then
	now := make([]int, len(then.Units))
	for j := range now {
		now[j] = -1
	}
	loose = map[int]bool{}
	for i, j := range match {
		if j >= 0 {
			now[j] = i
		} else {
			loose[i] = true
		}
	}
	for _, pair := range align.Align(src, then, opts) {
		var targets []int
		for _, t := range pair.Target {
			if now[t] >= 0 {
				targets = append(targets, now[t])
			}
		}
		if len(targets) == 0 && len(pair.Target) > 0 {
			continue // its translation changed since: loose units tell
		}
		slices.Sort(targets)
		pairs = append(pairs, align.Pair{Source: pair.Source, Target: targets})
	}
	return pairs, loose
}

// unitState is the state of translated units (targets) from the changes
// of the source units they render, since their base (nil: unchanged);
// ok is false when they are current.
func unitState(vs *versions, changes []*change.Change, tr *parse.Document, targets []int) (UnitReport, bool) {
	state, kind, ch := UnitCurrent, change.Unchanged, (*change.Change)(nil)
	removed, structure := 0, 0
	for _, c := range changes {
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
			if !c.Before.Translatable {
				structure++
			}
			if ch == nil {
				ch = c
			}
		}
	}
	switch {
	case removed > 0 && removed == len(changes) && structure == removed:
		// Code, a shortcode line or markup with no words the source
		// removed: the translation follows it without a translator.
		state, kind = UnitMechanical, change.Removed
	case removed > 0 && removed == len(changes):
		state, kind = UnitObsolete, change.Removed
	}
	if state == UnitCurrent {
		return UnitReport{}, false
	}
	return unitReport(vs, tr, targets, state, kind, ch), true
}

// basesOf are the bases of the translated units, each once, in order.
func basesOf(p *provenance, targets []int) []int {
	var ks []int
	for _, t := range targets {
		if k := p.of[t]; k >= 0 && !slices.Contains(ks, k) {
			ks = append(ks, k)
		}
	}
	return ks
}

func unitReport(vs *versions, tr *parse.Document, targets []int, state UnitState, kind change.ChangeKind, c *change.Change) UnitReport {
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
		if kind == change.Prose && u.Words == nil && c.Before != nil && c.After != nil {
			u.Words = vs.wordDiff(c, false)
		}
		if kind == change.Mechanical && c.Before != nil && c.After != nil {
			// Show the markup that changed: link targets, code.
			u.Words = vs.wordDiff(c, true)
		}
	}
	return u
}

// untranslatedUnits aligns the current source with a translation whose
// base is unknown and lists the translatable source units with no
// counterpart.
func untranslatedUnits(src, tr *parse.Document) []UnitReport {
	units := []UnitReport{}
	pairs := align.Align(src, tr, align.Options{})
	for _, p := range pairs {
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
	insertionLines(units, src, tr, nil, pairs, nil)
	return units
}
