package sync

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	gosync "sync"
	"time"

	"github.com/cnpe-i18n/cnpe-i18n/glossary"
	"github.com/cnpe-i18n/cnpe-i18n/internal/cache"
	"github.com/cnpe-i18n/cnpe-i18n/parse"
	"github.com/cnpe-i18n/cnpe-i18n/sync/align"
	"github.com/cnpe-i18n/cnpe-i18n/sync/history"
	"github.com/cnpe-i18n/cnpe-i18n/sync/site"
)

// What the engine keeps in the cache (Options.Cache), by kind:
//
//   - history: the git log index (history.Snapshot) of a set of
//     pathspecs, brought up to date from the commit it covers;
//   - scan: per page, its stat (size, times, inode), its blob id and its
//     front matter pass, so that an unchanged page is not read;
//   - group: the reports of one source page and its translations, under
//     a key of every input they are made from (groupKey), as each page's
//     head and JSON (encodeGroup): a JSON output splices the pages' JSON
//     and decodes only the heads;
//   - rendered: the last status JSON output of each variant (command,
//     flags, scope), with the key of every input it was made from.
//   - profile: the page skeletons rename suggestions compare, by blob.
//
// cacheFormat changes whenever what is stored, or how a report is made
// from its inputs, changes in a way the tool version does not show (a
// development build).
const cacheFormat = "7"

const (
	kindHistory = "history"
	kindScan    = "scan"
	kindGroup   = "group"
	kindProfile = "profile"
)

// racyWindow: a file modified this close to the snapshot it was
// recorded in may have changed again within the clock's resolution, so
// it is read again (git's "racily clean" entries).
// A variable for tests.
var racyWindow = 2 * time.Second

// scanRecord is what the scan keeps of one page.
type scanRecord struct {
	Size  int64            `json:"s"`
	MTime int64            `json:"m"`
	Ino   int64            `json:"i,omitempty"`
	CTime int64            `json:"c,omitempty"`
	Blob  string           `json:"b"`
	Entry site.EntryRecord `json:"e"`
	// Seen is when the page was read (Unix ns): a stat that close to it
	// is not trusted.
	Seen int64 `json:"t"`
}

type scanSnapshot struct {
	Files map[string]scanRecord `json:"files"` // by site path
}

// digest is the JSON of v, for keys ("" when v does not encode: then no
// key is made from it).
func digest(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	return string(b)
}

func (s *Site) scanKey() cache.Key {
	return cache.KeyOf(kindScan, cacheFormat, s.Layout.Root, digest(s.Config), digest(s.pcfg))
}

// scanCached is scan through the cache: a page whose stat is as recorded
// is not read; others are read once, for their blob id and front matter.
// A partial scan (some languages or paths) keeps the records of the
// pages it did not look at, for the next full run.
func (s *Site) scanCached(files []site.File, partial bool) {
	var old scanSnapshot
	key := s.scanKey()
	if data, ok := s.cache.Get(kindScan, key); ok {
		if json.Unmarshal(data, &old) != nil {
			old = scanSnapshot{}
		}
	}
	infos := make([]*site.Entry, len(files))
	recs := make([]*scanRecord, len(files))
	fresh := make([]bool, len(files))
	failed := make([]string, len(files)) // blob ids of pages read that did not parse
	parallel(len(files), s.jobs, func(i int) {
		f := files[i]
		p := filepath.Join(s.Layout.Root, filepath.FromSlash(f.Path))
		fi, err := os.Stat(p)
		if err != nil {
			// Not there, or not to be looked at: ReadEntry says why (or
			// reads a page made since; it is not kept).
			var e *site.Entry
			if e, err = site.ReadEntry(s.Layout.Root, f, s.pcfg, s.Config); err == nil {
				infos[i] = e
				return
			}
		} else {
			ino, ctime := statStamp(fi)
			rec := scanRecord{Size: fi.Size(), MTime: fi.ModTime().UnixNano(), Ino: ino, CTime: ctime, Seen: time.Now().UnixNano()}
			r, ok := old.Files[f.Path]
			trustBefore := r.Seen - int64(racyWindow)
			if ok && r.Size == rec.Size && r.MTime == rec.MTime && r.Ino == rec.Ino &&
				r.CTime == rec.CTime && rec.MTime < trustBefore && rec.CTime < trustBefore {
				infos[i], recs[i] = site.EntryFromRecord(f, r.Entry), &r
				return
			}
			fresh[i] = true
			var src []byte
			if src, err = site.ReadFile(p, s.pcfg.MaxBytes); err != nil {
				err = parse.PathError(f.Path, err)
			} else {
				blob := history.BlobID(src)
				var e *site.Entry
				if e, err = site.EntryOf(f, src, s.pcfg, s.Config); err == nil {
					rec.Blob, rec.Entry = blob, e.Record()
					infos[i], recs[i] = e, &rec
					return
				}
				failed[i] = blob
			}
		}
		// Unreadable, or does not parse: nothing is kept.
		s.problem(problemOf(f.Path, err))
		infos[i] = &site.Entry{File: f, HasBody: true, Unreadable: true}
	})
	next := scanSnapshot{Files: make(map[string]scanRecord, len(files))}
	changed := len(old.Files) != len(files)
	if partial {
		for p, r := range old.Files {
			next.Files[p] = r
		}
		changed = false
	}
	s.blobs = make(map[string]string, len(files))
	for i, rec := range recs {
		if failed[i] != "" {
			s.blobs[files[i].Path] = failed[i]
		}
		if rec != nil {
			next.Files[files[i].Path] = *rec
			s.blobs[files[i].Path] = rec.Blob
			changed = changed || fresh[i]
		}
	}
	s.pages = append(s.pages, infos...)
	if changed {
		if data, err := json.Marshal(next); err == nil {
			s.cache.Put(kindScan, key, data)
		}
	}
}

