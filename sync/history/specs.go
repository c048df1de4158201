package history

import (
	"bufio"
	"context"
	"io"
	"maps"
	"path"
	"slices"
	"strings"
)

// The pathspecs of Pathspecs cost git in proportion to their number: it
// matches every entry of every tree a commit changed against each of
// them. A site with many languages has two wildcard patterns per content
// directory (on kubernetes/website, 32 for content/<lang>/*.md and
// *.markdown, 14 s of git's CPU for its log). Directories that share a
// parent are read more cheaply as that parent's pages, less what lies
// beside them (content/*.md and content/*.markdown, less content/zh,
// content/cn ...: 7.8 s), which selects the same files in every commit,
// so that git's history simplification, rename detection and output are
// the same (the order of pathspecs does not matter to git).
//
// What lies beside them is every name, other than theirs, that was ever
// under the parent in the history of HEAD: naming only those of HEAD's
// tree is not enough (content/zh of kubernetes/website was renamed
// content/zh-cn), as a merge TREESAME to one parent under the narrow
// pathspecs but not under the broader ones (a file beside them changed)
// would make git follow another side of it and list other commits. They
// are found by one cheaper "git log" over the parent less the
// directories read, which walks HEAD's first parents and compares merges
// with their first parent: every name that ever reached HEAD's line is
// in the diff of the commit or merge that brought it. A name born and
// removed on a side branch is missed; the log then lists that branch's
// commits of its pages too, which are no page's versions, and a merge
// on that branch alone may be simplified otherwise. Walking every commit
// instead (--full-history) found the same names on kubernetes/website
// at 3.5 times the cost (2.6 s of git's CPU against 0.73 s).

// minGroup is the fewest directories of one parent read as the parent:
// below it, the walk that finds what lies beside them costs more than
// the patterns it saves. Measured, git alone: kubernetes/website (16
// languages) 15.4 s of CPU for its log, 11.6 s for the walk and the
// grouped log; opentelemetry.io (11) 1.1 s either way.
const minGroup = 8

// maxBeside is the most names beside the directories of a parent that
// are excluded; past it the directories are read one by one.
const maxBeside = 64

// group is a parent directory whose pages are read, less what lies
// beside the directories of paths in it.
type group struct {
	parent  string
	members []string        // the directories read, relative to parent
	inner   map[string]bool // the directories on the way to a deeper member
	beside  map[string]bool // other paths ever under parent, relative to it
}

// groups are the parents of at least minGroup directories of paths
// whose pages can be read as the parent's; a group's members are all
// the directories of paths in it, children or deeper. A parent in
// another group's parent, one that holds a file of paths or a directory
// named like a pattern, and the whole tree are left alone.
func groups(paths []string) []*group {
	files, dirs := splitPaths(paths)
	children := map[string]int{}
	for _, d := range dirs {
		if parent, _ := path.Split(d); parent != "" && d != "" {
			children[strings.TrimSuffix(parent, "/")]++
		}
	}
	var out []*group
	for _, parent := range slices.Sorted(maps.Keys(children)) {
		if children[parent] < minGroup || slices.ContainsFunc(out, func(g *group) bool {
			return strings.HasPrefix(parent, g.parent+"/")
		}) {
			continue
		}
		under := func(p string) bool { return p == parent || strings.HasPrefix(p, parent+"/") }
		if isPattern(parent) || slices.ContainsFunc(files, func(f string) bool { return under(strings.TrimPrefix(f, ":(literal)")) }) {
			continue
		}
		g := &group{parent: parent, inner: map[string]bool{}, beside: map[string]bool{}}
		for _, d := range dirs {
			if under(d) {
				g.members = append(g.members, d[len(parent)+1:])
			}
		}
		if slices.ContainsFunc(g.members, isPattern) || slices.Contains(g.members, "") {
			continue
		}
		for _, m := range g.members {
			for i := range len(m) {
				if m[i] == '/' {
					g.inner[m[:i]] = true
				}
			}
		}
		slices.Sort(g.members)
		out = append(out, g)
	}
	return out
}

