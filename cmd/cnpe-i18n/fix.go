package main

import (
	"github.com/spf13/cobra"

	isync "github.com/cnpe-i18n/cnpe-i18n/sync"
	"github.com/cnpe-i18n/cnpe-i18n/sync/edit"
)

type fixOptions struct {
	writeOptions
	Paths []string
}

func newCmdFix(s *streams, runF func(*fixOptions) error) *cobra.Command {
	opts := &fixOptions{}
	cmd := &cobra.Command{
		Use:   "fix [PATH...] [--lang L] [--write]",
		Short: "Carry link, code and metadata changes of the source into translations",
		Long: `Fix carries mechanical source changes into translations: changed link and
image targets, inline code and code blocks, shortcode arguments, and
front matter values that are not translated. Prose is never touched.

Where the translation does not hold the old value verbatim (a localized
URL such as /ja/docs/..., translated code comments) it is left as it is
and reported as needing a person, with file and line.

Without --write the changes are printed as a unified diff (exit 1 when
there is something to do).`,
		Example: `  cnpe-i18n fix --write
  cnpe-i18n fix website/content/ja/docs/getting-started.md`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if runF != nil {
				return runF(opts)
			}
			return runPlan(s, &opts.writeOptions, opts.Paths, func(site *isync.Site, paths []string) ([]edit.FileEdit, []edit.Note) {
				return site.PlanFix(opts.Langs, paths)
			})
		},
	}
	addWriteFlags(cmd, &opts.writeOptions)
	return cmd
}
