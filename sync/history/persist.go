package history

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/cnpe-i18n/cnpe-i18n/internal/cache"
)

// A Snapshot is a History as it is kept between runs: the index and the
// commits it covers. Encode and DecodeSnapshot turn it into bytes and
// back; ReadHistoryFrom brings a previous one up to date.
type Snapshot struct {
	History *History
	// Head is the commit the log was read from.
	Head string
	// Newest is the first commit the log printed ("" when none).
	Newest string
}

// How ReadHistoryFrom got its history.
const (
	FromSnapshot = "loaded"  // the snapshot was of HEAD
	Updated      = "updated" // new commits were read and added
	Rebuilt      = "rebuilt" // the whole log was read
)

// maxUpdate is the most new commits read incrementally; past it the log
// is read again in full.
const maxUpdate = 5000

// ReadHistoryFrom is ReadHistory, starting from prev, the encoded
// snapshot of an earlier run on the same paths (nil for none). When prev
// covers HEAD it is used as it is; when HEAD only added commits to it,
// only those are read and put on top; otherwise (history rewritten, a
// snapshot that does not decode, a shallow clone) the log is read in
// full. The result is the index a full read gives: an update is made only
// when the order of "git log" over the old commits cannot change (see
// canUpdate). The snapshot's Head is "" when the history is not known to
// be that of one commit (shallow, renames not followed, HEAD moved while
// it was read); next is the snapshot to keep (nil when it must not be
// kept, or is kept already), how says which way it went.
func ReadHistoryFrom(ctx context.Context, root string, paths []string, prev []byte) (snap *Snapshot, next []byte, how string, err error) {
	head, herr := HeadCommit(ctx, root)
	if herr == nil && prev != nil {
		if old, err := DecodeSnapshot(root, prev); err == nil {
			if old.Head == head {
				return old, nil, FromSnapshot, nil
			}
			if snap, ok := update(ctx, root, paths, old, head); ok {
				return snap, snap.Encode(), Updated, nil
			}
		}
	}
	h, err := ReadHistory(ctx, root, paths)
	if err != nil || herr != nil || h.shallow || h.degraded != "" {
		return &Snapshot{History: h}, nil, Rebuilt, err
	}
	// The head the log was read from: a commit made while it ran makes
	// the snapshot unsafe to keep.
	if now, err := HeadCommit(ctx, root); err != nil || now != head {
		return &Snapshot{History: h}, nil, Rebuilt, nil
	}
	snap = &Snapshot{History: h, Head: head, Newest: h.newest}
	return snap, snap.Encode(), Rebuilt, nil
}

// update reads the commits of head that old does not cover and puts them
// on top of it, when that gives what a full read gives.
func update(ctx context.Context, root string, paths []string, old *Snapshot, head string) (*Snapshot, bool) {
	if old.Newest == "" || old.History.shallow || old.History.degraded != "" {
		return nil, false
	}
	if unlisted(ctx, root, Pathspecs(paths), old.Head, head) {
		return &Snapshot{History: old.History, Head: head, Newest: old.Newest}, true
	}
	fresh, ok := newCommits(ctx, root, old.Head, head)
	if !ok {
		return nil, false
	}
	if !canUpdate(ctx, root, old.Head, fresh) {
		return walkUpdate(ctx, root, Pathspecs(paths), old, head, fresh)
	}
	// The narrow pathspecs: the few new commits cost little, and the log
	// is the one ReadHistory's grouped pathspecs reproduce. The walk
	// stops at old's head: canUpdate made sure that what it lists is what
	// the log from head lists before old's newest commit.
	add, _, err := readLogs(ctx, root, Pathspecs(paths), "-M", head, "^"+old.Head)
	if err != nil {
		return nil, false
	}
	newest := old.Newest
	if add.newest != "" {
		newest = add.newest
	}
	return &Snapshot{History: merge(add, old.History), Head: head, Newest: newest}, true
}

