package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
	"github.com/cnpe-i18n/cnpe-i18n/sync/site"
)

// replayOptions are the flags of the replay command.
type replayOptions struct {
	repo    string
	langs   []string
	max     int
	since   int64
	bin     string
	seed    uint64
	layout  contentLayout
	work    string
	verbose bool
	saved   bool
	explain string
}

func parseReplay(args []string, stderr io.Writer) (*replayOptions, error) {
	fs := flag.NewFlagSet("replay", flag.ContinueOnError)
	fs.SetOutput(stderr)
	o := &replayOptions{}
	var langs, since string
	fs.StringVar(&o.repo, "repo", "", "the repository to replay (a git work tree; read only)")
	fs.StringVar(&langs, "langs", "", "languages to sample (comma-separated; default all)")
	fs.IntVar(&o.max, "max", 150, "catch-up pages to replay (0: all)")
	fs.StringVar(&since, "since", "", "only catch-ups committed on or after this date (YYYY-MM-DD)")
	fs.StringVar(&o.bin, "bin", "", "run this cnpe-i18n binary instead of the library")
	fs.Uint64Var(&o.seed, "seed", 1, "seed of the sample")
	fs.StringVar(&o.layout.Dir, "content", "content", "content directory holding one directory per language")
	fs.StringVar(&o.layout.Source, "source", "en", "source language")
	fs.StringVar(&o.work, "work", "", "scratch directory for the checkout (default: a temporary one, removed after)")
	fs.BoolVar(&o.verbose, "v", false, "print one line per catch-up page")
	fs.BoolVar(&o.saved, "saved", false, "score only the commits whose report the -work directory saved (a partial run), running nothing")
	fs.StringVar(&o.explain, "explain", "", "write each flagged unit and each missed English-driven unit to this file, one JSON object a line, for reading by hand")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if o.repo == "" || fs.NArg() > 0 {
		return nil, fmt.Errorf("usage: replay -repo DIR [-langs ko,ja] [-max N] [-since DATE] [-bin PATH]")
	}
	if langs != "" {
		o.langs = strings.Split(langs, ",")
	}
	if since != "" {
		t, err := time.Parse(time.DateOnly, since)
		if err != nil {
			return nil, fmt.Errorf("-since %q: want YYYY-MM-DD", since)
		}
		o.since = t.Unix()
	}
	return o, nil
}

// replayed is one catch-up page replayed: what the tool said at the parent
// and what the commit did.
type replayed struct {
	cand    candidate
	page    *pageView // nil when the report has no such page
	score   score
	checked bool // the base had a commit and a translating commit
	ancest  bool // and the first is an ancestor of the second
	// unitBases counts the units with a base of their own and a
	// translating commit; offTree those whose base is not the source in
	// that commit's tree.
	unitBases, offTree int
}

func runReplay(ctx context.Context, o *replayOptions, stdout, stderr io.Writer) error {
	start := time.Now()
	results, err := replay(ctx, o, stderr)
	if err != nil {
		return err
	}
	writeReplay(stdout, results, o.verbose)
	fmt.Fprintf(stderr, "replay: done in %s\n", time.Since(start).Round(time.Second))
	return nil
}

// replay finds the catch-ups, samples them and replays each commit's.
// Commits that cannot be replayed are reported on stderr and skipped.
func replay(ctx context.Context, o *replayOptions, stderr io.Writer) ([]replayed, error) {
	start := time.Now()
	cfg, err := site.LoadConfig(o.repo)
	if err != nil {
		return nil, err
	}
	pcfg := parse.Config{TranslatableKeys: cfg.TranslatableKeys}
	commits, err := readMainline(ctx, o.repo, []string{o.layout.Dir})
	if err != nil {
		return nil, err
	}
	cands := findCatchUps(commits, o.layout, o.langs, o.since)
	bl, err := openBlobs(ctx, o.repo)
	if err != nil {
		return nil, err
	}
	defer bl.close()
	docs := map[string]catchUpDocs{} // by commit and translation
	read := func(c candidate) bool {
		d, err := readDocs(bl, pcfg, c)
		if err != nil {
			fmt.Fprintf(stderr, "%s %s: %v\n", short(c.Commit), c.Translation, err)
			return false
		}
		if !d.confirmed() {
			return false
		}
		readEarlier(bl, pcfg, c, &d)
		docs[c.Commit+" "+c.Translation] = d
		return true
	}
	picked := sample(cands, o.max, o.seed, read)
	fmt.Fprintf(stderr, "replay: %d first-parent commits, %d candidate changes, %d catch-up pages picked (%s)\n",
		len(commits), len(cands), len(picked), time.Since(start).Round(time.Second))
	work, cleanup, err := scratch(o.work)
	if err != nil {
		return nil, err
	}
	defer cleanup()
	clone, err := cloneShared(ctx, o.repo, work)
	if err != nil {
		return nil, err
	}
	run := newRunner(o.bin)
	if o.saved {
		run = nil
	}
	var notes []unitNote
	explain := func(r replayed, t truth) {
		if o.explain == "" {
			return
		}
		d := docs[r.cand.Commit+" "+r.cand.Translation]
		notes = append(notes, explainPage(pcfg, r, d, t, func() []*parse.Document {
			return readLater(bl, pcfg, r.cand)
		})...)
	}
	var results []replayed
	for i := 0; i < len(picked); {
		j := i
		for j < len(picked) && picked[j].Commit == picked[i].Commit {
			j++
		}
		group := picked[i:j]
		i = j
		rs, err := replayCommit(ctx, run, bl, o.repo, clone, filepath.Join(work, "reports"), group, docs, explain)
		if err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", short(group[0].Commit), err)
			continue
		}
		results = append(results, rs...)
	}
	if len(results) == 0 && len(picked) > 0 {
		return nil, fmt.Errorf("none of the %d catch-up commits could be replayed (see the errors above)", len(picked))
	}
	if o.explain != "" {
		f, err := os.Create(o.explain)
		if err != nil {
			return nil, err
		}
		err = writeNotes(f, notes)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return nil, err
		}
	}
	return results, nil
}

