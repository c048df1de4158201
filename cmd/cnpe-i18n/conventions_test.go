package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// TestEveryCommandHasOutputs keeps the outputs table in step with the
// command tree: a new command must say which formats it prints.
func TestEveryCommandHasOutputs(t *testing.T) {
	root := newRootCmd(&streams{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}})
	seen := map[string]bool{}
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Runnable() && !c.HasSubCommands() && c.Name() != "help" && c.Name() != "completion" {
			seen[c.CommandPath()] = true
			if _, ok := outputs[c.CommandPath()]; !ok {
				t.Errorf("%s is missing from outputs", c.CommandPath())
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	for path := range outputs {
		if !seen[path] {
			t.Errorf("outputs lists %q, which is no command", path)
		}
	}
}

// TestHelpListsEveryFormat checks that each command's --help names every
// format it supports.
func TestHelpListsEveryFormat(t *testing.T) {
	for path, o := range outputs {
		t.Run(path, func(t *testing.T) {
			args := append(strings.Fields(path)[1:], "--help")
			var stdout, stderr bytes.Buffer
			if code := run(args, nil, &stdout, &stderr); code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			line := ""
			for l := range strings.Lines(stdout.String()) {
				if strings.HasPrefix(strings.TrimSpace(l), "--format") {
					line = l
				}
			}
			if line == "" {
				t.Fatalf("no --format line in help:\n%s", stdout.String())
			}
			for _, f := range o.formats {
				if !strings.Contains(line, f) {
					t.Errorf("--format help %q does not name %q", strings.TrimSpace(line), f)
				}
			}
		})
	}
}

// TestFormatsHonoured runs every command with every format it lists, on
// the demo site, and checks none is refused: the outputs table and the
// commands agree.
func TestFormatsHonoured(t *testing.T) {
	site, err := filepath.Abs("../../testdata/demo/site")
	if err != nil {
		t.Fatal(err)
	}
	// glossary import reads what glossary export writes.
	dir := t.TempDir()
	for _, f := range []string{"tbx", "csv"} {
		var stdout, stderr bytes.Buffer
		if code := run([]string{"glossary", "export", "--format", f}, nil, &stdout, &stderr); code != exitOK {
			t.Fatalf("glossary export --format %s: exit %d: %s", f, code, stderr.String())
		}
		if err := os.WriteFile(filepath.Join(dir, "terms."+f), stdout.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	table := "| en | ja |\n|---|---|\n| golden path | ゴールデンパス |\n"
	if err := os.WriteFile(filepath.Join(dir, "terms.markdown-table"), []byte(table), 0o644); err != nil {
		t.Fatal(err)
	}
	en, ja := "content/en/docs/getting-started.md", "content/ja/docs/getting-started.md"
	args := map[string][]string{
		"cnpe-i18n version":         {"version"},
		"cnpe-i18n segments":        {"segments", "-C", site, en},
		"cnpe-i18n align":           {"align", "-C", site, en, ja},
		"cnpe-i18n status":          {"status", "-C", site, "--no-history", "--fail-on", "none"},
		"cnpe-i18n diff":            {"diff", "-C", site, "--no-history", ja},
		"cnpe-i18n report":          {"report", "-C", site, "--no-history", "--out", t.TempDir()},
		"cnpe-i18n accept":          {"accept", "-C", site, ja},
		"cnpe-i18n mark":            {"mark", "-C", site},
		"cnpe-i18n stub":            {"stub", "-C", site},
		"cnpe-i18n fix":             {"fix", "-C", site},
		"cnpe-i18n glossary check":  {"glossary", "check", "-C", site},
		"cnpe-i18n glossary census": {"glossary", "census", "-C", site, "--lang", "ja"},
		"cnpe-i18n glossary export": {"glossary", "export", "-C", site},
		"cnpe-i18n glossary import": {"glossary", "import", "-C", dir, "terms.$format"},
		"cnpe-i18n cache info":      {"cache", "info", "-C", site},
		"cnpe-i18n cache clear":     {"cache", "clear", "-C", site, "--dry-run"},
	}
	// The write commands print nothing when the plan is empty, glossary
	// check when there are no findings.
	quiet := map[string]bool{"cnpe-i18n report": true, "cnpe-i18n accept": true, "cnpe-i18n mark": true, "cnpe-i18n stub": true, "cnpe-i18n fix": true, "cnpe-i18n glossary check": true}
	for path, o := range outputs {
		for _, f := range o.formats {
			t.Run(path+" "+f, func(t *testing.T) {
				a, ok := args[path]
				if !ok {
					t.Fatalf("no arguments for %s", path)
				}
				var stdout, stderr bytes.Buffer
				a = append(slices.Clone(a), "--format", f)
				for i := range a {
					a[i] = strings.ReplaceAll(a[i], "$format", f)
				}
				code := run(a, nil, &stdout, &stderr)
				if code == exitError {
					t.Errorf("exit %d with --format %s: %s", code, f, stderr.String())
				}
				if code == exitOK && stdout.Len() == 0 && !quiet[path] {
					t.Errorf("--format %s printed nothing", f)
				}
			})
		}
	}
}

// TestOutputFlagsRejected checks that a --format or --color a command
// cannot honour is a usage error rather than ignored.
func TestOutputFlagsRejected(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"mark", "--format", "json"}, `unsupported --format "json" (want text)`},
		{[]string{"stub", "--format", "markdown"}, `unsupported --format "markdown" (want text)`},
		{[]string{"accept", "--all", "--color", "always"}, "accept prints no colour"},
		{[]string{"fix", "--color", "blue"}, `unsupported --color "blue"`},
		{[]string{"align", "--color", "always", "a.md", "b.md"}, "align prints no colour"},
		{[]string{"glossary", "export"}, "export needs --format (tbx, csv, yaml)"},
		{[]string{"version", "--format", "sarif"}, `unsupported --format "sarif" (want text, json)`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run(tt.args, nil, &stdout, &stderr); code != exitError {
				t.Errorf("exit %d, want %d", code, exitError)
			}
			if !strings.Contains(stderr.String(), tt.want) {
				t.Errorf("stderr = %q, want %q in it", stderr.String(), tt.want)
			}
		})
	}
}

func TestSuggestions(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"stauts"}, `unknown command "stauts" for "cnpe-i18n" (did you mean "status"?)`},
		{[]string{"segment", "a.md"}, `(did you mean "segments"?)`},
		{[]string{"glossary", "chek"}, `unknown command "chek" for "cnpe-i18n glossary" (did you mean "check"?)`},
		{[]string{"status", "--formt", "json"}, "unknown flag: --formt (did you mean --format?)"},
		{[]string{"status", "--fail", "none"}, "(did you mean --fail-on?)"},
		{[]string{"glossary", "check", "--glosary", "g.yaml"}, "(did you mean --glossary?)"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run(tt.args, nil, &stdout, &stderr); code != exitError {
				t.Errorf("exit %d, want %d", code, exitError)
			}
			if !strings.Contains(stderr.String(), tt.want) {
				t.Errorf("stderr = %q, want %q in it", stderr.String(), tt.want)
			}
		})
	}
	var stdout, stderr bytes.Buffer
	run([]string{"frobnicate"}, nil, &stdout, &stderr)
	if strings.Contains(stderr.String(), "did you mean") {
		t.Errorf("a far-off name got a suggestion: %q", stderr.String())
	}
}
