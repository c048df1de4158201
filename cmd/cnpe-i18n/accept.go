package main

import (
	"github.com/spf13/cobra"

	isync "github.com/cnpe-i18n/cnpe-i18n/sync"
	"github.com/cnpe-i18n/cnpe-i18n/sync/edit"
)

type acceptOptions struct {
	writeOptions
	Paths    []string
	All      bool
	Inferred bool
}

func newCmdAccept(s *streams, runF func(*acceptOptions) error) *cobra.Command {
	opts := &acceptOptions{}
	cmd := &cobra.Command{
		Use:   "accept PATH... [--lang L] [--all] [--inferred] [--write]",
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

Without --write the changes are printed as a unified diff (exit 1 when
there is something to do). Only the front matter lines of the pin and of
outdated change; every other byte is kept.`,
		Example: `  cnpe-i18n accept website/content/ko/resources/whitepaper/latest/index.md --write
  cnpe-i18n accept --inferred --write`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if len(args) == 0 && !opts.All && !opts.Inferred {
				return usageErrorf("accept needs PATH, --all or --inferred")
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
	return cmd
}

func runAccept(s *streams, opts *acceptOptions) error {
	return runPlan(s, &opts.writeOptions, opts.Paths, func(site *isync.Site, paths []string) ([]edit.FileEdit, []edit.Note) {
		return site.PlanAccept(isync.AcceptOptions{Paths: paths, Langs: opts.Langs, All: opts.All, Inferred: opts.Inferred})
	})
}
