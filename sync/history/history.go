package history

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"path"
	"slices"
	"strconv"
	"strings"
	gosync "sync"
)

// Version is one state of a file in history.
type Version struct {
	Commit string
	Time   int64 // committer time, Unix seconds
	Seq    int   // position in log order: 0 is the newest commit
	Blob   string
	Path   string
}

// History is the content history of a repository, read in one pass of
// git log over the pages and one over the single files (see readLogs).
type History struct {
	root    string
	shallow bool
	paths   map[string][]Version // newest first
	renames map[string][]rename  // new path → where it came from
	commits int
	// newest is the first commit the log printed ("" when none).
	newest string
	// stamps are the commits the log printed, in its order (kept only
	// until logs read apart are merged).
	stamps []stamp
	// degraded says what the history lacks (renames not followed).
	degraded string
	// forward maps a renamed path to its newest new name (built on first
	// use by RenamedTo; the from field holds the new name).
	forward map[string]rename

	mu    gosync.Mutex // guards forward and the creation of the pools
	blobs *batchPool[*catFile]
	trees *batchPool[*treeCheck] // BlobAt's processes
}

// stamp is a commit and its committer time.
type stamp struct {
	commit string
	time   int64
}

type rename struct {
	from string
	seq  int // the renaming commit
}

// ErrNoHistory reports a directory that is not in a git repository, or a
// machine without git.
var ErrNoHistory = errors.New("no git history")

// ReadHistory reads the history of the files the tool reads under paths
// (relative to root; none means the whole tree) with one "git log"
// process, and one more at once for the single files among paths (see
// splitSpecs). A path with the extension of a page, a configuration or a
// string table is that file; any other is a directory, of which only
// the pages are read (Pathspecs, or the cheaper equivalent of logSpecs),
// so rename detection never reads an image. A shallow clone is read as far as it goes and reported by
// Shallow. When an object git needs for rename detection is absent (a
// partial clone), the log is read again without renames and Degraded
// says so; pages whose own versions are absent are told by Blob.
func ReadHistory(ctx context.Context, root string, paths []string) (*History, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return nil, fmt.Errorf("%w: git not found", ErrNoHistory)
	}
	out, err := gitOutput(ctx, root, "rev-parse", "--is-shallow-repository")
	if err := unsafeRepository(root, err); err != nil {
		return nil, err
	}
	if err != nil {
		return nil, fmt.Errorf("%w: not a git repository", ErrNoHistory)
	}
	shallow := strings.TrimSpace(out) == "true"
	specs := logSpecs(ctx, root, paths)
	h, stderr, err := readLogs(ctx, root, specs, "-M")
	if err != nil && strings.Contains(stderr, "unable to read") {
		missing := strings.TrimSpace(stderr)
		if h, _, err = readLogs(ctx, root, specs, "--no-renames"); err == nil {
			h.degraded = "renames not followed: " + missing + " (a partial clone or snapshot lacks objects; fetch them for rename detection)"
		}
	}
	if err != nil {
		return nil, err
	}
	h.shallow = shallow
	return h, nil
}

// ReadExts are the extensions of every file whose history is read: pages,
// Hugo configuration and string tables.
var ReadExts = []string{".md", ".markdown", ".toml", ".yaml", ".yml", ".json"}

// Pathspecs turns paths (relative to the root) into git pathspecs: a path
// with an extension of ReadExts is that file; any other is a directory,
// of which only the pages are read. "dir/*.md" is git's default pathspec
// syntax, where "*" spans directories: ":(glob)dir/**/*.md" costs git
// four times more on kubernetes/website. Each pattern costs, and a
// pattern with no directory costs most, as git must then look into every
// directory a commit changed: the rare .markdown pages are looked for in
// the directories only ("*.markdown" over the whole tree made the log of
// kubernetes/website's content/ko take 2.2 times the CPU, 2.9 s against
// 1.3 s).
func Pathspecs(paths []string) []string {
	files, dirs := splitPaths(paths)
	var markdown []string
	for _, d := range dirs {
		switch {
		case isPattern(d):
			files = append(files, ":(literal)"+d) // a name git would read as a pattern
		case d == "":
			files = append(files, "*.md")
			markdown = append(markdown, "*.markdown")
		default:
			files = append(files, d+"/*.md")
			markdown = append(markdown, d+"/*.markdown")
		}
	}
	return append(files, markdown...)
}

// splitPaths sorts paths into the pathspecs of files (":(literal)" and
// the path) and directories ("" for the whole tree).
func splitPaths(paths []string) (files, dirs []string) {
	for _, p := range paths {
		if isFile(p) {
			files = append(files, ":(literal)"+p)
		} else {
			dirs = append(dirs, p)
		}
	}
	if len(paths) == 0 || slices.Contains(dirs, ".") {
		dirs = []string{""}
	}
	return files, dirs
}

