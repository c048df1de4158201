package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
	"github.com/cnpe-i18n/cnpe-i18n/sync/change"
	"github.com/cnpe-i18n/cnpe-i18n/sync/site"
)

// ignoredPinKey is where the tool is told its pins live: its own default
// key, which the site's pages do not carry, so it infers every base from
// history. (A configured key that no page carries is a configuration
// error the tool reports; its default key is not.)
const ignoredPinKey = site.DefaultPinKey

// pinsIgnored and pinsHonoured are the pin settings of the two status
// runs: the one judged (every base inferred from history) and the
// reference (the site's commit pins as the floor of every unit's base).
func pinsIgnored(string) string { return "pin_key: " + ignoredPinKey + "\n" }

// flagged adds the site's banner flag to a pin setting.
func flagged(pins func(string) string, flag string) func(string) string {
	if flag == "" {
		return pins
	}
	return func(key string) string { return pins(key) + "flag:\n  key: " + flag + "\n" }
}

func pinsHonoured(key string) string {
	return fmt.Sprintf("pin:\n  key: %s\n  kind: %s\n", key, site.PinCommit)
}

// pinsOptions are the flags of the pins command.
type pinsOptions struct {
	repo    string
	bin     string
	pinKey  string
	flagKey string // the site's banner flag, told to the run with pins ignored
	content string // map each language directory under it in the config
	layout  contentLayout
	work    string
	verbose bool
}

func parsePins(args []string, stderr io.Writer) (*pinsOptions, error) {
	fs := flag.NewFlagSet("pins", flag.ContinueOnError)
	fs.SetOutput(stderr)
	o := &pinsOptions{}
	fs.StringVar(&o.repo, "repo", "", "the repository (a git work tree; read only)")
	fs.StringVar(&o.bin, "bin", "", "run this cnpe-i18n binary instead of the library")
	fs.StringVar(&o.pinKey, "pin", "default_lang_commit", "front matter key of the site's commit pins")
	fs.StringVar(&o.flagKey, "flag", "", `the site's banner flag (opentelemetry.io: drifted_from_default), configured in the run with pins ignored: a commit that clears it is a review`)
	fs.StringVar(&o.content, "content-map", "auto", `write a "content:" map of every language directory under -content into the config: auto (when the tool finds no translation language), always or never`)
	fs.StringVar(&o.layout.Dir, "content", "content", "content directory holding one directory per language")
	fs.StringVar(&o.layout.Source, "source", "en", "source language")
	fs.StringVar(&o.work, "work", "", "scratch directory for the checkout (default: a temporary one, removed after)")
	fs.BoolVar(&o.verbose, "v", false, "print one line per pinned page")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if o.repo == "" || fs.NArg() > 0 {
		return nil, fmt.Errorf("usage: pins -repo DIR [-bin PATH] [-content-map auto|always|never]")
	}
	switch o.content {
	case "auto", "always", "never":
	default:
		return nil, fmt.Errorf("-content-map %q: want auto, always or never", o.content)
	}
	return o, nil
}

// pinned is one translation pinned to a commit, and what the tool inferred.
type pinned struct {
	Lang, Translation, Source string
	Pin                       string
	PinBlob                   string // the source at the pin; empty when the pin does not resolve
	// PinPath is the source's name at the pin: Source, or an earlier
	// name of it (renamed since), "" when the pin does not resolve.
	PinPath string
	// State is the page's state in the run judged (stub, orphan, …).
	State     string
	Base      *baseView
	SameBlob  bool
	SameWords bool   // the base's translatable units have the pinned words
	SameFlags bool   // the tool flags exactly the source units whose words changed since the pin
	Relation  string // of the base's commit to the pin: older, newer, unrelated, same, none
	// UnitWords: every translated unit's base has, for that unit, the
	// English words the run with the pins honoured gives it (so each
	// unit's verdict is the same); the per-unit reading of SameWords.
	UnitWords bool
	// SameStale: the run with pins ignored lists exactly the stale units
	// of the run with pins honoured.
	SameStale bool
}