// historyKey is the cache key of the history of pathspecs.
func historyKey(specs []string) cache.Key {
	return cache.KeyOf(append([]string{kindHistory, cacheFormat}, specs...)...)
}

// readHistory reads the history under specs, through the cache when
// there is one; of names it (Site.historyOf).
func (s *Site) readHistory(ctx context.Context, specs []string) (h *history.History, of string, err error) {
	if s.cache == nil {
		h, err = history.ReadHistory(ctx, s.Layout.Root, specs)
		return h, "", err
	}
	key := historyKey(specs)
	prev, _ := s.cache.Get(kindHistory, key)
	snap, next, _, err := history.ReadHistoryFrom(ctx, s.Layout.Root, specs, prev)
	if err != nil {
		return nil, "", err
	}
	if next != nil {
		s.cache.Put(kindHistory, key, next)
	}
	if snap.Head != "" {
		of = key.String() + " " + snap.Head
	}
	return snap.History, of, nil
}

// stateParts are the key parts of what every report depends on besides
// its pages and options: the configuration, parse configuration, layout
// and the history's state hist. ok is false when one does not encode.
func (s *Site) stateParts(hist HistoryInfo) (parts []string, ok bool) {
	parts = []string{digest(s.Config), digest(s.pcfg), digest(s.Layout), digest(hist)}
	return parts, !slices.Contains(parts, "")
}

// groupKeyBase is what every group's reports depend on besides its own
// pages: the configuration, layout and history state, the glossary.
func (s *Site) groupKeyBase(g *glossary.Glossary, terms map[string]*glossary.Matcher) (string, bool) {
	// Not the number of commits: it changes with every commit, and only
	// a shallow clone's reports depend on it.
	hist := s.HistInfo
	hist.Commits = 0
	state, ok := s.stateParts(hist)
	if !ok {
		return "", false
	}
	parts := append([]string{cacheFormat}, state...)
	parts = append(parts, strconv.FormatBool(s.noHistory), strconv.FormatBool(s.History != nil))
	if s.History.Shallow() {
		parts = append(parts, "shallow", strconv.Itoa(s.History.Commits()))
	}
	if terms != nil {
		langs := make([]string, 0, len(terms))
		for l, m := range terms {
			if m != nil {
				langs = append(langs, l)
			}
		}
		slices.Sort(langs)
		gd := digest(g)
		if gd == "" {
			return "", false
		}
		parts = append(parts, "glossary", gd, digest(langs))
	}
	k := cache.KeyOf(parts...)
	return string(k[:]), true
}