func isPattern(name string) bool { return strings.ContainsAny(name, "*?[\\") }

// isFile reports whether a path names a file the tool reads (by its
// extension, ReadExts) rather than a directory of pages.
func isFile(p string) bool { return slices.Contains(ReadExts, strings.ToLower(path.Ext(p))) }

// readLogs reads the log of specs from revs (none: HEAD) with one git log
// per group of logGroups, all at once, merged in commit order. It returns
// the stderr of a log that failed.
func readLogs(ctx context.Context, root string, specs []string, renames string, revs ...string) (*History, string, error) {
	groups := logGroups(specs)
	if len(groups) == 1 {
		h, stderr, err := readLogMemory(ctx, root, groups[0].specs, groups[0].memory, renames, revs...)
		if h != nil {
			h.stamps = nil
		}
		return h, stderr, err
	}
	type result struct {
		h      *History
		stderr string
		err    error
	}
	results := make([]result, len(groups))
	var wg gosync.WaitGroup
	for i, g := range groups {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := &results[i]
			r.h, r.stderr, r.err = readLogMemory(ctx, root, g.specs, g.memory, renames, revs...)
		}()
	}
	wg.Wait()
	logs := make([]*History, len(groups))
	for i, r := range results {
		if r.err != nil {
			return nil, r.stderr, r.err
		}
		logs[i] = r.h
	}
	return mergeLogs(logs...), "", nil
}

// logGroups are the pathspecs of the logs readLogs runs at once: the
// directories', and the single files' apart from them (see splitSpecs).
// Many single files (the pages of a pull request in every language) are
// read by two logs, cut between two top directories (content/en,
// content/ja) nearest the middle. git matches every entry of every tree
// a commit changed against every pathspec, and descends into every
// language's tree that changed: on kubernetes/website, the 105 pages of a
// pull request that edits 20 English pages (and their translations) cost
// one log 4.9 s of CPU and 5.0 s of wall time, and two logs 4.0 s of CPU
// and 2.2 s of wall time on two cores. Each log's history simplification
// considers its own pathspecs, as with the single files apart.
func logGroups(specs []string) []logGroup {
	files, rest := splitSpecs(specs)
	var groups []logGroup
	if len(rest) > 0 {
		groups = append(groups, logGroup{rest, packMemory})
	}
	if len(files) >= splitFiles {
		files = slices.Clone(files)
		slices.Sort(files)
		if cut := cutFiles(files); cut > 0 {
			return append(groups, logGroup{files[:cut], halfPackMemory}, logGroup{files[cut:], halfPackMemory})
		}
	}
	if len(files) > 0 {
		groups = append(groups, logGroup{files, packMemory})
	}
	return groups
}

// logGroup is the pathspecs of one git log of readLogs, and the pack
// memory bounds of its process.
type logGroup struct {
	specs, memory []string
}

// splitFiles is how many single files logGroups reads by two logs. Below
// it one log costs about a second or less, and a second git process
// walks the whole history again for little.
const splitFiles = 24