func runPins(ctx context.Context, o *pinsOptions, stdout, stderr io.Writer) error {
	start := time.Now()
	work, cleanup, err := scratch(o.work)
	if err != nil {
		return err
	}
	defer cleanup()
	clone, err := cloneShared(ctx, o.repo, work)
	if err != nil {
		return err
	}
	if _, err := gitOut(ctx, clone, "checkout", "-q", "-f", "--detach", "HEAD"); err != nil {
		return err
	}
	cfgNote, err := writePinsConfig(o, clone, flagged(pinsIgnored, o.flagKey), stderr)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "pins: %s\n", cfgNote)
	if o.flagKey != "" {
		fmt.Fprintf(stderr, "pins: banner flag %s configured: a commit that clears it is a review\n", o.flagKey)
	}
	bl, err := openBlobs(ctx, clone)
	if err != nil {
		return err
	}
	defer bl.close()
	pages, err := findPinned(ctx, clone, o.layout, o.pinKey, bl)
	if err != nil {
		return err
	}
	run := newRunner(o.bin)
	rep, err := run.status(ctx, clone, nil, nil)
	if err != nil {
		return err
	}
	// The reference: the same tree with the site's pins honoured.
	if _, err := writePinsConfig(o, clone, flagged(pinsHonoured, o.flagKey), io.Discard); err != nil {
		return err
	}
	ref, err := run.status(ctx, clone, nil, nil)
	if err != nil {
		return err
	}
	byTr, refTr := byTranslation(rep), byTranslation(ref)
	for i := range pages {
		p := &pages[i]
		if err := judge(ctx, clone, bl, p, byTr[p.Translation]); err != nil {
			return err
		}
		if p.PinBlob != "" {
			p.UnitWords, p.SameStale = compareUnits(byTr[p.Translation], refTr[p.Translation])
		}
	}
	writePins(stdout, pages, o.verbose)
	fmt.Fprintf(stderr, "pins: done in %s\n", time.Since(start).Round(time.Second))
	return nil
}

func byTranslation(r *report) map[string]*pageView {
	m := map[string]*pageView{}
	for k := range r.Pages {
		m[r.Pages[k].Translation] = &r.Pages[k]
	}
	return m
}

// writePinsConfig writes the clone's cnpe-i18n.yaml: the pin setting
// (pins(o.pinKey)) and, when asked or needed, every language directory
// mapped.
func writePinsConfig(o *pinsOptions, clone string, pins func(key string) string, stderr io.Writer) (string, error) {
	// The repository's own configuration: the clone's is the one written
	// by an earlier run.
	cfg, err := site.LoadConfig(o.repo)
	if err != nil {
		return "", err
	}
	mapDirs := o.content == "always"
	if o.content == "auto" {
		l, err := site.DetectLayout(clone, cfg)
		mapDirs = err != nil || len(l.Targets()) == 0 || oneDir(l)
		if mapDirs {
			fmt.Fprintf(stderr, "pins: the tool reads %s as one language (issue 12); mapping -content's directories\n", o.repo)
		}
	}
	var b strings.Builder
	b.WriteString(pins(o.pinKey))
	note := "pins ignored (pin_key: " + ignoredPinKey + "); languages as the tool detects them"
	if mapDirs {
		ents, err := os.ReadDir(filepath.Join(clone, filepath.FromSlash(o.layout.Dir)))
		if err != nil {
			return "", err
		}
		fmt.Fprintf(&b, "source: %s\ncontent:\n", o.layout.Source)
		var langs []string
		for _, e := range ents {
			if e.IsDir() {
				fmt.Fprintf(&b, "  %s: %s/%s\n", e.Name(), o.layout.Dir, e.Name())
				langs = append(langs, e.Name())
			}
		}
		note = fmt.Sprintf("pins ignored (pin_key: %s); content: map written for %s", ignoredPinKey, strings.Join(langs, ","))
	}
	// What else the repository configures, carried over.
	if cfg.Site != "" {
		fmt.Fprintf(&b, "site: %q\n", cfg.Site)
	}
	for key, list := range map[string][]string{"languages": cfg.Languages, "translatable_keys": cfg.TranslatableKeys, "ignore": cfg.Ignore} {
		if len(list) > 0 {
			fmt.Fprintf(&b, "%s:\n", key)
			for _, v := range list {
				fmt.Fprintf(&b, "  - %q\n", v)
			}
		}
	}
	return note, os.WriteFile(filepath.Join(clone, site.ConfigFile), []byte(b.String()), 0o644)
}

// oneDir reports a site read as one language: languages share a content
// directory that holds a directory named after one of them.
func oneDir(l *site.Layout) bool {
	dirs := map[string]int{}
	for _, lang := range l.Languages {
		dirs[lang.ContentDir]++
	}
	for _, lang := range l.Languages {
		if dirs[lang.ContentDir] < 2 {
			continue
		}
		if fi, err := os.Stat(filepath.Join(l.Root, filepath.FromSlash(lang.ContentDir), lang.Code)); err == nil && fi.IsDir() {
			return true
		}
	}
	return false
}

