package sync

import (
	"errors"
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
	"github.com/cnpe-i18n/cnpe-i18n/sync/history"
	"github.com/cnpe-i18n/cnpe-i18n/sync/site"
)

// provenance is where the units of one translation came from: for each
// unit the source version it was translated from (its base), and a
// summary for the page.
type provenance struct {
	page  *Base
	bases []*unitBase
	// of is, per unit of the translation now, the index of its base in
	// bases; -1 when it is not known (then the page has no base).
	of []int
	// in is, per unit, the commit that last changed its words ("" for the
	// working tree and the pin).
	in []string
	// reviewed are the text fingerprints of source units the translation
	// was reviewed against without a change (accept --unit).
	reviewed map[string]bool
	// synced is the base of the newest page sync: the newest commit that
	// gave a good part of the page its words (or the pin). Its translator
	// went through that source page, so the source units it left out were
	// left out on purpose; source units added since are new. Without a
	// sync, the base of the oldest units.
	synced int
	// later is, per unit, whether its words changed after the last page
	// sync: only such a unit can render a source unit added since.
	later []bool
	// syncTr reads the translation as the last page sync left it (nil
	// when that is the translation now, or the sync is the pin).
	syncTr func() *parse.Document
	// vs holds the group's versions (and source diffs, see kinds).
	vs *versions
}

// unitBase is one source version some translated units were made from.
type unitBase struct {
	blob, path string
	// commit is the source commit where the blob appeared, when known.
	commit     string
	doc        *parse.Document // parsed when a unit is found to have this base
	current    bool
	pin        bool // the page pin
	confidence float64
	message    string
}

// findProvenance works out, unit by unit, which version of the source the
// translation was made from, in the order of the design: the page pin is
// the floor; a unit whose words changed after it (or, unpinned, at all)
// was made from the source as it stood in the tree of the commit that
// last changed its words (the working tree's source for uncommitted
// edits).
func (s *Site) findProvenance(vs *versions, src, tr *Page) *provenance {
	return s.provenance(vs, src, tr, true)
}

