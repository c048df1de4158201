// Command actionworkflow prints a composite action (action.yml) as a
// reusable workflow with the same inputs and steps, so that actionlint,
// which lints workflows only, checks the action's expressions, contexts
// and shell scripts too. make lint runs it:
//
//	go run ./internal/actionworkflow action.yml > action-workflow.yml
//	actionlint action-workflow.yml
package main

import (
	"fmt"
	"os"

	"github.com/goccy/go-yaml"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: actionworkflow action.yml")
		os.Exit(2)
	}
	out, err := convert(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "actionworkflow:", err)
		os.Exit(1)
	}
	os.Stdout.Write(out)
}

func convert(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var a struct {
		Name   string        `yaml:"name"`
		Inputs yaml.MapSlice `yaml:"inputs"`
		Runs   struct {
			Using string `yaml:"using"`
			Steps []any  `yaml:"steps"`
		} `yaml:"runs"`
	}
	if err := yaml.Unmarshal(data, &a); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if a.Runs.Using != "composite" {
		return nil, fmt.Errorf("%s: runs.using is %q, want composite", path, a.Runs.Using)
	}
	inputs := yaml.MapSlice{}
	for _, in := range a.Inputs {
		def := ""
		if m, ok := in.Value.(map[string]any); ok {
			if d, ok := m["default"].(string); ok {
				def = d
			}
		}
		inputs = append(inputs, yaml.MapItem{Key: in.Key, Value: yaml.MapSlice{
			{Key: "type", Value: "string"},
			{Key: "required", Value: false},
			{Key: "default", Value: def},
		}})
	}
	wf := yaml.MapSlice{
		{Key: "name", Value: a.Name + " (" + path + " as a workflow, for actionlint)"},
		{Key: "on", Value: yaml.MapSlice{{Key: "workflow_call", Value: yaml.MapSlice{{Key: "inputs", Value: inputs}}}}},
		{Key: "jobs", Value: yaml.MapSlice{{Key: "action", Value: yaml.MapSlice{
			{Key: "runs-on", Value: "ubuntu-latest"},
			{Key: "steps", Value: a.Runs.Steps},
		}}}},
	}
	return yaml.MarshalWithOptions(wf, yaml.UseLiteralStyleIfMultiline(true))
}
