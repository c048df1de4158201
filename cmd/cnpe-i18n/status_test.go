package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	isync "github.com/cnpe-i18n/cnpe-i18n/sync"
	"github.com/cnpe-i18n/cnpe-i18n/sync/site"
)

// demoRepo builds the README's demo history (testdata/demo: the site, then
// the English edits) in a temporary git repository.
func demoRepo(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	gitIn := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=T", "-c", "user.email=t@example.org"}, args...)...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	gitIn("init", "-q", "-b", "main")
	copyTree(t, filepath.Join("..", "..", "testdata", "demo", "site"), dir)
	gitIn("add", "-A")
	gitIn("commit", "-q", "-m", "site")
	copyTree(t, filepath.Join("..", "..", "testdata", "demo", "edits"), dir)
	gitIn("add", "-A")
	gitIn("commit", "-q", "-m", "edits")
	return dir
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.Walk(from, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if info.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestStatusExitCodes(t *testing.T) {
	repo := demoRepo(t)
	tests := []struct {
		args []string
		code int
		out  string // in stdout
		err  string // in stderr
	}{
		{args: []string{"status", "-C", repo}, code: exitFindings, out: "ja  stale     content/ja/docs/getting-started.md"},
		{args: []string{"status", "-C", repo, "--fail-on", "stale"}, code: exitFindings},
		{args: []string{"status", "-C", repo, "--fail-on", "none"}, code: exitOK},
		{args: []string{"status", "-C", repo, "--fail-on", "missing", "--lang", "ko"}, code: exitFindings},
		{args: []string{"status", "-C", repo, "--fail-on", "stale", "--lang", "ko"}, code: exitOK},
		{args: []string{"status", "-C", repo, "--fail-on", "sometimes"}, code: exitError, err: `unsupported --fail-on "sometimes"`},
		{args: []string{"status", "-C", repo, "--bogus"}, code: exitError, err: "unknown flag: --bogus"},
		{args: []string{"status", "-C", repo, "--format", "xml"}, code: exitError, err: `unsupported --format "xml"`},
		{args: []string{"status", "-C", filepath.Join(repo, "nope")}, code: exitError, err: "not a directory"},
		{args: []string{"diff", "-C", repo, filepath.Join(repo, "content/ja/docs/getting-started.md")}, code: exitFindings, out: "Python"},
		{args: []string{"diff", "-C", repo, "--fail-on", "none", filepath.Join(repo, "content/ja/docs/getting-started.md")}, code: exitOK, out: "english now: "},
		{args: []string{"diff", "-C", repo, "--fail-on", "often", filepath.Join(repo, "content/ja/docs/getting-started.md")}, code: exitError, err: `unsupported --fail-on "often"`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args[2:], " "), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tt.args, nil, &stdout, &stderr)
			if code != tt.code {
				t.Errorf("exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.code, stdout.String(), stderr.String())
			}
			if !strings.Contains(stdout.String(), tt.out) {
				t.Errorf("stdout does not contain %q:\n%s", tt.out, stdout.String())
			}
			if !strings.Contains(stderr.String(), tt.err) {
				t.Errorf("stderr does not contain %q:\n%s", tt.err, stderr.String())
			}
		})
	}
}

