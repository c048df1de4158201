package main

import (
	"github.com/spf13/cobra"

	isync "github.com/cnpe-i18n/cnpe-i18n/sync"
	"github.com/cnpe-i18n/cnpe-i18n/sync/edit"
)

type stubOptions struct {
	writeOptions
	Paths []string
}

func newCmdStub(s *streams, runF func(*stubOptions) error) *cobra.Command {
	opts := &stubOptions{}
	cmd := &cobra.Command{
		Use:   "stub [PATH...] [--lang L,...] [--write]",
		Short: "Create front-matter-only stubs for pages missing in a language",
		Long: `Stub creates, for every source page missing in a language, the stub such
sites expect so the page does not 404 there: front matter only, in the
source page's syntax, with the source's title, outdated: true, and
list_pages: true for _index.md. What goes into a stub is set in
cnpe-i18n.yaml:

  stub:
    copy: [title, type, url]     # source keys copied
    set: {outdated: true}        # fields of every stub
    index: {list_pages: true}    # fields of _index.md stubs

A second run changes nothing. Without --write the new files are printed
as a unified diff (exit 1 when there is something to do).`,
		Example: `  cnpe-i18n stub --lang ja,ko --write`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if runF != nil {
				return runF(opts)
			}
			return runPlan(s, &opts.writeOptions, opts.Paths, func(site *isync.Site, paths []string) ([]edit.FileEdit, []edit.Note) {
				return site.PlanStub(opts.Langs, paths), nil
			})
		},
	}
	addWriteFlags(cmd, &opts.writeOptions)
	return cmd
}
