package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
)

// actionStep is what the cache tests read of a step of action.yml.
type actionStep struct {
	Name string            `yaml:"name"`
	ID   string            `yaml:"id"`
	If   string            `yaml:"if"`
	Uses string            `yaml:"uses"`
	Run  string            `yaml:"run"`
	With map[string]string `yaml:"with"`
}

func actionSteps(t *testing.T) []actionStep {
	t.Helper()
	data, err := os.ReadFile("../../action.yml")
	if err != nil {
		t.Fatal(err)
	}
	var a struct {
		Runs struct {
			Steps []actionStep `yaml:"steps"`
		} `yaml:"runs"`
	}
	if err := yaml.Unmarshal(data, &a); err != nil {
		t.Fatal(err)
	}
	return a.Runs.Steps
}

// TestActionCacheSteps: the action restores cnpe-i18n's cache before
// status and saves it after, under the same key, also when status fails
// (exit 1 on findings), at the directory the locate step found.
func TestActionCacheSteps(t *testing.T) {
	steps := actionSteps(t)
	index := func(match func(actionStep) bool) int {
		return slices.IndexFunc(steps, match)
	}
	locate := index(func(s actionStep) bool { return s.ID == "data" })
	restore := index(func(s actionStep) bool { return strings.HasPrefix(s.Uses, "actions/cache/restore@") })
	run := index(func(s actionStep) bool { return s.ID == "run" })
	save := index(func(s actionStep) bool { return strings.HasPrefix(s.Uses, "actions/cache/save@") })
	if locate < 0 || restore < 0 || run < 0 || save < 0 || !(locate < restore && restore < run && run < save) {
		t.Fatalf("steps locate %d, restore %d, run %d, save %d: want all, in that order", locate, restore, run, save)
	}
	r, s := steps[restore], steps[save]
	const dir = "${{ steps.data.outputs.dir }}"
	if r.With["path"] != dir || s.With["path"] != dir {
		t.Errorf("paths %q and %q, want %q", r.With["path"], s.With["path"], dir)
	}
	if r.With["key"] == "" || r.With["key"] != s.With["key"] {
		t.Errorf("keys %q and %q, want one key", r.With["key"], s.With["key"])
	}
	for _, part := range []string{"steps.resolve.outputs.version", "github.sha"} {
		if !strings.Contains(r.With["key"], part) {
			t.Errorf("key %q lacks %s", r.With["key"], part)
		}
	}
	if !strings.HasPrefix(r.With["key"], r.With["restore-keys"]) || r.With["restore-keys"] == "" {
		t.Errorf("restore-keys %q is no prefix of the key %q", r.With["restore-keys"], r.With["key"])
	}
	if !strings.Contains(s.If, "always()") {
		t.Errorf("save runs if %q: want always(), so that a run failing on findings keeps its cache", s.If)
	}
}

// TestActionLocateCache runs the locate step's script with a real
// cnpe-i18n: it depends on the first line of "cnpe-i18n cache info".
func TestActionLocateCache(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the step's script is bash")
	}
	for _, tool := range []string{"bash", "git", "sed"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("no %s: %v", tool, err)
		}
	}
	var script string
	for _, s := range actionSteps(t) {
		if s.ID == "data" {
			script = s.Run
		}
	}
	if script == "" {
		t.Fatal("no step with id data")
	}
	bin := t.TempDir()
	build := exec.Command("go", "build", "-o", filepath.Join(bin, "cnpe-i18n"), "github.com/cnpe-i18n/cnpe-i18n/cmd/cnpe-i18n")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	repo := t.TempDir()
	if out, err := exec.Command("git", "init", "-q", repo).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	output := filepath.Join(t.TempDir(), "output")
	cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script)
	cmd.Dir = repo
	cmd.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"), "GITHUB_OUTPUT="+output)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("locate step: %v\n%s", err, out)
	}
	got, err := os.ReadFile(output)
	if err != nil {
		t.Fatal(err)
	}
	real, err := filepath.EvalSymlinks(repo)
	if err != nil {
		t.Fatal(err)
	}
	if want := "dir=" + filepath.Join(real, ".git", "cnpe-i18n") + "\n"; string(got) != want && string(got) != "dir="+filepath.Join(repo, ".git", "cnpe-i18n")+"\n" {
		t.Errorf("GITHUB_OUTPUT = %q, want %q", got, want)
	}
}