func TestStatusJSON(t *testing.T) {
	repo := demoRepo(t)
	var stdout, stderr bytes.Buffer
	if code := run([]string{"status", "-C", repo, "--format", "json", "--fail-on", "none"}, nil, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var r isync.Report
	if err := json.Unmarshal(stdout.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	// The streamed JSON is what encoding/json writes for the whole report.
	var want bytes.Buffer
	enc := json.NewEncoder(&want)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	enc.Encode(&r)
	if stdout.String() != want.String() {
		t.Errorf("streamed JSON differs from encoding/json:\n%s\nwant:\n%s", stdout.String(), want.String())
	}
	var raw map[string]any
	json.Unmarshal(stdout.Bytes(), &raw)
	if raw["schema_version"] != float64(1) {
		t.Errorf("schema_version = %v", raw["schema_version"])
	}
	page := raw["pages"].([]any)
	found := false
	for _, p := range page {
		p := p.(map[string]any)
		if p["translation"] != "content/ja/docs/getting-started.md" {
			continue
		}
		found = true
		if p["state"] != "stale" {
			t.Errorf("state = %v, want stale", p["state"])
		}
		for _, u := range p["units"].([]any) {
			u := u.(map[string]any)
			for _, key := range []string{"id", "state", "change", "line", "end_line", "source_line", "source_before", "source_after"} {
				if _, ok := u[key]; !ok {
					t.Errorf("unit lacks %q: %v", key, u)
				}
			}
			if u["state"] == "stale" && !strings.Contains(u["source_after"].(string), "Python") {
				t.Errorf("stale unit's source_after = %q, want the new English text", u["source_after"])
			}
		}
	}
	if !found {
		t.Error("no report for the ja getting-started page")
	}
}

func TestStatusBadInput(t *testing.T) {
	repo := demoRepo(t)
	if err := os.WriteFile(filepath.Join(repo, "content/ja/broken.md"), []byte("---\ntitle: [unclosed\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := run([]string{"status", "-C", repo, "--fail-on", "none"}, nil, &stdout, &stderr)
	if code != exitError {
		t.Errorf("exit %d, want 2: a broken page is reported, the rest still comes out, and the exit code says so", code)
	}
	if !strings.Contains(stderr.String(), "content/ja/broken.md:2:") {
		t.Errorf("stderr does not name the broken page and line:\n%s", stderr.String())
	}
	if !strings.Contains(stdout.String(), "getting-started.md") {
		t.Errorf("the rest of the report is missing:\n%s", stdout.String())
	}

	if err := os.WriteFile(filepath.Join(repo, site.ConfigFile), []byte("source: en\nlanguage: [ja]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout.Reset()
	stderr.Reset()
	code = run([]string{"status", "-C", repo}, nil, &stdout, &stderr)
	if code != exitError || !strings.Contains(stderr.String(), "cnpe-i18n.yaml:2:1:") || !strings.Contains(stderr.String(), "language") {
		t.Errorf("misspelled config key: exit %d, stderr %q; want 2 naming the key and line", code, stderr.String())
	}
}

func TestStatusMalformedTable(t *testing.T) {
	repo := demoRepo(t)
	os.MkdirAll(filepath.Join(repo, "i18n"), 0o755)
	os.WriteFile(filepath.Join(repo, "i18n/en.toml"), []byte("[read_more]\nother = \"Read more\"\n"), 0o644)
	os.WriteFile(filepath.Join(repo, "i18n/ja.toml"), []byte("[read_more]\nother = \"続きを読む\"\n\n[read_more]\nother = \"もっと読む\"\n"), 0o644)
	var stdout, stderr bytes.Buffer
	code := run([]string{"status", "-C", repo, "--fail-on", "none"}, nil, &stdout, &stderr)
	if code != exitError || !strings.Contains(stderr.String(), "i18n/ja.toml:4:") || !strings.Contains(stdout.String(), "getting-started.md") {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s\nwant the duplicate key at i18n/ja.toml:4 and the rest of the report", code, stdout.String(), stderr.String())
	}
}

// TestSinceNothingChanged: a change set without files reports nothing.
func TestSinceNothingChanged(t *testing.T) {
	repo := demoRepo(t)
	var stdout, stderr bytes.Buffer
	code := run([]string{"status", "-C", repo, "--since", "HEAD", "--format", "markdown"}, nil, &stdout, &stderr)
	if code != exitOK || !strings.Contains(stdout.String(), "leaves every translation in step") {
		t.Errorf("exit %d\n%s%s", code, stdout.String(), stderr.String())
	}
	stdout.Reset()
	code = run([]string{"status", "-C", repo, "--since", "HEAD~1", "--format", "markdown"}, nil, &stdout, &stderr)
	// Without GITHUB_REPOSITORY the path is code, escaped, not a link.
	if code != exitFindings || !strings.Contains(stdout.String(), "<code>content/ja/docs/getting\\-started.md</code>") {
		t.Errorf("since HEAD~1: exit %d\n%s%s", code, stdout.String(), stderr.String())
	}
}