// canUpdate reports whether the log from head lists fresh, the commits
// not in old's history, first, and then old's log unchanged. git log
// (without --topo-order) walks commits newest committer date first; the
// walk from head reaches old's commits only through old itself, and pops
// every new commit before old, when old is an ancestor of head, every new
// commit is dated after old, and no new commit has a parent outside the
// new commits other than old (no merge of a branch that forked earlier,
// no new root).
func canUpdate(ctx context.Context, root, old string, fresh []newCommit) bool {
	// Not "git show", which makes a merge's diff (0.13 s of CPU on a
	// kubernetes/website merge) to print none.
	out, err := gitOutput(ctx, root, "rev-list", "--no-walk", "--no-commit-header", "--format=%ct", old)
	if err != nil {
		return false
	}
	oldTime, err := strconv.ParseInt(strings.TrimSpace(out), 10, 64)
	if err != nil {
		return false
	}
	ids := map[string]bool{}
	for _, c := range fresh {
		ids[c.id] = true
	}
	for _, c := range fresh {
		if len(c.parents) == 0 || c.time <= oldTime {
			return false // a root commit, or one dated before old
		}
		for _, p := range c.parents {
			if p != old && !ids[p] {
				return false
			}
		}
	}
	return true
}

// newCommit is a commit of head's history that old's lacks.
type newCommit struct {
	id      string
	time    int64
	parents []string
}

// newCommits lists the commits of head that old lacks (at least one, at
// most maxUpdate); ok is false when old is not an ancestor of head.
func newCommits(ctx context.Context, root, old, head string) (cs []newCommit, ok bool) {
	if !isHex(old) || !isHex(head) {
		return nil, false
	}
	if _, err := gitOutput(ctx, root, "merge-base", "--is-ancestor", old, head); err != nil {
		return nil, false
	}
	out, err := gitOutput(ctx, root, "rev-list", "--format=%H %ct %P", "--no-commit-header", "--max-count="+strconv.Itoa(maxUpdate+1), old+".."+head)
	if err != nil {
		return nil, false
	}
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		f := strings.Fields(l)
		if len(f) < 2 {
			return nil, false
		}
		t, err := strconv.ParseInt(f[1], 10, 64)
		if err != nil {
			return nil, false
		}
		cs = append(cs, newCommit{f[0], t, f[2:]})
	}
	return cs, len(cs) > 0 && len(cs) <= maxUpdate
}

// unlisted reports whether the log of specs from head lists what the log
// from old lists, and no more: old is on head's first-parent line, and
// each commit after it there (a merge of a pull request that touched
// none of the files, most often) is TREESAME to its first parent, the
// same on every file specs select. git log then prunes each of them and
// follows its first parent alone (a commit TREESAME to a parent follows
// the first such parent), so the walk from head goes down that line,
// printing nothing, to old, and goes on from old as old's walk did: with
// old alone to visit. That holds whatever the commits' dates, and for
// every log ReadHistory runs, as each reads some of the files specs
// select (a commit TREESAME on all of them is TREESAME on each part).
// On kubernetes/website, 284 of 300 merges touched no Korean page: a
// glossary check of the Korean pages then reads no log.
func unlisted(ctx context.Context, root string, specs []string, old, head string) bool {
	if !isHex(old) || !isHex(head) {
		return false
	}
	out, err := gitOutput(ctx, root, "rev-list", "--first-parent", "--topo-order", "--no-commit-header", "--format=%H %P", "--max-count="+strconv.Itoa(maxUpdate+1), old+".."+head)
	if err != nil {
		return false
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) == 0 || len(lines) > maxUpdate || lines[0] == "" {
		return false
	}
	// The pairs of each commit of the line with its first parent, the
	// line's last one's being old.
	var pairs strings.Builder
	want := head
	for _, l := range lines {
		f := strings.Fields(l)
		if len(f) < 2 || f[0] != want {
			return false // a root commit, or not one line
		}
		fmt.Fprintf(&pairs, "%s %s\n", f[0], f[1])
		want = f[1]
	}
	if want != old {
		return false // old is not on head's first-parent line
	}
	// diff-tree prints a commit that differs from the parent given with
	// it on the files specs select, and nothing for one TREESAME to it.
	cmd := gitCommand(ctx, root, append([]string{"diff-tree", "--stdin", "-r", "--name-only", "--no-renames", "-z", "--"}, specs...)...)
	cmd.Stdin = strings.NewReader(pairs.String())
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	diff, err := cmd.Output()
	return err == nil && len(diff) == 0
}

