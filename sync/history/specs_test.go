package history

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// langs are minGroup directories of one parent.
var langs = []string{"content/de", "content/en", "content/es", "content/fr", "content/it", "content/ja", "content/ko", "content/pl"}

func TestGroupedSpecs(t *testing.T) {
	many := map[string]bool{}
	for i := range maxBeside + 1 {
		many[fmt.Sprintf("x%d", i)] = true
	}
	tests := []struct {
		name    string
		paths   []string
		beside  map[string]bool // found beside the one group
		parents []string        // the groups
		want    []string
	}{
		{
			name:    "languages of a site, the names beside them excluded",
			paths:   append([]string{"hugo.toml", "i18n/ko.toml"}, langs...),
			beside:  map[string]bool{"zh": true, "README.md": true},
			parents: []string{"content"},
			want: []string{":(literal)hugo.toml", ":(literal)i18n/ko.toml", "content/*.md", "content/*.markdown",
				":(exclude,literal)content/README.md", ":(exclude,literal)content/zh"},
		},
		{
			name:    "nothing beside them",
			paths:   langs,
			parents: []string{"content"},
			want:    []string{"content/*.md", "content/*.markdown"},
		},
		{
			name:  "too few directories",
			paths: langs[:minGroup-1],
			want:  Pathspecs(langs[:minGroup-1]),
		},
		{
			name:  "a file of the paths in the parent",
			paths: append([]string{"content/ko.toml"}, langs...),
			want:  Pathspecs(append([]string{"content/ko.toml"}, langs...)),
		},
		{
			name:    "a directory deeper in the parent",
			paths:   append([]string{"content/zh/docs"}, langs...),
			beside:  map[string]bool{"zh/blog": true, "zh/_index.md": true},
			parents: []string{"content"},
			want: []string{"content/*.md", "content/*.markdown",
				":(exclude,literal)content/zh/_index.md", ":(exclude,literal)content/zh/blog"},
		},
		{
			name:    "a group in a group",
			paths:   append([]string{"content/zh/a", "content/zh/b", "content/zh/c", "content/zh/d", "content/zh/e", "content/zh/f", "content/zh/g", "content/zh/h"}, langs...),
			parents: []string{"content"},
			want:    []string{"content/*.md", "content/*.markdown"},
		},
		{
			name:  "top-level directories",
			paths: []string{"de", "en", "es", "fr", "it", "ja", "ko", "pl"},
			want:  Pathspecs([]string{"de", "en", "es", "fr", "it", "ja", "ko", "pl"}),
		},
		{
			name:  "a directory named like a pattern is not counted",
			paths: append([]string{"content/[de]"}, langs[1:]...),
			want:  Pathspecs(append([]string{"content/[de]"}, langs[1:]...)),
		},
		{
			name:    "too many names beside",
			paths:   langs,
			beside:  many,
			parents: []string{"content"},
			want:    Pathspecs(langs),
		},
		{
			name:    "two parents, one grouped",
			paths:   append([]string{"blog/a", "blog/b"}, langs...),
			parents: []string{"content"},
			want:    []string{"blog/a/*.md", "blog/b/*.md", "blog/a/*.markdown", "blog/b/*.markdown", "content/*.md", "content/*.markdown"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			gs := groups(tt.paths)
			var parents []string
			for _, g := range gs {
				parents = append(parents, g.parent)
				for name := range tt.beside {
					g.beside[name] = true
				}
			}
			if !slices.Equal(parents, tt.parents) {
				t.Errorf("groups = %q, want %q", parents, tt.parents)
			}
			if got := groupedSpecs(tt.paths, gs); !slices.Equal(got, tt.want) {
				t.Errorf("groupedSpecs =\n %q\nwant\n %q", got, tt.want)
			}
		})
	}
}

