package sync

import (
	"unicode"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
	"github.com/cnpe-i18n/cnpe-i18n/sync/align"
	"github.com/cnpe-i18n/cnpe-i18n/sync/change"
	"github.com/cnpe-i18n/cnpe-i18n/sync/history"
)

// A translation merged some time after it was begun carries the source
// its translator began from, not the one in the tree of the merge: the
// source may have changed while the pull request was open (squash merges
// leave no trace of the branch). Where a page sync's verbatim skeleton
// (links, code, shortcodes, numbers and, in a translation into a script
// other than Latin, the Latin words it kept) agrees with an older source
// version and not with the one in the tree, the older one is its base.
const (
	// olderWindow is how long before the sync the source version in its
	// tree may have appeared for an older one to be considered: about how
	// long a translation's pull request stays open.
	olderWindow = 60 * 24 * 60 * 60
	// olderSteps is the most source versions stepped back.
	olderSteps = 3
	// minVotes is the fewest verbatim parts of a translation that only
	// the older source has for it to be taken: one number or name can
	// agree by chance.
	minVotes = 2
)

// olderSource returns the source version a page sync was made from when
// its skeleton says it is older than b, the source in the tree of the
// sync's commit (nil otherwise). trDoc is the translation as the sync
// left it; at is the sync's commit time.
func olderSource(vs *versions, sv []history.Version, b *unitBase, trDoc *parse.Document, at int64) *unitBase {
	j := -1
	for i, v := range sv {
		if v.Blob == b.blob {
			j = i
			break
		}
	}
	if j < 0 || b.pin {
		return nil
	}
	if j+1 >= len(sv) || at-sv[j].Time > olderWindow {
		return nil
	}
	newer := vs.doc(sv[j].Blob, sv[j].Path)
	if newer == nil {
		return nil
	}
	latin := mostlyLatin(trDoc)
	t, nsk := skeletonOf(trDoc, latin), skeletonOf(newer, latin)
	var found *history.Version
	for step := 0; step < olderSteps && j+1 < len(sv) && at-sv[j].Time <= olderWindow; step++ {
		if !t.holdsBeyond(nsk) {
			break // no older version can win: none is read
		}
		older := vs.doc(sv[j+1].Blob, sv[j+1].Path)
		if older == nil {
			break
		}
		keys := changedAnchors(vs.kinds(older, newer), latin)
		osk := skeletonOf(older, latin)
		if len(keys) == 0 || !t.closer(osk, nsk, keys) {
			break
		}
		found, newer, nsk = &sv[j+1], older, osk
		j++
	}
	if found == nil {
		return nil
	}
	return &unitBase{blob: found.Blob, path: found.Path, commit: found.Commit, confidence: b.confidence}
}

// skeleton counts what a translation keeps verbatim from its source:
// an align.Profile of anchors only (no unit kinds), with shortcodes, and
// with Latin words when the translation is in another script.
type skeleton align.Profile

func skeletonOf(doc *parse.Document, latin bool) skeleton {
	s := skeleton{}
	for i := range doc.Units {
		if doc.Units[i].Kind != parse.FrontMatter {
			unitSkeleton(s, &doc.Units[i], latin)
		}
	}
	return s
}

// unitSkeleton adds a unit's verbatim parts to s.
func unitSkeleton(s skeleton, u *parse.Unit, latin bool) skeleton {
	align.Profile(s).AddAnchors(u, align.Anchors{Shortcodes: true, Words: !latin})
	return s
}

// holdsBeyond reports whether t holds at least minVotes keys that
// newer has none of: only such keys can vote for an older version, so
// without them no older version needs to be read.
func (t skeleton) holdsBeyond(newer skeleton) bool {
	n := 0
	for k := range t {
		if newer[k] == 0 {
			if n++; n >= minVotes {
				return true
			}
		}
	}
	return false
}

// closer reports whether t, a translation's skeleton, holds more of
// keys that only older has than keys that only newer has. Only what the
// translation holds counts: what it lacks may be text it has not got
// (an English word a translation does not keep, a sentence left out).
func (t skeleton) closer(older, newer skeleton, keys map[string]bool) bool {
	forOlder, forNewer := 0, 0
	for k := range keys {
		switch o, n := older[k], newer[k]; {
		case t[k] == 0:
		case o > 0 && n == 0:
			forOlder++
		case n > 0 && o == 0:
			forNewer++
		}
	}
	return forOlder >= minVotes && forOlder > forNewer
}

// changedAnchors are the skeleton keys of what a source change replaced
// in units it kept (edited, not added or removed): a link retargeted,
// code rewritten, a name changed. Units added or removed say nothing of
// which version a translation followed, as a translator may leave a
// section out.
func changedAnchors(d *change.SourceDiff, latin bool) map[string]bool {
	keys := map[string]bool{}
	for _, c := range d.Changes {
		if c.Before == nil || c.After == nil {
			continue
		}
		b, a := unitSkeleton(skeleton{}, c.Before, latin), unitSkeleton(skeleton{}, c.After, latin)
		for k, n := range b {
			if a[k] != n {
				keys[k] = true
			}
		}
		for k, n := range a {
			if b[k] != n {
				keys[k] = true
			}
		}
	}
	return keys
}

// mostlyLatin reports whether most letters of a document's text are
// Latin: its Latin words are then its language's, not kept from the
// source.
func mostlyLatin(doc *parse.Document) bool {
	latin, other := 0, 0
	for i := range doc.Units {
		for _, r := range doc.Units[i].Plain {
			switch {
			case r < unicode.MaxLatin1 && unicode.IsLetter(r):
				latin++
			case unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r):
				other++
			}
		}
	}
	return latin >= other
}
