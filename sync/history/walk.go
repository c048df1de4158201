package history

import (
	"bufio"
	"context"
	"fmt"
	"os/exec"
	"slices"
	"strconv"
	"strings"
)

// walkUpdate brings old up to date with head when head merged branches
// that forked before old's head (which update cannot put on top): it
// plays git log's walk from head and from old's head side by side, with
// the commits' dates, parents and TREESAME answers on specs, until both
// walks have the same commits to visit and have visited the same old
// ones. From there on they list the same commits in the same order, so
// the history is the commits the walk from head listed until then
// (read with one "git log --no-walk" of exactly those), then old's from
// where its walk was. Only a read of one log (logGroups): each log
// simplifies on its own pathspecs, and a snapshot keeps their merge.
//
// The walk is git's default one: commits are visited newest committer
// date first (a commit joins the dates-ordered queue after those of its
// date already there); a merge TREESAME to a parent follows the first
// such parent alone and is not listed, otherwise every parent is
// followed; a single-parent commit is listed unless TREESAME to its
// parent. Nothing depends on the dates being in order.
func walkUpdate(ctx context.Context, root string, specs []string, old *Snapshot, head string, news []newCommit) (*Snapshot, bool) {
	if len(logGroups(specs)) != 1 {
		return nil, false
	}
	fresh := map[string]bool{}
	oldest := news[0].time
	for _, c := range news {
		fresh[c.id] = true
		oldest = min(oldest, c.time)
	}
	// The walks meet again below the oldest new commit, most often: the
	// graph is read to a day before it, and on when a walk needs more.
	g := &graph{ctx: ctx, root: root, specs: specs, head: head, since: oldest - 86400}
	defer g.close()
	if !g.grow() {
		return nil, false
	}
	ours, theirs := newWalk(head), newWalk(old.Head)
	// visited: per old commit, which walks visited it (1: ours, 2:
	// theirs); apart counts those only one walk visited.
	visited := map[string]int{}
	apart := 0
	mark := func(c string, bit int) {
		before := visited[c]
		visited[c] = before | bit
		switch {
		case before == 0:
			apart++
		case before != 3 && visited[c] == 3:
			apart--
		}
	}
	for pops := 0; ; pops++ {
		if pops > maxWalk {
			return nil, false
		}
		c, ok := ours.step(g, theirs)
		if !ok {
			return nil, false // the end of history, or no answer
		}
		if !fresh[c] {
			mark(c, 1)
			// Theirs visits what ours has visited, in its own order.
			for len(theirs.queue) > 0 && visited[theirs.queue[0]] == 1 {
				d, ok := theirs.step(g, ours)
				if !ok {
					return nil, false
				}
				mark(d, 2)
			}
		}
		if apart == 0 && slices.Equal(ours.queue, theirs.queue) {
			break
		}
	}
	a, b := len(ours.listed), len(theirs.listed)
	if a > maxUpdate || !old.History.listedFirst(theirs.listed) {
		return nil, false
	}
	add := newHistory(root)
	if a > 0 {
		revs := append([]string{"--no-walk=unsorted"}, ours.listed...)
		var err error
		if add, _, err = readLog(ctx, root, specs, "-M", revs...); err != nil || !slices.EqualFunc(add.stamps, ours.listed, func(s stamp, c string) bool { return s.commit == c }) {
			return nil, false
		}
		add.stamps = nil
	}
	newest := old.Newest
	switch {
	case a > 0:
		newest = ours.listed[0]
	case b > 0:
		return nil, false // the first commit listed after would be needed
	}
	return &Snapshot{History: merge(add, old.History.after(b)), Head: head, Newest: newest}, true
}

// maxWalk bounds the commits walkUpdate visits.
const maxWalk = 100000

// listedFirst reports whether the commits h lists first (the versions and
// renames of its first len(listed) commits) are those of listed, in that
// order, and no other.
func (h *History) listedFirst(listed []string) bool {
	at := map[string]int{}
	for i, c := range listed {
		at[c] = i
	}
	for _, vs := range h.paths {
		for _, v := range vs {
			i, ok := at[v.Commit]
			if ok != (v.Seq < len(listed)) || ok && i != v.Seq {
				return false
			}
		}
	}
	return h.commits >= len(listed)
}

// after is h without the first k commits it lists.
func (h *History) after(k int) *History {
	out := newHistory(h.root)
	out.shallow, out.degraded = h.shallow, h.degraded
	out.commits = h.commits - k
	for p, vs := range h.paths {
		for _, v := range vs {
			if v.Seq >= k {
				v.Seq -= k
				out.paths[p] = append(out.paths[p], v)
			}
		}
	}
	for p, rs := range h.renames {
		for _, r := range rs {
			if r.seq >= k {
				r.seq -= k
				out.renames[p] = append(out.renames[p], r)
			}
		}
	}
	return out
}

// walk is git log's walk over a commit graph: the commits to visit,
// newest first, and those listed so far.
type walk struct {
	queue  []string
	seen   map[string]bool
	listed []string
}

func newWalk(start string) *walk {
	return &walk{queue: []string{start}, seen: map[string]bool{start: true}}
}