// groupKey is the key of the reports of the pairs idx: the base and, per
// pair, both pages (their entries and blob ids) and the history of both
// paths, in log order. ok is false when an input is not known.
func (s *Site) groupKey(base string, pairs []site.Pair, idx []int) (cache.Key, bool) {
	entries := s.entryDigests()
	h := cache.NewHasher()
	h.Add(kindGroup)
	h.Add(base)
	var srcVersions []history.Version // of the group's source, read once
	var buf []byte
	for _, i := range idx {
		p := pairs[i]
		h.Add("pair")
		h.Add(p.Lang)
		for _, e := range []*site.Entry{p.Source, p.Translation} {
			if e == nil {
				h.Add("-")
				continue
			}
			blob, ok := s.blobs[e.Path]
			d, known := entries[e]
			if !ok || !known || e.Unreadable {
				return cache.Key{}, false
			}
			h.Add(d)
			h.Add(blob)
		}
		if s.History != nil && p.Source != nil && p.Translation != nil {
			if srcVersions == nil {
				srcVersions = s.History.Versions(p.Source.Real)
			}
			buf = appendVersions(buf[:0], srcVersions, s.History.Versions(p.Translation.Real))
			h.AddBytes(buf)
		}
		if s.History != nil && p.Source == nil && p.Translation != nil {
			// An orphan's base is read from its English's old paths.
			tv := s.History.Versions(p.Translation.Real)
			for _, sp := range s.orphanSources(p.Translation.Rel) {
				h.Add(sp)
				buf = appendVersions(buf[:0], s.History.Versions(sp), tv)
				h.AddBytes(buf)
			}
		}
	}
	return h.Key(), true
}

// entryDigests are the digests of the pages' entries, for the keys of
// groups (each page is in one group but a source is in every pair of its
// group) and of the rendered output; made once per run. A page whose
// entry does not encode has none.
func (s *Site) entryDigests() map[*site.Entry]string {
	s.digestsOnce.Do(func() {
		ds := make([]string, len(s.pages))
		parallel(len(s.pages), s.jobs, func(i int) { ds[i] = digest(s.pages[i]) })
		s.digests = make(map[*site.Entry]string, len(s.pages))
		for i, e := range s.pages {
			if ds[i] != "" {
				s.digests[e] = ds[i]
			}
		}
	})
	return s.digests
}

// appendVersions appends to b the versions of a source and of its
// translation (renames followed) in log order: what provenance reads of
// the history index. Positions in the log are left out (they move with
// every new commit); their order is kept.
func appendVersions(b []byte, src, tr []history.Version) []byte {
	bySeq := func(a, b history.Version) int { return a.Seq - b.Seq }
	if !slices.IsSortedFunc(src, bySeq) || !slices.IsSortedFunc(tr, bySeq) {
		src, tr = slices.Clone(src), slices.Clone(tr)
		slices.SortStableFunc(src, bySeq)
		slices.SortStableFunc(tr, bySeq)
	}
	// Merge the two lists, the source's first on a tie.
	i, j := 0, 0
	for i < len(src) || j < len(tr) {
		list, v := 0, history.Version{}
		if j >= len(tr) || i < len(src) && src[i].Seq <= tr[j].Seq {
			v = src[i]
			i++
		} else {
			list, v = 1, tr[j]
			j++
		}
		b = strconv.AppendInt(b, int64(list), 10)
		b = append(b, ' ')
		b = append(b, v.Commit...)
		b = strconv.AppendInt(append(b, ' '), v.Time, 10)
		b = append(append(b, ' '), v.Blob...)
		b = append(append(b, ' '), v.Path...)
		b = append(b, 0)
	}
	return b
}

// cachedGroup fills the reports of idx from the cache. With heads, a
// report is its head and its JSON (PageReport.frag), but for orphans:
// rename suggestions are added to them after, so they are read whole.
func (s *Site) cachedGroup(key cache.Key, idx []int, reports []PageReport, heads bool) bool {
	data, ok := s.cache.Get(kindGroup, key)
	if !ok {
		return false
	}
	got, ok := decodeGroup(data)
	if !ok || len(got) != len(idx) {
		return false
	}
	out := make([]PageReport, len(idx))
	for j, g := range got {
		if heads && g.State != PageOrphan {
			out[j] = g
			continue
		}
		if json.Unmarshal(g.frag, &out[j]) != nil {
			return false
		}
	}
	for j, i := range idx {
		reports[i] = out[j]
	}
	return true
}

// keepGroup encodes the reports of idx: into the cache (store), and, for
// a JSON output, into each report but orphans' (splice).
func (s *Site) keepGroup(key cache.Key, idx []int, reports []PageReport, store, splice bool) {
	frags := make([][]byte, len(idx))
	for j, i := range idx {
		b, err := pageJSON(&reports[i])
		if err != nil {
			return // writeJSON meets the error again
		}
		frags[j] = b
	}
	if splice {
		for j, i := range idx {
			if reports[i].State != PageOrphan {
				reports[i].frag, reports[i].units = frags[j], len(reports[i].Units)
			}
		}
	}
	if store {
		s.cache.Put(kindGroup, key, encodeGroup(reports, idx, frags))
	}
}

