package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
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
}

func newCmdDiff(s *streams, global *globalOptions, runF func(*diffOptions) error) *cobra.Command {
	opts := &diffOptions{global: global}
	cmd := &cobra.Command{
		Use:   "diff PATH [--lang L]",
		Short: "Show a translator what changed in the source of one page",
		Long: `Diff is the translator's view of one page: for each unit of the translation
that needs work, what changed in the source since the translation was made
(a word diff, coloured on a terminal), the current translated text and
where it is (file:line).

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
			if runF != nil {
				return runF(opts)
			}
			return runDiff(s, opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Root, "root", "C", ".", "repository root")
	cmd.Flags().StringSliceVar(&opts.Langs, "lang", nil, "translation `languages` (comma-separated)")
	cmd.Flags().BoolVar(&opts.NoHistory, "no-history", false, "do not read git history: bases come from pins only")
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
	if opts.global.Format == "json" {
		enc := json.NewEncoder(s.Out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(struct {
			SchemaVersion int                `json:"schema_version"`
			Pages         []isync.PageReport `json:"pages"`
		}{isync.SchemaVersion, pages})
	}
	colour, err := opts.global.colour(s)
	if err != nil {
		return err
	}
	for _, p := range pages {
		printDiff(s.Out, p, colour)
	}
	for _, p := range pages {
		if p.State != isync.PageCurrent {
			return errFindings
		}
	}
	return nil
}

func printDiff(w io.Writer, p isync.PageReport, colour bool) {
	p.Translation, p.Source = render.EscapeText(p.Translation), render.EscapeText(p.Source)
	fmt.Fprintf(w, "%s %s (%s)\n", render.Paint(colour, render.ANSIBold, p.Translation), "["+p.Lang+"]", p.State)
	if p.Base != nil {
		switch {
		case p.Base.Kind == isync.BaseNone:
			fmt.Fprintf(w, "  base unknown: %s\n", p.Base.Message)
		case p.Base.Current:
			fmt.Fprintf(w, "  translated from the current source (%s)\n", p.Base.Kind)
		default:
			fmt.Fprintf(w, "  translated from %s at %s (%s, confidence %.2f)\n", p.Source, short(p.Base.Commit), p.Base.Kind, p.Base.Confidence)
		}
	}
	if p.State == isync.PageMissing || p.State == isync.PageOrphan || p.State == isync.PageStub {
		fmt.Fprintln(w)
		return
	}
	for _, u := range p.Units {
		fmt.Fprintln(w)
		switch u.State {
		case isync.UnitNew, isync.UnitUntranslated:
			fmt.Fprintf(w, "  %s  %s:%d  %s\n", u.State, p.Source, u.SourceLine, u.ID)
			fmt.Fprintf(w, "    + %s\n", indent(u.SourceAfter, "      "))
			continue
		}
		fmt.Fprintf(w, "  %s  %s:%s  %s (source %s:%d)\n", u.State, p.Translation, lineSpan(u.Line, u.EndLine), u.ID, p.Source, u.SourceLine)
		switch {
		case len(u.Words) > 0:
			fmt.Fprintf(w, "    source: %s\n", render.WordDiff(u.Words, colour))
		case u.State == isync.UnitObsolete:
			fmt.Fprintf(w, "    source removed: %s\n", render.Excerpt(u.SourceBefore, 200))
		case u.SourceBefore != u.SourceAfter:
			fmt.Fprintf(w, "    source was: %s\n    source now: %s\n", render.Excerpt(u.SourceBefore, 200), render.Excerpt(u.SourceAfter, 200))
		}
		fmt.Fprintf(w, "    translation: %s\n", indent(u.Text, "      "))
	}
	fmt.Fprintln(w)
}

func indent(text, prefix string) string {
	return strings.ReplaceAll(render.EscapeLines(strings.TrimSpace(text)), "\n", "\n"+prefix)
}
