package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// zeroID is git's id of an absent blob.
const zeroID = "0000000000000000000000000000000000000000"

// commit is one commit of the first-parent line, with its changes against
// its first parent (a merge's changes are those of the branch it merged).
type commit struct {
	Hash    string
	Parent  string // first parent; empty for a root commit
	Time    int64  // committer time, Unix seconds
	Changes []fileChange
}

// fileChange is one file a commit changed. An empty blob is an absent file.
type fileChange struct {
	Path     string
	Old, New string
}

// readMainline reads the first-parent history of the files under paths,
// oldest first, with one "git log" process.
func readMainline(ctx context.Context, dir string, paths []string) ([]commit, error) {
	args := []string{"log", "--first-parent", "--diff-merges=first-parent", "--reverse",
		"--raw", "-z", "--no-abbrev", "--no-renames", "--no-textconv", "--no-ext-diff", "--no-color",
		"--format=%x1e%H %P %ct", "--"}
	cmd := gitCmd(ctx, dir, append(args, paths...)...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	commits, perr := parseLog(bufio.NewReaderSize(stdout, 1<<16))
	if err := cmd.Wait(); err != nil {
		return nil, fmt.Errorf("git log: %v: %s", err, strings.TrimSpace(stderr.String()))
	}
	return commits, perr
}

// parseLog parses the output of readMainline's git log.
func parseLog(r *bufio.Reader) ([]commit, error) {
	var out []commit
	for {
		tok, err := r.ReadString(0)
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		tok = strings.TrimLeft(strings.TrimSuffix(tok, "\x00"), "\n")
		if strings.HasPrefix(tok, "\x1e") {
			f := strings.Fields(tok[1:])
			if len(f) < 2 {
				return nil, fmt.Errorf("git log: unexpected header %q", tok)
			}
			c := commit{Hash: f[0]}
			c.Time, _ = strconv.ParseInt(f[len(f)-1], 10, 64)
			if len(f) > 2 {
				c.Parent = f[1]
			}
			out = append(out, c)
			continue
		}
		if !strings.HasPrefix(tok, ":") || len(out) == 0 {
			continue
		}
		// :oldmode newmode oldblob newblob status
		meta := strings.Fields(tok[1:])
		if len(meta) < 5 {
			return nil, fmt.Errorf("git log: unexpected entry %q", tok)
		}
		p, err := r.ReadString(0)
		if err != nil {
			return nil, fmt.Errorf("git log: truncated entry: %w", err)
		}
		ch := fileChange{Path: strings.TrimSuffix(p, "\x00"), Old: meta[2], New: meta[3]}
		if ch.Old == zeroID {
			ch.Old = ""
		}
		if ch.New == zeroID {
			ch.New = ""
		}
		c := &out[len(out)-1]
		c.Changes = append(c.Changes, ch)
	}
}
