package main

import (
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	isync "github.com/cnpe-i18n/cnpe-i18n/sync"
	"github.com/cnpe-i18n/cnpe-i18n/sync/edit"
)

type acceptOptions struct {
	writeOptions
	Paths    []string
	All      bool
	Inferred bool
	// Units are unit IDs of the one translation in Paths (--unit).
	Units []string
	// Lines are, per path, the line of FILE:LINE (0 for none).
	Lines []int
}

func newCmdAccept(s *streams, runF func(*acceptOptions) error) *cobra.Command {
	opts := &acceptOptions{}
	cmd := &cobra.Command{
		Use:   "accept PATH... [--lang L] [--all] [--inferred] [--write]\n  cnpe-i18n accept FILE --unit ID... | FILE:LINE... [--write]",
		Short: "Record that translations are in step with their source",
		Long: `Accept pins translations to their source: it writes the git blob id of the
current source file into the translation's front matter (cnpe_i18n_source,
in the page's own YAML, TOML or JSON) and removes outdated: true. From then
on the pin, not history, is the base: later commits to the translation
(typo fixes, format sweeps) never hide drift, and squash merges do not
break it.

PATH is a translation, a source page (all its translations, or those of
--lang), or a directory. --all accepts every translation. --inferred pins
every translation whose base was inferred from history to that inferred
base, so that a repository is bootstrapped in one command without hiding
what is stale.

Review without editing: FILE --unit ID (the unit's ID as status --verbose
or --format json shows it) or FILE:LINE (the unit on that line of the
translation) records that one unit was reviewed against the current source
and needs no change. The record is the source unit's text fingerprint, kept
in the translation's front matter (cnpe_i18n_reviewed, fingerprints
separated by spaces): it survives squash merges and rebases, and lapses when
that source unit changes again.

Without --write the changes are printed as a unified diff (exit 1 when
there is something to do). Only the front matter lines of the pin, of the
review records and of outdated change; every other byte is kept.`,
		Example: `  cnpe-i18n accept website/content/ko/resources/whitepaper/latest/index.md --write
  cnpe-i18n accept --inferred --write
  cnpe-i18n accept content/ja/docs/setup.md --unit install/paragraph-2 --write
  cnpe-i18n accept content/ja/docs/setup.md:42 --write`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths, opts.Lines = splitLines(args)
			if len(args) == 0 && !opts.All && !opts.Inferred {
				return usageErrorf("accept needs PATH, --all or --inferred")
			}
			if opts.reviewing() {
				if opts.All || opts.Inferred {
					return usageErrorf("--unit and FILE:LINE review units of one translation; they do not go with --all or --inferred")
				}
				for i, l := range opts.Lines {
					if l == 0 && len(opts.Units) == 0 {
						return usageErrorf("%s: give FILE:LINE or --unit ID for every translation, or accept whole pages in a separate run", opts.Paths[i])
					}
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return runAccept(s, opts)
		},
	}
	addWriteFlags(cmd, &opts.writeOptions)
	cmd.Flags().BoolVar(&opts.All, "all", false, "accept every translation")
	cmd.Flags().BoolVar(&opts.Inferred, "inferred", false, "pin every translation whose base was inferred to that base")
	cmd.Flags().StringSliceVar(&opts.Units, "unit", nil, "record that these units (IDs) of FILE were reviewed against the current source")
	return cmd
}

func (o *acceptOptions) reviewing() bool {
	return len(o.Units) > 0 || slices.ContainsFunc(o.Lines, func(l int) bool { return l > 0 })
}

// splitLines takes FILE:LINE arguments apart; a path without a line has 0.
func splitLines(args []string) ([]string, []int) {
	paths := make([]string, len(args))
	lines := make([]int, len(args))
	for i, a := range args {
		paths[i] = a
		if c := strings.LastIndexByte(a, ':'); c > 0 {
			if n, err := strconv.Atoi(a[c+1:]); err == nil && n > 0 {
				paths[i], lines[i] = a[:c], n
			}
		}
	}
	return paths, lines
}

func runAccept(s *streams, opts *acceptOptions) error {
	return runPlan(s, &opts.writeOptions, opts.Paths, func(site *isync.Site, paths []string) ([]edit.FileEdit, []edit.Note) {
		if opts.reviewing() {
			var refs []isync.UnitRef
			for i, p := range paths {
				if opts.Lines[i] > 0 {
					refs = append(refs, isync.UnitRef{Path: p, Line: opts.Lines[i]})
				}
				for _, id := range opts.Units {
					refs = append(refs, isync.UnitRef{Path: p, ID: id})
				}
			}
			return site.PlanReview(refs)
		}
		return site.PlanAccept(isync.AcceptOptions{Paths: paths, Langs: opts.Langs, All: opts.All, Inferred: opts.Inferred})
	})
}
