package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// gitRepo is a repository built in a test, one commit at a time.
type gitRepo struct {
	t    *testing.T
	dir  string
	tick int
}

func newRepo(t *testing.T) *gitRepo {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	r := &gitRepo{t: t, dir: t.TempDir()}
	r.git("init", "-q", "-b", "main")
	return r
}

func (r *gitRepo) git(args ...string) string {
	r.t.Helper()
	r.tick++
	date := fmt.Sprintf("2024-01-01T00:00:%02dZ", r.tick)
	cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"}, args...)...)
	cmd.Dir = r.dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date, "GIT_CONFIG_NOSYSTEM=1", "HOME="+r.dir)
	out, err := cmd.CombinedOutput()
	if err != nil {
		r.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

// commit writes the files (path, content pairs) and commits them.
func (r *gitRepo) commit(msg string, files ...string) string {
	r.t.Helper()
	for i := 0; i < len(files); i += 2 {
		p := filepath.Join(r.dir, filepath.FromSlash(files[i]))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			r.t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(files[i+1]), 0o644); err != nil {
			r.t.Fatal(err)
		}
	}
	r.git("add", "-A")
	r.git("commit", "-q", "-m", msg)
	return r.git("rev-parse", "HEAD")
}

const hugoConfig = `defaultContentLanguage = "en"
[languages.en]
contentDir = "content/en"
[languages.es]
contentDir = "content/es"
`

// TestReplay replays a catch-up merged from a branch: the merge's
// first-parent diff is the catch-up, its first parent the state replayed.
func TestReplay(t *testing.T) {
	r := newRepo(t)
	en, es := "content/en/garden.md", "content/es/garden.md"
	r.commit("site", "hugo.toml", hugoConfig, en, enPrev, es, trBefore)
	parent := r.commit("english moves on", en, enParent)
	r.git("checkout", "-q", "-b", "catch-up")
	r.commit("es: follow the English", es, trAfter)
	r.git("checkout", "-q", "main")
	r.git("merge", "-q", "--no-ff", "-m", "merge catch-up", "catch-up")
	merge := r.git("rev-parse", "HEAD")
	r.commit("es: typo", es, strings.Replace(trAfter, "paja", "paja seca", 1))

	o := &replayOptions{repo: r.dir, layout: contentLayout{Dir: "content", Source: "en"}, work: t.TempDir()}
	var stderr bytes.Buffer
	got, err := replay(context.Background(), o, &stderr)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("got %d catch-ups, want the merge only (stderr: %s)", len(got), stderr.String())
	}
	c := got[0]
	if c.cand.Commit != merge || c.cand.Parent != parent {
		t.Errorf("got commit %s parent %s, want the merge %s and its first parent %s", c.cand.Commit, c.cand.Parent, merge, parent)
	}
	if c.page == nil || c.page.State != "stale" {
		t.Fatalf("page at the parent: got %+v, want stale", c.page)
	}
	// The tool flags the paragraph whose English words changed; the commit
	// changed it and the soil paragraph (the translator's own edit).
	want := score{Units: 6, Flagged: 1, Changed: 2, Hit: 1, English: 1, EnHit: 1, Inserted: 1}
	if !reflect.DeepEqual(c.score, want) {
		t.Errorf("score: got %+v, want %+v", c.score, want)
	}
	if !c.checked || !c.ancest {
		t.Errorf("base ancestry: checked %v ancestor %v, want both (base %+v)", c.checked, c.ancest, c.page.Base)
	}
	var out bytes.Buffer
	writeReplay(&out, got, false)
	if !strings.Contains(out.String(), "100.0%") {
		t.Errorf("report: want page recall 100.0%%, got\n%s", out.String())
	}
}

func TestUnitBasesOffTree(t *testing.T) {
	r := newRepo(t)
	en := "content/en/garden.md"
	first := r.commit("site", "hugo.toml", hugoConfig, en, enPrev)
	second := r.commit("english moves on", en, enParent)
	bl, err := openBlobs(context.Background(), r.dir)
	if err != nil {
		t.Fatal(err)
	}
	defer bl.close()
	_, prevBlob, _, _ := bl.read(first + ":" + en)
	page := &pageView{Source: en, Units: []unitView{
		{ID: "a", Base: &unitBaseView{Blob: prevBlob, TranslatedIn: first}},  // the source in its tree
		{ID: "b", Base: &unitBaseView{Blob: prevBlob, TranslatedIn: second}}, // an older source than its tree's
		{ID: "c", Base: &unitBaseView{Blob: prevBlob}},                       // uncommitted: not checked
		{ID: "d"},
	}}
	checked, off, err := unitBasesOffTree(bl, page)
	if err != nil {
		t.Fatal(err)
	}
	if checked != 2 || off != 1 {
		t.Errorf("got %d checked, %d off the tree; want 2, 1", checked, off)
	}
}

func TestSameFlags(t *testing.T) {
	r := newRepo(t)
	en := "content/en/garden.md"
	pin := r.commit("site", "hugo.toml", hugoConfig, en, enPrev)
	r.commit("english moves on", en, enParent)
	bl, err := openBlobs(context.Background(), r.dir)
	if err != nil {
		t.Fatal(err)
	}
	defer bl.close()
	_, pinBlob, _, _ := bl.read(pin + ":" + en)
	p := &pinned{Source: en, Pin: pin, PinBlob: pinBlob}
	water := "watering/paragraph-1"
	tests := []struct {
		name  string
		units []unitView
		want  bool
	}{
		{"the changed paragraph", []unitView{{State: "stale", SourceID: water}}, true},
		{"nothing", nil, false},
		{"also the link-only change", []unitView{{State: "stale", SourceID: water}, {State: "stale", SourceID: "watering/paragraph-2"}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := sameFlags(r.dir, bl, p, &pageView{Units: tt.units})
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}
