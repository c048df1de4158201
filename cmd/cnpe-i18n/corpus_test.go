package main

import (
	"bytes"
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/cmd/cnpe-i18n/render"
	"github.com/cnpe-i18n/cnpe-i18n/internal/corpustest"
	isync "github.com/cnpe-i18n/cnpe-i18n/sync"
)

// TestDiffCorpus runs diff, the translator's view, on the real Korean
// whitepaper: every unit status calls stale is shown with its line, a word
// diff of the English and the Korean text, and the JSON agrees with status.
func TestDiffCorpus(t *testing.T) {
	dir := corpustest.Clone(t)
	const ko = "website/content/ko/resources/whitepaper/latest/index.md"
	report := statusReport(t, dir, ko)
	stale := map[int]bool{} // lines; table cells share one
	nStale := 0
	for _, p := range report.Pages {
		for _, u := range p.Units {
			if p.Translation == ko && u.State == isync.UnitStale {
				stale[u.Line] = true
				nStale++
			}
		}
	}
	if nStale < 20 {
		t.Fatalf("status finds %d stale units in %s, want the v1.1 rewrite's 20 or more", nStale, ko)
	}
	page, err := os.ReadFile(filepath.Join(dir, ko))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(page), "\n")

	var stdout, stderr bytes.Buffer
	if code := run([]string{"diff", "-C", dir, ko}, nil, &stdout, &stderr); code != exitFindings {
		t.Fatalf("diff: exit %d %s", code, stderr.String())
	}
	head := regexp.MustCompile(`(?m)^  stale  ` + regexp.QuoteMeta(ko) + `:(\d+)(-\d+)?  \S+ \(source website/content/en/resources/whitepaper/latest/index.md:\d+\)\n` +
		`    english was \(base [0-9a-f]+\): .*\n(?:      .*\n)*    english now: .*\n(?:      .*\n)*    word diff: (.*)\n    translation: (.*)$`)
	shown := 0
	for _, m := range head.FindAllStringSubmatch(stdout.String(), -1) {
		shown++
		line, _ := strconv.Atoi(m[1])
		if !stale[line] {
			t.Errorf("diff shows line %d, which status does not call stale", line)
		}
		if !strings.Contains(m[3], "[-") && !strings.Contains(m[3], "{+") {
			t.Errorf("line %d: no word diff in %q", line, m[3])
		}
		if first := strings.Fields(m[4]); len(first) == 0 || line > len(lines) || !strings.Contains(lines[line-1], first[0]) {
			t.Errorf("line %d: translation %.80q is not the text at that line of the page", line, m[4])
		}
	}
	// Every new unit says where it goes in the translation.
	newUnit := regexp.MustCompile(`(?m)^  new  .*\n(.*)$`)
	nNew := 0
	for _, m := range newUnit.FindAllStringSubmatch(stdout.String(), -1) {
		nNew++
		if !regexp.MustCompile(`^    insert (after|before) ` + regexp.QuoteMeta(ko) + `:\d+$`).MatchString(m[1]) {
			t.Errorf("new unit without an insertion line: %q", m[1])
		}
	}
	if nNew == 0 {
		t.Errorf("diff shows no new units; the v1.1 rewrite added some")
	}
	if shown != nStale {
		t.Errorf("diff shows %d stale units, status %d:\n%.3000s", shown, nStale, stdout.String())
	}

	// The JSON is status's report, scoped to the page.
	stdout.Reset()
	run([]string{"diff", "-C", dir, "--format", "json", ko}, nil, &stdout, &stderr)
	var scoped isync.Report
	if err := json.Unmarshal(stdout.Bytes(), &scoped); err != nil {
		t.Fatal(err)
	}
	if len(scoped.Pages) != 1 || scoped.Pages[0].Translation != ko || len(scoped.Pages[0].Units) != len(report.Pages[0].Units) {
		t.Fatalf("diff JSON: %d pages", len(scoped.Pages))
	}
	// In JSON too, every new unit has the line it goes after.
	for _, u := range scoped.Pages[0].Units {
		if u.State == isync.UnitNew && (u.Line < 1 || u.Line > len(lines)) {
			t.Errorf("new unit %s (source line %d) has insertion line %d", u.ID, u.SourceLine, u.Line)
		}
	}
}

// TestSARIFCorpus: on the real site every unit status reports is one SARIF
// result at a line of a file inside the repository.
func TestSARIFCorpus(t *testing.T) {
	dir := corpustest.Clone(t)
	report := statusReport(t, dir)
	want := map[string]int{}
	for _, p := range report.Pages {
		for _, u := range p.Units {
			want[u.State.String()+"-unit"]++
		}
	}
	var stdout, stderr bytes.Buffer
	run([]string{"status", "-C", dir, "--format", "sarif", "--fail-on", "none"}, nil, &stdout, &stderr)
	var log render.SARIFLog
	if err := json.Unmarshal(stdout.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, r := range log.Runs[0].Results {
		if !strings.HasSuffix(r.RuleID, "-unit") {
			continue
		}
		got[r.RuleID]++
		if len(r.Locations) != 1 {
			t.Fatalf("%s result with %d locations", r.RuleID, len(r.Locations))
		}
		loc := r.Locations[0].PhysicalLocation
		if uri := loc.ArtifactLocation.URI; !strings.HasPrefix(uri, "website/content/") || strings.Contains(uri, "..") || loc.Region.StartLine < 1 {
			t.Errorf("%s result at %s:%d", r.RuleID, uri, loc.Region.StartLine)
		}
	}
	if want["stale-unit"] == 0 || !maps.Equal(got, want) {
		t.Errorf("SARIF unit results %v, status units %v", got, want)
	}
}

// statusReport runs status --format json in dir on paths (the whole site
// without) and decodes the report.
func statusReport(t *testing.T, dir string, paths ...string) *isync.Report {
	t.Helper()
	var stdout, stderr bytes.Buffer
	args := append([]string{"status", "-C", dir, "--format", "json", "--fail-on", "none"}, paths...)
	if code := run(args, nil, &stdout, &stderr); code != exitOK {
		t.Fatalf("status: exit %d %s", code, stderr.String())
	}
	var r isync.Report
	if err := json.Unmarshal(stdout.Bytes(), &r); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	return &r
}
