package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// termsSite writes a small site: an English page, its Korean translation
// with one warning-level and one info-level finding, a Korean page with
// no source that uses a forbidden rendering, and a Russian page with
// broken front matter.
func termsSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"hugo.toml":              "defaultContentLanguage = \"en\"\n[languages.en]\ncontentDir = \"content/en\"\n[languages.ko]\ncontentDir = \"content/ko\"\n[languages.ru]\ncontentDir = \"content/ru\"\n",
		"content/en/docs/a.md":   "---\ntitle: Nodes\n---\n\nEvery node runs a container. Set a limit.\n",
		"content/ko/docs/a.md":   "---\ntitle: 노드\n---\n\n모든 노드는 콘테이너를 실행한다. 제한을 설정한다.\n",
		"content/ko/docs/old.md": "---\ntitle: 옛 페이지\n---\n\n콘테이너에 대한 설명.\n",
		"content/ru/docs/a.md":   "---\ntitle: [unclosed\n---\n\nУзел.\n",
		"g.yaml": "terms:\n  - en: container\n    ko: {use: [컨테이너], avoid: [콘테이너]}\n  - en: node\n    ko: {use: [노드]}\n" +
			"  - en: limit\n    severity: info\n    ko: {use: [한도], avoid: [제한]}\n",
	}
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestGlossaryCheckFailOn: --fail-on follows each entry's severity, and
// info entries never fail a run.
func TestGlossaryCheckFailOn(t *testing.T) {
	dir := termsSite(t)
	g := filepath.Join(dir, "g.yaml")
	for _, tt := range []struct {
		failOn string
		code   int
	}{
		{"", exitFindings},
		{"warning", exitFindings},
		{"error", exitOK},
		{"none", exitOK},
		{"info", exitError},
	} {
		args := []string{"glossary", "check", "-C", dir, "--glossary", g, "--lang", "ko"}
		if tt.failOn != "" {
			args = append(args, "--fail-on", tt.failOn)
		}
		var stdout, stderr bytes.Buffer
		if code := run(args, nil, &stdout, &stderr); code != tt.code {
			t.Errorf("--fail-on %q: exit %d, want %d\n%s%s", tt.failOn, code, tt.code, stdout.String(), stderr.String())
		}
	}
	// Only the info entry's finding: exit 0 even at the default level.
	info := filepath.Join(dir, "info.yaml")
	os.WriteFile(info, []byte("terms:\n  - en: limit\n    severity: info\n    ko: {use: [한도], avoid: [제한]}\n"), 0o644)
	var stdout, stderr bytes.Buffer
	if code := run([]string{"glossary", "check", "-C", dir, "--glossary", info, "--lang", "ko"}, nil, &stdout, &stderr); code != exitOK ||
		!strings.Contains(stdout.String(), "info forbidden limit") {
		t.Errorf("info only: exit %d, want 0 with the finding reported:\n%s", code, stdout.String())
	}
}

// TestGlossaryCheckScope: a translation with no source page still gets
// its forbidden renderings checked, and under --lang ko another
// language's broken page is not reported.
func TestGlossaryCheckScope(t *testing.T) {
	dir := termsSite(t)
	var stdout, stderr bytes.Buffer
	run([]string{"glossary", "check", "-C", dir, "--glossary", filepath.Join(dir, "g.yaml"), "--lang", "ko"}, nil, &stdout, &stderr)
	if !strings.Contains(stdout.String(), "content/ko/docs/old.md:5:1: warning forbidden container") {
		t.Errorf("no finding on the page without a source:\n%s", stdout.String())
	}
	if strings.Contains(stderr.String(), "content/ru") {
		t.Errorf("a Russian problem under --lang ko: %s", stderr.String())
	}
	stderr.Reset()
	run([]string{"glossary", "check", "-C", dir, "--glossary", filepath.Join(dir, "g.yaml")}, nil, &stdout, &stderr)
	if !strings.Contains(stderr.String(), "content/ru/docs/a.md") {
		t.Errorf("the Russian problem is not reported without --lang: %q", stderr.String())
	}
}