// provenance is findProvenance; with everyDoc false, the bases are not
// parsed (their doc stays nil unless known already).
func (s *Site) provenance(vs *versions, src, tr *Page, everyDoc bool) *provenance {
	srcBlob := history.BlobID(src.Src)
	vs.add(srcBlob, src.Doc)
	p := &provenance{of: make([]int, len(tr.Doc.Units)), in: make([]string, len(tr.Doc.Units)), vs: vs}
	missing := vs.missing
	none := func(msg string) *provenance {
		p.page = &Base{Kind: BaseNone, Message: msg, IncompleteHistory: vs.missing > missing}
		p.bases = nil
		for i := range p.of {
			p.of[i] = -1
		}
		return p
	}
	// lost is none for a clone that lacks the history: it is incomplete,
	// and the report says so first.
	lost := func(msg string) *provenance {
		none(msg)
		p.page.IncompleteHistory = !s.noHistory
		return p
	}
	var pin *unitBase
	if f := tr.Doc.Field(s.Config.PinField()); f != nil && f.Text != "" && s.Config.CommitPins() {
		var msg string
		if pin, msg = s.commitPin(vs, src, f.Text, srcBlob); pin == nil {
			if s.History == nil {
				return lost(msg)
			}
			return none(msg)
		}
	} else if f != nil && f.Text != "" {
		pin = &unitBase{blob: f.Text, doc: src.Doc, current: f.Text == srcBlob, pin: true, confidence: 1}
		if !pin.current {
			if s.History == nil {
				return lost("pinned to source blob " + short(f.Text) + ", but there is no git history to read it from; run in a git clone (fetch-depth: 0 in CI)")
			}
			if pin.doc = vs.doc(f.Text, src.Path); pin.doc == nil {
				msg := "pinned source blob " + short(f.Text) + " is not in this clone (shallow, or a wrong pin); fetch with fetch-depth: 0"
				var nb *history.NotBlobError
				if _, found, err := s.History.Blob(f.Text); errors.As(err, &nb) {
					msg = fmt.Sprintf("the pin %s names a %s of this repository, not a version of the source page; accept writes the right one", short(f.Text), nb.Kind)
				} else if err == nil && found {
					msg = s.unreadable(f.Text, src.Path, "the pinned source "+short(f.Text))
				}
				return none(msg)
			}
		}
	}
	if s.History == nil {
		if pin == nil {
			return lost(s.HistInfo.Message)
		}
		p.bases = []*unitBase{pin}
		p.page = &Base{Kind: BasePin, Blob: pin.blob, Commit: pin.commit, Path: pin.path, Current: pin.current, Confidence: 1}
		p.reviewed = reviewedUnits(tr.Doc)
		return p
	}
	tv := liveVersions(s.History.Versions(tr.Real))
	vs.add(history.BlobID(tr.Src), tr.Doc)
	if pin == nil && len(tv) == 0 {
		return none("the translation is not committed yet: commit it, or pin it with accept")
	}
	sv := liveVersions(s.History.Versions(src.Real))
	work := &unitBase{blob: srcBlob, doc: src.Doc, current: true, confidence: 1}
	if len(sv) > 0 && sv[0].Blob == srcBlob {
		// Committed as it is: where, as quickBase says.
		work.path, work.commit = sv[0].Path, sv[0].Commit
	}
	atVersion := map[int]*unitBase{}
	srcOf := func(o int) *unitBase {
		switch o {
		case fromPin:
			return pin
		case fromWorkTree:
			return work
		}
		b, ok := atVersion[o]
		if !ok {
			// The translation's name then gives the source's name then
			// (for a link, its own history's name says nothing).
			twin := ""
			if tr.Path == tr.Real {
				twin = s.Layout.SourceName(tr.Lang, tv[o].Path)
			}
			b = s.sourceAt(vs, src, sv, srcBlob, tv[o].Commit, twin)
			atVersion[o] = b
		}
		return b
	}
	if pin == nil {
		// bisectOrigins looks the source up in the tree of every version
		// (sourceAt tries src.Real first): in batches, not one by one.
		vs.prefetchAt(tv[:min(len(tv), maxPrefetch)], src.Real)
	}
	origins, ok := s.unitOrigins(vs, tr, tv, pin != nil, func(k int) string { return srcOf(k).blob })
	if !ok {
		return none("the translation's history could not be read")
	}
	if pin == nil {
		if f := s.flagCleared(vs, tr, tv); f >= 0 {
			// The translator declared the page up to date there: no unit
			// is older than that review.
			for i, o := range origins {
				if o > f {
					origins[i] = f
				}
			}
		}
	}
	if pin == nil && everyDoc {
		// The page sync's pull request may have been begun from an older
		// source than the one in its tree (olderSource). Not for a
		// glossary check (everyDoc false), which parses no base it can
		// do without.
		if o, b := s.olderSync(vs, src, tr, tv, sv, origins, srcOf); b != nil {
			if o == fromWorkTree {
				work = b
			} else {
				atVersion[o] = b
			}
		}
	}
	if !slices.ContainsFunc(tr.Doc.Units, func(u parse.Unit) bool { return u.Translatable }) {
		// No translated unit: measure against the page's first version.
		o := len(tv) - 1
		if pin != nil {
			o = fromPin
		}
		origins = make([]int, max(1, len(origins)))
		for i := range origins {
			origins[i] = o
		}
	}
	byOrigin := map[int]int{}     // origin → index in bases
	byBlob := map[string]int{}    // blob → index in bases
	oldest, newest := -2, len(tv) // origins of the oldest and newest units
	for i, o := range origins {
		oldest = max(oldest, o)
		newest = min(newest, o)
		if o >= 0 && o < len(tv) && i < len(p.in) {
			p.in[i] = tv[o].Commit
		}
		k, ok := byOrigin[o]
		if !ok {
			if o == len(tv)-1 && s.History.Shallow() && tv[o].Seq == s.History.Commits()-1 {
				return lost("shallow clone: the translation predates the first fetched commit; check out with fetch-depth: 0")
			}
			b := srcOf(o)
			if b.doc == nil && everyDoc {
				b.doc = vs.doc(b.blob, b.path)
			}
			if b.doc == nil && everyDoc {
				what := "the source version " + short(b.blob)
				if b.commit != "" {
					what = "the source as of commit " + short(b.commit)
				}
				return none(s.unreadable(b.blob, b.path, what))
			}
			if k, ok = byBlob[b.blob]; !ok {
				k = len(p.bases)
				byBlob[b.blob] = k
				p.bases = append(p.bases, b)
			}
			byOrigin[o] = k
		}
		if i < len(p.of) {
			p.of[i] = k
		}
	}
	p.synced = byOrigin[oldest]
	syncedAt := oldest
	if o, ok := lastSync(tr.Doc, origins); ok {
		p.synced, syncedAt = byOrigin[o], o
	}
	if syncedAt >= 0 && syncedAt < len(tv) && tv[syncedAt].Blob != history.BlobID(tr.Src) {
		blob := tv[syncedAt].Blob
		p.syncTr = func() *parse.Document { return vs.doc(blob, tr.Path) }
	}
	p.later = make([]bool, len(p.of))
	for i, o := range origins {
		if i < len(p.later) {
			p.later[i] = o < syncedAt
		}
	}
	p.page = p.summary(pin, tv, newest)
	p.reviewed = reviewedUnits(tr.Doc)
	return p
}

