package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// gitTrap is a piece of repository-local git configuration that makes
// git run a program; the program writes a marker file.
type gitTrap struct {
	name string
	// set plants the trap in repo; script is the payload's path.
	set func(t *testing.T, repo, script string)
	// control is a plain git command that fires it.
	control []string
}

// absentBlob is a pin naming an object that is not in the clone.
const absentBlob = "0123456789abcdef0123456789abcdef01234567"

var gitTraps = []gitTrap{
	{
		name: "signature verification (log.showSignature + gpg.program)",
		set: func(t *testing.T, repo, script string) {
			// A signed commit, made with a fake signer, that the payload
			// would be asked to verify.
			hostileGit(t, repo, "-c", "gpg.program="+script, "commit", "-q", "-S", "--allow-empty", "-m", "signed")
			hostileGit(t, repo, "config", "log.showSignature", "true")
			hostileGit(t, repo, "config", "gpg.program", script)
		},
		control: []string{"log", "-1"},
	},
	{
		name: "promisor remote upload-pack (remote.origin.uploadpack)",
		set: func(t *testing.T, repo, script string) {
			hostileGit(t, repo, "config", "core.repositoryFormatVersion", "1")
			hostileGit(t, repo, "config", "extensions.partialClone", "origin")
			hostileGit(t, repo, "config", "remote.origin.url", filepath.Join(filepath.Dir(script), "nowhere"))
			hostileGit(t, repo, "config", "remote.origin.promisor", "true")
			hostileGit(t, repo, "config", "remote.origin.uploadpack", script)
		},
		control: []string{"cat-file", "-p", absentBlob},
	},
	{
		name: "promisor remote over ssh (core.sshCommand)",
		set: func(t *testing.T, repo, script string) {
			hostileGit(t, repo, "config", "core.repositoryFormatVersion", "1")
			hostileGit(t, repo, "config", "extensions.partialClone", "origin")
			hostileGit(t, repo, "config", "remote.origin.url", "ssh://git.example.invalid/x.git")
			hostileGit(t, repo, "config", "remote.origin.promisor", "true")
			hostileGit(t, repo, "config", "core.sshCommand", script)
		},
		control: []string{"cat-file", "-p", absentBlob},
	},
	{
		name: "filter driver (.gitattributes filter=, filter.x.clean)",
		set: func(t *testing.T, repo, script string) {
			os.WriteFile(filepath.Join(repo, ".gitattributes"), []byte("*.md filter=trap diff=trap\n"), 0o644)
			hostileGit(t, repo, "add", ".gitattributes")
			hostileGit(t, repo, "commit", "-q", "-m", "attributes")
			hostileGit(t, repo, "config", "filter.trap.clean", script)
			hostileGit(t, repo, "config", "diff.trap.textconv", script)
			// A page edited in the work tree, as a pull request's checkout
			// may leave one (or a racy timestamp does).
			p := filepath.Join(repo, "content/ja/other.md")
			b, _ := os.ReadFile(p)
			os.WriteFile(p, append(b, "\nMore.\n"...), 0o644)
		},
		control: []string{"diff", "HEAD~1", "--"},
	},
	{
		name: "filesystem monitor (core.fsmonitor)",
		set: func(t *testing.T, repo, script string) {
			hostileGit(t, repo, "config", "core.fsmonitor", script)
		},
		control: []string{"status"},
	},
}

