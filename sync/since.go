package sync

import (
	"context"
	"fmt"
	"github.com/cnpe-i18n/cnpe-i18n/glossary"
	"slices"
	"strings"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

// Change set: what a pull request changed, from its merge base.
type ChangeSet struct {
	Ref string `json:"ref"`
	// Paths are the files changed since Ref (both names of a rename).
	Paths []string `json:"paths"`
	// Added and Deleted are the files that did not exist at Ref, and
	// those that no longer exist.
	Added   map[string]bool `json:"-"`
	Deleted map[string]bool `json:"-"`
}

// ChangedSince lists the files changed between ref (a merge base) and the
// working tree, with one "git diff" process.
func ChangedSince(ctx context.Context, root, ref string) (*ChangeSet, error) {
	if strings.HasPrefix(ref, "-") {
		return nil, fmt.Errorf("invalid ref %q", ref)
	}
	if _, err := gitOutput(ctx, root, "rev-parse", "--verify", "--quiet", ref+"^{commit}"); err != nil {
		return nil, fmt.Errorf("%s is not a commit of this repository (in CI, check out with fetch-depth: 0)", ref)
	}
	out, err := gitOutput(ctx, root, "diff", "--name-status", "-z", "-M", "--no-ext-diff", "--no-textconv", ref, "--")
	if err != nil {
		return nil, err
	}
	cs := &ChangeSet{Ref: ref, Added: map[string]bool{}, Deleted: map[string]bool{}}
	fields := strings.Split(strings.TrimSuffix(out, "\x00"), "\x00")
	for i := 0; i+1 < len(fields); {
		status := fields[i]
		switch {
		case strings.HasPrefix(status, "R"), strings.HasPrefix(status, "C"):
			if i+2 >= len(fields) {
				i = len(fields)
				continue
			}
			from, to := fields[i+1], fields[i+2]
			cs.Paths = append(cs.Paths, from, to)
			if status[0] == 'R' {
				cs.Deleted[from] = true
			}
			cs.Added[to] = true
			i += 3
		default:
			p := fields[i+1]
			cs.Paths = append(cs.Paths, p)
			switch status {
			case "A":
				cs.Added[p] = true
			case "D":
				cs.Deleted[p] = true
			}
			i += 2
		}
	}
	return cs, nil
}

// blobsAt returns the blob ids of paths at ref, with one "git ls-tree".
func (s *Site) blobsAt(ref string, paths []string) map[string]string {
	out := map[string]string{}
	if len(paths) == 0 {
		return out
	}
	args := append([]string{"ls-tree", "-r", "-z", ref, "--"}, paths...)
	text, err := gitOutput(context.Background(), s.Layout.Root, args...)
	if err != nil {
		return out
	}
	for _, rec := range strings.Split(text, "\x00") {
		// <mode> SP <type> SP <object> TAB <file>
		meta, file, ok := strings.Cut(rec, "\t")
		if f := strings.Fields(meta); ok && len(f) == 3 && f[1] == "blob" {
			out[file] = f[2]
		}
	}
	return out
}

// filterSince keeps what the change set does to translations: units whose
// source changed since the change set's ref, pages whose source it added
// (missing translations) or removed (orphans).
func (s *Site) filterSince(reports []PageReport, cs *ChangeSet) []PageReport {
	realOf := map[string]string{}
	for _, p := range s.pages {
		realOf[p.Path] = p.Real
	}
	var srcPaths []string
	for _, r := range reports {
		if r.Source != "" {
			srcPaths = append(srcPaths, realOf[r.Source])
		}
	}
	slices.Sort(srcPaths)
	refBlobs := s.blobsAt(cs.Ref, slices.Compact(slices.DeleteFunc(srcPaths, func(p string) bool { return p == "" })))
	type changed struct{ after, removed map[string]bool }
	bySource := map[string]changed{}
	changesOf := func(src string) changed {
		if c, ok := bySource[src]; ok {
			return c
		}
		c := changed{after: map[string]bool{}, removed: map[string]bool{}}
		bySource[src] = c
		cur, err := s.loadPath(src)
		if err != nil {
			return c
		}
		var before *parse.Document
		if blob := refBlobs[realOf[src]]; blob != "" && s.History != nil {
			vs := s.newVersions()
			before = vs.doc(blob, src)
		}
		if before == nil {
			// New since ref: every unit is new.
			for _, u := range cur.Doc.Units {
				c.after[u.Text] = true
			}
			return c
		}
		for _, ch := range DiffSource(before, cur.Doc).Changes {
			switch ch.Kind {
			case Prose, Mechanical, Added, Moved:
				c.after[ch.After.Text] = true
			case Removed:
				c.removed[ch.Before.Text] = true
			}
		}
		return c
	}
	var out []PageReport
	for _, r := range reports {
		switch r.State {
		case PageMissing:
			if cs.Added[realOf[r.Source]] || cs.Added[r.Source] {
				out = append(out, r)
			}
			continue
		case PageOrphan:
			out = append(out, r) // its source is gone; the change set may be why
			continue
		}
		if r.Source == "" {
			continue
		}
		c := changesOf(r.Source)
		var units []UnitReport
		for _, u := range r.Units {
			if c.after[u.SourceAfter] || (u.State == UnitObsolete && c.removed[u.SourceBefore]) {
				units = append(units, u)
			}
		}
		if len(units) == 0 {
			continue
		}
		r.Units = units
		// Terminology findings in the changed units only.
		var terms []glossary.Finding
		for _, f := range r.Glossary {
			for _, u := range units {
				if u.Line > 0 && f.Line >= u.Line && f.Line <= u.EndLine {
					terms = append(terms, f)
					break
				}
			}
		}
		r.Glossary = terms
		r.Words = 0
		for _, u := range units {
			if u.State == UnitStale || u.State == UnitNew {
				r.Words += CountWords(u.SourceAfter)
			}
		}
		out = append(out, r)
	}
	return out
}
