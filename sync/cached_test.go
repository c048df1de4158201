package sync

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	gosync "sync"
	"testing"
	"time"

	"github.com/cnpe-i18n/cnpe-i18n/glossary"
	"github.com/cnpe-i18n/cnpe-i18n/internal/cache"
	"github.com/cnpe-i18n/cnpe-i18n/internal/corpustest"
	"github.com/cnpe-i18n/cnpe-i18n/sync/site"
)

// statusJSON is the JSON of a status run, with the cache in dir ("" for
// none).
func statusJSON(t *testing.T, root string, opts Options, dir string) []byte {
	t.Helper()
	if dir != "" {
		st, err := cache.Open(cache.Options{Dir: dir, Tool: "test"})
		if err != nil {
			t.Fatal(err)
		}
		opts.Cache = st
	}
	r, err := Status(context.Background(), root, opts)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.MarshalIndent(r, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// sameJSON fails when got and want differ, showing the first difference.
func sameJSON(t *testing.T, what string, got, want []byte) {
	t.Helper()
	if bytes.Equal(got, want) {
		return
	}
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-200)
	t.Errorf("%s: JSON differs from the run without cache at byte %d:\n got …%s…\nwant …%s…", what, i,
		got[from:min(len(got), i+200)], want[from:min(len(want), i+200)])
}

// checkCachedSame runs status without a cache, then twice with a new one
// (cold, warm), and wants the same JSON each time.
func checkCachedSame(t *testing.T, root string, opts Options) {
	t.Helper()
	want := statusJSON(t, root, opts, "")
	dir := t.TempDir()
	sameJSON(t, "cold cache", statusJSON(t, root, opts, dir), want)
	sameJSON(t, "warm cache", statusJSON(t, root, opts, dir), want)
}

func TestCacheCorpusSameOutput(t *testing.T) {
	root := corpustest.Clone(t)
	cfg, err := site.LoadConfig(root)
	if err != nil {
		t.Fatal(err)
	}
	checkCachedSame(t, root, Options{Config: cfg})
}

// cacheSite is a small site with history: English pages, Korean
// translations made at different times, an orphan.
func cacheSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	git(t, dir, "init", "-q", "-b", "main")
	at := int64(1_700_000_000)
	step := func(files map[string]string) {
		at += 100
		t.Setenv("GIT_COMMITTER_DATE", fmt.Sprintf("@%d +0000", at))
		t.Setenv("GIT_AUTHOR_DATE", fmt.Sprintf("@%d +0000", at))
		commitStep(t, dir, fmt.Sprint(at), files)
	}
	step(map[string]string{
		"hugo.toml":       enKoHugo,
		"content/en/a.md": "# Alpha\n\nFirst paragraph of alpha.\n\nSecond paragraph.\n",
		"content/en/b.md": "# Beta\n\nBeta text here.\n",
		"content/en/c.md": "# Gamma\n\nGamma text.\n",
	})
	step(map[string]string{
		"content/ko/a.md":   "# 알파\n\n알파의 첫 문단.\n\n둘째 문단.\n",
		"content/ko/b.md":   "# 베타\n\n베타 글.\n",
		"content/ko/old.md": "# 옛것\n\n옛 글.\n",
	})
	step(map[string]string{"content/en/a.md": "# Alpha\n\nFirst paragraph of alpha, changed.\n\nSecond paragraph.\n\nA third one.\n"})
	step(map[string]string{"content/ko/b.md": "# 베타\n\n베타 글이다.\n"})
	return dir
}

