package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// injected is a file name that, printed raw, puts workflow commands on
// lines of their own.
const injected = "x\n::error file=README.md,line=1::INJECTED\n::stop-commands::tok\n.md"

// ownAnnotation is a workflow command this tool writes with --format github.
// The last line of a capped run is a summary notice without a file.
var ownAnnotation = regexp.MustCompile(`^::(notice|warning|error) file=[^\n:]*,line=\d+|^::notice title=cnpe-i18n::\d+ more findings not annotated`)

// commandLines returns the lines of out that the GitHub runner would read
// as workflow commands (it trims leading white space), but for our own
// annotations when github says out carries them.
func commandLines(out string, github bool) []string {
	var bad []string
	for _, l := range strings.Split(out, "\n") {
		l = strings.TrimLeft(l, " \t")
		if strings.HasPrefix(l, "::") && !(github && ownAnnotation.MatchString(l)) {
			bad = append(bad, l)
		}
	}
	return bad
}

func escapeRepo(t *testing.T) string {
	t.Helper()
	repo := demoRepo(t)
	write := func(rel, text string) {
		t.Helper()
		p := filepath.Join(repo, filepath.FromSlash(rel))
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Skipf("file system refuses the name: %v", err)
		}
	}
	write("content/en/docs/"+injected, "---\ntitle: Source\n---\n\nSource text.\n")
	write("content/ja/docs/"+injected, "---\ntitle: [broken\n---\n")
	write("content/en/docs/esc.md", "---\ntitle: Escapes\n---\n\nPlain source text here.\n")
	write("content/ja/docs/esc.md", "---\ntitle: \"\x1b]0;pwned\x07\x1b[2J title\"\n---\n\nText \x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\ and \u009b31m here.\n")
	return repo
}

func TestHostileWorkflowCommands(t *testing.T) {
	repo := escapeRepo(t)
	broken := filepath.Join(repo, "content", "ja", "docs", injected)
	for _, args := range [][]string{
		{"segments", broken},
		{"segments", "--format", "json", broken},
		{"status", "-C", repo},
		{"status", "-C", repo, "-v"},
		{"status", "-C", repo, "--format", "github"},
		{"status", "-C", repo, "--format", "markdown"},
		{"status", "-C", repo, "--format", "sarif"},
		{"diff", "-C", repo, broken},
		{"mark", "-C", repo},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			run(args, nil, &stdout, &stderr)
			github := strings.Contains(strings.Join(args, " "), "--format github")
			if bad := commandLines(stdout.String(), github); len(bad) > 0 {
				t.Errorf("stdout has workflow commands %q\n%s", bad, stdout.String())
			}
			if bad := commandLines(stderr.String(), false); len(bad) > 0 {
				t.Errorf("stderr has workflow commands %q\n%s", bad, stderr.String())
			}
		})
	}
}

func TestHostileTerminalEscapes(t *testing.T) {
	repo := escapeRepo(t)
	esc := filepath.Join(repo, "content", "ja", "docs", "esc.md")
	for _, args := range [][]string{
		{"segments", esc},
		{"status", "-C", repo, "-v"},
		{"status", "-C", repo, "-v", "--color", "always"},
		{"diff", "-C", repo, esc},
		{"diff", "-C", repo, "--color", "always", esc},
		{"segments", filepath.Join(repo, "content", "ja", "docs", injected)},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			run(args, nil, &stdout, &stderr)
			for name, out := range map[string]string{"stdout": stdout.String(), "stderr": stderr.String()} {
				// Our colour codes are the only escape sequences.
				rest := out
				for _, c := range []string{"\x1b[1m", "\x1b[31m", "\x1b[32m", "\x1b[2m", "\x1b[0m"} {
					rest = strings.ReplaceAll(rest, c, "")
				}
				if i := strings.IndexFunc(rest, func(r rune) bool {
					return r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r <= 0x9f || r == '\u202e'
				}); i >= 0 {
					t.Errorf("%s has a control character at %d: %q", name, i, rest[max(0, i-20):min(len(rest), i+20)])
				}
			}
		})
	}
}
