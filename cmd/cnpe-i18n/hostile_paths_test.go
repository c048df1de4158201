package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

const hostileHugoKo = hostileHugo + `[languages.ko]
contentDir = "content/ko"
`

// outsideDir makes a directory beside nothing in the repository, holding
// a page whose name must never show up.
func outsideDir(t *testing.T) string {
	t.Helper()
	// A name no output can contain by chance: t.TempDir's own is "001",
	// which a commit id in the output sometimes holds.
	dir := filepath.Join(t.TempDir(), "outside-the-repository")
	os.MkdirAll(filepath.Join(dir, "docs"), 0o755)
	os.WriteFile(filepath.Join(dir, "docs", "secret-outside.md"), []byte("---\ntitle: Outside\n---\n\nNot part of the site.\n"), 0o644)
	return dir
}

// Issue 17, reading outside: a language's content directory that is a
// link out of the repository (ln -s / content/ko) is not walked, even
// when another language is asked for; it is a reported problem (exit 2)
// and nothing under it appears in any output.
func TestHostileContentDirLinkOutside(t *testing.T) {
	outside := outsideDir(t)
	repo := hostileRepo(t, map[string]string{"hugo.toml": hostileHugoKo, "content/ko": "->" + outside})
	for _, args := range [][]string{{"status"}, {"status", "--lang", "ja"}, {"status", "--format", "markdown"}, {"mark"}, {"glossary", "check"}} {
		code, stdout, stderr := runIn(repo, args...)
		if strings.Contains(stdout+stderr, "secret-outside") || strings.Contains(stdout+stderr, outside) {
			t.Errorf("%s read outside the repository:\n%s%s", strings.Join(args, " "), stdout, stderr)
		}
		if slices.Contains(args, "--lang") {
			continue // ko is not asked for: not walked, so no problem either
		}
		if code != exitError || !strings.Contains(stderr, "content/ko") {
			t.Errorf("%s: exit %d, stderr:\n%s\nwant 2 and a problem naming content/ko", strings.Join(args, " "), code, stderr)
		}
	}
}

// Issue 17, reading outside: contentDir = "../x" in the Hugo config is
// refused as a problem, not read, and its path is not printed.
func TestHostileContentDirOutside(t *testing.T) {
	outside := outsideDir(t)
	rel, _ := filepath.Rel(filepath.Join(filepath.Dir(outside), "repo"), outside)
	repo := filepath.Join(filepath.Dir(outside), "repo")
	os.Rename(hostileRepo(t, map[string]string{"hugo.toml": strings.Replace(hostileHugoKo, `contentDir = "content/ko"`, `contentDir = "`+filepath.ToSlash(rel)+`"`, 1)}), repo)
	for _, args := range [][]string{{"status"}, {"status", "--format", "markdown"}, {"stub"}} {
		code, stdout, stderr := runIn(repo, args...)
		if strings.Contains(stdout+stderr, "secret-outside") || strings.Contains(stdout, filepath.Base(outside)) || strings.Contains(stderr, filepath.Base(outside)) {
			t.Errorf("%s read or named the outside directory:\n%s%s", strings.Join(args, " "), stdout, stderr)
		}
		if code != exitError || !strings.Contains(stderr, `content directory of "ko"`) {
			t.Errorf("%s: exit %d, stderr:\n%s\nwant 2 and a problem about ko's content directory", strings.Join(args, " "), code, stderr)
		}
	}
}

