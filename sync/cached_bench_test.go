package sync

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/internal/cache"
)

// benchSite generates a repository of pages English pages with Korean
// and Japanese translations, edited over commits commits.
func benchSite(b *testing.B, pages, commits int) string {
	b.Helper()
	dir := b.TempDir()
	gitB := func(args ...string) {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=b", "GIT_AUTHOR_EMAIL=b@example.com",
			"GIT_COMMITTER_NAME=b", "GIT_COMMITTER_EMAIL=b@example.com")
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	write := func(name, content string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	page := func(i, rev int, lang string) string {
		var sb strings.Builder
		fmt.Fprintf(&sb, "---\ntitle: Page %d %s\n---\n\n# Page %d\n\n", i, lang, i)
		for k := range 12 {
			fmt.Fprintf(&sb, "Paragraph %d of page %d in %s, revision %d. Some words to align and check.\n\n", k, i, lang, rev-(k%3))
		}
		return sb.String()
	}
	gitB("init", "-q", "-b", "main")
	write("hugo.toml", "defaultContentLanguage = \"en\"\n[languages.en]\ncontentDir = \"content/en\"\n[languages.ko]\ncontentDir = \"content/ko\"\n[languages.ja]\ncontentDir = \"content/ja\"\n")
	for i := range pages {
		for _, l := range []string{"en", "ko", "ja"} {
			write(fmt.Sprintf("content/%s/s%d/p%d.md", l, i%10, i), page(i, 0, l))
		}
	}
	gitB("add", "-A")
	gitB("commit", "-q", "-m", "initial")
	for c := 1; c <= commits; c++ {
		for i := c % 7; i < pages; i += 7 {
			l := []string{"en", "ko", "ja"}[(c+i)%3]
			write(fmt.Sprintf("content/%s/s%d/p%d.md", l, i%10, i), page(i, c, l))
		}
		gitB("add", "-A")
		gitB("commit", "-q", "-m", fmt.Sprint("edit ", c))
	}
	return dir
}

func BenchmarkStatusWarm(b *testing.B) {
	dir := benchSite(b, 300, 40)
	st, err := cache.Open(cache.Options{Dir: b.TempDir(), Tool: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := Status(context.Background(), dir, Options{Cache: st}); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Status(context.Background(), dir, Options{Cache: st}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkStatusNoCache(b *testing.B) {
	dir := benchSite(b, 300, 40)
	for b.Loop() {
		if _, err := Status(context.Background(), dir, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// statusJSONTo runs StatusJSON and reads its output.
func statusJSONTo(b *testing.B, dir string, st *cache.Store) {
	_, out, err := StatusJSON(context.Background(), dir, Options{Cache: st}, "bench",
		func(*Outline) ([]byte, error) { return nil, nil })
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(io.Discard, out); err != nil {
		b.Fatal(err)
	}
	out.Close()
}

// BenchmarkStatusJSONAfterCommit: the JSON output after a commit that
// edits one English page (not timed): one group is made, the others'
// pages are spliced.
func BenchmarkStatusJSONAfterCommit(b *testing.B) {
	dir := benchSite(b, 300, 40)
	st, err := cache.Open(cache.Options{Dir: b.TempDir(), Tool: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	statusJSONTo(b, dir, st)
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		p := filepath.Join(dir, "content", "en", "s3", "p3.md")
		f, err := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			b.Fatal(err)
		}
		fmt.Fprintf(f, "\nOne more sentence, number %d.\n", i)
		f.Close()
		cmd := exec.Command("git", "-c", "user.name=b", "-c", "user.email=b@example.com", "commit", "-q", "-am", fmt.Sprint("bench ", i))
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("git commit: %v\n%s", err, out)
		}
		b.StartTimer()
		statusJSONTo(b, dir, st)
	}
}

// BenchmarkStatusJSONWarm: the JSON output with nothing changed (the
// last output, read back).
func BenchmarkStatusJSONWarm(b *testing.B) {
	dir := benchSite(b, 300, 40)
	st, err := cache.Open(cache.Options{Dir: b.TempDir(), Tool: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	statusJSONTo(b, dir, st)
	for b.Loop() {
		statusJSONTo(b, dir, st)
	}
}