// trapScript writes a payload that leaves marker when run. As a signer it
// also prints a signature, so that the signed commit can be made.
func trapScript(t *testing.T, dir, marker string) string {
	t.Helper()
	script := filepath.Join(dir, "payload.sh")
	body := fmt.Sprintf(`#!/bin/sh
case "$*" in
*-bsau*) cat >/dev/null; printf '\n[GNUPG:] SIG_CREATED D 1 8 00 0 0\n' >&2; printf -- '-----BEGIN PGP SIGNATURE-----\n\nAA==\n-----END PGP SIGNATURE-----\n'; exit 0;;
esac
echo ran "$@" >> %q
exit 1
`, marker)
	if err := os.WriteFile(script, []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	return script
}

// The commands, each run in a repository with the trap set.
var trapCommands = [][]string{
	{"status"},
	{"status", "--format", "json"},
	{"status", "--since", "HEAD~2"},
	{"status", "--since", "HEAD~2", "--format", "markdown"},
	{"diff", "content/ja/good.md"},
	{"diff", "content/en/other.md"},
	{"accept", "--all"},
	{"accept", "--all", "--write"},
	{"mark"},
	{"mark", "--write"},
	{"stub"},
	{"fix"},
	{"fix", "--write"},
	{"glossary", "check"},
}

// Issue 17, code execution through git: with each trap set in the
// repository's own configuration, plain git runs the payload (the
// positive control), and no command of the tool does.
func TestHostileGitTraps(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every command once per trap")
	}
	for _, trap := range gitTraps {
		t.Run(trap.name, func(t *testing.T) {
			newRepo := func() (string, string) {
				repo := hostileRepo(t, map[string]string{
					"content/ja/good.md": "---\ntitle: Ranpu\ncnpe_i18n_source: " + absentBlob + "\n---\n\nRanpu no hanashi.\n",
				})
				// git runs configured programs through the shell: a
				// path free of the test name's punctuation.
				tmp, err := os.MkdirTemp("", "trap")
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { os.RemoveAll(tmp) })
				marker := filepath.Join(tmp, "marker")
				trap.set(t, repo, trapScript(t, tmp, marker))
				return repo, marker
			}

			repo, marker := newRepo()
			control := exec.Command("git", trap.control...)
			control.Dir = repo
			control.Env = append(os.Environ(), "GIT_TERMINAL_PROMPT=0")
			control.CombinedOutput()
			if _, err := os.Stat(marker); err != nil {
				t.Fatalf("positive control: git %s did not run the payload; the trap is not set", strings.Join(trap.control, " "))
			}

			repo, marker = newRepo()
			for _, args := range trapCommands {
				code, stdout, stderr := runIn(repo, args...)
				if b, err := os.ReadFile(marker); err == nil {
					t.Errorf("%s ran the payload (exit %d): %s\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), code, b, stdout, stderr)
					os.Remove(marker)
				}
			}
		})
	}
}

// Issue 17, honest exit codes: git's "dubious ownership" refusal (a
// checkout owned by another user, common in container CI) names the cause
// and the fix and exits 2, for every command that reads history.
func TestHostileDubiousOwnership(t *testing.T) {
	repo := hostileRepo(t, map[string]string{"content/ja/good.md": "---\ntitle: Ranpu\n---\n\nRanpu no hanashi.\n"})
	t.Setenv("GIT_TEST_ASSUME_DIFFERENT_OWNER", "1") // git's own knob for this refusal
	for _, args := range trapCommands {
		code, _, stderr := runIn(repo, args...)
		if code != exitError || !strings.Contains(stderr, "owned by another user") || !strings.Contains(stderr, "git config --global --add safe.directory") {
			t.Errorf("%s: exit %d, stderr:\n%s\nwant exit 2 naming the ownership and safe.directory", strings.Join(args, " "), code, stderr)
		}
	}
}

// Issue 17, honest exit codes: i18n.logOutputEncoding in the repository's
// config does not change how history is read.
func TestHostileLogOutputEncoding(t *testing.T) {
	repo := hostileRepo(t, nil)
	_, want, _ := runIn(repo, "status", "--format", "json")
	hostileGit(t, repo, "config", "i18n.logOutputEncoding", "UTF-16")
	_, got, stderr := runIn(repo, "status", "--format", "json")
	if got != want || strings.Contains(got, `"untracked"`) {
		t.Errorf("with i18n.logOutputEncoding=UTF-16:\n%s\nstderr:\n%s\nwant as without:\n%s", got, stderr, want)
	}
}

// Issue 17, honest messages: a pin naming a commit or a tree that this
// clone has is not "not in this clone": the message says what it names.
func TestHostilePinNamesCommitOrTree(t *testing.T) {
	repo := hostileRepo(t, nil)
	for _, kind := range []string{"commit", "tree"} {
		id := strings.TrimSpace(hostileGit(t, repo, "rev-parse", "HEAD^{"+kind+"}"))
		os.WriteFile(filepath.Join(repo, "content/ja/other.md"), []byte("---\ntitle: Shio\ncnpe_i18n_source: "+id+"\n---\n\nShio no hanashi.\n"), 0o644)
		_, stdout, _ := runIn(repo, "status", "--format", "json")
		if strings.Contains(stdout, "not in this clone") || !strings.Contains(stdout, "names a "+kind) {
			t.Errorf("pin to a %s:\n%s\nwant a message saying it names a %s", kind, stdout, kind)
		}
	}
}
