package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// hugoLayouts are the smallest templates that render every page, and the
// shortcodes the demo site uses.
var hugoLayouts = map[string]string{
	"layouts/_default/baseof.html":   `<html lang="{{ .Language.Lang }}"><body>{{ block "main" . }}{{ end }}</body></html>`,
	"layouts/_default/single.html":   `{{ define "main" }}<h1>{{ .Title }}</h1>{{ if .Params.outdated }}<p class="banner">Translation needed</p>{{ end }}{{ .Content }}<a>{{ i18n "read_more" }}</a>{{ end }}`,
	"layouts/_default/list.html":     `{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ range .Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ end }}`,
	"layouts/shortcodes/alert.html":  `<div class="alert">{{ .Inner | markdownify }}</div>`,
	"layouts/shortcodes/figure.html": `<img src="{{ .Get "src" }}" alt="{{ .Get "alt" }}">`,
}

// TestHugoBuildsAfterWrites runs accept, mark, stub and fix with --write
// on the demo site (YAML pages), plus TOML and JSON front matter and a
// CRLF page with a BOM, then builds the site with Debian's hugo: the
// written files must still be valid for Hugo.
func TestHugoBuildsAfterWrites(t *testing.T) {
	hugo, err := exec.LookPath("hugo")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("hugo is not installed; .ci/run installs Debian's hugo")
		}
		t.Skip("hugo not installed (apt-get install hugo)")
	}
	repo := demoRepo(t)
	extra := map[string]string{
		"content/en/docs/toml-page.md": "+++\ntitle = \"TOML page\"\nweight = 30\n+++\n\nA page with [a link](https://example.org/a).\n",
		"content/ja/docs/toml-page.md": "+++\ntitle = \"TOML ページ\"\nweight = 30\n+++\n\n[リンク](https://example.org/a)付きのページ。\n",
		"content/en/docs/json-page.md": "{\n  \"title\": \"JSON page\",\n  \"weight\": 40\n}\n\nA JSON page.\n",
		"content/ja/docs/json-page.md": "{\n  \"title\": \"JSON ページ\",\n  \"weight\": 40,\n  \"outdated\": true\n}\n\nJSON のページ。\n",
		"content/en/docs/crlf.md":      "---\r\ntitle: CRLF page\r\n---\r\n\r\nWindows text.\r\n",
		"content/ja/docs/crlf.md":      "\ufeff---\r\ntitle: CRLF ページ\r\noutdated: true\r\n---\r\n\r\nWindows のテキスト。\r\n",
		"i18n/en.toml":                 "# UI strings\n[read_more]\nother = \"Read more\"\n\n[page_contents]\nother = \"Page Contents\"\n",
		"i18n/ja.toml":                 "# UI の文字列\n[read_more]\nother = \"続きを読む\"\n\n[page_contents]\nother = \"目次\"\n",
	}
	for name, content := range hugoLayouts {
		extra[name] = content
	}
	for name, content := range extra {
		p := filepath.Join(repo, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	gitCommit(t, repo, "pages in every front matter syntax")
	// A later English edit so that fix and mark have work.
	toml := filepath.Join(repo, "content/en/docs/toml-page.md")
	b, _ := os.ReadFile(toml)
	os.WriteFile(toml, bytes.Replace(b, []byte("https://example.org/a"), []byte("https://example.org/b"), 1), 0o644)
	gitCommit(t, repo, "en: new link")

	for _, args := range [][]string{
		{"fix", "--write"},
		{"mark", "--write"},
		{"stub", "--write"},
		{"accept", "--write", "content/ja/docs/json-page.md", "content/ja/docs/crlf.md", "content/ja/docs/toml-page.md", "i18n/ja.toml"},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(append(args, "-C", repo), nil, &stdout, &stderr); code != exitOK {
			t.Fatalf("%v: exit %d\n%s%s", args, code, stdout.String(), stderr.String())
		}
	}
	if b, _ := os.ReadFile(filepath.Join(repo, "i18n/ja.toml")); !bytes.Contains(b, []byte("hash = \"sha1-")) {
		t.Errorf("accept wrote no go-i18n hash:\n%s", b)
	}
	crlf, _ := os.ReadFile(filepath.Join(repo, "content/ja/docs/crlf.md"))
	if !bytes.HasPrefix(crlf, []byte("\ufeff---\r\n")) || bytes.Count(crlf, []byte("\n")) != bytes.Count(crlf, []byte("\r\n")) {
		t.Errorf("accept lost the BOM or CRLF:\n%q", crlf)
	}
	if b, _ := os.ReadFile(filepath.Join(repo, "content/ja/docs/toml-page.md")); !bytes.Contains(b, []byte("https://example.org/b")) {
		t.Errorf("fix did not carry the link:\n%s", b)
	}

	cmd := exec.Command(hugo, "--quiet", "--destination", filepath.Join(t.TempDir(), "public"))
	cmd.Dir = repo
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("hugo failed after the writes: %v\n%s", err, out)
	}
	public := filepath.Join(cmd.Args[len(cmd.Args)-1])
	for _, page := range []string{"ja/docs/toml-page/index.html", "ja/docs/json-page/index.html", "ja/docs/crlf/index.html", "ko/docs/getting-started/index.html", "ko/docs/on-call/index.html"} {
		html, err := os.ReadFile(filepath.Join(public, page))
		if err != nil {
			t.Errorf("hugo did not render %s: %v", page, err)
			continue
		}
		if strings.HasPrefix(page, "ja/") && !strings.Contains(string(html), "続きを読む") {
			t.Errorf("%s: Hugo did not read the string table after accept:\n%s", page, html)
		}
		if strings.HasPrefix(page, "ko/") && !strings.Contains(string(html), "Translation needed") {
			t.Errorf("%s: the stub does not show the banner:\n%s", page, html)
		}
	}
}

func gitCommit(t *testing.T, dir, msg string) {
	t.Helper()
	for _, args := range [][]string{{"add", "-A"}, {"-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "-m", msg}} {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
}
