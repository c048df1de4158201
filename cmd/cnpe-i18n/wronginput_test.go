package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/sync/site"
)

// TestWrongInput: each mistake exits 2 with one line that says what is
// wrong, instead of a report that looks clean.
func TestWrongInput(t *testing.T) {
	repo := demoRepo(t)
	tests := []struct {
		name   string
		config string // cnpe-i18n.yaml
		args   []string
		want   string
	}{
		{"nonexistent path", "", []string{"content/ja/no-such-page.md"}, "content/ja/no-such-page.md: no such file or directory"},
		{"unknown --lang", "", []string{"--lang", "xx"}, `unknown language "xx": the site translates into ja, ko`},
		{"the source as --lang", "", []string{"--lang", "en"}, `unknown language "en"`},
		{"configured language with no content", "content:\n  fr: content/fr\n", nil, `language "fr": content/fr: content directory does not exist`},
		{"configured language not in the site", "languages: [ja, de]\n", nil, `language "de" in cnpe-i18n.yaml: not a language of the site`},
		{"configured pins that match nothing", "pin: {key: default_lang_commit, kind: commit}\n", nil, `pin key "default_lang_commit", and none of`},
		{"bad ignore glob", "ignore: ['docs/[a']\n", nil, `cnpe-i18n.yaml:1: ignore: bad glob "docs/[a"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := filepath.Join(repo, site.ConfigFile)
			os.Remove(cfg)
			if tt.config != "" {
				if err := os.WriteFile(cfg, []byte(tt.config), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			var stdout, stderr bytes.Buffer
			code := run(append([]string{"status", "-C", repo, "--fail-on", "none"}, tt.args...), nil, &stdout, &stderr)
			lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
			if code != exitError || len(lines) != 1 || !strings.Contains(lines[0], tt.want) {
				t.Errorf("exit %d, stderr %q; want 2 and one line with %q", code, stderr.String(), tt.want)
			}
		})
	}
}

// TestIgnoreDoubleStar: the README's own example, ignore: ["**/README.md"],
// leaves out README.md at every depth, the top included.
func TestIgnoreDoubleStar(t *testing.T) {
	repo := demoRepo(t)
	for _, p := range []string{"content/en/README.md", "content/en/docs/README.md"} {
		if err := os.WriteFile(filepath.Join(repo, p), []byte("# Notes for editors\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	count := func() int {
		var stdout, stderr bytes.Buffer
		if code := run([]string{"status", "-C", repo, "--format", "json", "--fail-on", "none"}, nil, &stdout, &stderr); code != exitOK {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		return strings.Count(stdout.String(), "README.md\"")
	}
	if n := count(); n == 0 {
		t.Fatal("the READMEs are not in the report to begin with")
	}
	if err := os.WriteFile(filepath.Join(repo, site.ConfigFile), []byte("ignore: [\"**/README.md\"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 0 {
		t.Errorf("%d report rows still name a README.md", n)
	}
}
