package history

import (
	"context"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// TestUpdateRealMerges checks update on a real repository's history: on
// each of the newest commits of its first-parent line (a merged pull
// request, most often), the history brought up to date from the
// snapshot of an earlier commit of that line, when update can, is the
// history read in full. CNPE_HISTORY_MERGES names a clone (it is cloned
// again, not changed); CNPE_HISTORY_MERGES_PATHS the paths,
// comma-separated (none: the whole tree); CNPE_HISTORY_MERGES_N how many
// commits (300); and CNPE_HISTORY_MERGES_SPAN how many first-parent
// steps back the snapshot is (1).
func TestUpdateRealMerges(t *testing.T) {
	src := os.Getenv("CNPE_HISTORY_MERGES")
	if src == "" {
		t.Skip("CNPE_HISTORY_MERGES is not set: it names a clone of a real site (kubernetes/website) to check history updates across merges on")
	}
	var paths []string
	if p := os.Getenv("CNPE_HISTORY_MERGES_PATHS"); p != "" {
		paths = strings.Split(p, ",")
	}
	n, span := envInt(t, "CNPE_HISTORY_MERGES_N", 300), envInt(t, "CNPE_HISTORY_MERGES_SPAN", 1)
	dir := t.TempDir()
	git(t, dir, "clone", "-q", "--shared", "--no-checkout", src, ".")
	out, err := exec.Command("git", "-C", dir, "rev-list", "--first-parent", "--max-count="+strconv.Itoa(n+span), "HEAD").Output()
	if err != nil {
		t.Fatal(err)
	}
	line := strings.Fields(string(out))
	ctx := context.Background()
	read := map[string]*History{} // the last pair's: one is the next pair's
	at := func(t *testing.T, c string) *History {
		t.Helper()
		if h := read[c]; h != nil {
			return h
		}
		git(t, dir, "update-ref", "--no-deref", "HEAD", c)
		h, err := ReadHistory(ctx, dir, paths)
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	specs := Pathspecs(paths)
	var kept, updated, total int
	for i := 0; i+span < len(line) && i < n; i++ {
		head, old := line[i], line[i+span]
		total++
		t.Run(head[:10], func(t *testing.T) {
			h := at(t, old)
			read = map[string]*History{old: h}
			snap := &Snapshot{History: h, Head: old, Newest: h.newest}
			git(t, dir, "update-ref", "--no-deref", "HEAD", head)
			if unlisted(ctx, dir, specs, old, head) {
				kept++
			}
			got, ok := update(ctx, dir, paths, snap, head)
			if !ok {
				return
			}
			updated++
			want := at(t, head)
			read[head] = want
			sameHistory(t, got.History, want)
			if got.Newest != want.newest {
				t.Errorf("Newest = %s, want %s", got.Newest, want.newest)
			}
		})
	}
	t.Logf("%d of %d commits (snapshots %d first-parent steps back) updated, %d of them with the index kept as it was; each is the history read in full", updated, total, span, kept)
}

func envInt(t *testing.T, name string, def int) int {
	t.Helper()
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		t.Fatalf("%s=%q: want a positive number", name, v)
	}
	return n
}
