package main

import (
	"github.com/spf13/cobra"

	isync "github.com/cnpe-i18n/cnpe-i18n/sync"
	"github.com/cnpe-i18n/cnpe-i18n/sync/edit"
)

type markOptions struct {
	writeOptions
	Paths []string
}

func newCmdMark(s *streams, runF func(*markOptions) error) *cobra.Command {
	opts := &markOptions{}
	cmd := &cobra.Command{
		Use:   "mark [PATH...] [--lang L] [--write]",
		Short: "Set outdated: true on stale translations",
		Long: `Mark brings the site's own banner flag in line with reality: it sets
outdated: true in the front matter of translations that are stale or
stubs, the flag Hugo sites use to show a "Translation Needed" banner.
Current pages are left alone; accept clears the flag.

Without --write the changes are printed as a unified diff (exit 1 when
there is something to do).`,
		Example: `  cnpe-i18n mark --write
  cnpe-i18n mark --lang ja website/content/ja/blog`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if runF != nil {
				return runF(opts)
			}
			return runPlan(s, &opts.writeOptions, opts.Paths, func(site *isync.Site, paths []string) ([]edit.FileEdit, []edit.Note) {
				return site.PlanMark(opts.Langs, paths), nil
			})
		},
	}
	addWriteFlags(cmd, &opts.writeOptions)
	return cmd
}
