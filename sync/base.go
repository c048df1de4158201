package sync

import (
	"errors"
	"fmt"
	"hash/fnv"
	"math"
	"path"
	"slices"
	"strings"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
	"github.com/cnpe-i18n/cnpe-i18n/sync/align"
	"github.com/cnpe-i18n/cnpe-i18n/sync/history"
)

// findBase works out which version of the source the translation was made
// from, in the order of the design: the pin in the translation's front
// matter, else history, else nothing. It returns the base document (nil
// when unknown).
func (s *Site) findBase(vs *versions, src, tr *Page) (*Base, *parse.Document) {
	srcBlob := history.BlobID(src.Src)
	vs.add(srcBlob, src.Doc)
	if pin := tr.Doc.Field(s.Config.PinField()); pin != nil && pin.Text != "" && s.Config.CommitPins() {
		return s.commitBase(vs, src, pin.Text, srcBlob)
	}
	if pin := tr.Doc.Field(s.Config.PinField()); pin != nil && pin.Text != "" {
		b := &Base{Kind: BasePin, Blob: pin.Text, Confidence: 1}
		if pin.Text == srcBlob {
			b.Current = true
			return b, src.Doc
		}
		if s.History == nil {
			b.Kind = BaseNone
			b.Message = fmt.Sprintf("pinned to source blob %s, but there is no git history to read it from; run in a git clone (fetch-depth: 0 in CI)", short(pin.Text))
			return b, nil
		}
		doc := vs.doc(pin.Text, src.Path)
		if doc == nil {
			b.Kind = BaseNone
			b.Message = fmt.Sprintf("pinned source blob %s is not in this clone (shallow, or a wrong pin); fetch with fetch-depth: 0", short(pin.Text))
			var nb *history.NotBlobError
			if _, _, err := s.History.Blob(pin.Text); errors.As(err, &nb) {
				b.Message = fmt.Sprintf("the pin %s names a %s of this repository, not a version of the source page; accept writes the right one", short(pin.Text), nb.Kind)
			}
			return b, nil
		}
		return b, doc
	}
	if s.History == nil {
		return &Base{Kind: BaseNone, Message: s.HistInfo.Message}, nil
	}
	return s.inferBase(vs, src, tr, srcBlob)
}

// commitBase reads a commit pin: the base is the source file as it was
// in the commit, under its name then (renames followed).
func (s *Site) commitBase(vs *versions, src *Page, commit, srcBlob string) (*Base, *parse.Document) {
	b := &Base{Kind: BasePin, Commit: commit, Confidence: 1}
	if s.History == nil {
		b.Kind = BaseNone
		b.Message = fmt.Sprintf("pinned to commit %s, but there is no git history to read it from; run in a git clone (fetch-depth: 0 in CI)", short(commit))
		return b, nil
	}
	names := []string{src.Real}
	for _, v := range s.History.Versions(src.Real) {
		if v.Path != "" && !slices.Contains(names, v.Path) {
			names = append(names, v.Path)
		}
	}
	// A page turned into a bundle (x.md → x/index.md) with edits is a
	// rename git does not always see.
	for _, name := range names {
		if alt := bundleTwin(name); alt != "" && !slices.Contains(names, alt) {
			names = append(names, alt)
		}
	}
	for _, name := range names {
		id, _, found, err := s.History.BlobAt(commit, name)
		if err != nil {
			b.Kind = BaseNone
			b.Message = fmt.Sprintf("pinned commit %q cannot be read: %v", commit, err)
			return b, nil
		}
		if !found {
			continue
		}
		b.Blob, b.Path = id, name
		if id == srcBlob {
			b.Current = true
			return b, src.Doc
		}
		if doc := vs.doc(id, src.Path); doc != nil {
			return b, doc
		}
	}
	b.Kind = BaseNone
	b.Message = fmt.Sprintf("pinned commit %s has no %s (a commit not in this clone, or a wrong pin); fetch with fetch-depth: 0", short(commit), src.Real)
	return b, nil
}

// bundleTwin is the other Hugo spelling of a page: x/index.md for x.md
// and back ("" for _index.md and other names).
func bundleTwin(p string) string {
	dir, file := path.Split(p)
	ext := path.Ext(file)
	switch {
	case file == "index"+ext && dir != "":
		return strings.TrimSuffix(dir, "/") + ext
	case file != "_index"+ext && ext != "":
		return dir + strings.TrimSuffix(file, ext) + "/index" + ext
	}
	return ""
}

