package sync

import (
	"sort"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
	"github.com/cnpe-i18n/cnpe-i18n/sync/align"
	"github.com/cnpe-i18n/cnpe-i18n/sync/change"
)

// insertionLines gives each new and untranslated unit the line of the
// translation after which it goes, as its Line and EndLine: the last line
// of the translated unit that renders the nearest body unit above it in
// the source, or, when no unit above has a translation, the last line of
// the translation's front matter (0 without front matter: the top of the
// file). Then units are ordered by those lines.
//
// Which translated unit renders a source unit comes from the reported
// units' own lines, then from aligning the translation with base, the
// source it was last synced with (units that base and the current source
// share keep their pairing), or with the current source when base is nil.
// pairs is that alignment and d the diff of base with the current source
// when the caller has them; nil computes them, only if a unit needs it.
func insertionLines(units []UnitReport, cur, tr, base *parse.Document, pairs []align.Pair, d *change.SourceDiff) {
	need := false
	for _, u := range units {
		need = need || isInsertion(u)
	}
	if !need {
		return
	}
	from := cur
	if base != nil {
		from = base
	}
	if pairs == nil {
		pairs = align.Align(from, tr, align.Options{})
	}
	// now is the current source unit a unit of from is.
	now := func(i int) *parse.Unit { return &cur.Units[i] }
	if base != nil && base != cur {
		if d == nil {
			d = change.DiffKinds(base, cur)
		}
		now = func(i int) *parse.Unit {
			if c := d.ByBefore[i]; c != nil {
				return c.After
			}
			return nil
		}
	}
	// after maps a source line (a unit's first line now) to the last
	// translated line that renders it.
	after := map[int]int{}
	for _, pair := range pairs {
		if len(pair.Target) == 0 {
			continue
		}
		end := tr.Units[pair.Target[len(pair.Target)-1]].EndLine
		for _, i := range pair.Source {
			if u := now(i); u != nil {
				after[u.Line] = end
			}
		}
	}
	for _, u := range units {
		if !isInsertion(u) && u.State != UnitObsolete && u.Line > 0 && u.SourceLine > 0 {
			after[u.SourceLine] = max(u.Line, u.EndLine)
		}
	}
	for _, u := range units {
		if isInsertion(u) {
			delete(after, u.SourceLine) // not translated: no anchor
		}
	}
	top := 0
	if tr.FrontMatter.Format != parse.NoFrontMatter && tr.FrontMatter.End > 0 && tr.Lines != nil {
		top = tr.Lines.Line(tr.FrontMatter.End - 1)
	}
	for i, u := range units {
		if !isInsertion(u) {
			continue
		}
		line := top
		for _, s := range cur.Units {
			if s.Line >= u.SourceLine {
				break
			}
			if end, ok := after[s.Line]; ok && s.Kind != parse.FrontMatter {
				line = max(end, top)
			}
		}
		units[i].Line, units[i].EndLine = line, line
	}
	// In the translation's order, a new unit after the unit it follows.
	sort.SliceStable(units, func(i, j int) bool { return units[i].Line < units[j].Line })
}

func isInsertion(u UnitReport) bool { return u.State == UnitNew || u.State == UnitUntranslated }