// readLater reads the translation's versions after the catch-up, as far
// as they read and parse.
func readLater(bl *blobs, pcfg parse.Config, c candidate) []*parse.Document {
	var out []*parse.Document
	for _, v := range c.Later {
		data, _, ok, err := bl.read(v.Tr)
		if err != nil || !ok {
			break
		}
		doc, err := pcfg.Parse(c.Translation, data)
		if err != nil {
			break
		}
		out = append(out, doc)
	}
	return out
}

// readDocs reads and parses the four versions of a catch-up.
func readDocs(bl *blobs, pcfg parse.Config, c candidate) (catchUpDocs, error) {
	var d catchUpDocs
	for _, v := range []struct {
		doc  **parse.Document
		blob string
		path string
	}{
		{&d.TrBefore, c.TrBefore, c.Translation}, {&d.TrAfter, c.TrAfter, c.Translation},
		{&d.SrcPrev, c.SrcPrev, c.Source}, {&d.SrcParent, c.SrcParent, c.Source},
	} {
		data, _, ok, err := bl.read(v.blob)
		if err != nil {
			return d, err
		}
		if !ok {
			return d, fmt.Errorf("blob %s of %s is missing", short(v.blob), v.path)
		}
		if *v.doc, err = pcfg.Parse(v.path, data); err != nil {
			return d, err
		}
	}
	return d, nil
}

// readEarlier reads the translation's earlier versions, as far back as
// they parse and have a source.
func readEarlier(bl *blobs, pcfg parse.Config, c candidate, d *catchUpDocs) {
	d.Earlier = []versionDocs{{Tr: d.TrBefore, Src: d.SrcPrev}}
	if len(c.Earlier) < 2 {
		return
	}
	for _, v := range c.Earlier[1:] {
		if v.Src == "" {
			return
		}
		var docs [2]*parse.Document
		for i, f := range [2][2]string{{v.Tr, c.Translation}, {v.Src, c.Source}} {
			data, _, ok, err := bl.read(f[0])
			if err != nil || !ok {
				return
			}
			if docs[i], err = pcfg.Parse(f[1], data); err != nil {
				return
			}
		}
		d.Earlier = append(d.Earlier, versionDocs{Tr: docs[0], Src: docs[1]})
	}
}

// replayCommit checks out the parent of one commit and runs status on the
// translations it caught up.
func replayCommit(ctx context.Context, run statusRunner, bl *blobs, repo, clone, cache string, group []candidate, docs map[string]catchUpDocs, explain func(replayed, truth)) ([]replayed, error) {
	var paths, langs []string
	for _, c := range group {
		paths = append(paths, c.Translation)
		if !slices.Contains(langs, c.Lang) {
			langs = append(langs, c.Lang)
		}
	}
	rep, err := cachedStatus(ctx, run, clone, cache, group[0].Commit, paths, langs)
	if err != nil {
		return nil, err
	}
	var out []replayed
	for _, c := range group {
		r := replayed{cand: c}
		for k := range rep.Pages {
			if rep.Pages[k].Translation == c.Translation {
				r.page = &rep.Pages[k]
			}
		}
		var flagged []string
		news := 0
		if r.page != nil {
			for _, u := range r.page.Units {
				switch {
				case (u.State == "stale" || u.State == "obsolete") && u.Line > 0:
					flagged = append(flagged, u.ID)
				case u.State == "new":
					news++
				}
			}
			if r.unitBases, r.offTree, err = unitBasesOffTree(bl, r.page); err != nil {
				return nil, err
			}
			if b := r.page.Base; b != nil && b.Commit != "" && b.TranslatedIn != "" {
				r.checked = true
				if r.ancest, err = isAncestor(ctx, repo, b.Commit, b.TranslatedIn); err != nil {
					return nil, err
				}
			}
		}
		t := commitTruth(docs[c.Commit+" "+c.Translation])
		r.score = scoreUnits(flagged, news, t)
		explain(r, t)
		out = append(out, r)
	}
	return out, nil
}