func TestAddBeside(t *testing.T) {
	tests := []struct {
		name   string
		out    string
		ok     bool
		beside []string
	}{
		{"none", "", true, nil},
		{"names once each", "\ncontent/zh/a.md\x00content/zh/b/c.md\x00\ncontent/README.md\x00", true, []string{"README.md", "zh"}},
		{"a path elsewhere", "content/zh/a.md\x00docs/a.md\x00", false, nil},
		{"a path in a directory read", "content/ko/a.md\x00", false, nil},
		{"no final NUL", "content/zh/a.md", true, []string{"zh"}},
		{"beside a deeper directory", "content/vi/docs/a.md\x00content/vi/_index.md\x00content/vi/docs/tasks/b.md\x00content/vi/blog/c.md\x00", true,
			[]string{"vi/_index.md", "vi/blog", "vi/docs/a.md", "vi/docs/tasks"}},
		{"a file once where a deeper directory goes", "content/vi/docs\x00", false, nil},
		{"a path in a deeper directory read", "content/vi/docs/concepts/a.md\x00", false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			gs := groups(append([]string{"content/vi/docs/concepts"}, langs...))
			ok, err := addBeside(gs, strings.NewReader(tt.out))
			if err != nil || ok != tt.ok {
				t.Fatalf("addBeside = %v, %v; want %v", ok, err, tt.ok)
			}
			if !ok {
				return
			}
			var got []string
			for name := range gs[0].beside {
				got = append(got, name)
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.beside) {
				t.Errorf("beside = %q, want %q", got, tt.beside)
			}
		})
	}
}

// TestReadHistoryGrouped: the languages read as content's pages, less
// what was ever beside them, give the history their own pathspecs give,
// through a rename from beside them into a language (an addition under
// the narrow pathspecs) and a merge that is TREESAME to main for the
// languages but not for all of content/*.md: git follows main there under
// the narrow pathspecs, the side branch under the broad ones.
func TestReadHistoryGrouped(t *testing.T) {
	dir := newRepo(t)
	gitAt(t, dir, 1000, "checkout", "-q", "-b", "main")
	long := "# B\n\n" + strings.Repeat("A paragraph long enough for rename detection.\n", 8)
	datedCommit(t, dir, 1000, map[string]string{
		"content/de/x.md": "# X de\n", "content/en/x.md": "# X\n", "content/fr/x.md": "# X fr\n", "content/ko/x.md": "# X ko\n",
		"content/zz/a.md": "# zz\n", "content/zz/b.md": long, "hugo.toml": "title = 't'\n",
	})
	gitAt(t, dir, 2000, "mv", "content/zz/b.md", "content/ko/b.md")
	datedCommit(t, dir, 2000, nil)
	gitAt(t, dir, 2500, "checkout", "-q", "-b", "side")
	datedCommit(t, dir, 3000, map[string]string{"content/ko/x.md": "# X ko\n\nfixed\n", "content/zz/a.md": "# zz\n\nside\n"})
	gitAt(t, dir, 3100, "checkout", "-q", "main")
	datedCommit(t, dir, 3500, map[string]string{"content/ko/x.md": "# X ko\n\nfixed\n"})
	gitAt(t, dir, 4000, "-c", "user.name=t", "-c", "user.email=t@example.com", "merge", "-q", "--no-ff", "-m", "merge", "side")
	datedCommit(t, dir, 5000, map[string]string{"content/en/x.md": "# X\n\nnew\n", "content/README.md": "read me\n"})

	ctx := context.Background()
	paths := append([]string{"hugo.toml"}, langs...)
	specs := logSpecs(ctx, dir, paths)
	want := []string{":(literal)hugo.toml", "content/*.md", "content/*.markdown",
		":(exclude,literal)content/README.md", ":(exclude,literal)content/zz"}
	if !slices.Equal(specs, want) {
		t.Errorf("logSpecs = %q, want %q", specs, want)
	}
	got, narrow := readBoth(t, dir, paths)
	sameHistory(t, got, narrow)
	if vs := got.Versions("content/ko/b.md"); len(vs) != 1 || got.RenamedTo("content/zz/b.md") != "" {
		t.Errorf("content/ko/b.md: %v, renamed from content/zz/b.md %q; want one version, added", vs, got.RenamedTo("content/zz/b.md"))
	}

	// Without the names beside, the history is another: the test can fail.
	broad, _, err := readLog(ctx, dir, []string{":(literal)hugo.toml", "content/*.md", "content/*.markdown"}, "-M")
	if err != nil {
		t.Fatal(err)
	}
	var ko, broadKo []int64
	for _, v := range narrow.Versions("content/ko/x.md") {
		ko = append(ko, v.Time)
	}
	for _, v := range broad.Versions("content/ko/x.md") {
		broadKo = append(broadKo, v.Time)
	}
	if want := []int64{3500, 1000}; !reflect.DeepEqual(ko, want) {
		t.Errorf("content/ko/x.md changed at %v, want %v (main's side of the merge)", ko, want)
	}
	if reflect.DeepEqual(ko, broadKo) {
		t.Errorf("content/*.md without the names beside gives the same versions %v: the scenario does not tell the pathspecs apart", ko)
	}
}