// TestCacheFollowsChanges: after each change to the repository, the run
// with the cache of the runs before says what a run without it says.
func TestCacheFollowsChanges(t *testing.T) {
	dir := cacheSite(t)
	cdir := t.TempDir()
	at := int64(1_800_000_000)
	commit := func(files map[string]string) {
		at += 100
		t.Setenv("GIT_COMMITTER_DATE", fmt.Sprintf("@%d +0000", at))
		t.Setenv("GIT_AUTHOR_DATE", fmt.Sprintf("@%d +0000", at))
		commitStep(t, dir, fmt.Sprint(at), files)
	}
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	steps := []struct {
		name string
		do   func()
	}{
		{"nothing", func() {}},
		{"a commit editing an English page", func() {
			commit(map[string]string{"content/en/b.md": "# Beta\n\nBeta text here, edited.\n"})
		}},
		{"a translation edited, not committed", func() {
			write("content/ko/a.md", "# 알파\n\n알파의 첫 문단, 고침.\n\n둘째 문단.\n\n셋째.\n")
		}},
		{"the same size, new content", func() {
			write("content/ko/a.md", "# 알파\n\n알파의 첫 문단, 고쳐.\n\n둘째 문단.\n\n셋째.\n")
		}},
		{"that edit committed", func() { commit(nil) }},
		{"history rewritten (force-push)", func() {
			git(t, dir, "reset", "-q", "--hard", "HEAD~2")
			commit(map[string]string{"content/en/c.md": "# Gamma\n\nGamma text, rewritten.\n"})
		}},
		{"a page renamed", func() {
			git(t, dir, "mv", "content/en/c.md", "content/en/old.md")
			commit(nil)
		}},
		{"a new page", func() { commit(map[string]string{"content/en/d.md": "# Delta\n"}) }},
		{"a commit dated before the last", func() {
			at -= 100_000
			commit(map[string]string{"content/ko/b.md": "# 베타\n\n베타.\n"})
		}},
		{"a page that does not parse", func() {
			write("content/ko/c.md", "---\ntitle: 감마\n\n# 감마\n")
		}},
		{"that page committed, and one made a dangling link", func() {
			commit(nil)
			if err := os.Symlink("nowhere.md", filepath.Join(dir, "content/ko/e.md")); err != nil {
				t.Fatal(err)
			}
		}},
		{"every cache entry damaged", func() {
			filepath.Walk(cdir, func(p string, fi os.FileInfo, err error) error {
				if err == nil && fi.Mode().IsRegular() {
					b, _ := os.ReadFile(p)
					os.WriteFile(p, b[:len(b)/2], 0o644)
				}
				return nil
			})
		}},
	}
	rendered := func() []byte {
		t.Helper()
		st := openCache(t, cdir, "test")
		b, outline := statusJSONSpliced(t, dir, Options{Cache: st})
		if want := outlineOf(t, dir, Options{}); !bytes.Equal(outline, want) {
			t.Errorf("outline of the spliced report:\n%s\nwant\n%s", outline, want)
		}
		return b
	}
	// The steps that make a problem, and the page it names.
	problems := map[string]string{
		"a page that does not parse":                        "content/ko/c.md",
		"that page committed, and one made a dangling link": "content/ko/e.md",
	}
	for _, st := range steps {
		st.do()
		want := statusJSON(t, dir, Options{}, "")
		if p := problems[st.name]; p != "" && !bytes.Contains(want, []byte(`"path": "`+p+`"`)) {
			t.Fatalf("%s: no problem names %s:\n%s", st.name, p, want)
		}
		sameJSON(t, st.name, statusJSON(t, dir, Options{}, cdir), want)
		sameJSON(t, st.name+" (again)", statusJSON(t, dir, Options{}, cdir), want)
		written := writtenJSON(t, dir, Options{})
		sameJSON(t, st.name+" (rendered)", rendered(), written)
		sameJSON(t, st.name+" (rendered again)", rendered(), written)
		// A run on one language in between: what it keeps of the scan
		// does not mislead the next full run.
		ko := Options{Langs: []string{"ko"}}
		sameJSON(t, st.name+" (ko)", statusJSON(t, dir, ko, cdir), statusJSON(t, dir, ko, ""))
	}
}

