package main

import (
	"errors"
	"slices"

	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/cnpe-i18n/cnpe-i18n/cmd/cnpe-i18n/render"
	"github.com/cnpe-i18n/cnpe-i18n/parse"
	"github.com/cnpe-i18n/cnpe-i18n/sync/history"
	"github.com/cnpe-i18n/cnpe-i18n/sync/site"

	"github.com/spf13/cobra"

	isync "github.com/cnpe-i18n/cnpe-i18n/sync"
	"github.com/cnpe-i18n/cnpe-i18n/translations"
)

type statusOptions struct {
	global    *globalOptions
	Root      string
	Paths     []string
	Langs     []string
	FailOn    string
	NoHistory bool
	Verbose   bool
	Since     string
	MaxBytes  int
	Glossary  string
	States    []string
	filter    stateFilter
	// AllowIncomplete accepts a report on an incomplete history (exit 0 or
	// 1 as --fail-on says, not 2).
	AllowIncomplete bool
}

// failLevels are the --fail-on values, from strictest to laxest use.
var failLevels = []string{"any", "missing", "stale", "none"}

func newCmdStatus(s *streams, global *globalOptions, runF func(*statusOptions) error) *cobra.Command {
	opts := &statusOptions{global: global}
	cmd := &cobra.Command{
		Use:   "status [PATH...] [--lang L,...] [--format text|json|markdown|github|sarif] [--fail-on stale|missing|any|none]",
		Short: "Report which translated pages and units are stale",
		Long: `Status reads the Hugo site in the repository (its config, languages and
content directories, following symlinks that stay inside the repository),
pairs every source page with its translations and reports, per page and
per unit, what needs work:

  pages   current, stale, stub (front matter only), missing, orphan (the
          source is gone; a likely rename is suggested), untracked (no base)
  units   stale (the source words changed), mechanical (only links, code or
          markup changed: "fix" can carry them), obsolete (the source unit
          was removed), new (a source unit added since the translation)

Each translated unit has its own base, the source version it was made
from: a review record (accept --unit), else the source as it stood in the
tree of the commit that last changed the unit's words (the working tree's
source for uncommitted edits; spacing, width, punctuation and markup
sweeps do not count), with the page pin written by "accept" as the floor.
See docs/provenance.md.

When the clone lacks the history a page's base needs (a shallow clone,
missing objects, no repository), every format says so first, and status
exits 2 unless --allow-incomplete-history: check out with fetch-depth: 0.

The text output is summary first: per language, the share of source pages
translated and current, and the page and unit counts; then the ten pages
with most work (words to redo); then every page that needs work. Missing
pages are only counted unless --state missing or -v asks for them;
--state lists only pages in the given states or with units in them.

PATH limits the report to pages (source or translation) under the paths.
--fail-on sets what exits 1: stale pages (default), also missing pages and
stubs (missing), anything not current (any), or nothing (none).`,
		Example: `  cnpe-i18n status
  cnpe-i18n status --lang ja,ko website/content/en/blog
  cnpe-i18n status --state stale,new -v
  cnpe-i18n status --format json --fail-on none > status.json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if err := global.checkFormat("text", "json", "markdown", "github", "sarif"); err != nil {
				return err
			}
			if !slices.Contains(failLevels, opts.FailOn) {
				return usageErrorf("unsupported --fail-on %q (want stale, missing, any or none)", opts.FailOn)
			}
			var err error
			if opts.filter, err = parseStates(opts.States); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return runStatus(s, opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Root, "root", "C", ".", "repository root")
	cmd.Flags().StringSliceVar(&opts.Langs, "lang", nil, "translation `languages` to check (comma-separated)")
	cmd.Flags().StringVar(&opts.FailOn, "fail-on", "stale", "exit 1 on: stale, missing, any or none")
	cmd.Flags().BoolVar(&opts.NoHistory, "no-history", false, "do not read git history: bases come from pins only")
	cmd.Flags().BoolVarP(&opts.Verbose, "verbose", "v", false, "list every unit that needs work, with the source word diff, and the missing pages")
	cmd.Flags().StringSliceVar(&opts.States, "state", nil, "list only pages in these `states` or with units in them (stale,new,obsolete,missing,…)")
	cmd.Flags().StringVar(&opts.Glossary, "glossary", "", "check terms with this glossary `file` (default: cnpe-i18n-glossary.yaml or glossary: in cnpe-i18n.yaml, when present)")
	cmd.Flags().StringVar(&opts.Since, "since", "", "report only what changed since `ref` (a pull request's merge base) does to translations")
	cmd.Flags().BoolVar(&opts.AllowIncomplete, "allow-incomplete-history", false, "do not exit 2 when the clone lacks the history some pages' bases need (it is still reported first)")
	cmd.Flags().IntVar(&opts.MaxBytes, "max-comment-bytes", render.MaxCommentBytes, "size limit of --format markdown (GitHub's comment limit)")
	return cmd
}

func runStatus(s *streams, opts *statusOptions) error {
	root, sopts, err := statusInputs(opts.Root, opts.Paths, opts.Langs, opts.NoHistory, opts.Glossary)
	if err != nil {
		return err
	}
	if opts.Since != "" {
		cs, err := history.ChangedSince(context.Background(), root, opts.Since)
		if err != nil {
			return err
		}
		sopts.Since = cs
		if len(sopts.Paths) > 0 {
			sopts.Paths = intersectPaths(cs.Paths, sopts.Paths)
		} else {
			sopts.Paths = cs.Paths
		}
	}
	sopts.Cache = openCache(root, opts.global.NoCache)
	defer sopts.Cache.Trim()
	if opts.global.Format == "json" && sopts.Cache != nil {
		return runStatusJSON(s, opts, root, sopts)
	}
	report, err := isync.Status(context.Background(), root, sopts)
	if err != nil {
		return err
	}
	sum := summarize(report.Outline(), opts.FailOn)
	sum.print(s)
	switch opts.global.Format {
	case "json":
		if err := isync.WriteJSON(s.Out, report); err != nil {
			return err
		}
	case "markdown":
		if _, err := io.WriteString(s.Out, render.Comment(report, render.GitHubLinker(os.Getenv("GITHUB_SERVER_URL"), os.Getenv("GITHUB_REPOSITORY"), os.Getenv("GITHUB_SHA")), opts.MaxBytes)); err != nil {
			return err
		}
	case "github":
		render.Annotations(s.Out, report)
	case "sarif":
		if err := render.SARIF(s.Out, report, versionString()); err != nil {
			return err
		}
	default:
		colour, err := opts.global.colour(s)
		if err != nil {
			return err
		}
		printStatus(s.Out, report, colour, opts.Verbose, opts.filter)
	}
	return sum.verdict(opts)
}

// statusSummary is what status needs of a report besides its output: the
// lines for stderr and the exit status. The JSON output is cached with it.
type statusSummary struct {
	Notes      []string            `json:"notes,omitempty"`
	Problems   []isync.FileProblem `json:"problems,omitempty"`
	Incomplete bool                `json:"incomplete,omitempty"`
	Message    string              `json:"message,omitempty"`
	Failed     bool                `json:"failed,omitempty"`
}

func summarize(r *isync.Outline, failOn string) statusSummary {
	return statusSummary{Notes: r.Notes, Problems: r.Problems, Incomplete: r.History.IncompleteHistory(),
		Message: r.History.Message, Failed: failed(r, failOn)}
}

// print writes the notes and problems to stderr.
func (sum statusSummary) print(s *streams) {
	for _, n := range sum.Notes {
		fmt.Fprintln(s.Err, "cnpe-i18n: note: "+n)
	}
	for _, p := range sum.Problems {
		fmt.Fprintln(s.Err, formatProblem(p))
	}
}

// verdict is the run's outcome: problems, incomplete history, findings.
func (sum statusSummary) verdict(opts *statusOptions) error {
	if err := problemsError(sum.Problems); err != nil {
		return err
	}
	if sum.Incomplete && !opts.AllowIncomplete {
		return fmt.Errorf("%s (--allow-incomplete-history to accept this report)", sum.Message)
	}
	if sum.Failed {
		return errFindings
	}
	return nil
}

// runStatusJSON is status --format json through the cache: a run on a
// repository where nothing changed writes the output of the last one
// without making the report again, and a run after a change splices the
// JSON of the pages that did not change (isync.StatusJSON).
func runStatusJSON(s *streams, opts *statusOptions, root string, sopts isync.Options) error {
	summary, out, err := isync.StatusJSON(context.Background(), root, sopts, "status json "+opts.FailOn,
		func(o *isync.Outline) ([]byte, error) {
			return json.Marshal(summarize(o, opts.FailOn))
		})
	if err != nil {
		return err
	}
	defer out.Close()
	var sum statusSummary
	if err := json.Unmarshal(summary, &sum); err != nil {
		return err
	}
	sum.print(s)
	if _, err := io.Copy(s.Out, out); err != nil {
		return err
	}
	return sum.verdict(opts)
}

// openRepo resolves the repository root and the paths (resolveRoot) and
// reads its configuration file.
// statusInputs opens the repository and gathers what a status run reads:
// the configuration, the scoped paths and languages, and the glossary.
// status and report share it.
func statusInputs(rootFlag string, args, langs []string, noHistory bool, glossaryFlag string) (string, isync.Options, error) {
	root, paths, cfg, err := openRepo(rootFlag, args)
	if err != nil {
		return "", isync.Options{}, err
	}
	sopts := isync.Options{Config: cfg, Langs: langs, Paths: paths, NoHistory: noHistory}
	if sopts.Glossary, err = loadGlossary(root, glossaryFlag, cfg, false); err != nil {
		return "", isync.Options{}, err
	}
	return root, sopts, nil
}

func openRepo(root string, paths []string) (string, []string, site.Config, error) {
	root, rel, err := resolveRoot(root, paths)
	if err != nil {
		return "", nil, site.Config{}, err
	}
	// A repository git refuses to read would pass for one without
	// history, and every page would come out untracked.
	if err := history.Check(context.Background(), root); err != nil {
		return "", nil, site.Config{}, err
	}
	cfg, err := site.LoadConfig(root)
	if err != nil {
		return "", nil, site.Config{}, err
	}
	// The paths the repository's configuration names stay inside it.
	if err := cfg.CheckPaths(root); err != nil {
		return "", nil, site.Config{}, err
	}
	return root, rel, cfg, nil
}

// resolveRoot finds the repository root and makes the paths relative to
// it. With -C (root other than "."), relative paths are relative to the
// root, as with git -C; otherwise the root is the top of the git work tree
// around the working directory (or the working directory) and relative
// paths are relative to the working directory.
func resolveRoot(root string, paths []string) (string, []string, error) {
	explicit := root != "" && root != "."
	abs, err := filepath.Abs(root)
	if err != nil {
		return "", nil, err
	}
	if info, err := os.Stat(abs); err != nil || !info.IsDir() {
		return "", nil, fmt.Errorf("%s: not a directory", root)
	}
	base := abs
	if !explicit {
		abs = history.WorkTreeRoot(context.Background(), abs)
	}
	var rel []string
	for _, p := range paths {
		ap := p
		if !filepath.IsAbs(ap) {
			ap = filepath.Join(base, ap)
		}
		r, err := filepath.Rel(abs, ap)
		if err != nil || r == ".." || strings.HasPrefix(r, "../") {
			return "", nil, usageErrorf("%s is outside the repository root %s", p, abs)
		}
		if _, err := os.Lstat(ap); err != nil {
			return "", nil, usageErrorf("%s: no such file or directory", p)
		}
		rel = append(rel, filepath.ToSlash(r))
	}
	return abs, rel, nil
}

// formatProblem is a problem as one line, file:line:col: message, with
// the file name and message escaped (a line break in a file name must not
// start a line of its own).
func formatProblem(p isync.FileProblem) string {
	return render.EscapeText((&parse.Error{Path: p.Path, Line: p.Line, Col: p.Column, Err: errors.New(p.Message)}).Error())
}

// failed applies --fail-on to a report: stale pages and strings fail
// "stale"; missing pages, stubs and missing strings also fail "missing";
// anything not current fails "any".
func failed(r *isync.Outline, level string) bool {
	for _, e := range r.Strings {
		switch {
		case level == "any" && e.State != translations.Current,
			(level == "stale" || level == "missing") && e.State == translations.Stale,
			level == "missing" && e.State == translations.Missing:
			return true
		}
	}
	for _, p := range r.Pages {
		switch level {
		case "stale":
			if p.State == isync.PageStale {
				return true
			}
		case "missing":
			if p.State == isync.PageStale || p.State == isync.PageMissing || p.State == isync.PageStub {
				return true
			}
		case "any":
			if p.State != isync.PageCurrent || p.Units > 0 {
				return true
			}
		}
	}
	return false
}

func short(s string) string {
	if len(s) > 10 {
		return s[:10]
	}
	return s
}

// printStrings writes, per language, the UI strings and configuration
// strings that are not current.
func printStrings(w io.Writer, r *isync.Report, colour bool) {
	for _, lang := range r.Languages {
		var lines []string
		counts := map[translations.State]int{}
		for _, e := range r.Strings {
			if e.Lang != lang {
				continue
			}
			counts[e.State]++
			if e.State == translations.Current {
				continue
			}
			state := e.State.String()
			if e.State == translations.Stale || e.State == translations.Missing {
				state = render.Paint(colour, render.ANSIRed, state)
			}
			line := fmt.Sprintf("    %-12s %s:%d  %s", state, render.EscapeText(e.File), e.Line, render.EscapeText(e.Key))
			switch e.State {
			case translations.Stale:
				line += fmt.Sprintf("  (source %q was %q)", render.Excerpt(e.Source, 40), render.Excerpt(e.SourceBefore, 40))
			case translations.Missing:
				line += fmt.Sprintf("  (source %q)", render.Excerpt(e.Source, 40))
			case translations.Untranslated:
				line += fmt.Sprintf("  (%q: %s)", render.Excerpt(e.Text, 40), e.Why)
			}
			lines = append(lines, line)
		}
		if len(lines) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s strings: %d current, %d stale, %d missing, %d untranslated, %d extra\n", lang,
			counts[translations.Current], counts[translations.Stale], counts[translations.Missing], counts[translations.Untranslated], counts[translations.Extra])
		for _, l := range lines {
			fmt.Fprintln(w, l)
		}
	}
}

// intersectPaths keeps the changed paths under one of the given paths.
func intersectPaths(changed, under []string) []string {
	var out []string
	for _, c := range changed {
		for _, u := range under {
			u = strings.TrimSuffix(u, "/")
			if c == u || strings.HasPrefix(c, u+"/") || u == "." {
				out = append(out, c)
				break
			}
		}
	}
	return out
}
