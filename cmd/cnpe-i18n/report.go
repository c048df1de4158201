package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cnpe-i18n/cnpe-i18n/cmd/cnpe-i18n/render"
	isync "github.com/cnpe-i18n/cnpe-i18n/sync"
)

type reportOptions struct {
	global    *globalOptions
	Root      string
	Out       string
	Paths     []string
	Langs     []string
	NoHistory bool
	Glossary  string
	Repo      string
	Ref       string
	Server    string
}

func newCmdReport(s *streams, global *globalOptions, runF func(*reportOptions) error) *cobra.Command {
	opts := &reportOptions{global: global}
	cmd := &cobra.Command{
		Use:   "report --out DIR [PATH...] [--lang L,...]",
		Short: "Write a static HTML report of the translation status",
		Long: `Report writes the translation status as static HTML files into DIR: an
index with every language's translated and current percentages, stale
pages and words to redo, and the pages ranked by work; one file per
language listing its pages; one file per page that needs work, with every
stale, new and obsolete unit (the English then and now with the change
marked, beside the current translation); and the UI strings that are not
current. The files need no server and make no external requests: open
index.html from the file system or publish DIR on GitHub Pages.

Lines link to GitHub when the repository is known: --repo OWNER/NAME and
--ref (a full commit SHA), by default GITHUB_REPOSITORY and GITHUB_SHA as
set by GitHub Actions. The report is written whatever the findings: the
exit code is 0 unless something could not be read or written.`,
		Example: `  cnpe-i18n report --out site-report
  cnpe-i18n report --out public --repo cncf/tag-app-delivery --ref "$(git rev-parse HEAD)" --lang ja,ko`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if opts.Out == "" {
				return usageErrorf("report needs --out DIR")
			}
			if runF != nil {
				return runF(opts)
			}
			return runReport(s, opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Root, "root", "C", ".", "repository root")
	cmd.Flags().StringVarP(&opts.Out, "out", "o", "", "`directory` to write the report into (created if needed)")
	cmd.Flags().StringSliceVar(&opts.Langs, "lang", nil, "translation `languages` to report (comma-separated)")
	cmd.Flags().BoolVar(&opts.NoHistory, "no-history", false, "do not read git history: bases come from pins only")
	cmd.Flags().StringVar(&opts.Glossary, "glossary", "", "check terms with this glossary `file`")
	cmd.Flags().StringVar(&opts.Repo, "repo", os.Getenv("GITHUB_REPOSITORY"), "GitHub repository `OWNER/NAME` for line links")
	cmd.Flags().StringVar(&opts.Ref, "ref", os.Getenv("GITHUB_SHA"), "commit (full SHA) the line links point at")
	cmd.Flags().StringVar(&opts.Server, "server", os.Getenv("GITHUB_SERVER_URL"), "GitHub server `URL` (https only)")
	return cmd
}

func runReport(s *streams, opts *reportOptions) error {
	root, sopts, err := statusInputs(opts.Root, opts.Paths, opts.Langs, opts.NoHistory, opts.Glossary)
	if err != nil {
		return err
	}
	sopts.Cache = openCache(root, opts.global.NoCache)
	defer sopts.Cache.Trim()
	report, err := isync.Status(context.Background(), root, sopts)
	if err != nil {
		return err
	}
	for _, p := range report.Problems {
		fmt.Fprintln(s.Err, formatProblem(p))
	}
	linker := render.GitHubLinker(opts.Server, opts.Repo, opts.Ref)
	out, err := filepath.Abs(opts.Out)
	if err != nil {
		return err
	}
	n := 0
	err = render.HTML(report, linker, func(name string, data []byte) error {
		file := filepath.Join(out, filepath.FromSlash(name))
		if !strings.HasPrefix(file, out+string(filepath.Separator)) {
			return fmt.Errorf("report file %q outside %s", name, out)
		}
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			return err
		}
		n++
		return os.WriteFile(file, data, 0o644)
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(s.Err, "wrote %d files to %s (open %s)\n", n, opts.Out, filepath.Join(opts.Out, "index.html"))
	return problemsError(report.Problems)
}
