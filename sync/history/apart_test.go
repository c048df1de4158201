package history

import (
	"fmt"
	"reflect"
	"slices"
	"testing"
)

func TestMergeLogs(t *testing.T) {
	log := func(entries ...any) *History {
		h := newHistory("")
		for i := 0; i < len(entries); i += 3 {
			c, at, p := entries[i].(string), int64(entries[i+1].(int)), entries[i+2].(string)
			seq := len(h.stamps)
			h.stamps = append(h.stamps, stamp{c, at})
			h.commits++
			if p != "" {
				h.paths[p] = append(h.paths[p], Version{Commit: c, Time: at, Seq: seq, Path: p})
			}
		}
		return h
	}
	type placed struct {
		Commit string
		Seq    int
	}
	tests := []struct {
		name string
		a, b *History
		more []*History // logs after a and b
		want map[string][]placed
	}{
		{
			name: "interleaved by time",
			a:    log("a3", 30, "page", "a1", 10, "page"),
			b:    log("b2", 20, "table"),
			want: map[string][]placed{"page": {{"a3", 0}, {"a1", 2}}, "table": {{"b2", 1}}},
		},
		{
			name: "a tie keeps the pages' log first",
			a:    log("a2", 20, "page"),
			b:    log("b2", 20, "table"),
			want: map[string][]placed{"page": {{"a2", 0}}, "table": {{"b2", 1}}},
		},
		{
			name: "a commit both logs print is one commit",
			a:    log("c3", 30, "page", "a1", 10, "page"),
			b:    log("c3", 30, "table", "b2", 20, "table"),
			want: map[string][]placed{"page": {{"c3", 0}, {"a1", 2}}, "table": {{"c3", 0}, {"b2", 1}}},
		},
		{
			name: "three logs, a tie keeps the earliest log's first",
			a:    log("a3", 30, "page", "a1", 10, "page"),
			b:    log("b2", 20, "table"),
			more: []*History{log("c3", 30, "other", "c2", 20, "other")},
			want: map[string][]placed{"page": {{"a3", 0}, {"a1", 4}}, "table": {{"b2", 2}}, "other": {{"c3", 1}, {"c2", 3}}},
		},
		{
			name: "a file both logs read has its versions once",
			a:    log("c3", 30, "both"),
			b:    log("c3", 30, "both", "b1", 10, "both"),
			want: map[string][]placed{"both": {{"c3", 0}, {"b1", 1}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			logs := append([]*History{tt.a, tt.b}, tt.more...)
			h := mergeLogs(logs...)
			got := map[string][]placed{}
			for p, vs := range h.paths {
				for _, v := range vs {
					got[p] = append(got[p], placed{v.Commit, v.Seq})
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("merged = %v, want %v", got, tt.want)
			}
			commits := map[string]bool{}
			for _, l := range logs {
				for _, s := range l.stamps {
					commits[s.commit] = true
				}
			}
			if h.commits != len(commits) {
				t.Errorf("commits = %d, want %d", h.commits, len(commits))
			}
		})
	}
}

// TestReadHistoryFilesApart: the string tables and the configuration are
// read by a log of their own, merged with the pages' in commit order. A
// side branch that changed a table to no effect is then left out of the
// table's history, as "git log -- table" leaves it out, where the log of
// pages and tables together lists it because the pages changed on both
// sides of the merge.
func TestReadHistoryFilesApart(t *testing.T) {
	dir := newRepo(t)
	gitAt(t, dir, 1000, "checkout", "-q", "-b", "main")
	datedCommit(t, dir, 1000, map[string]string{"content/en/a.md": "# A\n", "i18n/en.toml": "[x]\nother = 'x'\n"})
	gitAt(t, dir, 1500, "checkout", "-q", "-b", "side")
	datedCommit(t, dir, 2000, map[string]string{"i18n/en.toml": "[x]\nother = 'y'\n", "content/en/b.md": "# B\n"})
	datedCommit(t, dir, 2100, map[string]string{"i18n/en.toml": "[x]\nother = 'x'\n"})
	gitAt(t, dir, 2200, "checkout", "-q", "main")
	datedCommit(t, dir, 2500, map[string]string{"content/en/a.md": "# A\n\ntwo\n"})
	gitAt(t, dir, 3000, "-c", "user.name=t", "-c", "user.email=t@example.com", "merge", "-q", "--no-ff", "-m", "merge", "side")
	datedCommit(t, dir, 4000, map[string]string{"i18n/en.toml": "[x]\nother = 'z'\n"})

	got, together := readBoth(t, dir, []string{"content/en", "i18n/en.toml"})
	times := func(h *History, p string) (out []int64) {
		for _, v := range h.Versions(p) {
			out = append(out, v.Time)
		}
		return out
	}
	if got, want := times(got, "i18n/en.toml"), []int64{4000, 1000}; !reflect.DeepEqual(got, want) {
		t.Errorf("i18n/en.toml changed at %v, want %v", got, want)
	}
	if all := times(together, "i18n/en.toml"); len(all) != 4 {
		t.Errorf("read with the pages, i18n/en.toml changed at %v, want the side branch's 2 commits too: the scenario does not tell the logs apart", all)
	}
	for _, p := range []string{"content/en/a.md", "content/en/b.md"} {
		if g, w := times(got, p), times(together, p); !reflect.DeepEqual(g, w) {
			t.Errorf("%s changed at %v, want %v as read with the tables", p, g, w)
		}
	}
	// One order over both logs: the table's newest version is the newest
	// commit, the pages' follow.
	if vs := got.Versions("i18n/en.toml"); vs[0].Seq != 0 || got.Versions("content/en/a.md")[0].Seq <= vs[0].Seq {
		t.Errorf("seqs: table %v, page %v", vs, got.Versions("content/en/a.md"))
	}
}

func TestLogGroups(t *testing.T) {
	files := func(dir string, n int) []string {
		var out []string
		for i := range n {
			out = append(out, fmt.Sprintf(":(literal)%s/p%02d.md", dir, i))
		}
		return out
	}
	cat := func(lists ...[]string) []string { return slices.Concat(lists...) }
	tests := []struct {
		name  string
		specs []string
		want  [][]string // the specs of each group, in order
	}{
		{
			name:  "directories and a few files: two logs",
			specs: cat([]string{"content/en/*.md"}, files("i18n", 3)),
			want:  [][]string{{"content/en/*.md"}, files("i18n", 3)},
		},
		{
			name:  "few files: one log",
			specs: cat(files("content/ko", 10), files("content/en", 10)),
			want:  [][]string{cat(files("content/ko", 10), files("content/en", 10))},
		},
		{
			name:  "many files: cut between languages nearest the middle, sorted",
			specs: cat(files("content/ko", 10), files("content/en", 20), files("content/ja", 4)),
			want:  [][]string{files("content/en", 20), cat(files("content/ja", 4), files("content/ko", 10))},
		},
		{
			name:  "many files in one language: one log",
			specs: files("content/en/docs", 30),
			want:  [][]string{files("content/en/docs", 30)},
		},
		{
			name:  "directories and many files: three logs",
			specs: cat([]string{"content/en/*.md"}, files("content/ja", 12), files("content/en", 12), []string{":(literal)hugo.toml"}),
			want:  [][]string{{"content/en/*.md"}, files("content/en", 12), cat(files("content/ja", 12), []string{":(literal)hugo.toml"})},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got [][]string
			for _, g := range logGroups(tt.specs) {
				got = append(got, g.specs)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("logGroups =\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

// TestReadHistoryManyFiles: the pages of many single files are read by two
// logs, cut between languages, and give the history one log gives, renames
// within a language included.
func TestReadHistoryManyFiles(t *testing.T) {
	dir := newRepo(t)
	var paths []string
	first := map[string]string{}
	for _, lang := range []string{"en", "ko"} {
		for i := range 14 {
			p := fmt.Sprintf("content/%s/p%02d.md", lang, i)
			paths = append(paths, p)
			first[p] = fmt.Sprintf("# %s %d\n", lang, i)
		}
	}
	paths = append(paths, "content/en/p20.md") // p07's new name
	datedCommit(t, dir, 1000, first)
	datedCommit(t, dir, 2000, map[string]string{"content/ko/p03.md": "# ko 3\n\nmore\n", "content/en/p05.md": "# en 5\n\nmore\n"})
	gitAt(t, dir, 3000, "mv", "content/en/p07.md", "content/en/p20.md")
	datedCommit(t, dir, 3000, nil)
	datedCommit(t, dir, 4000, map[string]string{"content/ko/p13.md": "# ko 13\n\nmore\n"})

	if groups := logGroups(Pathspecs(paths)); len(groups) != 2 {
		t.Fatalf("%d logs for %d files, want 2: the test reads no history apart", len(groups), len(paths))
	}
	got, one := readBoth(t, dir, paths)
	sameHistory(t, got, one)
	if len(got.Versions("content/ko/p03.md")) != 2 || len(got.Versions("content/ko/p13.md")) != 2 {
		t.Errorf("ko versions: p03 %v, p13 %v; want 2 each", got.Versions("content/ko/p03.md"), got.Versions("content/ko/p13.md"))
	}
	if to := got.RenamedTo("content/en/p07.md"); to != "content/en/p20.md" {
		t.Errorf("content/en/p07.md renamed to %q, want content/en/p20.md", to)
	}
}