// TestCacheIsUsed: a warm run reads pages' reports from the cache and
// writes nothing.
func TestCacheIsUsed(t *testing.T) {
	defer func(w time.Duration) { racyWindow = w }(racyWindow)
	racyWindow = 0 // the pages were just written: trust their stat anyway
	dir := cacheSite(t)
	cdir := t.TempDir()
	statusJSON(t, dir, Options{}, cdir)
	st, err := cache.Open(cache.Options{Dir: cdir, Tool: "test"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Status(context.Background(), dir, Options{Cache: st}); err != nil {
		t.Fatal(err)
	}
	hits, misses, puts := st.Stats()
	if hits < 4 || misses != 0 || puts != 0 {
		t.Errorf("warm run: %d hits, %d misses, %d writes; want hits (history, scan, groups) and nothing else", hits, misses, puts)
	}
	// A commit editing one English page: only its group is made again.
	t.Setenv("GIT_COMMITTER_DATE", "@1900000000 +0000")
	commitStep(t, dir, "edit", map[string]string{"content/en/c.md": "# Gamma\n\nGamma text, edited.\n"})
	st = openCache(t, cdir, "test")
	if _, err := Status(context.Background(), dir, Options{Cache: st}); err != nil {
		t.Fatal(err)
	}
	hits, misses, puts = st.Stats()
	// Written again: the history (updated), the scan and the group of
	// c.md. (No page skeleton is needed: no source shares a word of its
	// name with the orphan, so rename suggestions parse nothing.)
	if misses != 1 || puts != 3 || hits < 3 {
		t.Errorf("after a commit: %d hits, %d misses, %d writes; want 1 miss and 3 writes", hits, misses, puts)
	}
	other := openCache(t, cdir, "another version")
	if _, err := Status(context.Background(), dir, Options{Cache: other}); err != nil {
		t.Fatal(err)
	}
	if hits, _, _ := other.Stats(); hits != 0 {
		t.Errorf("another tool version read %d entries", hits)
	}
}

// writtenJSON is WriteJSON's output of a status run without cache.
func writtenJSON(t *testing.T, root string, opts Options) []byte {
	t.Helper()
	r, err := Status(context.Background(), root, opts)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := WriteJSON(&b, r); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// outlineOf is the JSON of the outline of a status run without cache.
func outlineOf(t *testing.T, root string, opts Options) []byte {
	t.Helper()
	r, err := Status(context.Background(), root, opts)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(r.Outline())
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// statusJSONSpliced is StatusJSON's output and summary, the summary
// being the outline's JSON.
func statusJSONSpliced(t *testing.T, root string, opts Options) (output, summary []byte) {
	t.Helper()
	sum, out, err := StatusJSON(context.Background(), root, opts, "json", func(o *Outline) ([]byte, error) {
		return json.Marshal(o)
	})
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	b, err := io.ReadAll(out)
	if err != nil {
		t.Fatal(err)
	}
	return b, sum
}

// TestStatusJSONReused: a second run with nothing changed makes no
// report; an edit makes it again, from the groups that did not change
// and the one that did.
func TestStatusJSONReused(t *testing.T) {
	defer func(w time.Duration) { racyWindow = w }(racyWindow)
	racyWindow = 0
	dir := cacheSite(t)
	cdir := t.TempDir()
	summaries := 0
	run := func() *cache.Store {
		t.Helper()
		st := openCache(t, cdir, "test")
		sum, out, err := StatusJSON(context.Background(), dir, Options{Cache: st}, "v", func(*Outline) ([]byte, error) {
			summaries++
			return []byte("summary"), nil
		})
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if _, err := io.Copy(&b, out); err != nil { // WriteTo, or the entry's reader
			t.Fatal(err)
		}
		out.Close()
		if string(sum) != "summary" {
			t.Fatalf("StatusJSON summary = %q; want the one summarize made", sum)
		}
		sameJSON(t, fmt.Sprintf("run %d", summaries), b.Bytes(), writtenJSON(t, dir, Options{}))
		return st
	}
	for i, want := range []int{1, 1} {
		run()
		if summaries != want {
			t.Fatalf("run %d: %d summaries, want %d", i+1, summaries, want)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "content/ko/b.md"), []byte("# 베타\n\n새 글.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	run()
	if summaries != 2 {
		t.Errorf("after an edit: %d summaries, want 2", summaries)
	}
	t.Setenv("GIT_COMMITTER_DATE", "@1900000000 +0000")
	commitStep(t, dir, "the edit", nil)
	run()
	// A commit editing one English page: the output is spliced from the
	// groups of the other pages, and only the group of c.md is made and
	// written; the output replaces the last one rather than adding one.
	t.Setenv("GIT_COMMITTER_DATE", "@1900000100 +0000")
	commitStep(t, dir, "edit", map[string]string{"content/en/c.md": "# Gamma\n\nGamma text, edited.\n"})
	st := run()
	if summaries != 4 {
		t.Errorf("after a commit: %d summaries, want 4", summaries)
	}
	// Misses: the rendered output and c.md's group. Writes: the history,
	// the scan, c.md's group and the rendered output.
	if hits, misses, puts := st.Stats(); misses != 2 || puts != 4 || hits < 3 {
		t.Errorf("after a commit: %d hits, %d misses, %d writes; want 2 misses and 4 writes", hits, misses, puts)
	}
	outputs, _ := filepath.Glob(filepath.Join(cdir, "rendered", "*", "*"))
	if len(outputs) != 1 {
		t.Errorf("%d rendered outputs in the cache after three different runs, want 1: %q", len(outputs), outputs)
	}
}

// TestStatusJSONKeptAsRead: the output is kept in the cache from the
// JSON written for it, whichever way it is taken (read, WriteTo, not
// read at all), and the next run gives the same bytes without making the
// report; an output read in part is not kept.
func TestStatusJSONKeptAsRead(t *testing.T) {
	defer func(w time.Duration) { racyWindow = w }(racyWindow)
	racyWindow = 0
	dir := cacheSite(t)
	want := writtenJSON(t, dir, Options{})
	tests := []struct {
		name string
		take func(io.Reader) []byte // what the output gives; nil: not kept
		kept bool
	}{
		{"read", func(r io.Reader) []byte {
			b, err := io.ReadAll(r)
			if err != nil {
				t.Fatal(err)
			}
			return b
		}, true},
		{"WriteTo", func(r io.Reader) []byte {
			var b bytes.Buffer
			if _, err := r.(io.WriterTo).WriteTo(&b); err != nil {
				t.Fatal(err)
			}
			return b.Bytes()
		}, true},
		{"not read", func(io.Reader) []byte { return nil }, true},
		{"read in part", func(r io.Reader) []byte {
			r.Read(make([]byte, 10))
			return nil
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cdir := t.TempDir()
			made := 0
			run := func(take func(io.Reader) []byte) []byte {
				t.Helper()
				_, out, err := StatusJSON(context.Background(), dir, Options{Cache: openCache(t, cdir, "test")}, "v",
					func(*Outline) ([]byte, error) { made++; return []byte("s"), nil })
				if err != nil {
					t.Fatal(err)
				}
				b := take(out)
				out.Close()
				return b
			}
			if got := run(tt.take); got != nil {
				sameJSON(t, "first run", got, want)
			}
			got := run(tests[0].take)
			sameJSON(t, "second run", got, want)
			if wantMade := map[bool]int{true: 1, false: 2}[tt.kept]; made != wantMade {
				t.Errorf("%d reports made in two runs, want %d", made, wantMade)
			}
		})
	}
}

// TestCacheConcurrentRuns: two runs at once on one cache agree with a
// run without it.
func TestCacheConcurrentRuns(t *testing.T) {
	dir := cacheSite(t)
	want := statusJSON(t, dir, Options{}, "")
	cdir := t.TempDir()
	for range 2 {
		var wg gosync.WaitGroup
		got := make([][]byte, 2)
		for i := range got {
			wg.Add(1)
			go func() {
				defer wg.Done()
				st := openCache(t, cdir, "test")
				r, err := Status(context.Background(), dir, Options{Cache: st})
				if err != nil {
					t.Error(err)
					return
				}
				got[i], _ = json.MarshalIndent(r, "", " ")
			}()
		}
		wg.Wait()
		for i := range got {
			sameJSON(t, fmt.Sprintf("run %d", i), got[i], want)
		}
	}
}

// TestCacheTermFindings: glossary findings are the same without a cache,
// cold and warm, and after a commit.
func TestCacheTermFindings(t *testing.T) {
	defer func(w time.Duration) { racyWindow = w }(racyWindow)
	racyWindow = 0
	dir := cacheSite(t)
	g, err := glossary.Parse("g.yaml", []byte("terms:\n  - en: paragraph\n    ko: {use: [문단]}\n  - en: text\n    ko: {use: [텍스트]}\n"))
	if err != nil {
		t.Fatal(err)
	}
	var misses, puts int64
	run := func(cdir string) []byte {
		t.Helper()
		opts := Options{LazyHistory: true}
		if cdir != "" {
			opts.Cache = openCache(t, cdir, "test")
			defer func() { _, misses, puts = opts.Cache.Stats() }()
		}
		s, err := Load(context.Background(), dir, opts)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		fs := s.TermFindings(Options{}, g)
		glossary.SortFindings(fs)
		b, _ := json.Marshal(fs)
		return b
	}
	cdir := t.TempDir()
	for _, step := range []string{"first", "again", "after a commit"} {
		if step == "after a commit" {
			commitStep(t, dir, "edit", map[string]string{"content/en/b.md": "# Beta\n\nBeta text here, more text.\n"})
		}
		want := run("")
		if !bytes.Contains(want, []byte(`"rule"`)) {
			t.Fatalf("no findings to compare: %s", want)
		}
		sameJSON(t, step, run(cdir), want)
		if step == "again" && (misses != 0 || puts != 0) {
			t.Errorf("warm glossary check: %d cache misses, %d writes; want none", misses, puts)
		}
	}
}

// openCache opens a store for a test, failing the test when it cannot (a
// nil store would turn the cache off and the test would check nothing).
func openCache(t testing.TB, dir, tool string) *cache.Store {
	t.Helper()
	st, err := cache.Open(cache.Options{Dir: dir, Tool: tool})
	if err != nil {
		t.Errorf("opening the cache: %v", err)
	}
	return st
}
