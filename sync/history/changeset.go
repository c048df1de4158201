package history

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// ChangeSet is what a pull request changed, from its merge base.
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
// working tree. Git compares the commits (ref and HEAD, trees only); the
// work tree is compared with HEAD here, by blob id, because git would run
// the repository's own filter drivers over work-tree files.
func ChangedSince(ctx context.Context, root, ref string) (*ChangeSet, error) {
	if strings.HasPrefix(ref, "-") {
		return nil, fmt.Errorf("invalid ref %q", ref)
	}
	if _, err := gitOutput(ctx, root, "rev-parse", "--verify", "--quiet", ref+"^{commit}"); err != nil {
		if err := unsafeRepository(root, err); err != nil {
			return nil, err
		}
		return nil, fmt.Errorf("%s is not a commit of this repository (in CI, check out with fetch-depth: 0)", ref)
	}
	out, err := gitOutput(ctx, root, "diff-tree", "-r", "-z", "-M", "--name-status", "--no-ext-diff", "--no-textconv", ref, "HEAD", "--")
	if err != nil {
		return nil, err
	}
	cs := &ChangeSet{Ref: ref, Added: map[string]bool{}, Deleted: map[string]bool{}}
	cs.parseNameStatus(out)
	if err := cs.addWorkTree(ctx, root); err != nil {
		return nil, err
	}
	return cs, nil
}

func (cs *ChangeSet) parseNameStatus(out string) {
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
}

// workTreeExts are the files the tool reads: pages, site configuration
// and string tables. Only these are compared with HEAD.
var workTreeExts = map[string]bool{".md": true, ".markdown": true, ".toml": true, ".yaml": true, ".yml": true, ".json": true}

// addWorkTree adds the files of HEAD that differ in the work tree. A file
// whose size and modification time are those the index recorded (and not
// racily close to the index's own) has the index's blob; any other is
// hashed here. Only regular files are read (a FIFO would block).
func (cs *ChangeSet) addWorkTree(ctx context.Context, root string) error {
	text, err := gitOutput(ctx, root, "ls-tree", "-r", "-z", "-l", "--full-tree", "HEAD")
	if err != nil {
		return nil // no commit yet: nothing to compare with
	}
	index := readIndexStat(ctx, root)
	seen := map[string]bool{}
	for _, p := range cs.Paths {
		seen[p] = true
	}
	for _, rec := range strings.Split(text, "\x00") {
		// <mode> SP <type> SP <object> SP+ <size> TAB <file>
		meta, file, ok := strings.Cut(rec, "\t")
		f := strings.Fields(meta)
		if !ok || len(f) != 4 || f[1] != "blob" || f[0] == "120000" || seen[file] || !workTreeExts[strings.ToLower(path.Ext(file))] {
			continue
		}
		e, indexed := index.entries[file]
		if indexed && e.skip {
			continue // outside a sparse checkout: absent on purpose
		}
		full := filepath.Join(root, filepath.FromSlash(file))
		info, err := os.Lstat(full)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			cs.Paths = append(cs.Paths, file)
			cs.Deleted[file] = true
			continue
		case err != nil || !info.Mode().IsRegular():
			continue
		case indexed && index.clean(e, info):
			if e.blob == f[2] {
				continue
			}
		case strconv.FormatInt(info.Size(), 10) == f[3]:
			data, err := os.ReadFile(full)
			if err != nil || BlobID(data) == f[2] {
				continue
			}
		}
		cs.Paths = append(cs.Paths, file)
	}
	return nil
}

// indexStat is what the index records of each file: its blob and the
// size and modification time the file had when the blob was taken.
type indexStat struct {
	entries map[string]indexEntry
	mtime   time.Time // of the index file itself
}

type indexEntry struct {
	blob  string
	size  int64
	mtime time.Time
	skip  bool // skip-worktree: outside a sparse checkout
}

// clean reports whether the file still has the index's blob by git's own
// rule: same size and time, written before the index was.
func (x indexStat) clean(e indexEntry, info fs.FileInfo) bool {
	return !x.mtime.IsZero() && info.Size() == e.size && info.ModTime().Equal(e.mtime) && e.mtime.Before(x.mtime)
}

// readIndexStat reads "git ls-files -s -t --debug": no file is read by
// git, so no filter runs. An index it cannot read leaves every file to be
// hashed.
func readIndexStat(ctx context.Context, root string) indexStat {
	x := indexStat{entries: map[string]indexEntry{}}
	out, err := gitOutput(ctx, root, "ls-files", "-z", "-s", "-t", "--debug", "--full-name")
	if err != nil {
		return x
	}
	if p, err := gitOutput(ctx, root, "rev-parse", "--git-path", "index"); err == nil {
		p = strings.TrimSpace(p)
		if !filepath.IsAbs(p) {
			p = filepath.Join(root, p)
		}
		if info, err := os.Stat(p); err == nil {
			x.mtime = info.ModTime()
		}
	}
	// Each NUL ends a header "<tag> <mode> <blob> <stage>\t<path>"; the
	// debug lines of that entry begin the next chunk.
	chunks := strings.Split(out, "\x00")
	for i := 0; i+1 < len(chunks); i++ {
		header := chunks[i]
		if i > 0 {
			nl := strings.LastIndexByte(header, '\n')
			header = header[nl+1:]
		}
		meta, file, ok := strings.Cut(header, "\t")
		f := strings.Fields(meta)
		if !ok || len(f) != 4 || f[3] != "0" {
			continue
		}
		e := indexEntry{blob: f[2], skip: f[0] == "S"}
		for _, line := range strings.Split(chunks[i+1], "\n") {
			line = strings.TrimSpace(line)
			if v, ok := strings.CutPrefix(line, "mtime: "); ok {
				sec, nsec, _ := strings.Cut(v, ":")
				s, err1 := strconv.ParseInt(sec, 10, 64)
				n, err2 := strconv.ParseInt(nsec, 10, 64)
				if err1 == nil && err2 == nil {
					e.mtime = time.Unix(s, n)
				}
			}
			if v, ok := strings.CutPrefix(line, "size: "); ok {
				size, _, _ := strings.Cut(v, "\t")
				e.size, _ = strconv.ParseInt(strings.TrimSpace(size), 10, 64)
			}
		}
		x.entries[file] = e
	}
	return x
}

// BlobsAt returns the blob ids of paths at ref, with one "git ls-tree";
// a path that is not in ref's tree has none.
func BlobsAt(ctx context.Context, root, ref string, paths []string) map[string]string {
	out := map[string]string{}
	if len(paths) == 0 {
		return out
	}
	args := append([]string{"ls-tree", "-r", "-z", ref, "--"}, paths...)
	text, err := gitOutput(ctx, root, args...)
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
