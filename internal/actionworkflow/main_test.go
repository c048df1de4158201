package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
)

// TestConvert: the workflow has the action's inputs with their defaults
// and all of its steps, so actionlint sees every expression and script.
func TestConvert(t *testing.T) {
	out, err := convert("../../action.yml")
	if err != nil {
		t.Fatal(err)
	}
	var wf struct {
		On struct {
			WorkflowCall struct {
				Inputs map[string]struct {
					Default string `yaml:"default"`
				} `yaml:"inputs"`
			} `yaml:"workflow_call"`
		} `yaml:"on"`
		Jobs map[string]struct {
			Steps []map[string]any `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal(out, &wf); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	var action struct {
		Inputs map[string]struct {
			Default string `yaml:"default"`
		} `yaml:"inputs"`
		Runs struct {
			Steps []map[string]any `yaml:"steps"`
		} `yaml:"runs"`
	}
	data, _ := os.ReadFile("../../action.yml")
	if err := yaml.Unmarshal(data, &action); err != nil {
		t.Fatal(err)
	}
	for name, in := range action.Inputs {
		got, ok := wf.On.WorkflowCall.Inputs[name]
		if !ok || got.Default != in.Default {
			t.Errorf("input %s: got %+v (present %v), want default %q", name, got, ok, in.Default)
		}
	}
	if got, want := len(wf.Jobs["action"].Steps), len(action.Runs.Steps); got != want || want == 0 {
		t.Errorf("%d steps, want %d", got, want)
	}
}

func TestConvertRefusesOtherActions(t *testing.T) {
	p := filepath.Join(t.TempDir(), "action.yml")
	os.WriteFile(p, []byte("name: x\nruns:\n  using: node20\n  main: index.js\n"), 0o644)
	_, err := convert(p)
	if err == nil || !strings.Contains(err.Error(), `runs.using is "node20", want composite`) {
		t.Errorf("err = %v", err)
	}
}
