package main

import (
	"encoding/json"
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// Set at build time by the release build (.goreleaser.yaml, make dist):
//
//	go build -ldflags "-X main.version=v1.2.3 -X main.commit=$(git rev-parse HEAD) -X main.date=2026-01-02T03:04:05Z"
//
// Left empty, they are read from the build information the go command
// records (go install …@v1.2.3 records the module version, a build in a
// git checkout records the revision and its time).
var (
	version = ""
	commit  = ""
	date    = ""
)

// buildInfo is what "cnpe-i18n version" reports.
type buildInfo struct {
	Version string `json:"version"`
	Commit  string `json:"commit,omitempty"`
	Date    string `json:"date,omitempty"`
	Go      string `json:"go"`
}

func (b buildInfo) String() string {
	s := b.Version
	if b.Commit != "" || b.Date != "" {
		s += " ("
		if b.Commit != "" {
			s += "commit " + b.Commit
		}
		if b.Commit != "" && b.Date != "" {
			s += ", "
		}
		if b.Date != "" {
			s += "built " + b.Date
		}
		s += ")"
	}
	return s
}

func newCmdVersion(s *streams, global *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "version [--format text|json]",
		Short: "Print the version, commit and build date of cnpe-i18n",
		Long: `Version prints the version of this binary, the commit it was built from
and when, as stamped by the release build; a binary built with go install
reports the module version and the revision the go command recorded.
"cnpe-i18n --version" prints the same line.

JSON: {"version", "commit", "date", "go"}.`,
		Example: `  cnpe-i18n version
  cnpe-i18n version --format json`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			b := readBuildInfo(debug.ReadBuildInfo)
			if global.Format == "json" {
				enc := json.NewEncoder(s.Out)
				enc.SetIndent("", "  ")
				return enc.Encode(b)
			}
			fmt.Fprintf(s.Out, "cnpe-i18n %s\n", b)
			return nil
		},
	}
}

// readBuildInfo returns the stamped version, commit and date, filling
// what was not stamped from the go command's build information.
func readBuildInfo(read func() (*debug.BuildInfo, bool)) buildInfo {
	b := buildInfo{Version: version, Commit: commit, Date: date, Go: runtime.Version()}
	info, ok := read()
	if !ok {
		if b.Version == "" {
			b.Version = "(devel)"
		}
		return b
	}
	if b.Version == "" {
		b.Version = info.Main.Version
	}
	if b.Version == "" {
		b.Version = "(devel)"
	}
	modified := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			if b.Commit == "" {
				b.Commit = s.Value
			}
		case "vcs.time":
			if b.Date == "" {
				b.Date = s.Value
			}
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if modified && commit == "" && b.Commit != "" {
		b.Commit += "-dirty"
	}
	return b
}

// versionString is the version alone, as tools that read reports want it
// (SARIF's driver version).
func versionString() string {
	return readBuildInfo(debug.ReadBuildInfo).Version
}
