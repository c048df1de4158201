package history

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// datedCommit writes files and commits them at the given Unix time
// (author and committer), so that log order is under the test's control.
func datedCommit(t *testing.T, dir string, at int64, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if content == "" {
			os.Remove(p)
			continue
		}
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	gitAt(t, dir, at, "add", "-A")
	gitAt(t, dir, at, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "--allow-empty", "-m", fmt.Sprint(at))
}

// mergeSide commits files on a branch "side" forked at from, dated at,
// and merges it into main, dated at+2.
func mergeSide(t *testing.T, dir, from string, at int64, files map[string]string) {
	t.Helper()
	gitAt(t, dir, at, "checkout", "-q", "-b", "side", from)
	datedCommit(t, dir, at, files)
	gitAt(t, dir, at+1, "checkout", "-q", "main")
	mergeAt(t, dir, at+2, "side")
}

// mergeAt merges branch into the branch checked out, with a merge commit
// dated at.
func mergeAt(t *testing.T, dir string, at int64, branch string) {
	t.Helper()
	gitAt(t, dir, at, "-c", "user.name=t", "-c", "user.email=t@example.com", "merge", "-q", "--no-ff", "-m", "merge", branch)
}

func gitAt(t *testing.T, dir string, at int64, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	date := fmt.Sprintf("@%d +0000", at)
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

// readBoth reads the history of paths as ReadHistory does and with one
// git log over their narrow pathspecs (Pathspecs, renames followed).
func readBoth(t *testing.T, dir string, paths []string) (got, one *History) {
	t.Helper()
	ctx := context.Background()
	got, err := ReadHistory(ctx, dir, paths)
	if err != nil {
		t.Fatal(err)
	}
	one, _, err = readLog(ctx, dir, Pathspecs(paths), "-M")
	if err != nil {
		t.Fatal(err)
	}
	return got, one
}

// sameHistory fails unless got holds the index want holds.
func sameHistory(t *testing.T, got, want *History) {
	t.Helper()
	if got.commits != want.commits {
		t.Errorf("commits = %d, want %d", got.commits, want.commits)
	}
	if !reflect.DeepEqual(got.paths, want.paths) {
		t.Errorf("paths differ:\n got %v\nwant %v", got.paths, want.paths)
	}
	norm := func(m map[string][]rename) map[string][]rename {
		if len(m) == 0 {
			return nil
		}
		return m
	}
	if !reflect.DeepEqual(norm(got.renames), norm(want.renames)) {
		t.Errorf("renames differ:\n got %v\nwant %v", got.renames, want.renames)
	}
}

func TestSnapshotRoundTrip(t *testing.T) {
	dir := newRepo(t)
	datedCommit(t, dir, 1000, map[string]string{"en/a.md": "# A\n", "ko/a.md": "# 가\n"})
	datedCommit(t, dir, 2000, map[string]string{"en/a.md": "# A\n\nmore\n"})
	gitAt(t, dir, 3000, "mv", "en/a.md", "en/b.md")
	datedCommit(t, dir, 3000, nil)
	ctx := context.Background()
	first, snap, how, err := ReadHistoryFrom(ctx, dir, nil, nil)
	if err != nil || how != Rebuilt || snap == nil {
		t.Fatalf("ReadHistoryFrom(no snapshot) = %v, %d bytes, %v", how, len(snap), err)
	}
	h := first.History
	s, err := DecodeSnapshot(dir, snap)
	if err != nil {
		t.Fatal(err)
	}
	sameHistory(t, s.History, h)
	if len(h.renames) == 0 {
		t.Fatal("test repository has no rename")
	}
	h2, next, how, err := ReadHistoryFrom(ctx, dir, nil, snap)
	if err != nil || how != FromSnapshot || next != nil {
		t.Fatalf("second run: %v, %d bytes, %v; want loaded", how, len(next), err)
	}
	sameHistory(t, h2.History, h)
	// Every truncation of the snapshot fails to decode, or decodes to the
	// same index: it never panics or allocates wildly.
	for n := range len(snap) {
		if _, err := DecodeSnapshot(dir, snap[:n]); err == nil {
			t.Fatalf("a snapshot truncated to %d of %d bytes decoded", n, len(snap))
		}
	}
}

// TestUpdate: a history brought up to date from a snapshot is the history
// a full read gives, whichever way the repository moved.
func TestUpdate(t *testing.T) {
	tests := []struct {
		name string
		move func(t *testing.T, dir string)
		want string
	}{
		{"nothing", func(*testing.T, string) {}, FromSnapshot},
		{"one commit", func(t *testing.T, dir string) {
			datedCommit(t, dir, 5000, map[string]string{"en/a.md": "# A\n\nedited\n"})
		}, Updated},
		{"commits, a rename and one off the paths", func(t *testing.T, dir string) {
			datedCommit(t, dir, 5000, map[string]string{"other.txt": "x"})
			gitAt(t, dir, 5001, "mv", "en/a.md", "en/c.md")
			datedCommit(t, dir, 5001, map[string]string{"ko/a.md": "# 가\n\n나\n"})
		}, Updated},
		{"merge of a branch forked at the old head", func(t *testing.T, dir string) {
			gitAt(t, dir, 5000, "checkout", "-q", "-b", "side")
			datedCommit(t, dir, 5000, map[string]string{"ko/a.md": "# 가\n\n다\n"})
			gitAt(t, dir, 5001, "checkout", "-q", "main")
			datedCommit(t, dir, 5002, map[string]string{"en/a.md": "# A\n\nmain\n"})
			mergeAt(t, dir, 5003, "side")
		}, Updated},
		{"merge of a branch forked earlier", func(t *testing.T, dir string) {
			mergeSide(t, dir, "HEAD~1", 5000, map[string]string{"ko/b.md": "# 나\n"})
		}, Updated},
		{"merges of branches with dates tied, skewed and older than the old head", func(t *testing.T, dir string) {
			gitAt(t, dir, 2000, "checkout", "-q", "-b", "side", "HEAD~1")
			datedCommit(t, dir, 2000, map[string]string{"ko/b.md": "# 나\n"}) // tied with main's commit
			datedCommit(t, dir, 1200, map[string]string{"en/b.md": "# B\n"}) // older than its parent
			gitAt(t, dir, 2500, "checkout", "-q", "-b", "side2", "main~1")
			datedCommit(t, dir, 3000, map[string]string{"ko/a.md": "# 가\n\n셋\n"}) // tied with the old head
			gitAt(t, dir, 5000, "checkout", "-q", "main")
			mergeAt(t, dir, 5001, "side")
			gitAt(t, dir, 5002, "-c", "user.name=t", "-c", "user.email=t@example.com", "merge", "-q", "--no-ff", "-X", "theirs", "-m", "merge", "side2")
		}, Updated},
		{"merges of branches forked earlier that touched none of the files", func(t *testing.T, dir string) {
			mergeSide(t, dir, "HEAD~2", 5000, map[string]string{"other.txt": "x"})
			gitAt(t, dir, 5003, "checkout", "-q", "-b", "side2", "HEAD~1")
			datedCommit(t, dir, 5003, map[string]string{"ko/a.md": "# 가\n\n다\n"})
			datedCommit(t, dir, 5004, map[string]string{"ko/a.md": "# 가\n\n둘\n"}) // back as it was
			gitAt(t, dir, 5005, "checkout", "-q", "main")
			mergeAt(t, dir, 5006, "side2")
		}, Updated},
		{"a merge dated before the old head that touched none of the files", func(t *testing.T, dir string) {
			mergeSide(t, dir, "HEAD~1", 1500, map[string]string{"other.txt": "x"})
		}, Updated},
		{"a merge that takes the branch's version of a file", func(t *testing.T, dir string) {
			// TREESAME to its second parent only: git log follows that
			// one, and the first parent's commits are no longer listed.
			gitAt(t, dir, 5000, "checkout", "-q", "-b", "side", "HEAD~1")
			datedCommit(t, dir, 5000, map[string]string{"other.txt": "x"})
			gitAt(t, dir, 5001, "checkout", "-q", "main")
			gitAt(t, dir, 5002, "-c", "user.name=t", "-c", "user.email=t@example.com", "merge", "-q", "--no-ff", "--no-commit", "side")
			gitAt(t, dir, 5002, "checkout", "side", "--", "ko/a.md")
			gitAt(t, dir, 5002, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "merge")
		}, Rebuilt},
		{"a new commit on top of merges that touched none of the files", func(t *testing.T, dir string) {
			mergeSide(t, dir, "HEAD~2", 5000, map[string]string{"other.txt": "x"})
			datedCommit(t, dir, 5003, map[string]string{"en/a.md": "# A\n\nthree\n"})
		}, Updated},
		{"a file changed and changed back", func(t *testing.T, dir string) {
			// Both commits are listed: the tree at the end is the same
			// on the files, the line to it is not.
			datedCommit(t, dir, 5000, map[string]string{"ko/a.md": "# 가\n\n다\n"})
			datedCommit(t, dir, 5001, map[string]string{"ko/a.md": "# 가\n\n둘\n"})
		}, Updated},
		{"a merge that changed nothing between two that did", func(t *testing.T, dir string) {
			// The side branch's commits are pruned with its merge: a
			// walk that followed it would list them.
			mergeSide(t, dir, "HEAD~1", 5000, map[string]string{"ko/b.md": "# 나\n"})
			gitAt(t, dir, 5003, "checkout", "-q", "-b", "back", "HEAD~1")
			datedCommit(t, dir, 5003, map[string]string{"ko/a.md": "# 가\n\n다\n"})
			datedCommit(t, dir, 5004, map[string]string{"ko/a.md": "# 가\n\n둘\n"})
			gitAt(t, dir, 5005, "checkout", "-q", "main")
			mergeAt(t, dir, 5006, "back")
			gitAt(t, dir, 5007, "checkout", "-q", "-b", "side3", "HEAD~2")
			datedCommit(t, dir, 5007, map[string]string{"en/c.md": "# C\n"})
			gitAt(t, dir, 5008, "checkout", "-q", "main")
			mergeAt(t, dir, 5009, "side3")
		}, Updated},
		{"a new commit dated before the old head", func(t *testing.T, dir string) {
			datedCommit(t, dir, 1500, map[string]string{"en/a.md": "# A\n\nskewed\n"})
		}, Updated},
		{"force-push", func(t *testing.T, dir string) {
			gitAt(t, dir, 5000, "reset", "-q", "--hard", "HEAD~1")
			datedCommit(t, dir, 5000, map[string]string{"en/a.md": "# A\n\nrewritten\n"})
		}, Rebuilt},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := newRepo(t)
			gitAt(t, dir, 1000, "checkout", "-q", "-b", "main")
			datedCommit(t, dir, 1000, map[string]string{"en/a.md": "# A\n", "ko/a.md": "# 가\n"})
			datedCommit(t, dir, 2000, map[string]string{"en/a.md": "# A\n\ntwo\n"})
			datedCommit(t, dir, 3000, map[string]string{"ko/a.md": "# 가\n\n둘\n"})
			ctx := context.Background()
			paths := []string{"en", "ko"}
			_, snap, _, err := ReadHistoryFrom(ctx, dir, paths, nil)
			if err != nil || snap == nil {
				t.Fatal(err)
			}
			tt.move(t, dir)
			got, _, how, err := ReadHistoryFrom(ctx, dir, paths, snap)
			if err != nil {
				t.Fatal(err)
			}
			if how != tt.want {
				t.Errorf("how = %s, want %s", how, tt.want)
			}
			want, err := ReadHistory(ctx, dir, paths)
			if err != nil {
				t.Fatal(err)
			}
			sameHistory(t, got.History, want)
		})
	}
}

