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
// directories read, which walks every commit (--full-history) and
// compares merges with their first parent: the first commit to hold a
// path is found either way, whatever the simplification of the walk.

// minGroup is the fewest directories of one parent read as the parent:
// below it, the walk that finds what lies beside them costs more than
// the patterns it saves.
const minGroup = 4

// maxBeside is the most names beside the directories of a parent that
// are excluded; past it the directories are read one by one.
const maxBeside = 64

// group is a parent directory whose pages are read, less what lies
// beside the directories of paths in it.
type group struct {
	parent   string
	children []string        // names of the directories read
	beside   map[string]bool // other names ever under parent
}

// groups are the parents of at least minGroup directories of paths
// whose pages can be read as the parent's. A directory named like a
// pattern and the whole tree are left alone, and so is a parent that
// holds any other path of paths (a file, or a directory deeper down),
// which a name excluded beside the directories could hold.
func groups(paths []string) []*group {
	_, dirs := splitPaths(paths)
	by := map[string]*group{}
	for _, d := range dirs {
		parent, name := path.Split(d)
		parent = strings.TrimSuffix(parent, "/")
		if d == "" || parent == "" || name == "" || isPattern(d) {
			continue
		}
		g := by[parent]
		if g == nil {
			g = &group{parent: parent, beside: map[string]bool{}}
			by[parent] = g
		}
		g.children = append(g.children, name)
	}
	var out []*group
	for _, parent := range slices.Sorted(maps.Keys(by)) {
		g := by[parent]
		other := slices.ContainsFunc(paths, func(p string) bool {
			name, ok := strings.CutPrefix(p, parent+"/")
			return p == parent || ok && !(slices.Contains(g.children, name) && slices.Contains(dirs, p))
		})
		if len(g.children) >= minGroup && !other {
			slices.Sort(g.children)
			out = append(out, g)
		}
	}
	return out
}

// besideArgs is the git log that lists every path ever under the
// parents of gs other than in the directories read.
func besideArgs(gs []*group) []string {
	args := []string{"log", "--format=", "--name-only", "-z", "--no-renames", "--full-history", "--diff-merges=first-parent", "--no-color", "--no-textconv", "--no-ext-diff", "HEAD", "--"}
	for _, g := range gs {
		args = append(args, ":(literal)"+g.parent+"/")
	}
	for _, g := range gs {
		for _, c := range g.children {
			args = append(args, ":(exclude,literal)"+g.parent+"/"+c)
		}
	}
	return args
}

// addBeside reads the NUL-separated paths of besideArgs' log into the
// groups; false when a path is under none of them (git printed paths
// from elsewhere than the pathspecs' root).
func addBeside(gs []*group, r io.Reader) (bool, error) {
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
		found := false
		for _, g := range gs {
			rest, ok := strings.CutPrefix(p, g.parent+"/")
			if !ok {
				continue
			}
			name, _, _ := strings.Cut(rest, "/")
			if !slices.Contains(g.children, name) {
				g.beside[name] = true
				found = true
			}
		}
		if !found {
			return false, nil
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
		for _, c := range g.children {
			grouped[g.parent+"/"+c] = true
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