// cutFiles is where to cut sorted file pathspecs in two: between two
// files whose first two path elements differ, nearest the middle (0:
// nowhere). Renames are found within a log only, and a page is renamed
// within its language's tree.
func cutFiles(files []string) int {
	top := func(spec string) string {
		p := strings.TrimPrefix(spec, ":(literal)")
		if i := strings.IndexByte(p, '/'); i >= 0 {
			if j := strings.IndexByte(p[i+1:], '/'); j >= 0 {
				return p[:i+1+j]
			}
		}
		return p
	}
	cut, mid := 0, len(files)/2
	for i := 1; i < len(files); i++ {
		if top(files[i-1]) != top(files[i]) && (cut == 0 || abs(i-mid) < abs(cut-mid)) {
			cut = i
		}
	}
	return cut
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// splitSpecs separates the pathspecs of single files (the configuration,
// the string tables, a pull request's pages) from the rest. git matches
// every entry of every tree a commit changed against every pathspec, and
// a site's pages are spread over many trees: on kubernetes/website the 17
// files cost its log 1.9 s of 7.3 s of CPU when read with the pages, and
// 0.3 s on their own, as git then leaves every tree off their way unread.
// What each log selects is unchanged; only git's history simplification,
// which considers all the pathspecs of a log at once, may now keep out of
// the files' log a side branch that changed them to no effect (2 commits
// of 155 there).
func splitSpecs(specs []string) (files, rest []string) {
	for _, sp := range specs {
		if p, ok := strings.CutPrefix(sp, ":(literal)"); ok && isFile(p) {
			files = append(files, sp)
		} else {
			rest = append(rest, sp)
		}
	}
	return files, rest
}

// mergeLogs merges the histories of logs of the same commits' walk over
// other files: their commits, in the order git log prints them (newest
// committer time first; a tie keeps the earlier log's first), each once.
func mergeLogs(logs ...*History) *History {
	seqs := map[string]int{}
	var order []stamp
	next := make([]int, len(logs))
	for {
		pick := -1
		for k, l := range logs {
			if next[k] < len(l.stamps) && (pick < 0 || l.stamps[next[k]].time > logs[pick].stamps[next[pick]].time) {
				pick = k
			}
		}
		if pick < 0 {
			break
		}
		c := logs[pick].stamps[next[pick]]
		next[pick]++
		if _, ok := seqs[c.commit]; !ok {
			seqs[c.commit] = len(order)
			order = append(order, c)
		}
	}
	h := newHistory(logs[0].root)
	h.commits = len(order)
	if len(order) > 0 {
		h.newest = order[0].commit
	}
	for _, from := range logs {
		for p, vs := range from.paths {
			both := h.paths[p] // a path an earlier log read too: its versions once
			for _, v := range vs {
				v.Seq = seqs[from.stamps[v.Seq].commit]
				if !slices.ContainsFunc(both, func(w Version) bool { return w.Commit == v.Commit }) {
					h.paths[p] = append(h.paths[p], v)
				}
			}
		}
		for p, rs := range from.renames {
			both := h.renames[p]
			for _, r := range rs {
				r.seq = seqs[from.stamps[r.seq].commit]
				if !slices.Contains(both, r) {
					h.renames[p] = append(h.renames[p], r)
				}
			}
		}
	}
	for _, vs := range h.paths {
		slices.SortStableFunc(vs, func(x, y Version) int { return x.Seq - y.Seq })
	}
	for _, rs := range h.renames {
		slices.SortStableFunc(rs, func(x, y rename) int { return x.seq - y.seq })
	}
	return h
}

// readLog runs one git log over the pathspecs specs from revs, with
// renames ("-M") or without ("--no-renames"), and returns its stderr.
func readLog(ctx context.Context, root string, specs []string, renames string, revs ...string) (*History, string, error) {
	return readLogMemory(ctx, root, specs, packMemory, renames, revs...)
}

// readLogMemory is readLog in a git process with the pack memory bounds
// memory.
func readLogMemory(ctx context.Context, root string, specs, memory []string, renames string, revs ...string) (*History, string, error) {
	h := newHistory(root)
	cmd := gitCommandMemory(ctx, root, memory, logArgs(specs, renames, revs...)...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, "", err
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return nil, "", err
	}
	perr := h.parseLog(bufio.NewReaderSize(stdout, 1<<16))
	werr := cmd.Wait()
	if werr != nil {
		if strings.Contains(stderr.String(), "does not have any commits") {
			return h, "", nil
		}
		return nil, stderr.String(), fmt.Errorf("git log: %v: %s", werr, strings.TrimSpace(stderr.String()))
	}
	return h, "", perr
}

func newHistory(root string) *History {
	return &History{root: root, paths: map[string][]Version{}, renames: map[string][]rename{}}
}

// logArgs is the git log of readLog over the pathspecs specs; revs (a
// commit) goes before them, none means HEAD.
func logArgs(specs []string, renames string, revs ...string) []string {
	args := []string{"log", "--format=%x1e%H %ct", "--raw", "-z", "--no-abbrev", renames, "--no-color", "--no-textconv", "--no-ext-diff"}
	args = append(append(args, revs...), "--")
	return append(args, specs...)
}

// parseLog reads "git log --raw -z" output: a record separator, the
// commit and its time, then NUL-separated raw diff entries.
func (h *History) parseLog(r *bufio.Reader) error {
	var commit string
	var ctime int64
	seq := -1
	for {
		tok, err := r.ReadString(0)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		tok = strings.TrimSuffix(tok, "\x00")
		tok = strings.TrimLeft(tok, "\n")
		if strings.HasPrefix(tok, "\x1e") {
			fields := strings.Fields(tok[1:])
			if len(fields) != 2 {
				return fmt.Errorf("git log: unexpected header %q", tok)
			}
			commit = fields[0]
			ctime, _ = strconv.ParseInt(fields[1], 10, 64)
			if seq++; seq == 0 {
				h.newest = commit
			}
			h.commits++
			h.stamps = append(h.stamps, stamp{commit, ctime})
			continue
		}
		if !strings.HasPrefix(tok, ":") {
			continue
		}
		// :oldmode newmode oldblob newblob status
		meta := strings.Fields(tok[1:])
		if len(meta) < 5 {
			return fmt.Errorf("git log: unexpected entry %q", tok)
		}
		newBlob, status := meta[3], meta[4]
		p, err := readField(r)
		if err != nil {
			return err
		}
		switch status[0] {
		case 'R', 'C':
			to, err := readField(r)
			if err != nil {
				return err
			}
			if status[0] == 'R' {
				h.renames[to] = append(h.renames[to], rename{from: p, seq: seq})
			}
			p = to
		case 'D':
			newBlob = ""
		}
		h.paths[p] = append(h.paths[p], Version{Commit: commit, Time: ctime, Seq: seq, Blob: newBlob, Path: p})
	}
}

func readField(r *bufio.Reader) (string, error) {
	s, err := r.ReadString(0)
	if err != nil {
		return "", fmt.Errorf("git log: truncated entry: %w", err)
	}
	return strings.TrimSuffix(s, "\x00"), nil
}

// Shallow reports a shallow clone: history may stop before a translation
// was made.
func (h *History) Shallow() bool { return h != nil && h.shallow }

// Degraded says what the history lacks, when a partial clone kept git
// from following renames; "" when nothing.
func (h *History) Degraded() string {
	if h == nil {
		return ""
	}
	return h.degraded
}

// Commits is the number of commits read.
func (h *History) Commits() int {
	if h == nil {
		return 0
	}
	return h.commits
}

// Versions returns the versions of the file at path, newest first,
// following renames. A deletion is a version with an empty Blob.
func (h *History) Versions(path string) []Version {
	if h == nil {
		return nil
	}
	return h.versions(path, -1, 0)
}

func (h *History) versions(path string, after int, depth int) []Version {
	own := h.paths[path]
	renames := h.renames[path]
	if len(renames) == 0 && after < 0 {
		// Most pages were never renamed: their versions, already in log
		// order, as they are.
		return slices.Clone(own)
	}
	var out []Version
	for _, v := range own {
		if v.Seq > after {
			out = append(out, v)
		}
	}
	if depth > 20 {
		return out
	}
	for _, rn := range renames {
		if rn.seq <= after {
			continue
		}
		// Versions of the old name from before the rename.
		for _, v := range h.versions(rn.from, rn.seq, depth+1) {
			if v.Blob != "" {
				out = append(out, v)
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Version) int { return a.Seq - b.Seq })
	return out
}

// Blob returns the content of a blob, read through long-running
// "git cat-file --batch" processes (one per worker at most). ok is false
// when the object is not in the repository (a shallow clone, or a pin to
// a commit never fetched).
func (h *History) Blob(id string) (data []byte, ok bool, err error) {
	if h == nil {
		return nil, false, ErrNoHistory
	}
	if !isHex(id) {
		return nil, false, fmt.Errorf("invalid object id %q", id)
	}
	h.mu.Lock()
	if h.blobs == nil {
		h.blobs = newBatchPool(maxBatch, func() (*catFile, error) { return startCatFile(h.root) })
	}
	pool := h.blobs
	h.mu.Unlock()
	err = pool.do(func(c *catFile) error {
		data, ok, err = c.read(id)
		return err
	}, brokenBatch)
	return data, ok, err
}

// brokenBatch tells a failure that leaves a batch process out of step
// (a pipe error) from an answer that was read whole (not a blob).
func brokenBatch(err error) bool {
	var nb *NotBlobError
	return !errors.As(err, &nb)
}

// RenamedTo follows the renames of a path forward, newest rename first at
// each step: the path's name now, or "" when git saw no rename of it.
func (h *History) RenamedTo(old string) string {
	if h == nil {
		return ""
	}
	h.mu.Lock()
	if h.forward == nil {
		h.forward = map[string]rename{}
		for to, rs := range h.renames {
			for _, r := range rs {
				if cur, ok := h.forward[r.from]; !ok || r.seq < cur.seq {
					h.forward[r.from] = rename{from: to, seq: r.seq}
				}
			}
		}
	}
	h.mu.Unlock()
	cur, seen := old, map[string]bool{old: true}
	for {
		next, ok := h.forward[cur]
		if !ok || seen[next.from] {
			break
		}
		seen[next.from] = true
		cur = next.from
	}
	if cur == old {
		return ""
	}
	return cur
}

// HeadCommit is the commit checked out at root.
func HeadCommit(ctx context.Context, root string) (string, error) {
	out, err := gitOutput(ctx, root, "rev-parse", "--verify", "HEAD^{commit}")
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(out), nil
}

// Close stops the cat-file processes.
func (h *History) Close() error {
	if h == nil {
		return nil
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	var err error
	if h.blobs != nil {
		err = h.blobs.close()
		h.blobs = nil
	}
	if h.trees != nil {
		err = errors.Join(err, h.trees.close())
		h.trees = nil
	}
	return err
}
