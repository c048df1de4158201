package site

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestFilesOf: only the content directories of the source and the
// languages asked for are walked (a dangling link in ja's is not met);
// the pages of those languages are Files' pages, in the same order.
func TestFilesOf(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"hugo.toml": "defaultContentLanguage = \"en\"\n[languages.en]\ncontentDir = \"content/en\"\n" +
			"[languages.ko]\ncontentDir = \"content/ko\"\n[languages.ja]\ncontentDir = \"content/ja\"\n",
		"content/en/a.md":   "# A\n",
		"content/en/b/c.md": "# C\n",
		"content/ko/a.md":   "# 가\n",
		"content/ja/a.md":   "# ア\n",
	})
	if err := os.Symlink("nowhere.md", filepath.Join(dir, "content/ja/dangling.md")); err != nil {
		t.Fatal(err)
	}
	l, err := DetectLayout(dir, Config{})
	if err != nil {
		t.Fatal(err)
	}
	paths := func(files []File) []string {
		var out []string
		for _, f := range files {
			out = append(out, f.Lang+":"+f.Path)
		}
		return out
	}
	all, allProblems := l.Files(Config{})
	if len(allProblems) != 1 {
		t.Fatalf("Files problems %v, want the dangling link", allProblems)
	}
	ko, problems := l.FilesOf(Config{}, []string{"ko"})
	if len(problems) != 0 {
		t.Errorf("FilesOf ko problems %v, want none (ja is not walked)", problems)
	}
	want := paths(slices.DeleteFunc(slices.Clone(all), func(f File) bool { return f.Lang == "ja" }))
	if got := paths(ko); !slices.Equal(got, want) {
		t.Errorf("FilesOf ko = %q, want %q", got, want)
	}
	if got, _ := l.FilesOf(Config{}, nil); !slices.Equal(paths(got), paths(all)) {
		t.Errorf("FilesOf all = %q, want Files' %q", paths(got), paths(all))
	}
}
