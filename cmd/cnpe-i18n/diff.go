package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cnpe-i18n/cnpe-i18n/cmd/cnpe-i18n/render"
	isync "github.com/cnpe-i18n/cnpe-i18n/sync"
)

type diffOptions struct {
	global    *globalOptions
	Root      string
	Path      string
	Langs     []string
	NoHistory bool
	FailOn    string
	NoPager   bool
}

func newCmdDiff(s *streams, global *globalOptions, runF func(*diffOptions) error) *cobra.Command {
	opts := &diffOptions{global: global}
	cmd := &cobra.Command{
		Use:   "diff PATH [--lang L]",
		Short: "Show a translator what changed in the source of one page",
		Long: `Diff is the translator's view of one page: for each unit of the translation
that needs work, what changed in the source since the translation was made
(the English then and now on two labelled lines, and the word diff,
coloured on a terminal), the current translated text and where it is
(file:line). A new source unit says after which translated line it goes;
a removed one names the base version it was in.

On a terminal the text goes through $PAGER ("less -FRX" by default; set
CNPE_I18N_PAGER or PAGER to change it, or use --no-pager), as git does.
--format json writes status's JSON for the page; --fail-on and the exit
codes are status's.

PATH is the source page or one of its translations; with a source page,
--lang picks the translations shown (all by default).`,
		Example: `  cnpe-i18n diff website/content/ja/resources/whitepaper/latest/index.md
  cnpe-i18n diff --lang ko website/content/en/blog/post.md`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Path = args[0]
			if err := global.checkFormat("text", "json"); err != nil {
				return err
			}
			if !slices.Contains(failLevels, opts.FailOn) {
				return usageErrorf("unsupported --fail-on %q (want stale, missing, any or none)", opts.FailOn)
			}
			if runF != nil {
				return runF(opts)
			}
			return runDiff(s, opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Root, "root", "C", ".", "repository root")
	cmd.Flags().StringSliceVar(&opts.Langs, "lang", nil, "translation `languages` (comma-separated)")
	cmd.Flags().BoolVar(&opts.NoHistory, "no-history", false, "do not read git history: bases come from pins only")
	cmd.Flags().StringVar(&opts.FailOn, "fail-on", "stale", "exit 1 on: stale, missing, any or none (as status)")
	cmd.Flags().BoolVar(&opts.NoPager, "no-pager", false, "do not page the output on a terminal")
	return cmd
}

func runDiff(s *streams, opts *diffOptions) error {
	root, paths, cfg, err := openRepo(opts.Root, []string{opts.Path})
	if err != nil {
		return err
	}
	report, err := isync.Status(context.Background(), root, isync.Options{
		Config: cfg, Langs: opts.Langs, Paths: paths, NoHistory: opts.NoHistory,
	})
	if err != nil {
		return err
	}
	var pages []isync.PageReport
	for _, p := range report.Pages {
		if p.Source == paths[0] || p.Translation == paths[0] {
			pages = append(pages, p)
		}
	}
	if len(pages) == 0 {
		return fmt.Errorf("%s: not a page of the site (or no translation in the languages asked)", opts.Path)
	}
	for _, p := range report.Problems {
		fmt.Fprintln(s.Err, formatProblem(p))
	}
	scoped := *report
	scoped.Pages, scoped.Strings = pages, nil
	if opts.global.Format == "json" {
		enc := json.NewEncoder(s.Out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(struct {
			SchemaVersion int                `json:"schema_version"`
			Pages         []isync.PageReport `json:"pages"`
		}{isync.SchemaVersion, pages}); err != nil {
			return err
		}
	} else {
		colour, err := opts.global.colour(s)
		if err != nil {
			return err
		}
		var b bytes.Buffer
		for _, p := range pages {
			printDiff(&b, p, colour)
		}
		if err := page(s, b.Bytes(), opts.NoPager); err != nil {
			return err
		}
	}
	if err := problemsError(report.Problems); err != nil {
		return err
	}
	if failed(scoped.Outline(), opts.FailOn) {
		return errFindings
	}
	return nil
}

func indent(text, prefix string) string {
	return strings.ReplaceAll(render.EscapeLines(strings.TrimSpace(text)), "\n", "\n"+prefix)
}
