package history

import (
	"bufio"
	"fmt"
	"io"
	"os/exec"
	"strings"
)

// BlobAt returns the blob id of the file at path in the tree of commit:
// what a checkout of that commit had there, by ancestry, not by date.
// Symbolic links inside the tree are followed as git stores them at that
// commit; ok is false when there is no such file (or the commit is not in
// the repository). Lookups go through long-running
// "git cat-file --batch-check" processes (one per worker at most).
func (h *History) BlobAt(commit, path string) (blob string, ok bool, err error) {
	if h == nil {
		return "", false, ErrNoHistory
	}
	if !isHex(commit) || path == "" || strings.ContainsAny(path, "\n\r\x00") {
		return "", false, nil
	}
	h.mu.Lock()
	if h.trees == nil {
		h.trees = newBatchPool(maxBatch, func() (*treeCheck, error) { return startCheck(h.root) })
	}
	pool := h.trees
	h.mu.Unlock()
	err = pool.do(func(c *treeCheck) error {
		blob, ok, err = c.blobAt(commit, path)
		return err
	}, func(error) bool { return true })
	return blob, ok, err
}

// treeCheck is "git cat-file --batch-check --follow-symlinks": one line
// in, one header line out (two for a link it cannot follow).
type treeCheck struct {
	cmd *exec.Cmd
	in  io.WriteCloser
	out *bufio.Reader
}

func startCheck(root string) (*treeCheck, error) {
	cmd, in, out, err := startBatch(root, treeMemory, "cat-file", "--batch-check=%(objectname) %(objecttype)", "--follow-symlinks")
	if err != nil {
		return nil, err
	}
	return &treeCheck{cmd: cmd, in: in, out: bufio.NewReader(out)}, nil
}

func (c *treeCheck) blobAt(commit, path string) (string, bool, error) {
	if _, err := io.WriteString(c.in, commit+":"+path+"\n"); err != nil {
		return "", false, err
	}
	return c.answer()
}

// atBatch is how many lookups BlobsAt writes before reading their
// answers, and atBytes how many bytes of requests at most: few enough
// that neither pipe (64 KiB) fills, so git never waits for a reader that
// waits for it. An answer is some 50 bytes, or, for a path the commit
// lacks, the request echoed with " missing": a long path means fewer
// lookups a batch.
const (
	atBatch = 128
	atBytes = 16 << 10
)

// atBatchFor is the batch size of lookups of path.
func atBatchFor(path string) int {
	return max(1, min(atBatch, atBytes/(len(path)+64)))
}

// BlobsAt is BlobAt for path in each of commits (blobs[i] is "" where
// BlobAt's ok would be false), asked of one process in batches: one
// round trip per batch instead of one per commit. It is what a run that
// looks a page up in many commits uses, as each round trip costs two
// context switches, often more than git's lookup.
func (h *History) BlobsAt(commits []string, path string) ([]string, error) {
	if h == nil {
		return nil, ErrNoHistory
	}
	blobs := make([]string, len(commits))
	if path == "" || strings.ContainsAny(path, "\n\r\x00") {
		return blobs, nil
	}
	var ask []int // indexes of the commits asked about
	for i, c := range commits {
		if isHex(c) {
			ask = append(ask, i)
		}
	}
	h.mu.Lock()
	if h.trees == nil {
		h.trees = newBatchPool(maxBatch, func() (*treeCheck, error) { return startCheck(h.root) })
	}
	pool := h.trees
	h.mu.Unlock()
	for len(ask) > 0 {
		n := min(len(ask), atBatchFor(path))
		err := pool.do(func(c *treeCheck) error {
			var b strings.Builder
			for _, i := range ask[:n] {
				b.WriteString(commits[i])
				b.WriteByte(':')
				b.WriteString(path)
				b.WriteByte('\n')
			}
			if _, err := io.WriteString(c.in, b.String()); err != nil {
				return err
			}
			for _, i := range ask[:n] {
				blob, _, err := c.answer()
				if err != nil {
					return err
				}
				blobs[i] = blob
			}
			return nil
		}, func(error) bool { return true })
		if err != nil {
			return nil, err
		}
		ask = ask[n:]
	}
	return blobs, nil
}

// answer reads the answer to one lookup.
func (c *treeCheck) answer() (string, bool, error) {
	line, err := c.out.ReadString('\n')
	if err != nil {
		return "", false, err
	}
	fields := strings.Fields(line)
	switch {
	case len(fields) == 2 && fields[1] == "blob" && isHex(fields[0]):
		return fields[0], true, nil
	case len(fields) == 2 && (fields[0] == "symlink" || fields[0] == "dangling" || fields[0] == "loop" || fields[0] == "notdir"):
		// A link leading out of the tree, or nowhere: its target (or the
		// name asked) follows on a line of its own.
		if _, err := c.out.ReadString('\n'); err != nil {
			return "", false, err
		}
		return "", false, nil
	case len(fields) >= 2 && fields[len(fields)-1] == "missing", len(fields) >= 2 && fields[len(fields)-1] == "ambiguous":
		return "", false, nil
	case len(fields) == 2:
		return "", false, nil // a tree or a submodule, not a file
	}
	return "", false, fmt.Errorf("git cat-file: unexpected answer %q", line)
}

func (c *treeCheck) close() error {
	c.in.Close()
	return c.cmd.Wait()
}
