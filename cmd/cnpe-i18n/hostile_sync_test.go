package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Hostile inputs of issue 17 that the sync side meets: links, git
// configuration, paths and unreadable files planted in the repository.
// Fixtures are built here, not copied.

const hostileHugo = `defaultContentLanguage = "en"
[languages.en]
contentDir = "content/en"
[languages.ja]
contentDir = "content/ja"
`

// hostileRepo makes a git repository with a source page and a stale
// translation (content/ja/other.md), then applies extra to the work tree
// (a file's content, or "->target" for a symlink) and commits it.
func hostileRepo(t *testing.T, extra map[string]string) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	put := func(files map[string]string) {
		for name, content := range files {
			p := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			os.Remove(p)
			var err error
			if target, ok := strings.CutPrefix(content, "->"); ok {
				err = os.Symlink(target, p)
			} else {
				err = os.WriteFile(p, []byte(content), 0o644)
			}
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	hostileGit(t, dir, "init", "-q", "-b", "main")
	put(map[string]string{
		"hugo.toml":                hostileHugo,
		".github/workflows/ci.yml": "on: push\n",
		"content/en/good.md":       "---\ntitle: Lamps\n---\n\nA paragraph about lamps.\n",
		"content/en/other.md":      "---\ntitle: Tides\n---\n\nThe first text about tides.\n",
		"content/ja/other.md":      "---\ntitle: Shio\n---\n\nShio no hanashi.\n",
	})
	hostileGit(t, dir, "add", "-A")
	hostileGit(t, dir, "commit", "-q", "-m", "one")
	put(map[string]string{"content/en/other.md": "---\ntitle: Tides\n---\n\nA second text about tides, changed.\n"})
	put(extra)
	hostileGit(t, dir, "add", "-A")
	hostileGit(t, dir, "commit", "-q", "-m", "two")
	return dir
}

func hostileGit(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=T", "-c", "user.email=t@example.org", "-c", "commit.gpgSign=false"}, args...)...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// snapshot reads every regular file under dir (outside .git).
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() && d.Name() == ".git" {
			return filepath.SkipDir
		}
		if d.Type().IsRegular() {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			out[filepath.ToSlash(rel)] = string(b)
		}
		return nil
	})
	return out
}

func runIn(dir string, args ...string) (int, string, string) {
	var stdout, stderr bytes.Buffer
	code := run(append(args, "-C", dir), nil, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// Issue 17, data loss 1: accept --all --write and mark --write refuse a
// translation that is a symlink, name it, exit 2, and leave its target
// (the source page, the site config, a CI workflow) alone.
func TestHostileWriteThroughSymlink(t *testing.T) {
	for _, tt := range []struct {
		args   []string
		target string
	}{
		{[]string{"accept", "--all", "--write"}, "../en/good.md"},
		{[]string{"accept", "--all", "--write"}, "../../hugo.toml"},
		{[]string{"accept", "--all", "--write"}, "../../.github/workflows/ci.yml"},
		// A link to a stale page: mark plans the link too.
		{[]string{"mark", "--write"}, "other.md"},
	} {
		t.Run(strings.Join(tt.args, " ")+" "+tt.target, func(t *testing.T) {
			repo := hostileRepo(t, map[string]string{"content/ja/good.md": "->" + tt.target})
			if tt.target != "../en/good.md" {
				// The source moves on: the linked "translation" is stale.
				os.WriteFile(filepath.Join(repo, "content/en/good.md"), []byte("---\ntitle: Lamps\n---\n\nA new paragraph about lamps.\n"), 0o644)
				hostileGit(t, repo, "commit", "-q", "-am", "three")
			}
			before := snapshot(t, repo)
			code, _, stderr := runIn(repo, tt.args...)
			after := snapshot(t, repo)
			for name, content := range before {
				if name != "content/ja/other.md" && after[name] != content {
					t.Errorf("%s changed:\n%s", name, after[name])
				}
			}
			if code != exitError || !strings.Contains(stderr, "content/ja/good.md: is a symlink") {
				t.Errorf("exit %d, stderr:\n%s\nwant exit 2 naming content/ja/good.md as a symlink", code, stderr)
			}
		})
	}
}

// Issue 17, data loss 4: core.worktree in the repository's config does
// not move the root. Run from inside the repository (no -C), mark --write
// and accept --write change the pages there and nothing in the directory
// core.worktree names.
func TestHostileCoreWorktree(t *testing.T) {
	repo := hostileRepo(t, nil)
	elsewhere := t.TempDir()
	// A copy of the site, as an attacker's target would hold one.
	for name, content := range snapshot(t, repo) {
		p := filepath.Join(elsewhere, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(content), 0o644)
	}
	hostileGit(t, repo, "config", "core.worktree", elsewhere)
	before := snapshot(t, elsewhere)
	t.Chdir(filepath.Join(repo, "content"))
	for _, args := range [][]string{{"mark", "--write"}, {"accept", "--all", "--write"}} {
		var stdout, stderr bytes.Buffer
		code := run(args, nil, &stdout, &stderr)
		if code != exitOK {
			t.Errorf("%s: exit %d\n%s%s", strings.Join(args, " "), code, stdout.String(), stderr.String())
		}
	}
	after := snapshot(t, elsewhere)
	for name, content := range before {
		if after[name] != content {
			t.Errorf("%s in the core.worktree directory was written:\n%s", name, after[name])
		}
	}
	if got, _ := os.ReadFile(filepath.Join(repo, "content/ja/other.md")); !strings.Contains(string(got), "cnpe_i18n_source:") {
		t.Errorf("the page in the repository was not accepted:\n%s", got)
	}
}