// findPinned lists the translations with a commit pin and resolves each pin
// to the source's blob at that commit: under the source's name now, or,
// when the source was renamed since, under the name it had then.
func findPinned(ctx context.Context, root string, l contentLayout, key string, bl *blobs) ([]pinned, error) {
	var out []pinned
	var rn map[string][]string
	renames := func() (map[string][]string, error) {
		var err error
		if rn == nil {
			rn, err = renamesOf(ctx, root, l.Dir+"/"+l.Source)
		}
		return rn, err
	}
	base := filepath.Join(root, filepath.FromSlash(l.Dir))
	err := filepath.WalkDir(base, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		lang, page, ok := l.split(rel)
		if !ok || lang == l.Source {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		doc, err := parse.Config{FrontMatterOnly: true}.Parse(rel, data)
		if err != nil {
			return nil // not ours to report: the tool's run names it
		}
		f := doc.Field(key)
		if f == nil || strings.TrimSpace(f.Text) == "" {
			return nil
		}
		pg := pinned{Lang: lang, Translation: rel, Source: l.page(l.Source, page), Pin: strings.TrimSpace(f.Text)}
		pg.PinPath, pg.PinBlob, err = pinnedSource(bl, renames, pg.Pin, pg.Source)
		if err != nil {
			return err
		}
		out = append(out, pg)
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Translation < out[j].Translation })
	return out, err
}

// pinnedSource is the source page as it stood in the pinned commit: its
// name then (source, its other Hugo spelling, x.md for x/index.md and
// back, or an earlier name, see renames) and its blob; both "" when the
// commit has none of them.
func pinnedSource(bl *blobs, renames func() (map[string][]string, error), pin, source string) (name, blob string, err error) {
	names := []string{source}
	add := func(n string) {
		for _, n := range []string{n, bundleTwin(n)} {
			if n != "" && !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
	}
	add(source)
	var rn map[string][]string
	for i := 0; i < len(names); i++ {
		if _, id, ok, err := bl.read(pin + ":" + names[i]); err != nil || ok {
			return names[i], id, err
		}
		if i == len(names)-1 && rn == nil {
			// Not there under the names now: the names the source had,
			// renames of renames too.
			if rn, err = renames(); err != nil {
				return "", "", err
			}
			for j := 0; j < len(names); j++ {
				for _, old := range rn[names[j]] {
					add(old)
				}
			}
		}
	}
	return "", "", nil
}

// renamesOf maps each page under dir (its .md files) to the names it was
// renamed from, newest first, from one "git log" with rename detection
// limited to those pages (a path-limited --follow reads other objects
// too, and a partial clone lacks some).
func renamesOf(ctx context.Context, root, dir string) (map[string][]string, error) {
	// -z: git quotes a name with bytes outside ASCII otherwise.
	out, err := gitOut(ctx, root, "log", "-M", "-z", "--diff-filter=R", "--name-status", "--format=", "--", dir+"/*.md")
	if err != nil {
		return nil, err
	}
	m := map[string][]string{}
	f := strings.Split(out, "\x00")
	for i := 0; i+2 < len(f); i++ {
		if status := strings.TrimLeft(f[i], "\n"); strings.HasPrefix(status, "R") {
			m[f[i+2]] = append(m[f[i+2]], f[i+1])
			i += 2
		}
	}
	return m, nil
}

// bundleTwin is the other Hugo spelling of a page: x/index.md for x.md
// and back ("" for _index.md and other names).
func bundleTwin(p string) string {
	dir, file := path.Split(p)
	ext := path.Ext(file)
	switch {
	case file == "index"+ext:
		if dir == "" {
			return ""
		}
		return strings.TrimSuffix(dir, "/") + ext
	case file != "_index"+ext && ext != "":
		return dir + strings.TrimSuffix(file, ext) + "/index" + ext
	}
	return ""
}

// judge compares the base the tool inferred with the pinned source.
func judge(ctx context.Context, root string, bl *blobs, p *pinned, page *pageView) error {
	p.Relation = "none"
	if page != nil {
		p.State = page.State
	}
	if page == nil || page.Base == nil || page.Base.Blob == "" {
		return nil
	}
	p.Base = page.Base
	if p.PinBlob == "" {
		return nil
	}
	flags, err := sameFlags(root, bl, p, page)
	if err != nil {
		return err
	}
	p.SameFlags = flags
	p.SameBlob = p.Base.Blob == p.PinBlob
	if p.SameBlob {
		p.SameWords, p.Relation = true, "same"
		return nil
	}
	same, err := sameWords(bl, p.Source, p.Base.Blob, p.PinBlob)
	if err != nil {
		return err
	}
	p.SameWords = same
	if p.Base.Commit == "" {
		p.Relation = "unknown"
		return nil
	}
	older, err := isAncestor(ctx, root, p.Base.Commit, p.Pin)
	if err != nil {
		return err
	}
	newer, err := isAncestor(ctx, root, p.Pin, p.Base.Commit)
	if err != nil {
		return err
	}
	switch {
	case older:
		p.Relation = "older"
	case newer:
		p.Relation = "newer"
	default:
		p.Relation = "unrelated"
	}
	return nil
}

// sameFlags reports whether the units the tool flags (stale, obsolete,
// new: by source unit) are the source units whose words changed between
// the pinned version and now. Unlike the page base, this holds whatever
// base each unit has.
func sameFlags(root string, bl *blobs, p *pinned, page *pageView) (bool, error) {
	data, _, ok, err := bl.read(p.PinBlob)
	if err != nil || !ok {
		return false, err
	}
	pinDoc, err := parse.Parse(p.PinPath, data)
	if err != nil {
		return false, nil
	}
	cur, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(p.Source)))
	if err != nil {
		return false, nil
	}
	curDoc, err := parse.Parse(p.Source, cur)
	if err != nil {
		return false, nil
	}
	want := map[string]bool{}
	for _, c := range change.DiffSource(pinDoc, curDoc).Changes {
		if !wordChange(c) {
			continue
		}
		if c.After != nil {
			want[c.After.ID] = true
		} else {
			want[c.Before.ID] = true
		}
	}
	got := map[string]bool{}
	for _, u := range page.Units {
		if u.State == "stale" || u.State == "obsolete" || u.State == "new" {
			got[u.SourceID] = true
		}
	}
	return maps.Equal(got, want), nil
}