// unitBasesOffTree checks the units' own bases: each must be the source
// as it stood in the tree of the commit that last changed the unit.
func unitBasesOffTree(bl *blobs, page *pageView) (checked, off int, err error) {
	for _, u := range page.Units {
		b := u.Base
		if b == nil || b.TranslatedIn == "" || b.Blob == "" || page.Source == "" {
			continue
		}
		_, id, ok, err := bl.read(b.TranslatedIn + ":" + page.Source)
		if err != nil {
			return checked, off, err
		}
		checked++
		if !ok || id != b.Blob {
			off++
		}
	}
	return checked, off, nil
}

// cachedStatus runs status at the parent of commit on the paths, or reads
// the report an earlier run with the same scratch directory saved: the
// scoring can then change without running the tool again. (One scratch
// directory per version of the tool.) With no runner (-saved), a commit
// with no saved report is an error.
func cachedStatus(ctx context.Context, run statusRunner, clone, cache, commit string, paths, langs []string) (*report, error) {
	key := filepath.Join(cache, commit+".json")
	if data, err := os.ReadFile(key); err == nil {
		var saved struct {
			Paths  []string
			Report *report
		}
		if json.Unmarshal(data, &saved) == nil && slices.Equal(saved.Paths, paths) && saved.Report != nil {
			return saved.Report, nil
		}
	}
	if run == nil {
		return nil, fmt.Errorf("no saved report")
	}
	if _, err := gitOut(ctx, clone, "checkout", "-q", "-f", "--detach", commit+"^1"); err != nil {
		return nil, err
	}
	rep, err := run.status(ctx, clone, paths, langs)
	if err != nil {
		return nil, err
	}
	data, err := json.Marshal(struct {
		Paths  []string
		Report *report
	}{paths, rep})
	if err == nil && os.MkdirAll(cache, 0o755) == nil {
		err = os.WriteFile(key, data, 0o644)
	}
	return rep, err
}

// scratch returns the scratch directory, made when dir is empty, locked
// for this run: two runs checking out in one clone would replay each
// other's trees.
func scratch(dir string) (string, func(), error) {
	remove := dir == ""
	if remove {
		d, err := os.MkdirTemp("", "cnpe-eval-")
		if err != nil {
			return "", nil, err
		}
		dir = d
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", nil, err
	}
	lock := filepath.Join(dir, "lock")
	f, err := os.OpenFile(lock, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if err != nil {
		return "", nil, fmt.Errorf("scratch directory %s is in use by another run (remove %s if it is not): %w", dir, lock, err)
	}
	f.Close()
	return dir, func() {
		os.Remove(lock)
		if remove {
			os.RemoveAll(dir)
		}
	}, nil
}

// sparse are the files checked out: pages, site configuration and string
// tables (snapshots may lack image blobs, which checkout would need).
var sparse = []string{"*.md", "hugo.*", "config.*", "config/", "module.*", "module-template.yaml", "i18n/", "cnpe-i18n*.yaml"}

// cloneShared makes a sparse clone of repo that borrows its objects, for
// checkouts that leave repo untouched; an existing one is reused.
func cloneShared(ctx context.Context, repo, work string) (string, error) {
	dir := filepath.Join(work, "clone")
	if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
		return dir, nil
	}
	abs, err := filepath.Abs(repo)
	if err != nil {
		return "", err
	}
	// The hardened runner allows no transport; a clone of a local
	// path needs git's file transport and nothing else.
	clone := gitCmd(ctx, work, "clone", "-q", "--shared", "--no-checkout", abs, dir)
	clone.Env = append(clone.Env, "GIT_ALLOW_PROTOCOL=file")
	if out, err := clone.CombinedOutput(); err != nil {
		return "", fmt.Errorf("git clone %s: %v: %s", abs, err, strings.TrimSpace(string(out)))
	}
	if _, err := gitOut(ctx, dir, append([]string{"sparse-checkout", "set", "--no-cone"}, sparse...)...); err != nil {
		return "", err
	}
	return dir, nil
}

func short(id string) string {
	if len(id) > 10 {
		return id[:10]
	}
	return id
}
