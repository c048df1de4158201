package main

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"github.com/spf13/cobra"

	"github.com/cnpe-i18n/cnpe-i18n/cmd/cnpe-i18n/render"
	"github.com/cnpe-i18n/cnpe-i18n/glossary"
	isync "github.com/cnpe-i18n/cnpe-i18n/sync"
)

// glossaryFailLevels are the --fail-on values of glossary check.
var glossaryFailLevels = []string{"error", "warning", "none"}

func newCmdGlossaryCheck(s *streams, opts *glossaryOptions) *cobra.Command {
	var failOn string
	cmd := &cobra.Command{
		Use:   "check [PATH...] [--glossary FILE] [--lang L] [--format text|json|github] [--fail-on error|warning|none]",
		Short: "Report forbidden, missing and lost terms in translations",
		Long: `Check reports, with file, line and column (in runes):

  forbidden  an avoided rendering in a translation
  missing    the source unit aligned with a translated unit has the term,
             the translated unit has fewer of its approved renderings
  keep       a keep-in-English term lost in translation
  first-use  the first occurrence in a page lacks the entry's first-use
             form (훅(hook) once, 훅 after that)
  spelling   a rule entry's convention broken (セキュリティー for セキュリティ)
  source     the English uses a deprecated variant (en_avoid)

Forbidden renderings, first-use forms and rules are checked on every
translated page, also on pages with no source counterpart. A translation
is aligned with its base: its pin, else what git history says (read only
when a translation in scope has no pin; --no-history aligns those with
the current source).

A missing finding that can only count renderings (the source unit has
the term, the translated unit none of its renderings and no English) is
kept when its translated unit has the word the run's other such findings
of the concept share (found "유형" where Type is rendered 타입): the
translations' own rendering, a terminology problem to review. Without
such a word the translation left the word out (a pronoun, a merged
clause), and nothing is reported. These words are learned from the run,
so a run over a few pages reports fewer of these findings.

Each finding has its entry's severity (error, warning, the default, or
info). --fail-on sets what exits 1: error, warning (the default: errors
and warnings) or none. Info entries are optional or advisory: they are
reported and never fail a run.

JSON: {"schema_version": 1, "findings": [{"rule", "severity", "lang",
"file", "line", "column", "term", "found", "expected", "source",
"target"}]}: source and target are the texts of the aligned units.`,
		Example: `  cnpe-i18n glossary check --lang ja
  cnpe-i18n glossary check --glossary terms.yaml --format github --fail-on error website/content/ko`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if err := opts.global.checkFormat("text", "json", "github"); err != nil {
				return err
			}
			if !slices.Contains(glossaryFailLevels, failOn) {
				return usageErrorf("unsupported --fail-on %q (want error, warning or none)", failOn)
			}
			site, g, paths, err := opts.site()
			if err != nil {
				return err
			}
			defer opts.cache.Trim()
			defer site.Close()
			g.Targets = true // for Corroborate
			findings := site.TermFindings(isync.Options{Langs: opts.Langs, Paths: paths}, g)
			if g.HasSourceRules() {
				en := g.Matcher(site.Layout.Source)
				site.SourcePages(isync.Options{Paths: paths}, func(p *isync.Page) {
					findings = append(findings, en.CheckSource(p.Doc, p.Path)...)
				})
			}
			findings = glossary.Corroborate(g, findings)
			glossary.SortFindings(findings)
			problems := site.Problems()
			for _, p := range problems {
				fmt.Fprintln(s.Err, formatProblem(p))
			}
			writeTermFindings(s.Out, opts.global.Format, findings)
			if err := problemsError(problems); err != nil {
				return err
			}
			if termsFail(findings, failOn) {
				return errFindings
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&failOn, "fail-on", "warning", "exit 1 on findings of this severity or above: error, warning or none")
	return cmd
}

// termsFail applies --fail-on: info findings never fail.
func termsFail(findings []glossary.Finding, level string) bool {
	min := map[string]glossary.Severity{"error": glossary.Error, "warning": glossary.Warning}[level]
	if level == "none" || min == 0 {
		return false
	}
	for _, f := range findings {
		if f.Severity.Level() >= min {
			return true
		}
	}
	return false
}

// annotationCommand is the GitHub workflow command of a severity.
func annotationCommand(s glossary.Severity) string {
	switch s.Level() {
	case glossary.Error:
		return "error"
	case glossary.Info:
		return "notice"
	}
	return "warning"
}

func writeTermFindings(w io.Writer, format string, findings []glossary.Finding) {
	switch format {
	case "json":
		if findings == nil {
			findings = []glossary.Finding{}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		enc.Encode(struct {
			SchemaVersion int                `json:"schema_version"`
			Findings      []glossary.Finding `json:"findings"`
		}{1, findings})
	case "github":
		for _, f := range findings {
			fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d,title=%s::%s\n", annotationCommand(f.Severity), render.EscapeProperty(f.File), f.Line, f.Column,
				render.EscapeProperty("Glossary: "+f.Rule+" "+f.Term), render.EscapeData(fmt.Sprintf("found %q, expected %q", f.Found, f.Expected)))
		}
	default:
		for _, f := range findings {
			fmt.Fprintf(w, "%s:%d:%d: %s %s %s: found %q, expected %q\n", f.File, f.Line, f.Column, f.Severity, f.Rule, f.Term, f.Found, f.Expected)
		}
	}
}