// Issue 17, reading outside: site:, glossary: and content: paths of
// cnpe-i18n.yaml that lead out of the repository are refused by key,
// without reading or naming them.
func TestHostileConfigPathsOutside(t *testing.T) {
	outside := outsideDir(t)
	os.WriteFile(filepath.Join(outside, "glossary.yaml"), []byte("terms:\n  - en: secret-outside\n    keep: true\n"), 0o644)
	os.WriteFile(filepath.Join(outside, "hugo.toml"), []byte(hostileHugo), 0o644)
	for _, tt := range []struct{ key, yaml string }{
		{"site", "site: OUT\n"},
		{"glossary", "glossary: OUT/glossary.yaml\n"},
		{"content.ja", "content:\n  ja: OUT/docs\n"},
		{"glossary", "glossary: LINK/glossary.yaml\n"},
	} {
		t.Run(tt.yaml, func(t *testing.T) {
			repo := hostileRepo(t, map[string]string{"link": "->" + outside})
			rel, _ := filepath.Rel(repo, outside)
			cfg := strings.ReplaceAll(strings.ReplaceAll(tt.yaml, "OUT", filepath.ToSlash(rel)), "LINK", "link")
			os.WriteFile(filepath.Join(repo, "cnpe-i18n.yaml"), []byte(cfg), 0o644)
			for _, args := range [][]string{{"status", "--format", "markdown"}, {"glossary", "check"}} {
				code, stdout, stderr := runIn(repo, args...)
				if strings.Contains(stdout+stderr, "secret-outside") || strings.Contains(stdout+stderr, filepath.Base(outside)) {
					t.Errorf("%s read or named the outside path:\n%s%s", strings.Join(args, " "), stdout, stderr)
				}
				if code != exitError || !strings.Contains(stderr, "cnpe-i18n.yaml: "+tt.key+": path leads out of the repository") {
					t.Errorf("%s: exit %d, stderr:\n%s\nwant 2 naming the key %s", strings.Join(args, " "), code, stderr, tt.key)
				}
			}
		})
	}
}

