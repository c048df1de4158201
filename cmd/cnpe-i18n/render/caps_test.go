package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	isync "github.com/cnpe-i18n/cnpe-i18n/sync"
)

// manyFindings is a report with n missing pages (notes) and, on each of
// pages stale pages, two stale units (warnings).
func manyFindings(missing, pages int) *isync.Report {
	r := &isync.Report{Source: "en", Languages: []string{"ko"}}
	for i := range missing {
		r.Pages = append(r.Pages, isync.PageReport{Lang: "ko", Source: fmt.Sprintf("content/en/m%d.md", i), State: isync.PageMissing})
	}
	for i := range pages {
		p := isync.PageReport{Lang: "ko", Source: fmt.Sprintf("content/en/s%d.md", i), Translation: fmt.Sprintf("content/ko/s%d.md", i), State: isync.PageStale}
		for j := range 2 {
			p.Units = append(p.Units, isync.UnitReport{ID: fmt.Sprintf("p-%d", j), State: isync.UnitStale, Line: 3 + j, EndLine: 3 + j, SourceLine: 3 + j, SourceBefore: "a", SourceAfter: "b"})
		}
		r.Pages = append(r.Pages, p)
	}
	return r
}

func TestAnnotationsCapped(t *testing.T) {
	var b bytes.Buffer
	Annotations(&b, manyFindings(20, 15))
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != MaxAnnotations {
		t.Fatalf("%d annotations, want %d:\n%s", len(lines), MaxAnnotations, b.String())
	}
	files := map[string]bool{}
	for _, l := range lines[:MaxAnnotations-1] {
		if !strings.HasPrefix(l, "::warning file=content/ko/s") {
			t.Errorf("annotation %q, want the stale units (warnings) first", l)
		}
		files[strings.Split(l, ",")[0]] = true
	}
	if len(files) != MaxAnnotations-1 {
		t.Errorf("annotations cover %d pages, want one each for %d pages", len(files), MaxAnnotations-1)
	}
	if last := lines[len(lines)-1]; !strings.HasPrefix(last, "::notice title=cnpe-i18n::41 more findings not annotated") {
		t.Errorf("last line %q, want the count of the 41 left out", last)
	}
}

func TestAnnotationsUnderCapAreAllWritten(t *testing.T) {
	var b bytes.Buffer
	Annotations(&b, manyFindings(2, 3))
	if n := strings.Count(b.String(), "\n"); n != 8 || strings.Contains(b.String(), "more findings") {
		t.Errorf("%d annotations, want all 8 and no summary:\n%s", n, b.String())
	}
}

func TestSARIFCapped(t *testing.T) {
	var b bytes.Buffer
	if err := SARIF(&b, manyFindings(MaxSARIFResults+5, 3), "test"); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID string `json:"ruleId"`
			} `json:"results"`
			Invocations []struct {
				Notifications []struct {
					Message struct{ Text string } `json:"message"`
				} `json:"toolExecutionNotifications"`
			} `json:"invocations"`
			Properties map[string]int `json:"properties"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if len(run.Results) != MaxSARIFResults {
		t.Errorf("%d results, want %d", len(run.Results), MaxSARIFResults)
	}
	if run.Results[0].RuleID != "stale-unit" {
		t.Errorf("first result %s, want the stale units kept first", run.Results[0].RuleID)
	}
	if run.Properties["omittedResults"] != 11 {
		t.Errorf("omittedResults = %d, want 11", run.Properties["omittedResults"])
	}
	if len(run.Invocations) != 1 || len(run.Invocations[0].Notifications) != 1 || !strings.HasPrefix(run.Invocations[0].Notifications[0].Message.Text, "11 findings left out") {
		t.Errorf("no notification of the results left out: %+v", run.Invocations)
	}
}
