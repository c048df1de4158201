package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os/exec"
	"strings"

	isync "github.com/cnpe-i18n/cnpe-i18n/sync"
	"github.com/cnpe-i18n/cnpe-i18n/sync/site"
)

// statusRunner runs the tool's status on pages of the repository at root.
type statusRunner interface {
	status(ctx context.Context, root string, paths, langs []string) (*report, error)
}

// report is the part of the status JSON the harness reads, with states as
// strings: a binary of another version may know states this one does not.
type report struct {
	Pages []pageView `json:"pages"`
}

// unit is the page's unit with that id; ok is false when there is none
// (or no page).
func (p *pageView) unit(id string) (u unitView, ok bool) {
	if p != nil {
		for _, pu := range p.Units {
			if pu.ID == id {
				return pu, true
			}
		}
	}
	return unitView{}, false
}

type pageView struct {
	Lang        string     `json:"lang"`
	Source      string     `json:"source"`
	Translation string     `json:"translation"`
	State       string     `json:"state"`
	Base        *baseView  `json:"base"`
	Units       []unitView `json:"units"`
}

type baseView struct {
	Kind         string `json:"kind"`
	Blob         string `json:"blob"`
	Commit       string `json:"commit"`
	Current      bool   `json:"current"`
	TranslatedIn string `json:"translated_in"`
}

type unitView struct {
	ID    string `json:"id"`
	State string `json:"state"`
	Line  int    `json:"line"`
	// Change, Kind, the texts and lines are kept for reading a saved
	// report (-explain).
	Change       string `json:"change,omitempty"`
	Kind         string `json:"kind,omitempty"`
	EndLine      int    `json:"end_line,omitempty"`
	SourceLine   int    `json:"source_line,omitempty"`
	SourceBefore string `json:"source_before,omitempty"` // the source unit's text at the unit's base
	SourceAfter  string `json:"source_after,omitempty"`
	Text         string `json:"text,omitempty"`
	// SourceID is the source unit (now, or at the base when removed).
	SourceID string `json:"source_id"`
	// Base is the unit's own base, when the tool reports one.
	Base *unitBaseView `json:"base"`
}

type unitBaseView struct {
	Blob         string `json:"blob"`
	TranslatedIn string `json:"translated_in"`
}

func decodeReport(data []byte) (*report, error) {
	var r report
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, err
	}
	return &r, nil
}

// library calls sync.Status, with the configuration in root (the harness
// writes one there when the site needs it).
type library struct{}

func (library) status(ctx context.Context, root string, paths, langs []string) (*report, error) {
	cfg, err := site.LoadConfig(root)
	if err != nil {
		return nil, err
	}
	r, err := isync.Status(ctx, root, isync.Options{Config: cfg, Paths: paths, Langs: langs})
	if err != nil {
		return nil, err
	}
	data, err := json.Marshal(r)
	if err != nil {
		return nil, err
	}
	return decodeReport(data)
}

// binary runs a built cnpe-i18n (another version, for comparison) and
// reads its JSON report.
type binary struct{ path string }

func (b binary) status(ctx context.Context, root string, paths, langs []string) (*report, error) {
	args := []string{"status", "--format", "json", "--fail-on", "none", "-C", root}
	if len(langs) > 0 {
		args = append(args, "--lang", strings.Join(langs, ","))
	}
	cmd := exec.CommandContext(ctx, b.path, append(args, paths...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	r, err := decodeReport(stdout.Bytes())
	if err != nil {
		if runErr != nil {
			return nil, fmt.Errorf("%s: %v: %s", b.path, runErr, strings.TrimSpace(stderr.String()))
		}
		return nil, fmt.Errorf("%s: reading its report: %w", b.path, err)
	}
	return r, nil
}

func newRunner(bin string) statusRunner {
	if bin == "" {
		return library{}
	}
	return binary{path: bin}
}
