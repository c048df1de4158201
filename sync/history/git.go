package history

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// ErrUnsafeRepository reports a repository git refuses to read because
// another user owns it ("dubious ownership", common in container CI).
var ErrUnsafeRepository = errors.New("git refuses to read this repository: it is owned by another user")

// WorkTreeRoot is the top of the git work tree around dir, or dir when it
// is not in one. It is the nearest folder, dir or above, holding a .git
// directory or file: core.worktree and other settings of the repository
// being read are not obeyed, so they cannot move the root (and with it
// every read and write) elsewhere.
func WorkTreeRoot(_ context.Context, dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return dir
	}
	for d := abs; ; {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return abs
		}
		d = parent
	}
}

// Check reports whether git will read the repository at root: nil when it
// will (or when root is not in a repository, or git is not installed), an
// error wrapping ErrUnsafeRepository, with the command that fixes it, when
// git refuses it for its owner.
func Check(ctx context.Context, root string) error {
	if _, err := exec.LookPath("git"); err != nil {
		return nil
	}
	_, err := gitOutput(ctx, root, "rev-parse", "--git-dir")
	return unsafeRepository(root, err)
}

func unsafeRepository(root string, err error) error {
	if err == nil || !strings.Contains(err.Error(), "dubious ownership") {
		return nil
	}
	return fmt.Errorf("%w; if you trust it, run: git config --global --add safe.directory %s", ErrUnsafeRepository, root)
}

func gitOutput(ctx context.Context, dir string, args ...string) (string, error) {
	cmd := gitCommand(ctx, dir, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("git %s: %v: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return string(out), nil
}

// hardening is what every git call gets, because the repository being
// read is not trusted: its own configuration (.git/config) can name
// programs to run. The settings turn off each way it could: a pager, a
// filesystem monitor, an external diff, text conversion, signature
// verification (gpg.program), and any transport, so a partial clone's
// promisor remote (remote.*.uploadpack, core.sshCommand) is never
// contacted for a missing object. Output is forced to UTF-8, and the
// settings that change what "git log" lists are git's defaults: the
// files a root commit adds (log.showRoot) and the renames it pairs
// (diff.renameLimit).
// Filters (filter.<driver>.clean/smudge) cannot be turned off this way:
// the commands used compare trees and blobs only, never the work tree.
var hardening = []string{
	"--no-pager",
	"-c", "core.fsmonitor=false",
	"-c", "core.pager=cat",
	"-c", "core.hooksPath=/dev/null",
	"-c", "core.sshCommand=false",
	"-c", "diff.external=",
	"-c", "log.showSignature=false",
	"-c", "log.showRoot=true",
	"-c", "diff.renameLimit=1000",
	"-c", "i18n.logOutputEncoding=UTF-8",
	"-c", "protocol.allow=never",
}

// packBounds are the -c options that bound what one git process holds of
// a pack: the windows it maps (window each, limit in all) and the delta
// bases it caches.
func packBounds(window, limit, deltaBase string) []string {
	return []string{
		"-c", "core.packedGitWindowSize=" + window,
		"-c", "core.packedGitLimit=" + limit,
		"-c", "core.deltaBaseCacheLimit=" + deltaBase,
	}
}

// packMemory bounds what each git process holds of a large pack. By
// default git maps a pack in windows of 1 GiB (the whole pack of most
// repositories) and caches 96 MiB of delta bases, so on
// kubernetes/website one "git log -M" peaks at about 250 MB and every
// cat-file process maps the pack again. With these settings the log
// peaks at about 64 MB for some 10% more of git's CPU. In 96 MiB of
// windows rather than 64, the commits and trees the pages' log reads of
// the Markdown-only kubernetes/website (a 136 MB pack) stay mapped: its
// system CPU (unmapping windows and mapping them again) went from 0.7
// to 0.17 s, for a peak of 75 MB instead of 55 MB.
var packMemory = packBounds("16m", "96m", "16m")

// halfPackMemory bounds each of the two logs of many single files (see
// logGroups), which run at once. On kubernetes/website the two git
// processes of a pull request's 105 pages peaked at 90 and 87 MB with
// packMemory's 96 MiB of windows, at 59 and 66 MB with 64 MiB, and at 57
// and 58 MB with 48 MiB, which cost the whole run some 0.8 s more CPU
// (unmapping windows and mapping them again); 64 MiB cost about 0.3 s.
var halfPackMemory = packBounds("16m", "64m", "16m")

// batchMemory are tighter bounds for the long-running cat-file
// processes, in small windows: each asks for one blob or tree path at a
// time. Replaying the 11,400 blob reads and 19,800 tree lookups of a
// status run on kubernetes/website, the two processes peaked at 167 and
// 174 MB with git's defaults and at 34 and 44 MB with these, for about
// 1 s more CPU in all.
var batchMemory = packBounds("2m", "32m", "8m")

// treeMemory are the bounds of the "cat-file --batch-check
// --follow-symlinks" processes of BlobAt and BlobsAt. Each lookup walks
// the trees from a commit to the file, and the trees of a history lie
// all over the pack: in 32 MiB of windows git unmapped and mapped them
// again all the time. Replaying the 25,556 lookups of a status run on
// the Markdown-only kubernetes/website (a 136 MB pack): 1.8 s of user
// and 0.9 s of system CPU with batchMemory, a peak of 44 MB; 1.2 s and
// 0.3 s with these, 75 MB; 1.1 s and 0.06 s with 96 MiB of windows, but
// 100 MB (most of it the mapped pack), which a whole run's peak adds to.
var treeMemory = packBounds("2m", "64m", "16m")

// hardenedEnv is added to the environment of every git call.
var hardenedEnv = []string{
	"GIT_TERMINAL_PROMPT=0",
	"GIT_OPTIONAL_LOCKS=0",
	"GIT_NO_LAZY_FETCH=1", // git 2.44 and later: never fetch a missing object
	"GIT_PROTOCOL_FROM_USER=0",
	"GIT_ALLOW_PROTOCOL=none",
	"GIT_SSH_COMMAND=false",
	"GIT_EXTERNAL_DIFF=",
	"GIT_PAGER=cat",
}

// Command is a git command with the hardening every call of this package
// gets, for the project's other programs that run git in a repository
// they do not trust (the accuracy harness).
func Command(ctx context.Context, dir string, args ...string) *exec.Cmd {
	return gitCommand(ctx, dir, args...)
}

// Output runs Command and returns its standard output, or an error with
// git's own message.
func Output(ctx context.Context, dir string, args ...string) (string, error) {
	return gitOutput(ctx, dir, args...)
}

// gitCommand is the one way this package runs git: with the hardening
// and the pack memory bounds above, and --no-show-signature on log.
func gitCommand(ctx context.Context, dir string, args ...string) *exec.Cmd {
	return gitCommandMemory(ctx, dir, packMemory, args...)
}

// gitCommandMemory is gitCommand with other pack memory bounds.
func gitCommandMemory(ctx context.Context, dir string, memory []string, args ...string) *exec.Cmd {
	full := append(append([]string{}, hardening...), memory...)
	if len(args) > 0 && args[0] == "log" {
		full = append(full, "log", "--no-show-signature")
		args = args[1:]
	}
	cmd := exec.CommandContext(ctx, "git", append(full, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), hardenedEnv...)
	return cmd
}
