package render

import (
	"encoding/json"
	"fmt"
	"io"

	isync "github.com/cnpe-i18n/cnpe-i18n/sync"
)

// SARIFLog is a SARIF 2.1.0 log: the parts code scanning reads.
type SARIFLog struct {
	Version string     `json:"version"`
	Schema  string     `json:"$schema"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations,omitempty"`
	Results     []sarifResult     `json:"results"`
	Properties  map[string]any    `json:"properties,omitempty"`
}

// sarifInvocation carries what keeps a run from being an all-clear (an
// incomplete history) and what it left out.
type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications"`
}

type sarifNotification struct {
	Level   string       `json:"level"`
	Message sarifMessage `json:"message"`
}

// MaxSARIFResults is how many results one SARIF log holds: code scanning
// rejects uploads with more than 25,000 results in a run.
const MaxSARIFResults = 25000

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string       `json:"id"`
	ShortDescription     sarifMessage `json:"shortDescription"`
	DefaultConfiguration struct {
		Level string `json:"level"`
	} `json:"defaultConfiguration"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex int             `json:"ruleIndex"`
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations"`
}

type sarifLocation struct {
	PhysicalLocation struct {
		ArtifactLocation struct {
			URI string `json:"uri"`
		} `json:"artifactLocation"`
		Region struct {
			StartLine int `json:"startLine"`
			EndLine   int `json:"endLine"`
		} `json:"region"`
	} `json:"physicalLocation"`
}

// SARIF writes the Findings as a SARIF 2.1.0 log for code scanning. With
// more than MaxSARIFResults findings it keeps the ones that matter most
// (warnings, stale units first) and says in a notification and in the
// run's properties how many it left out.
func SARIF(w io.Writer, r *isync.Report, version string) error {
	driver := sarifDriver{Name: "cnpe-i18n", Version: version, InformationURI: "https://github.com/cnpe-i18n/cnpe-i18n"}
	index := map[string]int{}
	for i, rule := range rules {
		sr := sarifRule{ID: rule.id, ShortDescription: sarifMessage{rule.text}}
		sr.DefaultConfiguration.Level = rule.level
		driver.Rules = append(driver.Rules, sr)
		index[rule.id] = i
	}
	run := sarifRun{Tool: sarifTool{Driver: driver}, Results: []sarifResult{}}
	var notes []sarifNotification
	if r.History.IncompleteHistory() {
		notes = append(notes, sarifNotification{Level: "error", Message: sarifMessage{r.History.Message}})
	}
	fs := ranked(Findings(r))
	if len(fs) > MaxSARIFResults {
		omitted := len(fs) - MaxSARIFResults
		fs = fs[:MaxSARIFResults]
		notes = append(notes, sarifNotification{Level: "note",
			Message: sarifMessage{fmt.Sprintf("%d findings left out: code scanning accepts %d results; run cnpe-i18n status for all of them", omitted, MaxSARIFResults)}})
		run.Properties = map[string]any{"omittedResults": omitted}
	}
	if len(notes) > 0 {
		run.Invocations = []sarifInvocation{{ExecutionSuccessful: !r.History.IncompleteHistory(), ToolExecutionNotifications: notes}}
	}
	for _, f := range fs {
		var loc sarifLocation
		loc.PhysicalLocation.ArtifactLocation.URI = EscapePath(f.File)
		loc.PhysicalLocation.Region.StartLine = f.Line
		loc.PhysicalLocation.Region.EndLine = f.EndLine
		run.Results = append(run.Results, sarifResult{RuleID: f.Rule, RuleIndex: index[f.Rule], Level: f.level(),
			Message: sarifMessage{f.Title + ": " + f.Message}, Locations: []sarifLocation{loc}})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(SARIFLog{Version: "2.1.0", Schema: "https://json.schemastore.org/sarif-2.1.0.json", Runs: []sarifRun{run}})
}