// A group entry is, per page, its head (the JSON's length, the number of
// units, the words, the state, then language, source and translation,
// each a uvarint length and the bytes), then the JSON of every page.
// What a report says besides its head is read from its JSON.
func encodeGroup(reports []PageReport, idx []int, frags [][]byte) []byte {
	size := binary.MaxVarintLen64
	for _, f := range frags {
		size += len(f) + 64
	}
	b := make([]byte, 0, size)
	b = binary.AppendUvarint(b, uint64(len(idx)))
	for j, i := range idx {
		r := &reports[i]
		b = binary.AppendUvarint(b, uint64(len(frags[j])))
		b = binary.AppendUvarint(b, uint64(r.unitCount()))
		b = binary.AppendUvarint(b, uint64(max(r.Words, 0)))
		b = binary.AppendUvarint(b, uint64(r.State))
		for _, str := range []string{r.Lang, r.Source, r.Translation} {
			b = binary.AppendUvarint(b, uint64(len(str)))
			b = append(b, str...)
		}
	}
	for _, f := range frags {
		b = append(b, f...)
	}
	return b
}

// decodeGroup reads encodeGroup's heads; each report's frag is a slice
// of data.
func decodeGroup(data []byte) ([]PageReport, bool) {
	d := cache.NewRecord(data)
	n := d.Uvarint()
	if d.Bad() || n > uint64(len(data)) {
		return nil, false
	}
	out := make([]PageReport, n)
	sizes := make([]uint64, n)
	for i := range out {
		r := &out[i]
		if sizes[i] = d.Uvarint(); sizes[i] == 0 {
			return nil, false
		}
		r.units, r.Words = d.Int(), d.Int()
		st := d.Uvarint()
		if st >= uint64(len(pageStateNames)) {
			return nil, false
		}
		r.State = PageState(st)
		r.Lang, r.Source, r.Translation = d.String(), d.String(), d.String()
	}
	for i := range out {
		f := d.Bytes(sizes[i])
		if d.Bad() {
			return nil, false
		}
		out[i].frag = f
	}
	return out, !d.Bad() && d.Rest() == 0
}

// cacheable reports whether reports made without a problem can be kept:
// a report whose base is unknown may depend on objects or history the
// key does not cover (a commit not fetched yet).
func cacheable(reports []PageReport, idx []int) bool {
	for _, i := range idx {
		if b := reports[i].Base; b != nil && (b.Kind == BaseNone || b.IncompleteHistory) {
			return false
		}
	}
	return true
}

// profiles keeps page skeletons by blob id for rename suggestions; its
// methods may be called concurrently.
type profiles struct {
	site    *Site
	key     cache.Key
	mu      gosync.Mutex // guards loaded, key, byBlob, used and changed
	loaded  bool         // the cache's entry was read
	byBlob  map[string]align.Profile
	used    map[string]align.Profile // what this run asked for: what is kept
	changed bool
}

func (s *Site) loadProfiles() *profiles {
	return &profiles{site: s, byBlob: map[string]align.Profile{}, used: map[string]align.Profile{}}
}

// read fills byBlob from the cache the first time a profile is asked
// for: a run that needs no skeleton reads no entry. Called with mu held.
func (p *profiles) read() {
	if p.loaded || p.site.cache == nil {
		return
	}
	p.loaded = true
	p.key = cache.KeyOf(kindProfile, cacheFormat, digest(p.site.pcfg))
	if data, ok := p.site.cache.Get(kindProfile, p.key); ok {
		if json.Unmarshal(data, &p.byBlob) != nil {
			p.byBlob = map[string]align.Profile{}
		}
	}
}

// of is the profile of the page f (empty when it cannot be read): from
// the cache, else made (the run's own, by path), else parsed now.
func (p *profiles) of(f site.File, made func(path string) (align.Profile, bool)) align.Profile {
	blob, known := p.site.blobs[f.Path]
	if known {
		p.mu.Lock()
		p.read()
		pr, ok := p.byBlob[blob]
		if ok {
			p.used[blob] = pr
		}
		p.mu.Unlock()
		if ok {
			return pr
		}
	}
	pr, ok := made(f.Path)
	if !ok {
		pg, err := p.site.load(f)
		if err != nil {
			return nil
		}
		pr = align.ProfileOf(pg.Doc)
	}
	if known {
		p.mu.Lock()
		p.byBlob[blob], p.used[blob] = pr, pr
		p.changed = true
		p.mu.Unlock()
	}
	return pr
}

func (p *profiles) save() {
	if !p.changed || p.site.cache == nil {
		return
	}
	if data, err := json.Marshal(p.used); err == nil {
		p.site.cache.Put(kindProfile, p.key, data)
	}
}
