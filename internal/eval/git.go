package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"strings"

	"github.com/cnpe-i18n/cnpe-i18n/sync/history"
)

// gitCmd runs git in dir through the tool's own hardened runner: the
// repositories the harness replays are not trusted either.
func gitCmd(ctx context.Context, dir string, args ...string) *exec.Cmd {
	return history.Command(ctx, dir, args...)
}

// gitOut runs git and returns its standard output.
func gitOut(ctx context.Context, dir string, args ...string) (string, error) {
	return history.Output(ctx, dir, args...)
}

// isAncestor reports whether commit a is an ancestor of (or is) b.
func isAncestor(ctx context.Context, dir, a, b string) (bool, error) {
	err := gitCmd(ctx, dir, "merge-base", "--is-ancestor", a, b).Run()
	if err == nil {
		return true, nil
	}
	if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 1 {
		return false, nil
	}
	return false, fmt.Errorf("git merge-base --is-ancestor %s %s: %w", a, b, err)
}

// blobs reads objects by name ("<blob id>" or "<commit>:<path>") through
// one "git cat-file --batch" process.
type blobs struct {
	cmd *exec.Cmd
	in  io.WriteCloser
	out *bufio.Reader
}

func openBlobs(ctx context.Context, dir string) (*blobs, error) {
	cmd := gitCmd(ctx, dir, "cat-file", "--batch")
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	return &blobs{cmd: cmd, in: in, out: bufio.NewReaderSize(out, 1<<16)}, nil
}

// read returns the object's content and its id; ok is false when it does
// not exist.
func (b *blobs) read(name string) (data []byte, id string, ok bool, err error) {
	if strings.ContainsAny(name, "\n\r") {
		return nil, "", false, fmt.Errorf("object name %q has a line break", name)
	}
	if _, err := io.WriteString(b.in, name+"\n"); err != nil {
		return nil, "", false, err
	}
	header, err := b.out.ReadString('\n')
	if err != nil {
		return nil, "", false, err
	}
	fields := strings.Fields(header)
	if len(fields) >= 2 && fields[len(fields)-1] == "missing" || len(fields) >= 2 && fields[1] == "ambiguous" {
		return nil, "", false, nil
	}
	if len(fields) != 3 {
		return nil, "", false, fmt.Errorf("git cat-file: unexpected header %q", header)
	}
	size, err := strconv.Atoi(fields[2])
	if err != nil {
		return nil, "", false, fmt.Errorf("git cat-file: unexpected header %q", header)
	}
	data = make([]byte, size+1)
	if _, err := io.ReadFull(b.out, data); err != nil {
		return nil, "", false, err
	}
	if fields[1] != "blob" {
		return nil, "", false, nil
	}
	return data[:size], fields[0], true, nil
}

func (b *blobs) close() error {
	b.in.Close()
	return b.cmd.Wait()
}