// flagCleared is the newest version of the translation that cleared the
// site's configured banner flag (flag.key) while the version before it
// had the flag set: a statement
// that the page was reviewed against the source of then, like a commit
// that moves only a pin. -1 when there is none, or no flag is configured
// (front matter edits as such are no review: sites mass-edit metadata).
// At most maxReads versions are looked at.
func (s *Site) flagCleared(vs *versions, tr *Page, tv []history.Version) int {
	key := s.Config.Flag.Key
	if key == "" {
		return -1
	}
	fm := s.pcfg
	fm.FrontMatterOnly = true
	set := func(k int) (bool, bool) {
		data, doc, found := vs.raw(tv[k].Blob)
		if !found {
			return false, false
		}
		if doc == nil {
			var err error
			if doc, err = fm.Parse(tr.Path, data); err != nil {
				return false, false
			}
		}
		return site.FlagSet(doc, key), true
	}
	newer, ok := set(0)
	if !ok {
		return -1
	}
	for k := 0; k+1 < len(tv) && k < maxReads; k++ {
		older, ok := set(k + 1)
		if !ok {
			return -1
		}
		if !newer && older {
			return k
		}
		newer = older
	}
	return -1
}

// olderSync returns the origin of the page sync of an unpinned
// translation and the older source it was made from, when olderSource
// finds one (else a nil base).
func (s *Site) olderSync(vs *versions, src, tr *Page, tv, sv []history.Version, origins []int, srcOf func(int) *unitBase) (int, *unitBase) {
	o, ok := pageSync(tr.Doc, origins)
	if !ok || len(tv) == 0 {
		return 0, nil
	}
	var trDoc *parse.Document
	var at int64
	switch {
	case o >= 0 && o < len(tv):
		trDoc, at = vs.doc(tv[o].Blob, tr.Path), tv[o].Time
	case o == fromWorkTree && history.BlobID(tr.Src) == tv[0].Blob:
		// Committed as it is, and the source in the tree of every
		// version is the source now (bisectOrigins read none): the
		// translation's first version is its earliest sync.
		trDoc, at = tr.Doc, tv[len(tv)-1].Time
	}
	if trDoc == nil {
		return 0, nil
	}
	b := srcOf(o)
	if b.path != "" && b.path != src.Real {
		// Found under another name: that name's versions.
		sv = liveVersions(s.History.Versions(b.path))
	}
	return o, olderSource(vs, sv, b, trDoc, at)
}

// pageSync is the origin of at least three quarters of the translated
// units: a page translated or brought up to date at once.
func pageSync(tr *parse.Document, origins []int) (int, bool) {
	count := map[int]int{}
	total := 0
	for i, o := range origins {
		if i < len(tr.Units) && tr.Units[i].Translatable {
			count[o]++
			total++
		}
	}
	for o, n := range count {
		if 4*n >= 3*total {
			return o, true
		}
	}
	return 0, false
}

// lastSync is the origin of the newest page sync: the pin, or a version
// that gave at least a quarter of the translated units their words.
func lastSync(tr *parse.Document, origins []int) (int, bool) {
	count := map[int]int{}
	total := 0
	for i, o := range origins {
		if tr.Units[i].Translatable {
			count[o]++
			total++
		}
	}
	best, ok := 0, false
	for o, n := range count {
		if (o == fromPin || 4*n >= total) && (!ok || o < best) {
			best, ok = o, true
		}
	}
	return best, ok
}