// TestUpdateGrouped: a snapshot read with grouped pathspecs updates to
// the history a full read gives, through a new name beside the
// languages.
func TestUpdateGrouped(t *testing.T) {
	dir := newRepo(t)
	gitAt(t, dir, 1000, "checkout", "-q", "-b", "main")
	datedCommit(t, dir, 1000, map[string]string{
		"content/de/x.md": "# X de\n", "content/en/x.md": "# X\n", "content/fr/x.md": "# X fr\n", "content/ko/x.md": "# X ko\n",
		"content/zz/a.md": "# zz\n",
	})
	ctx := context.Background()
	_, snap, how, err := ReadHistoryFrom(ctx, dir, langs, nil)
	if err != nil || snap == nil || how != Rebuilt {
		t.Fatalf("ReadHistoryFrom: %v, %s", err, how)
	}
	long := "# B\n\n" + strings.Repeat("A paragraph long enough for rename detection.\n", 8)
	datedCommit(t, dir, 2000, map[string]string{"content/yy/b.md": long, "content/en/x.md": "# X\n\ntwo\n"})
	gitAt(t, dir, 3000, "mv", "content/yy/b.md", "content/ko/b.md")
	datedCommit(t, dir, 3000, nil)
	got, _, how, err := ReadHistoryFrom(ctx, dir, langs, snap)
	if err != nil || how != Updated {
		t.Fatalf("ReadHistoryFrom: %v, %s; want %s", err, how, Updated)
	}
	want, err := ReadHistory(ctx, dir, langs)
	if err != nil {
		t.Fatal(err)
	}
	sameHistory(t, got.History, want)
	if specs := logSpecs(ctx, dir, langs); !slices.Contains(specs, ":(exclude,literal)content/yy") {
		t.Errorf("logSpecs = %q, want content/yy excluded", specs)
	}
	if len(want.Versions("content/ko/b.md")) != 1 || want.RenamedTo("content/yy/b.md") != "" {
		t.Errorf("content/ko/b.md: %v; want one version, added", want.Versions("content/ko/b.md"))
	}
}

// TestBesideRoot: a name beside the languages that only the root commit
// holds is found, whatever the repository's log.showRoot says.
func TestBesideRoot(t *testing.T) {
	dir := newRepo(t)
	gitAt(t, dir, 1000, "config", "log.showRoot", "false")
	datedCommit(t, dir, 1000, map[string]string{
		"content/de/x.md": "# X de\n", "content/en/x.md": "# X\n", "content/fr/x.md": "# X fr\n", "content/ko/x.md": "# X ko\n",
		"content/zz/a.md": "# zz\n",
	})
	datedCommit(t, dir, 2000, map[string]string{"content/en/x.md": "# X\n\ntwo\n"})
	if specs := logSpecs(context.Background(), dir, langs); !slices.Contains(specs, ":(exclude,literal)content/zz") {
		t.Errorf("logSpecs = %q, want content/zz excluded", specs)
	}
}
