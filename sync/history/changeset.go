package history

import (
	"context"
	"fmt"
	"strings"
)

// ChangeSet is what a pull request changed, from its merge base.
type ChangeSet struct {
	Ref string `json:"ref"`
	// Paths are the files changed since Ref (both names of a rename).
	Paths []string `json:"paths"`
	// Added and Deleted are the files that did not exist at Ref, and
	// those that no longer exist.
	Added   map[string]bool `json:"-"`
	Deleted map[string]bool `json:"-"`
}

// ChangedSince lists the files changed between ref (a merge base) and the
// working tree, with one "git diff" process.
func ChangedSince(ctx context.Context, root, ref string) (*ChangeSet, error) {
	if strings.HasPrefix(ref, "-") {
		return nil, fmt.Errorf("invalid ref %q", ref)
	}
	if _, err := gitOutput(ctx, root, "rev-parse", "--verify", "--quiet", ref+"^{commit}"); err != nil {
		return nil, fmt.Errorf("%s is not a commit of this repository (in CI, check out with fetch-depth: 0)", ref)
	}
	out, err := gitOutput(ctx, root, "diff", "--name-status", "-z", "-M", "--no-ext-diff", "--no-textconv", ref, "--")
	if err != nil {
		return nil, err
	}
	cs := &ChangeSet{Ref: ref, Added: map[string]bool{}, Deleted: map[string]bool{}}
	fields := strings.Split(strings.TrimSuffix(out, "\x00"), "\x00")
	for i := 0; i+1 < len(fields); {
		status := fields[i]
		switch {
		case strings.HasPrefix(status, "R"), strings.HasPrefix(status, "C"):
			if i+2 >= len(fields) {
				i = len(fields)
				continue
			}
			from, to := fields[i+1], fields[i+2]
			cs.Paths = append(cs.Paths, from, to)
			if status[0] == 'R' {
				cs.Deleted[from] = true
			}
			cs.Added[to] = true
			i += 3
		default:
			p := fields[i+1]
			cs.Paths = append(cs.Paths, p)
			switch status {
			case "A":
				cs.Added[p] = true
			case "D":
				cs.Deleted[p] = true
			}
			i += 2
		}
	}
	return cs, nil
}

// BlobsAt returns the blob ids of paths at ref, with one "git ls-tree";
// a path that is not in ref's tree has none.
func BlobsAt(ctx context.Context, root, ref string, paths []string) map[string]string {
	out := map[string]string{}
	if len(paths) == 0 {
		return out
	}
	args := append([]string{"ls-tree", "-r", "-z", ref, "--"}, paths...)
	text, err := gitOutput(ctx, root, args...)
	if err != nil {
		return out
	}
	for _, rec := range strings.Split(text, "\x00") {
		// <mode> SP <type> SP <object> TAB <file>
		meta, file, ok := strings.Cut(rec, "\t")
		if f := strings.Fields(meta); ok && len(f) == 3 && f[1] == "blob" {
			out[file] = f[2]
		}
	}
	return out
}