// unitBase is the report of the base of translated units made from
// bases[k].
func (p *provenance) unitBase(k int, targets []int) *UnitBase {
	b := p.bases[k]
	u := &UnitBase{Blob: b.blob, Pin: b.pin}
	for _, t := range targets {
		if p.in[t] != "" {
			u.TranslatedIn = p.in[t]
			break
		}
	}
	return u
}

// summary is the page's base: the pin, or the source version of the
// page's last sync (what the page as a whole was translated from; units
// changed since have later bases, units unchanged since before have older
// ones). It is current when every unit's base is the current source.
func (p *provenance) summary(pin *unitBase, tv []history.Version, newest int) *Base {
	f := p.bases[p.synced]
	b := &Base{Kind: BaseInferred, Blob: f.blob, Commit: f.commit, Path: f.path, Current: true,
		Confidence: 1, Message: f.message}
	if pin != nil {
		b = &Base{Kind: BasePin, Blob: pin.blob, Commit: pin.commit, Path: pin.path, Current: true, Confidence: 1}
	}
	for _, u := range p.bases {
		b.Current = b.Current && u.current
		b.Confidence = min(b.Confidence, u.confidence)
	}
	if newest >= 0 && newest < len(tv) {
		b.TranslatedIn = tv[newest].Commit
	}
	if len(p.bases) > 1 {
		b.Versions = len(p.bases)
	}
	return b
}

// sourceAt is the source as it stood in the tree of commit (a commit of
// the translation; not parsed yet), under its path then: the real path, the site path
// (through symbolic links as they were), an earlier name of the file, or
// twin (the source's name by the translation's name then; "" for none).
func (s *Site) sourceAt(vs *versions, src *Page, sv []history.Version, srcBlob, commit, twin string) *unitBase {
	paths := sourceNames(src, sv, twin)
	b := &unitBase{confidence: 1}
	for _, p := range paths {
		if blob, ok := vs.blobAt(commit, p); ok {
			b.blob, b.path = blob, p
			break
		}
	}
	switch {
	case b.blob != "":
	case s.trHistoryOnly:
		// The source's history was not read (Options.TranslationHistory):
		// a source renamed since under another name is not followed.
		b.blob, b.path, b.confidence, b.message = srcBlob, src.Real, 0.5, "the source is not in the translation's commit under its name now"
	case len(sv) == 0:
		// The source is not committed: compare with what is on disk.
		b.blob, b.path, b.confidence, b.message = srcBlob, src.Real, 0.5, "the source is not committed yet"
	default:
		// The translation is older than the source's history.
		v := sv[len(sv)-1]
		b.blob, b.path, b.confidence, b.message = v.Blob, v.Path, 0.5, "the translation is older than the source's history"
	}
	for _, v := range sv {
		if v.Blob == b.blob {
			b.commit = v.Commit
			break
		}
	}
	if b.blob == srcBlob {
		b.doc, b.current = src.Doc, true
	}
	return b
}

// commitPin reads a commit pin: the base is the source file as it was in
// the commit, under its name then (renames followed). It returns the pin,
// or a message saying why it cannot be read.
func (s *Site) commitPin(vs *versions, src *Page, commit, srcBlob string) (*unitBase, string) {
	if s.History == nil {
		return nil, fmt.Sprintf("pinned to commit %s, but there is no git history to read it from; run in a git clone (fetch-depth: 0 in CI)", short(commit))
	}
	names := sourceNames(src, s.History.Versions(src.Real), "")
	unread := ""
	for _, name := range names {
		id, found, err := s.History.BlobAt(commit, name)
		if err != nil {
			return nil, fmt.Sprintf("pinned commit %q cannot be read: %v", commit, err)
		}
		if !found {
			continue
		}
		pin := &unitBase{blob: id, path: name, commit: commit, pin: true, confidence: 1}
		if id == srcBlob {
			pin.doc, pin.current = src.Doc, true
			return pin, ""
		}
		if pin.doc = vs.doc(id, src.Path); pin.doc != nil {
			return pin, ""
		}
		if unread == "" {
			unread = s.unreadable(id, name, "the source at pinned commit "+short(commit))
		}
	}
	if unread != "" {
		return nil, unread
	}
	return nil, fmt.Sprintf("pinned commit %s has no %s (a commit not in this clone, or a wrong pin); fetch with fetch-depth: 0", short(commit), src.Real)
}