// besideArgs is the git log that lists every path ever under the
// parents of gs other than in the directories read: HEAD's first
// parents, merges compared with their first parent, root commits with the empty tree
// (whatever log.showRoot says). A git older than 2.31 does not know
// --diff-merges and fails it.
func besideArgs(gs []*group) []string {
	args := []string{"log", "--format=", "--name-only", "-z", "--no-renames", "--first-parent", "--diff-merges=first-parent", "--root", "--no-color", "--no-textconv", "--no-ext-diff", "HEAD", "--"}
	for _, g := range gs {
		args = append(args, ":(literal)"+g.parent+"/")
	}
	for _, g := range gs {
		for _, m := range g.members {
			args = append(args, ":(exclude,literal)"+g.parent+"/"+m)
		}
	}
	return args
}

// addBeside reads the NUL-separated paths of besideArgs' log into the
// groups: what to exclude of each path is its first directory (or
// itself) that is neither a member nor on the way to one. ok is false
// when a path is under no group, in a member, or where a member's way
// goes (a file once named like a directory on it).
func addBeside(gs []*group, r io.Reader) (ok bool, err error) {
	br := bufio.NewReaderSize(r, 1<<16)
	for {
		tok, err := br.ReadString(0)
		if err == io.EOF && tok == "" {
			return true, nil
		}
		if err != nil && err != io.EOF {
			return false, err
		}
		p := strings.TrimLeft(strings.TrimSuffix(tok, "\x00"), "\n")
		if p == "" {
			continue
		}
		i := slices.IndexFunc(gs, func(g *group) bool { return strings.HasPrefix(p, g.parent+"/") })
		if i < 0 {
			return false, nil
		}
		g := gs[i]
		rel := p[len(g.parent)+1:]
		at := 0
		for {
			next := strings.IndexByte(rel[at:], '/')
			name := rel
			if next >= 0 {
				name = rel[:at+next]
			}
			if slices.Contains(g.members, name) || g.inner[name] && next < 0 {
				return false, nil
			}
			if !g.inner[name] {
				g.beside[name] = true
				break
			}
			at += next + 1
		}
	}
}

// groupedSpecs are the pathspecs of paths with the directories of each
// group read as its parent's pages, less what lies beside them; the
// directories of a group with more than maxBeside names beside them
// are read one by one. The files and the other directories keep their
// pathspecs.
func groupedSpecs(paths []string, gs []*group) []string {
	grouped := map[string]bool{}
	var parents []*group
	for _, g := range gs {
		if len(g.beside) > maxBeside {
			continue
		}
		parents = append(parents, g)
		for _, m := range g.members {
			grouped[g.parent+"/"+m] = true
		}
	}
	var rest []string
	for _, p := range paths {
		if !grouped[p] {
			rest = append(rest, p)
		}
	}
	specs := Pathspecs(rest)
	if len(rest) == 0 {
		specs = nil // Pathspecs(nil) is the whole tree
	}
	for _, g := range parents {
		specs = append(specs, g.parent+"/*.md", g.parent+"/*.markdown")
		for _, name := range slices.Sorted(maps.Keys(g.beside)) {
			specs = append(specs, ":(exclude,literal)"+g.parent+"/"+name)
		}
	}
	return specs
}

// logSpecs are the pathspecs of ReadHistory's log: Pathspecs(paths), or
// cheaper ones that select the same files in every commit of HEAD's
// history (see groups). Any failure of the walk that finds what lies
// beside the groups gives Pathspecs(paths).
func logSpecs(ctx context.Context, root string, paths []string) []string {
	gs := groups(paths)
	if len(gs) == 0 {
		return Pathspecs(paths)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	cmd := gitCommand(ctx, root, besideArgs(gs)...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return Pathspecs(paths)
	}
	if err := cmd.Start(); err != nil {
		return Pathspecs(paths)
	}
	ok, rerr := addBeside(gs, stdout)
	if !ok || rerr != nil {
		cancel()
		cmd.Wait()
		return Pathspecs(paths)
	}
	if err := cmd.Wait(); err != nil {
		return Pathspecs(paths)
	}
	return groupedSpecs(paths, gs)
}