// Issue 17, bounded cost: a FIFO named like a page does not block the
// run: it is not a regular file, so it is a problem, not read.
func TestHostileFIFOPage(t *testing.T) {
	repo := hostileRepo(t, nil)
	fifo := filepath.Join(repo, "content/ja/x.md")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	type result struct {
		code           int
		stdout, stderr string
	}
	done := make(chan result, 1)
	go func() {
		code, stdout, stderr := runIn(repo, "status")
		done <- result{code, stdout, stderr}
	}()
	var r result
	select {
	case r = <-done:
	case <-time.After(time.Minute): // a guard against a hang, not a timing
		// The blocked run is left behind (it may open the FIFO again).
		t.Fatal("status blocked on a FIFO named x.md")
	}
	if r.code != exitError || !strings.Contains(r.stderr, "content/ja/x.md") || !strings.Contains(r.stderr, "not a regular file") {
		t.Errorf("exit %d, stderr:\n%s\nwant 2 and a problem naming the FIFO", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, "content/ja/other.md") {
		t.Errorf("the rest of the report is missing:\n%s", r.stdout)
	}
}

// Issue 17, honest exit codes: a translation that cannot be read is a
// problem (exit 2 after the report) for status, mark, accept and fix, and
// it is never reported as missing (the PR comment would ask for a stub).
func TestHostileUnreadablePage(t *testing.T) {
	for name, page := range map[string]string{
		"broken front matter": "---\ntitle: [Shio\n---\n\nShio no hanashi.\n",
		"invalid UTF-8":       "---\ntitle: Shio\n---\n\nShio \xff\xfe no hanashi.\n",
	} {
		t.Run(name, func(t *testing.T) {
			repo := hostileRepo(t, map[string]string{"content/ja/other.md": page})
			for _, args := range [][]string{{"status"}, {"status", "--format", "markdown"}, {"mark"}, {"accept", "--all"}, {"fix"}, {"mark", "--write"}} {
				code, stdout, stderr := runIn(repo, args...)
				if code != exitError || !strings.Contains(stderr, "content/ja/other.md") {
					t.Errorf("%s: exit %d, stderr:\n%s\nwant 2 and a problem naming content/ja/other.md", strings.Join(args, " "), code, stderr)
				}
				for _, line := range strings.Split(stdout, "\n") {
					if strings.Contains(line, "other.md") && (strings.Contains(line, "missing") || strings.Contains(line, "stub")) {
						t.Errorf("%s calls the unreadable page missing: %q", strings.Join(args, " "), line)
					}
				}
			}
			_, stdout, _ := runIn(repo, "status", "--format", "json")
			var report struct {
				Pages []struct{ Lang, Source, State string }
			}
			if err := json.Unmarshal([]byte(stdout), &report); err != nil {
				t.Fatal(err)
			}
			for _, p := range report.Pages {
				if p.Source == "content/en/other.md" && p.State == "missing" {
					t.Errorf("the unreadable translation is reported missing:\n%s", stdout)
				}
			}
		})
	}
}

// Issue 17, honest exit codes: mark does not silently skip a stale page
// whose front matter it cannot edit; it names it and exits 2.
func TestHostileMarkUneditable(t *testing.T) {
	for name, page := range map[string]string{
		"flow mapping": "---\n{title: Shio, weight: 2}\n---\n\nShio no hanashi.\n",
	} {
		t.Run(name, func(t *testing.T) {
			repo := hostileRepo(t, map[string]string{})
			os.WriteFile(filepath.Join(repo, "content/ja/other.md"), []byte(page), 0o644)
			hostileGit(t, repo, "commit", "-q", "-am", "flow")
			os.WriteFile(filepath.Join(repo, "content/en/other.md"), []byte("---\ntitle: Tides\n---\n\nA third text about tides.\n"), 0o644)
			hostileGit(t, repo, "commit", "-q", "-am", "source moves on")
			_, st, _ := runIn(repo, "status")
			if !strings.Contains(st, "stale") {
				t.Fatalf("fixture: the page is not stale:\n%s", st)
			}
			for _, args := range [][]string{{"mark"}, {"mark", "--write"}} {
				code, stdout, stderr := runIn(repo, args...)
				if code != exitError || !strings.Contains(stderr, "content/ja/other.md") || !strings.Contains(stderr, "not marked outdated") {
					t.Errorf("%s: exit %d\nstdout:\n%s\nstderr:\n%s\nwant 2 naming the page it cannot mark", strings.Join(args, " "), code, stdout, stderr)
				}
			}
		})
	}
}

// Issue 17, reading outside: files the repository names by convention
// (the default glossary) or through its Hugo config (the string tables)
// are not read through a link out of the repository.
func TestHostileNamedFilesLinkOutside(t *testing.T) {
	outside := outsideDir(t)
	os.WriteFile(filepath.Join(outside, "glossary.yaml"), []byte("terms:\n  - en: secret-outside\n    keep: true\n"), 0o644)
	os.WriteFile(filepath.Join(outside, "en.toml"), []byte("[secret-outside]\nother = \"secret-outside\"\n"), 0o644)
	repo := hostileRepo(t, map[string]string{
		"cnpe-i18n-glossary.yaml": "->" + filepath.Join(outside, "glossary.yaml"),
		"i18n/en.toml":            "->" + filepath.Join(outside, "en.toml"),
		"i18n/ja.toml":            "[lamp]\nother = \"ranpu\"\n",
	})
	for _, args := range [][]string{{"status", "--format", "json"}, {"glossary", "check"}} {
		code, stdout, stderr := runIn(repo, args...)
		if strings.Contains(stdout+stderr, "secret-outside") {
			t.Errorf("%s read a file outside the repository:\n%s%s", strings.Join(args, " "), stdout, stderr)
		}
		if code != exitError || !strings.Contains(stderr, "leads out of the repository") {
			t.Errorf("%s: exit %d, stderr:\n%s\nwant 2 and the refusal", strings.Join(args, " "), code, stderr)
		}
	}
}

// Issue 17, reading outside: cnpe-i18n.yaml that is a link out of the
// repository is refused, not read.
func TestHostileConfigFileLinkOutside(t *testing.T) {
	outside := outsideDir(t)
	os.WriteFile(filepath.Join(outside, "cnpe-i18n.yaml"), []byte("secret-outside: 1\n"), 0o644)
	repo := hostileRepo(t, map[string]string{"cnpe-i18n.yaml": "->" + filepath.Join(outside, "cnpe-i18n.yaml")})
	code, stdout, stderr := runIn(repo, "status")
	if strings.Contains(stdout+stderr, "secret-outside") || code != exitError || !strings.Contains(stderr, "leads out of the repository") {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s\nwant 2, the refusal, and nothing read", code, stdout, stderr)
	}
}
