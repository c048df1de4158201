package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/cnpe-i18n/cnpe-i18n/cmd/cnpe-i18n/render"
	isync "github.com/cnpe-i18n/cnpe-i18n/sync"
	"github.com/cnpe-i18n/cnpe-i18n/sync/edit"
)

// writeOptions are the flags of every command that writes.
type writeOptions struct {
	Root   string
	Write  bool
	DryRun bool
	Langs  []string
}

func addWriteFlags(cmd *cobra.Command, o *writeOptions) {
	cmd.Flags().StringVarP(&o.Root, "root", "C", ".", "repository root")
	cmd.Flags().BoolVar(&o.Write, "write", false, "write the changes (atomically); without it, print them as a unified diff")
	cmd.Flags().BoolVar(&o.DryRun, "dry-run", false, "print the changes as a unified diff and write nothing (the default)")
	cmd.Flags().StringSliceVar(&o.Langs, "lang", nil, "translation `languages` (comma-separated)")
	cmd.MarkFlagsMutuallyExclusive("write", "dry-run")
}

// runPlan is the whole of a write command: find the root, load the site,
// make the plan, then print or apply it.
func runPlan(s *streams, o *writeOptions, args []string, plan func(site *isync.Site, paths []string) ([]edit.FileEdit, []edit.Note)) error {
	root, paths, cfg, err := openRepo(o.Root, args)
	if err != nil {
		return err
	}
	site, err := isync.Load(context.Background(), root, isync.Options{Config: cfg})
	if err != nil {
		return err
	}
	defer site.Close()
	edits, notes := plan(site, paths)
	return finishPlan(s, o, root, site, edits, notes)
}

// finishPlan prints or applies a plan. A dry run exits 1 when there is
// something to do; a write exits 2 when an edit was refused.
func finishPlan(s *streams, o *writeOptions, root string, site *isync.Site, edits []edit.FileEdit, notes []edit.Note) error {
	problems := site.Problems()
	for _, p := range problems {
		fmt.Fprintln(s.Err, formatProblem(p))
	}
	for _, n := range notes {
		if n.Line > 0 {
			fmt.Fprintf(s.Err, "%s:%d: %s\n", render.EscapeText(n.Path), n.Line, render.EscapeText(n.Message))
		} else {
			fmt.Fprintf(s.Err, "%s: %s\n", render.EscapeText(n.Path), render.EscapeText(n.Message))
		}
	}
	if !o.Write {
		for _, e := range edits {
			fmt.Fprintf(s.Out, "# %s\n%s", e.Reason, edit.UnifiedDiff(e))
		}
		if len(edits) > 0 {
			fmt.Fprintf(s.Err, "%d file(s) to change; run again with --write to write them\n", len(edits))
		}
		if err := problemsError(problems); err != nil {
			return err
		}
		if len(edits) > 0 {
			return errFindings
		}
		return nil
	}
	errs := edit.Apply(root, edits)
	for _, err := range errs {
		fmt.Fprintln(s.Err, render.EscapeText(err.Error()))
	}
	fmt.Fprintf(s.Out, "wrote %d file(s)\n", len(edits)-len(errs))
	if n := len(errs) + len(problems); n > 0 {
		return &inputErrors{n: n}
	}
	return nil
}