// step visits the next commit: it is listed or not, and the parents it
// follows join the queue. ok is false when the queue is empty or g has
// no answer.
func (w *walk) step(g *graph, other *walk) (c string, ok bool) {
	if len(w.queue) == 0 {
		return "", false
	}
	c = w.queue[0]
	w.queue = w.queue[1:]
	n, ok := g.visit(c, w.queue, other.queue)
	if !ok || len(n.parents) == 0 {
		return "", false // a root commit: not worth its own rules
	}
	follow := n.parents
	listed := true
	for i, p := range n.parents {
		if !n.changed[i] {
			follow, listed = []string{p}, false
			break
		}
	}
	if listed {
		w.listed = append(w.listed, c)
	}
	for _, p := range follow {
		if w.seen[p] {
			continue
		}
		w.seen[p] = true
		pn, ok := g.node(p)
		if !ok {
			return "", false
		}
		at := len(w.queue)
		for i, q := range w.queue {
			if qn, _ := g.node(q); qn.time < pn.time {
				at = i
				break
			}
		}
		w.queue = slices.Insert(w.queue, at, p)
	}
	return c, true
}

// graph answers, for the commits near head, their date, parents and
// whether they differ from each parent on specs (git diff-tree). It
// reads "git rev-list" from head as far as the first commit dated before
// since, and on, when asked for a commit it has not read, as many again
// (at most maxGraph commits in all: past them a full read costs less).
type graph struct {
	ctx        context.Context
	root, head string
	specs      []string
	since      int64
	nodes      map[string]*node
	revs       *exec.Cmd
	lines      *bufio.Scanner
	ended      bool // rev-list printed all it had, or failed
}

type node struct {
	time    int64
	parents []string
	changed []bool // per parent: differs from it on specs (nil: not asked yet)
}

const maxGraph = 8000

func (g *graph) node(c string) (*node, bool) {
	for {
		if n, ok := g.nodes[c]; ok {
			return n, true
		}
		if g.ended || len(g.nodes) >= maxGraph || !g.read(max(256, len(g.nodes))) {
			return nil, false
		}
	}
}

// grow reads the commits back to since.
func (g *graph) grow() bool { return g.read(0) }

// read reads at least more commits and on to the first dated before
// since (their dates and parents: diff finds how they differ).
func (g *graph) read(more int) bool {
	if g.revs == nil {
		g.nodes = map[string]*node{}
		g.revs = gitCommand(g.ctx, g.root, "rev-list", "--no-commit-header", "--format=%H %ct %P", g.head)
		stdout, err := g.revs.StdoutPipe()
		if err != nil {
			return false
		}
		if err := g.revs.Start(); err != nil {
			return false
		}
		g.lines = bufio.NewScanner(stdout)
	}
	read := 0
	for len(g.nodes) <= maxGraph {
		if !g.lines.Scan() {
			g.ended = true
			break
		}
		f := strings.Fields(g.lines.Text())
		t, err := strconv.ParseInt(f[min(1, len(f)-1)], 10, 64)
		if len(f) < 2 || err != nil {
			g.ended = true
			return false
		}
		g.nodes[f[0]] = &node{time: t, parents: f[2:]}
		read++
		if read >= more && t < g.since {
			break
		}
	}
	return read > 0
}

// diffBatch is how many commits of the first-parent line below a commit
// diff answers for with it: the commits the walks visit next, most often.
const diffBatch = 256

// visit returns c's node with its diffs, and those of the commits the
// walks are likely to visit next: the first-parent line below c and
// the others to visit (next), as far as read.
func (g *graph) visit(c string, next ...[]string) (*node, bool) {
	n, ok := g.node(c)
	if !ok || n.changed != nil {
		return n, ok
	}
	batch := []string{c}
	for x, k := n, 0; k < diffBatch && len(x.parents) > 0; k++ {
		p := x.parents[0]
		if x = g.nodes[p]; x == nil {
			break
		}
		if x.changed == nil {
			batch = append(batch, p)
		}
	}
	for _, q := range next {
		for _, x := range q {
			if xn := g.nodes[x]; xn != nil && xn.changed == nil {
				batch = append(batch, x)
			}
		}
	}
	return n, g.diff(slices.Compact(batch)) && n.changed != nil
}

// diff finds, for each commit of cs, whether it differs from each parent
// on specs, with one "git diff-tree" (false: it failed, and the walk
// stops).
func (g *graph) diff(cs []string) bool {
	var pairs strings.Builder
	var order []string // the commit of each pair
	answers := map[string][]bool{}
	for _, c := range cs {
		n := g.nodes[c]
		if n.changed != nil || answers[c] != nil {
			continue
		}
		answers[c] = make([]bool, len(n.parents))
		for _, p := range n.parents {
			fmt.Fprintf(&pairs, "%s %s\n", c, p)
			order = append(order, c)
		}
	}
	if len(order) == 0 {
		return true
	}
	// One header per pair (--always), then the names that differ.
	cmd := gitCommand(g.ctx, g.root, append([]string{"diff-tree", "--stdin", "-r", "--name-only", "-z", "--always", "--no-renames", "--pretty=format:%x01%H", "--"}, g.specs...)...)
	cmd.Stdin = strings.NewReader(pairs.String())
	diff, err := cmd.Output()
	if err != nil {
		return false
	}
	chunks := strings.Split(string(diff), "\x01")
	if len(chunks) != len(order)+1 || chunks[0] != "" {
		return false
	}
	next := map[string]int{} // the next parent of a commit to answer for
	for i, ch := range chunks[1:] {
		c := order[i]
		// The header ends at a newline when names follow, else at a NUL
		// (or the end).
		end := strings.IndexAny(ch, "\n\x00")
		if end < 0 {
			end = len(ch)
		}
		if ch[:end] != c {
			return false
		}
		answers[c][next[c]] = strings.Trim(ch[end:], "\n\x00") != ""
		next[c]++
	}
	for c, a := range answers {
		g.nodes[c].changed = a
	}
	return true
}

// close stops rev-list.
func (g *graph) close() {
	if g.revs != nil && g.revs.Process != nil {
		_ = g.revs.Process.Kill()
		_ = g.revs.Wait()
	}
}
