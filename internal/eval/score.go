package main

import (
	"github.com/cnpe-i18n/cnpe-i18n/parse"
	"github.com/cnpe-i18n/cnpe-i18n/sync/align"
	"github.com/cnpe-i18n/cnpe-i18n/sync/change"
)

// truth is what a catch-up commit did to the units of the translation as
// it stood at the parent.
type truth struct {
	// Units are the parent translation's translatable units: the file-level
	// baseline flags them all.
	Units []string
	// Changed are those whose words the commit changed, or that it removed.
	Changed map[string]bool
	// English are the changed units whose English unit (aligned on the
	// English of the translation's previous version) had its words changed
	// or was removed by the parent: the edits the English drove.
	English map[string]bool
	// Inserted counts the translatable units the commit added.
	Inserted int
}

// commitTruth works out the truth of a catch-up from its four versions.
// The two versions of the translation are compared with the source diff
// (go-diff over text fingerprints, neighbours paired when alike): a
// translation diffed against itself needs no cross-language alignment.
func commitTruth(d catchUpDocs) truth {
	t := truth{Changed: map[string]bool{}, English: map[string]bool{}}
	for _, u := range d.TrBefore.Units {
		if u.Translatable {
			t.Units = append(t.Units, u.ID)
		}
	}
	diff := change.DiffSource(d.TrBefore, d.TrAfter)
	for _, c := range diff.Changes {
		if !wordChange(c) {
			continue
		}
		if c.Kind == change.Added {
			t.Inserted++
			continue
		}
		t.Changed[c.Before.ID] = true
	}
	if len(t.Changed) == 0 {
		return t
	}
	for id := range englishDriven(d, t.Changed) {
		t.English[id] = true
	}
	return t
}

// englishDriven returns the changed units whose English changed since the
// unit was translated. A unit was translated in the oldest of the
// translation's versions, going back without a gap, that has its words (a
// unit untouched by a later partial update keeps its older base); its
// English is the source aligned to it in that version, and it drove the
// edit when the parent's source changed or removed it.
func englishDriven(d catchUpDocs, changed map[string]bool) map[string]bool {
	earlier := d.Earlier
	if len(earlier) == 0 {
		earlier = []versionDocs{{Tr: d.TrBefore, Src: d.SrcPrev}}
	}
	byVersion := map[int]map[parse.Fingerprint][]string{} // version → words → unit IDs of TrBefore
	for _, u := range d.TrBefore.Units {
		if !changed[u.ID] {
			continue
		}
		k := 0
		for k+1 < len(earlier) && hasWords(earlier[k+1].Tr, u.Fingerprint) {
			k++
		}
		if byVersion[k] == nil {
			byVersion[k] = map[parse.Fingerprint][]string{}
		}
		byVersion[k][u.Fingerprint] = append(byVersion[k][u.Fingerprint], u.ID)
	}
	out := map[string]bool{}
	for k, fps := range byVersion {
		v := earlier[k]
		src := change.DiffSource(v.Src, d.SrcParent)
		for _, p := range align.Align(v.Src, v.Tr, align.Options{}) {
			driven := false
			for _, s := range p.Source {
				if c := src.ByBefore[s]; c != nil && (c.Kind == change.Prose || c.Kind == change.Removed) {
					driven = true
				}
			}
			if !driven {
				continue
			}
			for _, i := range p.Target {
				for _, id := range fps[v.Tr.Units[i].Fingerprint] {
					out[id] = true
				}
			}
		}
	}
	return out
}

// hasWords reports whether a translatable unit of doc has the words.
func hasWords(doc *parse.Document, fp parse.Fingerprint) bool {
	for _, u := range doc.Units {
		if u.Translatable && u.Fingerprint == fp {
			return true
		}
	}
	return false
}

// score counts one page's units: what the tool flagged against the truth,
// and the file-level baseline that flags every unit.
type score struct {
	Units    int // the baseline's flags
	Flagged  int // the tool's flags (stale and obsolete units)
	Changed  int // units the commit changed
	Hit      int // flagged and changed
	English  int // changed units the English drove
	EnHit    int // flagged and English-driven
	New      int // units the tool reports new
	Inserted int // units the commit added
	// Missed are the English-driven units the tool did not flag, in
	// order (for -v).
	Missed []string
}

func (s *score) add(o score) {
	s.Units += o.Units
	s.Flagged += o.Flagged
	s.Changed += o.Changed
	s.Hit += o.Hit
	s.English += o.English
	s.EnHit += o.EnHit
	s.New += o.New
	s.Inserted += o.Inserted
	s.Missed = append(s.Missed, o.Missed...)
}

// scoreUnits scores the translated unit IDs the tool flagged on a page.
func scoreUnits(flagged []string, newUnits int, t truth) score {
	s := score{Units: len(t.Units), Changed: len(t.Changed), English: len(t.English),
		New: newUnits, Inserted: t.Inserted}
	seen := map[string]bool{}
	for _, id := range flagged {
		if seen[id] {
			continue
		}
		seen[id] = true
		s.Flagged++
		if t.Changed[id] {
			s.Hit++
		}
		if t.English[id] {
			s.EnHit++
		}
	}
	for _, id := range t.Units {
		if t.English[id] && !seen[id] {
			s.Missed = append(s.Missed, id)
		}
	}
	return s
}

// ratio is a/b, or -1 when b is 0.
func ratio(a, b int) float64 {
	if b == 0 {
		return -1
	}
	return float64(a) / float64(b)
}

// Precision, recall and their English-driven and baseline forms.
func (s score) precision() float64         { return ratio(s.Hit, s.Flagged) }
func (s score) recall() float64            { return ratio(s.Hit, s.Changed) }
func (s score) englishRecall() float64     { return ratio(s.EnHit, s.English) }
func (s score) baselinePrecision() float64 { return ratio(s.Changed, s.Units) }