// unreadable says why a version of the source (what names it) has no
// document: not in the clone, or it does not parse (then the parser's
// error, which names the line).
func (s *Site) unreadable(blob, path, what string) string {
	data, found, err := s.History.Blob(blob)
	if err != nil || !found {
		return what + " (" + path + ") is not in this clone (shallow, or objects missing); fetch with fetch-depth: 0"
	}
	if _, err := s.pcfg.Parse(path+"@"+short(blob), data); err != nil {
		return what + " does not parse, so it cannot be a base: " + err.Error()
	}
	return what + " could not be read from the repository"
}

// sourceNames are the names to look the source up under in an older
// commit, most likely first: its names now, the names of its versions
// (renames git saw), the twin (the counterpart of the translation's name
// in that commit: a source deleted and added again under a new name, or
// moved with edits, is not a rename in git), then the Hugo bundle
// spelling of each (x.md → x/index.md with edits is a rename git does
// not always see).
func sourceNames(src *Page, sv []history.Version, twin string) []string {
	names := []string{src.Real}
	add := func(name string) {
		if name != "" && !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	add(src.Path)
	for _, v := range sv {
		add(v.Path)
	}
	add(twin)
	for _, name := range names {
		add(bundleTwin(name))
	}
	return names
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

func short(id string) string {
	if len(id) > 12 {
		return id[:12]
	}
	return id
}

// orphanBase infers the English an orphan was translated from: the
// source page at the orphan's name in the source language (or its other
// Hugo spelling), as it last stood before it was removed or moved away,
// is taken for the source, and the base is found as for any page (the
// tree of the commit that last changed the translation's words; history
// follows the page's earlier names). It is nil when history does not
// know the page or no base is found. The orphan is parsed only when
// history has such a source for it.
func (s *Site) orphanBase(vs *versions, orphan *lazyPage) *Base {
	if s.History == nil {
		return nil
	}
	for _, p := range s.orphanSources(orphan.info.Rel) {
		all := s.History.Versions(p)
		if len(all) == 0 || all[0].Blob != "" && s.History.RenamedTo(p) == "" {
			continue // neither removed nor moved away: not this orphan's English
		}
		last := liveVersions(all)
		if len(last) == 0 {
			continue
		}
		data, _, found := vs.raw(last[0].Blob)
		if !found {
			continue
		}
		doc := vs.doc(last[0].Blob, p)
		if doc == nil {
			continue
		}
		tr, err := orphan.get()
		if err != nil {
			return nil
		}
		src := &Page{File: site.File{Lang: s.Layout.Source, Path: p, Real: p, Rel: tr.Rel}, Src: data, Doc: doc}
		if b := s.findProvenance(vs, src, tr).page; b != nil && b.Kind != BaseNone {
			// There is no English page now: the base is never current,
			// and its last version is named by the commit that wrote it.
			if b.Current && b.Commit == "" {
				b.Commit = last[0].Commit
			}
			if b.Path == "" {
				b.Path = p
			}
			b.Current = false
			return b
		}
		return nil
	}
	return nil
}

// orphanSources are the paths an orphan's English had: the orphan's name
// in the source language's content directory and its other Hugo spelling.
func (s *Site) orphanSources(rel string) []string {
	l := s.Layout.Language(s.Layout.Source)
	if l == nil || l.ContentDir == "" {
		return nil
	}
	p := path.Join(l.ContentDir, rel)
	if twin := bundleTwin(p); twin != "" {
		return []string{p, twin}
	}
	return []string{p}
}

// orphanSpecs are the pathspecs under which the history of a
// translation's English counterpart is read, so that an orphan has a
// base: the counterpart's directory, or with exact the counterpart's
// paths themselves; none for a source page, or when only translations'
// history is read.
func (s *Site) orphanSpecs(f site.File, exact bool) []string {
	if f.Lang == s.Layout.Source || s.trHistoryOnly {
		return nil
	}
	srcs := s.orphanSources(f.Rel)
	if exact || len(srcs) == 0 {
		return srcs
	}
	return []string{path.Dir(srcs[0])}
}