// compareUnits compares a page's report with pins ignored (got) with its
// report with pins honoured (ref), unit by unit. unitWords: every
// translated unit has the same English words at its base in both runs
// (a stale or obsolete unit's source text at its base, folded to its
// words; any other translated unit's base has the words the source has
// now), so each unit's verdict is the same. sameStale: the same
// translated units are stale. Both are false when a run has no base.
func compareUnits(got, ref *pageView) (unitWords, sameStale bool) {
	if got == nil || ref == nil || got.Base == nil || ref.Base == nil || got.Base.Blob == "" || ref.Base.Blob == "" {
		return false, false
	}
	return maps.Equal(baseWords(got), baseWords(ref)), maps.Equal(unitsIn(got, "stale"), unitsIn(ref, "stale"))
}

// baseWords maps each translated unit whose base has other words than
// the source now to its state and, for a stale unit, those words. An
// obsolete unit's source unit is gone now whatever its base said (and
// the report's source_before for it is the page's last-sync source, not
// the unit's own base), so its state is compared alone.
func baseWords(p *pageView) map[string]string {
	m := map[string]string{}
	for _, u := range p.Units {
		switch u.State {
		case "stale":
			m[u.ID] = u.State + "\x00" + change.FoldWords(u.SourceBefore)
		case "obsolete":
			m[u.ID] = u.State
		}
	}
	return m
}

// unitsIn is the set of the page's units in state.
func unitsIn(p *pageView, state string) map[string]bool {
	m := map[string]bool{}
	for _, u := range p.Units {
		if u.State == state {
			m[u.ID] = true
		}
	}
	return m
}

// sameWords reports whether two versions of a source page have the same
// translatable units with the same words (text fingerprints).
func sameWords(bl *blobs, path, a, b string) (bool, error) {
	var fps [2][]parse.Fingerprint
	for i, id := range []string{a, b} {
		data, _, ok, err := bl.read(id)
		if err != nil || !ok {
			return false, err
		}
		doc, err := parse.Parse(path, data)
		if err != nil {
			return false, nil
		}
		for _, u := range doc.Units {
			if u.Translatable {
				fps[i] = append(fps[i], u.Fingerprint)
			}
		}
	}
	if len(fps[0]) != len(fps[1]) {
		return false, nil
	}
	for i := range fps[0] {
		if fps[0][i] != fps[1][i] {
			return false, nil
		}
	}
	return true, nil
}