// inferBase finds the base in history: the source version current when
// the translation's words last changed (commits that only touched links,
// white space or metadata do not count), checked against the other
// source versions by how well the translation's structure and anchors
// match them.
func (s *Site) inferBase(vs *versions, src, tr *Page, srcBlob string) (*Base, *parse.Document) {
	tv := liveVersions(s.History.Versions(tr.Real))
	vs.add(history.BlobID(tr.Src), tr.Doc)
	if len(tv) == 0 {
		return &Base{Kind: BaseNone, Message: "the translation is not committed yet: commit it, or pin it with accept"}, nil
	}
	translated, ok := s.lastTranslated(vs, tr, tv)
	if !ok {
		return &Base{Kind: BaseNone, Message: "the translation's history could not be read"}, nil
	}
	if translated.Seq == s.History.Commits()-1 && s.History.Shallow() {
		return &Base{Kind: BaseNone, Message: "shallow clone: the translation predates the first fetched commit; check out with fetch-depth: 0"}, nil
	}
	sv := liveVersions(s.History.Versions(src.Real))
	if len(sv) == 0 {
		// The source is not committed: compare with what is on disk.
		return &Base{Kind: BaseInferred, Blob: srcBlob, Current: true, Confidence: 0.5,
			Message: "the source is not committed yet"}, src.Doc
	}
	at := -1
	for k, v := range sv {
		if v.Seq >= translated.Seq {
			at = k
			break
		}
	}
	if at < 0 {
		at = len(sv) - 1 // the translation is older than the source's history
	}
	if translated.Seq < 0 && sv[0].Blob != srcBlob {
		// The translation changed in the working tree: the base is the
		// source on disk.
		return &Base{Kind: BaseInferred, Blob: srcBlob, Current: true, Confidence: 0.9,
			Message: "translation edited in the working tree"}, src.Doc
	}
	chosen, conf := s.checkStructure(vs, src, tr, sv, at)
	v := sv[chosen]
	b := &Base{Kind: BaseInferred, Blob: v.Blob, Commit: v.Commit, Path: v.Path,
		Confidence: conf, TranslatedIn: translated.Commit}
	if v.Blob == srcBlob {
		b.Current = true
		return b, src.Doc
	}
	doc := vs.doc(v.Blob, v.Path)
	if doc == nil {
		b.Kind = BaseNone
		b.Message = "the source version could not be read from the repository"
		return b, nil
	}
	return b, doc
}

// liveVersions drops deletions.
func liveVersions(vs []history.Version) []history.Version {
	out := vs[:0:0]
	for _, v := range vs {
		if v.Blob != "" {
			out = append(out, v)
		}
	}
	return out
}

// lastTranslated returns the newest version of the translation whose
// words differ from the version before it. A working tree whose words
// differ from the last commit is reported with Seq -1.
func (s *Site) lastTranslated(vs *versions, tr *Page, tv []history.Version) (history.Version, bool) {
	curSig := textSignature(tr.Doc)
	newest := vs.doc(tv[0].Blob, tr.Path)
	if newest == nil {
		return history.Version{}, false
	}
	if textSignature(newest) != curSig {
		return history.Version{Seq: -1}, true
	}
	for k := 0; k+1 < len(tv); k++ {
		a, b := vs.doc(tv[k].Blob, tr.Path), vs.doc(tv[k+1].Blob, tr.Path)
		if a == nil || b == nil || textSignature(a) != textSignature(b) {
			return tv[k], true
		}
	}
	return tv[len(tv)-1], true
}

// textSignature summarizes what a translator wrote: the text fingerprints
// of the translatable units, in order.
func textSignature(doc *parse.Document) uint64 {
	h := fnv.New64a()
	var b [8]byte
	for _, u := range doc.Units {
		if !u.Translatable {
			continue
		}
		f := uint64(u.Fingerprint)
		for i := range b {
			b[i] = byte(f >> (8 * i))
		}
		h.Write(b[:])
	}
	return h.Sum64()
}

// checkStructure scores the translation against the source versions near
// the one current when it was translated, and keeps that one unless
// another matches clearly better. It returns the chosen index and a
// confidence.
func (s *Site) checkStructure(vs *versions, src, tr *Page, sv []history.Version, at int) (int, float64) {
	trProfile := align.ProfileOf(tr.Doc)
	score := func(k int) float64 {
		p, ok := vs.profile(sv[k].Blob, src.Path)
		if !ok {
			return -1
		}
		return align.Similarity(p, trProfile)
	}
	base := score(at)
	best, bestScore := at, base
	if base < 0.98 {
		// A translation is made from a version at or before the commit
		// that translated it: look at the older ones.
		seen := map[string]bool{sv[at].Blob: true}
		for k := at + 1; k < min(len(sv), at+7); k++ {
			if seen[sv[k].Blob] {
				continue
			}
			seen[sv[k].Blob] = true
			if sc := score(k); sc > bestScore+0.03 {
				best, bestScore = k, sc
			}
		}
	}
	conf := bestScore
	if best != at {
		conf -= 0.2 // time and structure disagree
	}
	return best, math.Round(max(0, min(1, conf))*100) / 100
}

func short(id string) string {
	if len(id) > 12 {
		return id[:12]
	}
	return id
}
