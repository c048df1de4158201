package history

import (
	"bufio"
	"context"
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"strings"
)

type catFile struct {
	cmd *exec.Cmd
	in  io.WriteCloser
	out *bufio.Reader
}

func startCatFile(root string) (*catFile, error) {
	cmd, in, out, err := startBatch(root, batchMemory, "cat-file", "--batch")
	if err != nil {
		return nil, err
	}
	return &catFile{cmd: cmd, in: in, out: bufio.NewReaderSize(out, 1<<16)}, nil
}

// startBatch starts a long-running git process (cat-file --batch and its
// kin) through the hardened runner, with the pack memory bounds memory
// and pipes to its input and output.
func startBatch(root string, memory []string, args ...string) (*exec.Cmd, io.WriteCloser, io.Reader, error) {
	cmd := gitCommandMemory(context.Background(), root, memory, args...)
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, nil, nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, nil, nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, nil, nil, err
	}
	return cmd, in, out, nil
}

func (c *catFile) read(id string) ([]byte, bool, error) {
	if !isHex(id) {
		return nil, false, fmt.Errorf("invalid object id %q", id)
	}
	_, data, ok, err := c.request(id)
	return data, ok, err
}

// request asks for an object by name (an id, or <commit>:<path>) and
// returns its id and content.
func (c *catFile) request(name string) (string, []byte, bool, error) {
	if _, err := io.WriteString(c.in, name+"\n"); err != nil {
		return "", nil, false, err
	}
	header, err := c.out.ReadString('\n')
	if err != nil {
		return "", nil, false, err
	}
	fields := strings.Fields(header)
	if n := len(fields); n >= 2 && (fields[n-1] == "missing" || fields[n-1] == "ambiguous") {
		return "", nil, false, nil
	}
	if len(fields) != 3 {
		return "", nil, false, fmt.Errorf("git cat-file: unexpected header %q", header)
	}
	size, err := strconv.Atoi(fields[2])
	if err != nil {
		return "", nil, false, fmt.Errorf("git cat-file: unexpected header %q", header)
	}
	data := make([]byte, size+1) // content and a trailing newline
	if _, err := io.ReadFull(c.out, data); err != nil {
		return "", nil, false, err
	}
	if fields[1] != "blob" {
		return "", nil, false, &NotBlobError{ID: name, Kind: fields[1]}
	}
	return fields[0], data[:size], true, nil
}

// NotBlobError is an object id that names something other than a blob: a
// commit, a tree or a tag of the repository.
type NotBlobError struct {
	ID, Kind string
}

func (e *NotBlobError) Error() string {
	return fmt.Sprintf("object %s is a %s, not a blob", e.ID, e.Kind)
}

func (c *catFile) close() error {
	c.in.Close()
	return c.cmd.Wait()
}

// BlobID is the git object id of content, as "git hash-object" computes it.
func BlobID(content []byte) string {
	h := sha1.New()
	fmt.Fprintf(h, "blob %d\x00", len(content))
	h.Write(content)
	return hex.EncodeToString(h.Sum(nil))
}

func isHex(s string) bool {
	if len(s) < 4 || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}
