package render

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestHTMLEscapesRepositoryText(t *testing.T) {
	r := htmlFixture()
	dir := writeHTML(t, r, GitHubLinker("", "owner/repo", "abc1234abc1234abc1234abc1234abc1234abc12"))
	var all strings.Builder
	err := filepath.Walk(dir, func(path string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() || !strings.HasSuffix(path, ".html") {
			return err
		}
		data, err := os.ReadFile(path)
		all.Write(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	out := all.String()
	for _, bad := range []string{"<script>alert", "<img src=x", "<b>bold</b>"} {
		if strings.Contains(out, bad) {
			t.Errorf("report contains unescaped %q", bad)
		}
	}
	if !strings.Contains(out, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("report lost the escaped source text")
	}
}

func TestHTMLLinksOnlyWithHTTPSBase(t *testing.T) {
	r := htmlFixture()
	page := PageFile(r.Pages[3])
	for _, tc := range []struct {
		name   string
		linker Linker
		want   bool
	}{
		{"github", GitHubLinker("", "owner/repo", "abc1234abc1234abc1234abc1234abc1234abc12"), true},
		{"unknown repository", GitHubLinker("", "", ""), false},
		{"plain http", Linker{Base: "http://example.com/blob/x/"}, false},
		{"javascript", Linker{Base: "javascript:alert(1)//"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(writeHTML(t, r, tc.linker), filepath.FromSlash(page)))
			if err != nil {
				t.Fatal(err)
			}
			link := `href="https://github.com/owner/repo/blob/abc1234abc1234abc1234abc1234abc1234abc12/content/ko/guide/setup.md#L5-L6"`
			if got := strings.Contains(string(data), link); got != tc.want {
				t.Errorf("line link present = %v, want %v", got, tc.want)
			}
			if strings.Contains(string(data), "javascript:") || strings.Contains(string(data), "http://") {
				t.Errorf("page links to a non-https base")
			}
		})
	}
}

func TestPageFileIsSafeAndUnique(t *testing.T) {
	r := htmlFixture()
	seen := map[string]bool{}
	for _, p := range r.Pages {
		f := PageFile(p)
		if seen[f] {
			t.Errorf("PageFile(%s %s) = %q twice", p.Lang, p.Translation, f)
		}
		seen[f] = true
		if strings.ContainsAny(f, "<>\"' ") || strings.Contains(f, "..") {
			t.Errorf("PageFile = %q, want only safe characters", f)
		}
	}
}