// TestRebuildOneLog: a history read in full runs "git log" once: the
// newest commit the snapshot records is the first the log printed, and
// the snapshot then updates from it.
func TestRebuildOneLog(t *testing.T) {
	dir := newRepo(t)
	gitAt(t, dir, 1000, "checkout", "-q", "-b", "main")
	datedCommit(t, dir, 1000, map[string]string{"en/a.md": "# A\n", "ko/a.md": "# 가\n"})
	datedCommit(t, dir, 2000, map[string]string{"en/a.md": "# A\n\ntwo\n"})
	datedCommit(t, dir, 3000, map[string]string{"other.txt": "off the paths"})
	trace := filepath.Join(t.TempDir(), "trace")
	t.Setenv("GIT_TRACE", trace)
	ctx := context.Background()
	paths := []string{"en", "ko"}
	snap, next, how, err := ReadHistoryFrom(ctx, dir, paths, nil)
	if err != nil || next == nil || how != Rebuilt {
		t.Fatalf("ReadHistoryFrom: %v, %d bytes kept, %s; want a rebuilt snapshot", err, len(next), how)
	}
	data, err := os.ReadFile(trace)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(data), "git log "); n != 1 {
		t.Errorf("%d git log runs, want 1:\n%s", n, data)
	}
	t.Setenv("GIT_TRACE", "")
	out, err := exec.Command("git", "-C", dir, "log", "-1", "--format=%H", "--", "en", "ko").Output()
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.TrimSpace(string(out)); snap.Newest != want {
		t.Errorf("Newest = %q, want %q", snap.Newest, want)
	}
	datedCommit(t, dir, 4000, map[string]string{"ko/a.md": "# 가\n\n둘\n"})
	if _, _, how, err := ReadHistoryFrom(ctx, dir, paths, next); err != nil || how != Updated {
		t.Errorf("after a commit: %s, %v; want %s", how, err, Updated)
	}
}

func TestListedFirst(t *testing.T) {
	h := newHistory("")
	h.commits = 4
	h.paths["a.md"] = []Version{{Commit: "c0", Seq: 0}, {Commit: "c2", Seq: 2}}
	h.paths["b.md"] = []Version{{Commit: "c1", Seq: 1}, {Commit: "c3", Seq: 3}}
	tests := []struct {
		listed []string
		want   bool
	}{
		{nil, true},
		{[]string{"c0"}, true},
		{[]string{"c0", "c1", "c2"}, true},
		{[]string{"c0", "m", "c1"}, false},             // c1 is second
		{[]string{"c1", "c0"}, false},                  // out of order
		{[]string{"c0", "c1"}, true},                   // c2 comes after
		{[]string{"c0", "c1", "c2", "c3", "x"}, false}, // more than it lists
	}
	for _, tt := range tests {
		if got := h.listedFirst(tt.listed); got != tt.want {
			t.Errorf("listedFirst(%v) = %v, want %v", tt.listed, got, tt.want)
		}
	}
}
