package main

import (
	"bufio"
	"bytes"
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// genOptions size the synthetic repository. The defaults follow the
// Markdown-only history of kubernetes/website (see stats.go for how they
// were measured).
type genOptions struct {
	Dir     string
	Pages   int // English pages at the end (2,303)
	Commits int // commits in all, merges included (54,276)
	Images  int // images committed under static/; their older versions are removed from the object store
	Seed    uint64
}

// fileOp is one change in a commit: write content to path, or delete it.
type fileOp struct {
	path    string
	content string
	del     bool
}

// move is an English rename a translation may follow later.
type move struct {
	t  *translation
	to string
}

type generator struct {
	o       genOptions
	r       *rand.Rand
	w       *bufio.Writer
	pages   []*page                      // live English pages
	byLang  map[string][]*translation    // live translations
	moves   map[string][]move            // renames each language has yet to follow
	strs    map[string]map[string]string // i18n string tables
	images  map[string]string            // path -> content of live images
	removed []string                     // blob ids of older image versions, removed after import
	blockID int
	pageID  int
	commits int
	mark    int
	main    int   // mark of main's tip
	mainFP  []int // main's first-parent marks
	time    int64
	prs     int
	massed  int
	imgOps  int
}

func generate(o genOptions) error {
	start := time.Now()
	if err := os.MkdirAll(o.Dir, 0o755); err != nil {
		return err
	}
	if err := git(o.Dir, nil, "init", "-q", "-b", "main"); err != nil {
		return err
	}
	// Level 1 zlib: the import is compression-bound, and git inflates a
	// level-1 object as fast as a level-6 one.
	cmd := exec.Command("git", "-c", "pack.compression=1", "fast-import", "--quiet", "--done")
	cmd.Dir = o.Dir
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	g := newGenerator(o, bufio.NewWriterSize(in, 1<<20))
	g.history()
	fmt.Fprintln(g.w, "done")
	if err := g.w.Flush(); err != nil {
		return err
	}
	in.Close()
	if err := cmd.Wait(); err != nil {
		return fmt.Errorf("git fast-import: %w", err)
	}
	fmt.Fprintf(os.Stderr, "bench: fast-import done after %s\n", time.Since(start).Round(time.Second))
	if err := git(o.Dir, nil, "update-ref", "-d", "refs/heads/pr"); err != nil {
		return err
	}
	if err := dropBlobs(o.Dir, g.removed); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "bench: %d images, %d replaced: repacked without the %d old versions after %s\n",
		len(g.images), g.imgOps-len(g.images), len(g.removed), time.Since(start).Round(time.Second))
	return git(o.Dir, nil, "checkout", "-q", "-f", "main")
}

func newGenerator(o genOptions, w *bufio.Writer) *generator {
	return &generator{o: o, r: rand.New(rand.NewPCG(o.Seed, 7)), w: w,
		byLang: map[string][]*translation{}, moves: map[string][]move{},
		strs: map[string]map[string]string{}, images: map[string]string{}, time: 1470000000}
}

var authors = []string{"Ana Lima <ana@example.org>", "Bo Chen <bo@example.org>", "Chidi Okafor <chidi@example.org>",
	"Dana Kim <dana@example.org>", "Eli Sato <eli@example.org>", "Femi Ade <femi@example.org>"}

// emit writes one commit with from and (for a merge) merge as parents and
// returns its mark.
func (g *generator) emit(ref string, from, merge int, msg string, ops []fileOp) int {
	g.mark++
	g.commits++
	g.time += 300 + int64(g.r.IntN(11000))
	a := authors[g.r.IntN(len(authors))]
	fmt.Fprintf(g.w, "commit %s\nmark :%d\nauthor %s %d +0000\ncommitter %s %d +0000\ndata %d\n%s\n",
		ref, g.mark, a, g.time, a, g.time, len(msg), msg)
	if from > 0 {
		fmt.Fprintf(g.w, "from :%d\n", from)
	}
	if merge > 0 {
		fmt.Fprintf(g.w, "merge :%d\n", merge)
	}
	for _, op := range settle(ops) {
		if op.del {
			fmt.Fprintf(g.w, "D %s\n", op.path)
		}
	}
	for _, op := range settle(ops) {
		if !op.del {
			fmt.Fprintf(g.w, "M 100644 inline %s\ndata %d\n%s\n", op.path, len(op.content), op.content)
		}
	}
	return g.mark
}

// settle keeps the last op for each path, sorted by path.
func settle(ops []fileOp) []fileOp {
	last := map[string]fileOp{}
	for _, op := range ops {
		last[op.path] = op
	}
	out := make([]fileOp, 0, len(last))
	for _, op := range last {
		out = append(out, op)
	}
	slices.SortFunc(out, func(a, b fileOp) int { return strings.Compare(a.path, b.path) })
	return out
}

// dropBlobs repacks the repository without the given blobs, as a partial
// clone lacks them, and checks that history can still be walked.
func dropBlobs(dir string, ids []string) error {
	drop := map[string]bool{}
	for _, id := range ids {
		drop[id] = true
	}
	var objs bytes.Buffer
	if err := git(dir, &objs, "rev-list", "--objects", "--all"); err != nil {
		return err
	}
	var keep bytes.Buffer
	for _, line := range strings.Split(objs.String(), "\n") {
		id, _, _ := strings.Cut(line, " ")
		if id != "" && !drop[id] {
			keep.WriteString(id + "\n")
		}
	}
	gitDir := filepath.Join(dir, ".git", "objects", "pack")
	old, err := filepath.Glob(filepath.Join(gitDir, "pack-*"))
	if err != nil {
		return err
	}
	cmd := exec.Command("git", "pack-objects", "-q", "--delta-base-offset", filepath.Join(gitDir, "pack"))
	cmd.Dir, cmd.Stdin, cmd.Stderr = dir, &keep, os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("git pack-objects: %w", err)
	}
	name := "pack-" + strings.TrimSpace(string(out))
	for _, f := range old {
		if !strings.HasPrefix(filepath.Base(f), name+".") {
			if err := os.Remove(f); err != nil {
				return err
			}
		}
	}
	if err := git(dir, nil, "log", "--format=%H", "--raw", "-M", "--", "content", "i18n", "hugo.toml"); err != nil {
		return fmt.Errorf("git log after removing blobs: %w", err)
	}
	for _, id := range ids[:min(1, len(ids))] {
		if git(dir, nil, "cat-file", "-e", id) == nil {
			return fmt.Errorf("blob %s still present after repacking", id)
		}
	}
	return nil
}

func git(dir string, stdout *bytes.Buffer, args ...string) error {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if stdout != nil {
		cmd.Stdout = stdout
	}
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("git %s: %w: %s", args[0], err, strings.TrimSpace(stderr.String()))
	}
	return nil
}

// blobID is git's object id for a blob.
func blobID(content string) string {
	h := sha1.New()
	fmt.Fprintf(h, "blob %d\x00", len(content))
	h.Write([]byte(content))
	return hex.EncodeToString(h.Sum(nil))
}