// writePins prints the share of pinned pages whose inferred base carries
// the pinned English, per language and overall.
func writePins(w io.Writer, pages []pinned, verbose bool) {
	type count struct {
		pages, resolved, base, blob, words, flags int
		unitWords, sameStale                      int
		rel                                       map[string]int
	}
	byLang := map[string]*count{}
	all := &count{rel: map[string]int{}}
	for _, p := range pages {
		c := byLang[p.Lang]
		if c == nil {
			c = &count{rel: map[string]int{}}
			byLang[p.Lang] = c
		}
		for _, c := range []*count{c, all} {
			c.pages++
			if p.PinBlob != "" {
				c.resolved++
				c.rel[p.Relation]++
				if p.Base != nil {
					c.base++
				}
				if p.SameBlob {
					c.blob++
				}
				if p.SameWords {
					c.words++
				}
				if p.SameFlags {
					c.flags++
				}
				if p.UnitWords {
					c.unitWords++
				}
				if p.SameStale {
					c.sameStale++
				}
			}
		}
	}
	if verbose {
		tw := tabwriter.NewWriter(w, 0, 0, 1, ' ', 0)
		fmt.Fprintln(tw, "page\tpin\tpinned-blob\tbase-commit\tbase-blob\tsame-blob\tsame-words\tsame-flags\tbase-vs-pin\tunit-words\tsame-stale")
		for _, p := range pages {
			bc, bb := "-", "-"
			if p.Base != nil {
				bc, bb = short(p.Base.Commit), short(p.Base.Blob)
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%v\t%v\t%v\t%s\t%v\t%v\n", p.Translation, dash(short(p.Pin)), dash(short(p.PinBlob)), dash(bc), dash(bb), p.SameBlob, p.SameWords, p.SameFlags, p.Relation, p.UnitWords, p.SameStale)
		}
		tw.Flush()
		fmt.Fprintln(w)
	}
	langs := make([]string, 0, len(byLang))
	for l := range byLang {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "lang\tpinned\tresolved\twith-base\tsame-blob\tsame-words\tsame-flags\tunit-words\tsame-stale\tbase-older\tbase-newer\tunrelated\tno-base\t")
	row := func(name string, c *count) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%s\t%s\t%s\t%s\t%s\t%d\t%d\t%d\t%d\t\n", name, c.pages, c.resolved, c.base,
			pct(ratio(c.blob, c.resolved)), pct(ratio(c.words, c.resolved)), pct(ratio(c.flags, c.resolved)),
			pct(ratio(c.unitWords, c.resolved)), pct(ratio(c.sameStale, c.resolved)),
			c.rel["older"], c.rel["newer"], c.rel["unrelated"], c.rel["none"])
	}
	for _, l := range langs {
		row(l, byLang[l])
	}
	row("all", all)
	tw.Flush()
	writeDenominators(w, pages)
}

// writeDenominators says which pinned pages the percentages count, and
// gives the unit-words share over the other readings of "pinned page".
func writeDenominators(w io.Writer, pages []pinned) {
	var resolved, renamed, hits, stubs, orphans, stubHits, orphanHits int
	for _, p := range pages {
		if p.PinBlob == "" {
			continue
		}
		resolved++
		if p.PinPath != p.Source {
			renamed++
		}
		if p.UnitWords {
			hits++
		}
		switch p.State {
		case "stub":
			stubs++
			if p.UnitWords {
				stubHits++
			}
		case "orphan":
			orphans++
			if p.UnitWords {
				orphanHits++
			}
		}
	}
	fmt.Fprintf(w, "\npinned pages: %d translations with a pin; %d of them resolved (the pinned commit has the English page: %d under an earlier name); %d do not resolve and are not counted\n",
		len(pages), resolved, renamed, len(pages)-resolved)
	fmt.Fprintf(w, "unit-words: %d of %d resolved = %s", hits, resolved, pct(ratio(hits, resolved)))
	fmt.Fprintf(w, "; of all %d pinned = %s", len(pages), pct(ratio(hits, len(pages))))
	other := resolved - stubs - orphans
	fmt.Fprintf(w, "; without the %d stubs and %d orphans (no English page now) = %d of %d = %s\n",
		stubs, orphans, hits-stubHits-orphanHits, other, pct(ratio(hits-stubHits-orphanHits, other)))
}

// dash stands for an empty column.
func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