// merge puts the history add (of the commits after old's) on top of old.
func merge(add, old *History) *History {
	k := add.commits
	h := newHistory(old.root)
	h.commits = k + old.commits
	stack(h.paths, add.paths, old.paths, func(v Version) Version { v.Seq += k; return v })
	stack(h.renames, add.renames, old.renames, func(r rename) rename { r.seq += k; return r })
	return h
}

// stack fills dst with add's entries per path, then old's, each moved on
// by shift.
func stack[T any](dst, add, old map[string][]T, shift func(T) T) {
	for p, vs := range add {
		dst[p] = vs
	}
	for p, vs := range old {
		out := dst[p]
		for _, v := range vs {
			out = append(out, shift(v))
		}
		dst[p] = out
	}
}

const snapshotVersion = 1

// Encode writes the snapshot in a compact binary form: commit ids and
// paths once each, versions as indexes into them.
func (s Snapshot) Encode() []byte {
	h := s.History
	var b []byte
	str := func(v string) {
		b = binary.AppendUvarint(b, uint64(len(v)))
		b = append(b, v...)
	}
	num := func(v int64) { b = binary.AppendVarint(b, v) }
	num(snapshotVersion)
	str(s.Head)
	str(s.Newest)
	num(int64(h.commits))
	// Commits by seq, each once.
	type commit struct {
		id   string
		time int64
	}
	bySeq := map[int]commit{}
	for _, vs := range h.paths {
		for _, v := range vs {
			bySeq[v.Seq] = commit{v.Commit, v.Time}
		}
	}
	seqs := make([]int, 0, len(bySeq))
	for q := range bySeq {
		seqs = append(seqs, q)
	}
	sort.Ints(seqs)
	num(int64(len(seqs)))
	for _, q := range seqs {
		num(int64(q))
		str(bySeq[q].id)
		num(bySeq[q].time)
	}
	paths := slices.Sorted(maps.Keys(h.paths))
	num(int64(len(paths)))
	for _, p := range paths {
		str(p)
		num(int64(len(h.paths[p])))
		for _, v := range h.paths[p] {
			num(int64(v.Seq))
			str(v.Blob)
		}
	}
	renamed := slices.Sorted(maps.Keys(h.renames))
	num(int64(len(renamed)))
	for _, p := range renamed {
		str(p)
		num(int64(len(h.renames[p])))
		for _, r := range h.renames[p] {
			str(r.from)
			num(int64(r.seq))
		}
	}
	return b
}

var errSnapshot = errors.New("history snapshot does not decode")

// DecodeSnapshot reads an encoded snapshot of the repository at root.
func DecodeSnapshot(root string, data []byte) (*Snapshot, error) {
	r := cache.NewRecord(data)
	if r.Varint() != snapshotVersion {
		return nil, errSnapshot
	}
	s := &Snapshot{Head: r.String(), Newest: r.String()}
	h := newHistory(root)
	h.commits = int(r.Varint())
	type commit struct {
		id   string
		time int64
	}
	bySeq := map[int]commit{}
	for n := r.Count(); n > 0 && !r.Bad(); n-- {
		q := int(r.Varint())
		bySeq[q] = commit{r.String(), r.Varint()}
	}
	for n := r.Count(); n > 0 && !r.Bad(); n-- {
		p := r.String()
		vs := make([]Version, 0, min(r.Count(), r.Rest()))
		for m := cap(vs); m > 0 && !r.Bad(); m-- {
			q := int(r.Varint())
			c, ok := bySeq[q]
			if !ok {
				return nil, errSnapshot
			}
			vs = append(vs, Version{Commit: c.id, Time: c.time, Seq: q, Blob: r.String(), Path: p})
		}
		h.paths[p] = vs
	}
	for n := r.Count(); n > 0 && !r.Bad(); n-- {
		p := r.String()
		rs := make([]rename, 0, min(r.Count(), r.Rest()))
		for m := cap(rs); m > 0 && !r.Bad(); m-- {
			rs = append(rs, rename{from: r.String(), seq: int(r.Varint())})
		}
		h.renames[p] = rs
	}
	if r.Bad() || r.Rest() != 0 || h.commits < 0 {
		return nil, fmt.Errorf("%w", errSnapshot)
	}
	s.History = h
	return s, nil
}
