package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/internal/corpustest"
)

const issueGlossary = `terms:
  - en: observability
    ja: {use: [オブザーバビリティ], avoid: [可観測性]}
  - en: telemetry
    ja: {use: [テレメトリー], avoid: [テレメトリ]}
  - en: OTel Operator
    keep: true
  - en: [cognitive load, cognitive burden]
    ja: {use: [認知負荷]}
`

// TestGlossaryCorpus checks the findings the issue names on the real site.
func TestGlossaryCorpus(t *testing.T) {
	dir := corpustest.Clone(t)
	g := filepath.Join(t.TempDir(), "g.yaml")
	os.WriteFile(g, []byte(issueGlossary), 0o644)
	var stdout, stderr bytes.Buffer
	code := run([]string{"glossary", "check", "-C", dir, "--glossary", g, "--lang", "ja,zh", "--format", "json"}, nil, &stdout, &stderr)
	if code != exitFindings {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var out struct {
		Findings []struct {
			Rule, File, Term, Found string
			Line, Column            int
		}
	}
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	lines := map[string][]int{}
	for _, f := range out.Findings {
		key := f.Rule + " " + f.Term + " " + filepath.Base(filepath.Dir(filepath.Dir(f.File))) + "/" + filepath.Base(filepath.Dir(f.File)) + " " + strings.Split(f.File, "/")[2]
		lines[key] = append(lines[key], f.Line)
	}
	for key, want := range map[string][]int{
		"forbidden observability whitepaper/latest ja":     {36, 150, 261},
		"forbidden observability maturity-model/latest ja": {387},
		"forbidden telemetry whitepaper/latest ja":         {255, 261},
		"forbidden telemetry glossary/latest ja":           {39},
		"forbidden telemetry maturity-model/latest ja":     nil,
		"keep OTel Operator glossary/latest zh":            {39},
	} {
		got := lines[key]
		sort.Ints(got)
		if jsonInts(got) != jsonInts(want) {
			t.Errorf("%s at lines %v, want %v", key, got, want)
		}
	}
	found := false
	for _, l := range lines["missing cognitive load whitepaper/latest ja"] {
		found = found || l == 106
	}
	if !found {
		t.Errorf("missing cognitive load not at line 106: %v", lines["missing cognitive load whitepaper/latest ja"])
	}
	// Census counts both renderings of observability.
	stdout.Reset()
	run([]string{"glossary", "census", "-C", dir, "--glossary", g, "--lang", "ja"}, nil, &stdout, &stderr)
	if !strings.Contains(stdout.String(), "オブザーバビリティ") || !strings.Contains(stdout.String(), "可観測性") {
		t.Errorf("census lacks a rendering:\n%.1500s", stdout.String())
	}
}

func jsonInts(v []int) string {
	b, _ := json.Marshal(v)
	if string(b) == "null" {
		return "[]"
	}
	return string(b)
}

func TestGlossaryCommands(t *testing.T) {
	repo := demoRepo(t)
	bad := filepath.Join(repo, "bad.yaml")
	os.WriteFile(bad, []byte("terms:\n  - en: golden path\n    nte: typo\n"), 0o644)
	var stdout, stderr bytes.Buffer
	if code := run([]string{"glossary", "check", "-C", repo, "--glossary", bad}, nil, &stdout, &stderr); code != exitError ||
		!strings.Contains(stderr.String(), "bad.yaml:3:5:") || !strings.Contains(stderr.String(), `"nte"`) {
		t.Errorf("misspelled key: exit %d, stderr %q", code, stderr.String())
	}
	// The starter glossary through every format and back.
	for _, format := range []string{"tbx", "csv"} {
		stdout.Reset()
		if code := run([]string{"glossary", "export", "-C", repo, "--format", format}, nil, &stdout, &stderr); code != exitOK {
			t.Fatalf("export %s: exit %d %s", format, code, stderr.String())
		}
		file := filepath.Join(repo, "g."+format)
		os.WriteFile(file, stdout.Bytes(), 0o644)
		stdout.Reset()
		if code := run([]string{"glossary", "import", "--format", format, file}, nil, &stdout, &stderr); code != exitOK || !strings.Contains(stdout.String(), "ゴールデンパス") {
			t.Errorf("import %s: exit %d %s", format, code, stderr.String())
		}
	}
	// The starter glossary on the demo: the Japanese page uses its terms.
	stdout.Reset()
	code := run([]string{"glossary", "check", "-C", repo, "--format", "json"}, nil, &stdout, &stderr)
	if code != exitOK && code != exitFindings {
		t.Fatalf("check: exit %d %s", code, stderr.String())
	}
	if !strings.HasPrefix(stdout.String(), "{\n  \"schema_version\": 1,\n  \"findings\": [") {
		t.Errorf("JSON: %.300s", stdout.String())
	}
}
