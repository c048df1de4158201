package history

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
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

// History is the content history of a repository, read in one pass.
type History struct {
	root    string
	shallow bool
	paths   map[string][]Version // newest first
	renames map[string][]rename  // new path → where it came from
	commits int

	mu    gosync.Mutex
	batch *catFile
	check *treeCheck // BlobAt's process
}

type rename struct {
	from string
	seq  int // the renaming commit
}

// ErrNoHistory reports a directory that is not in a git repository, or a
// machine without git.
var ErrNoHistory = errors.New("no git history")

// ReadHistory reads the history of the files under paths (relative to
// root; none means everything) with one "git log" process. A shallow clone
// is read as far as it goes and reported by Shallow.
func ReadHistory(ctx context.Context, root string, paths []string) (*History, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return nil, fmt.Errorf("%w: git not found", ErrNoHistory)
	}
	out, err := gitOutput(ctx, root, "rev-parse", "--is-shallow-repository")
	if err != nil {
		return nil, fmt.Errorf("%w: not a git repository", ErrNoHistory)
	}
	h := &History{root: root, shallow: strings.TrimSpace(out) == "true",
		paths: map[string][]Version{}, renames: map[string][]rename{}}
	args := []string{"log", "--format=%x1e%H %ct", "--raw", "-z", "--no-abbrev", "-M", "--no-color", "--no-textconv", "--no-ext-diff", "--"}
	args = append(args, paths...)
	cmd := gitCommand(ctx, root, args...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	perr := h.parseLog(bufio.NewReaderSize(stdout, 1<<16))
	werr := cmd.Wait()
	if werr != nil {
		if strings.Contains(stderr.String(), "does not have any commits") {
			return h, nil
		}
		return nil, fmt.Errorf("git log: %v: %s", werr, strings.TrimSpace(stderr.String()))
	}
	return h, perr
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
			seq++
			h.commits++
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
	var out []Version
	for _, v := range h.paths[path] {
		if v.Seq > after {
			out = append(out, v)
		}
	}
	if depth > 20 {
		return out
	}
	for _, rn := range h.renames[path] {
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

// Blob returns the content of a blob, read through one long-running
// "git cat-file --batch" process. ok is false when the object is not in
// the repository (a shallow clone, or a pin to a commit never fetched).
func (h *History) Blob(id string) (data []byte, ok bool, err error) {
	if h == nil {
		return nil, false, ErrNoHistory
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.batch == nil {
		b, err := startCatFile(h.root)
		if err != nil {
			return nil, false, err
		}
		h.batch = b
	}
	return h.batch.read(id)
}

// Close stops the cat-file process.
func (h *History) Close() error {
	if h == nil {
		return nil
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	var err error
	if h.batch != nil {
		err = h.batch.close()
		h.batch = nil
	}
	if h.check != nil {
		err = errors.Join(err, h.check.close())
		h.check = nil
	}
	return err
}
