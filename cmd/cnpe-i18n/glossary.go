package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cnpe-i18n/cnpe-i18n/cmd/cnpe-i18n/render"
	"github.com/cnpe-i18n/cnpe-i18n/glossary"
	isync "github.com/cnpe-i18n/cnpe-i18n/sync"
	"github.com/cnpe-i18n/cnpe-i18n/sync/site"
)

// defaultGlossary is the glossary file looked for at the repository root.
const defaultGlossary = "cnpe-i18n-glossary.yaml"

type glossaryOptions struct {
	global   *globalOptions
	Root     string
	Glossary string
	Langs    []string
	Paths    []string
}

func newCmdGlossary(s *streams, global *globalOptions) *cobra.Command {
	opts := &glossaryOptions{global: global}
	cmd := &cobra.Command{
		Use:   "glossary check|census|import|export",
		Short: "Check terminology in translations against a glossary",
		Long: `Glossary enforces a community's terms (IDP, golden path, observability, …)
across translations. The glossary is a YAML file, one concept per entry:

  terms:
    - en: golden path              # or a list of English variants
      note: why this rendering
      ja: {use: [ゴールデンパス], allow: [...], avoid: [...]}
    - en: OTel Operator
      keep: true                   # stays verbatim in every language
      exclude: ["**/v1/**"]        # frozen pages are exempt (scope: where it applies)

It is --glossary FILE, else glossary: in cnpe-i18n.yaml, else
cnpe-i18n-glossary.yaml at the root, else the starter glossary shipped with
the tool (this community's terms, proposals to confirm). Terms are matched
on normalized text (full-width folded, Latin case folded) with word
boundaries at Latin edges, substrings at CJK edges, and a kana guard
(テレメトリ does not match in テレメトリー); English plurals, possessives and
hyphen/space variants match too; code, URLs and shortcodes never do.`,
	}
	cmd.PersistentFlags().StringVarP(&opts.Root, "root", "C", ".", "repository root")
	cmd.PersistentFlags().StringVar(&opts.Glossary, "glossary", "", "glossary `file` (YAML)")
	cmd.PersistentFlags().StringSliceVar(&opts.Langs, "lang", nil, "translation `languages` (comma-separated)")
	cmd.AddCommand(newCmdGlossaryCheck(s, opts), newCmdGlossaryCensus(s, opts), newCmdGlossaryExport(s, opts), newCmdGlossaryImport(s, opts))
	return cmd
}

// loadGlossary finds and reads the glossary; starter allows the built-in
// one when no file is configured.
func loadGlossary(root, flag string, cfg site.Config, starter bool) (*glossary.Glossary, error) {
	if flag != "" {
		// The user's own choice: any file.
		data, err := os.ReadFile(flag)
		if err != nil {
			return nil, err
		}
		name := flag
		if rel, err := filepath.Rel(root, flag); err == nil && !strings.HasPrefix(rel, "..") {
			name = filepath.ToSlash(rel)
		}
		return glossary.Parse(name, data)
	}
	// A file the repository names stays inside it.
	rel := cfg.Glossary
	if rel == "" {
		if _, err := os.Lstat(filepath.Join(root, defaultGlossary)); err == nil {
			rel = defaultGlossary
		}
	}
	if rel == "" {
		if !starter {
			return nil, nil
		}
		return glossary.Starter(), nil
	}
	data, err := site.ReadFileIn(root, rel, 0)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", rel, err)
	}
	return glossary.Parse(rel, data)
}

func (o *glossaryOptions) site() (*isync.Site, *glossary.Glossary, []string, error) {
	root, paths, cfg, err := openRepo(o.Root, o.Paths)
	if err != nil {
		return nil, nil, nil, err
	}
	g, err := loadGlossary(root, o.Glossary, cfg, true)
	if err != nil {
		return nil, nil, nil, err
	}
	site, err := isync.Load(context.Background(), root, isync.Options{Config: cfg, Paths: paths})
	if err != nil {
		return nil, nil, nil, err
	}
	return site, g, paths, nil
}

func newCmdGlossaryCheck(s *streams, opts *glossaryOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "check [PATH...] [--glossary FILE] [--lang L] [--format text|json|github]",
		Short: "Report forbidden, missing and lost terms in translations",
		Long: `Check reports, with file, line and column (in runes):

  forbidden  an avoided rendering in a translation
  missing    the source unit aligned with a translated unit has the term,
             the translated unit has fewer of its approved renderings
  keep       a keep-in-English term lost in translation
  source     the English uses a deprecated variant (en_avoid)

JSON: {"schema_version": 1, "findings": [{"rule", "file", "line", "column",
"term", "found", "expected"}]}. Exit 1 when there are findings.`,
		Example: `  cnpe-i18n glossary check --lang ja
  cnpe-i18n glossary check --glossary terms.yaml --format github website/content/ko`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if err := opts.global.checkFormat("text", "json", "github"); err != nil {
				return err
			}
			site, g, paths, err := opts.site()
			if err != nil {
				return err
			}
			defer site.Close()
			var findings []glossary.Finding
			matchers := map[string]*glossary.Matcher{}
			site.ForEachAligned(isync.Options{Langs: opts.Langs, Paths: paths}, func(a isync.AlignedPage) {
				m := matchers[a.Lang]
				if m == nil {
					m = g.Matcher(a.Lang)
					matchers[a.Lang] = m
				}
				findings = append(findings, isync.CheckTerms(m, a)...)
			})
			en := g.Matcher(site.Layout.Source)
			site.SourcePages(isync.Options{Paths: paths}, func(p *isync.Page) {
				findings = append(findings, en.CheckSource(p.Doc, p.Path)...)
			})
			glossary.SortFindings(findings)
			problems := site.Problems()
			for _, p := range problems {
				fmt.Fprintln(s.Err, formatProblem(p))
			}
			writeTermFindings(s.Out, opts.global.Format, findings)
			if err := problemsError(problems); err != nil {
				return err
			}
			if len(findings) > 0 {
				return errFindings
			}
			return nil
		},
	}
}

func writeTermFindings(w io.Writer, format string, findings []glossary.Finding) {
	switch format {
	case "json":
		if findings == nil {
			findings = []glossary.Finding{}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		enc.Encode(struct {
			SchemaVersion int                `json:"schema_version"`
			Findings      []glossary.Finding `json:"findings"`
		}{1, findings})
	case "github":
		for _, f := range findings {
			fmt.Fprintf(w, "::warning file=%s,line=%d,col=%d,title=%s::%s\n", render.EscapeProperty(f.File), f.Line, f.Column,
				render.EscapeProperty("Glossary: "+string(f.Rule)+" "+f.Term), render.EscapeData(fmt.Sprintf("found %q, expected %q", f.Found, f.Expected)))
		}
	default:
		for _, f := range findings {
			fmt.Fprintf(w, "%s:%d:%d: %s %s: found %q, expected %q\n", f.File, f.Line, f.Column, f.Rule, f.Term, f.Found, f.Expected)
		}
	}
}

func newCmdGlossaryCensus(s *streams, opts *glossaryOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "census --lang L [PATH...] [--glossary FILE] [--format text|json]",
		Short: "Count how translations render each term",
		Long: `Census lists, for each term, every known rendering found in the
translations of units whose source has the term, with counts and files;
the aligned units where none of the known renderings occurs; and
renderings that serve two different terms. Use it to decide a glossary's
renderings from what a site really writes.`,
		Example: `  cnpe-i18n glossary census --lang ja`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if err := opts.global.checkFormat("text", "json"); err != nil {
				return err
			}
			if len(opts.Langs) != 1 {
				return usageErrorf("census needs one --lang")
			}
			site, g, paths, err := opts.site()
			if err != nil {
				return err
			}
			defer site.Close()
			c := g.Matcher(opts.Langs[0]).NewCensus()
			site.ForEachAligned(isync.Options{Langs: opts.Langs, Paths: paths}, func(a isync.AlignedPage) { isync.CensusAdd(c, a) })
			c.Finish()
			if opts.global.Format == "json" {
				enc := json.NewEncoder(s.Out)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				return enc.Encode(c)
			}
			printCensus(s.Out, c)
			return nil
		},
	}
}

func printCensus(w io.Writer, c *glossary.Census) {
	for _, t := range c.Terms {
		if t.SourceUnits == 0 {
			continue
		}
		fmt.Fprintf(w, "%s (%d source units)\n", t.Term, t.SourceUnits)
		for _, r := range t.Renderings {
			if r.Count > 0 {
				fmt.Fprintf(w, "  %-6s %-24s %4d  %s\n", r.Status, r.Text, r.Count, strings.Join(r.Files, ", "))
			}
		}
		for _, u := range t.Unmatched {
			fmt.Fprintf(w, "  none   %s:%d  %s\n", u.File, u.Line, render.Excerpt(u.Source, 70))
		}
	}
	for _, cf := range c.Conflicts {
		fmt.Fprintf(w, "conflict: %q renders %s\n", cf.Rendering, strings.Join(cf.Terms, " and "))
	}
}

func newCmdGlossaryExport(s *streams, opts *glossaryOptions) *cobra.Command {
	return &cobra.Command{
		Use:     "export --format tbx|csv|yaml [--glossary FILE]",
		Short:   "Write the glossary as TBX-Basic, CSV or YAML",
		Example: `  cnpe-i18n glossary export --format tbx > glossary.tbx`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.global.checkFormat("tbx", "csv", "yaml"); err != nil {
				return err
			}
			root, _, cfg, err := openRepo(opts.Root, nil)
			if err != nil {
				return err
			}
			g, err := loadGlossary(root, opts.Glossary, cfg, true)
			if err != nil {
				return err
			}
			switch opts.global.Format {
			case "tbx":
				return g.WriteTBX(s.Out)
			case "csv":
				return g.WriteCSV(s.Out)
			}
			return g.WriteYAML(s.Out)
		},
	}
}

func newCmdGlossaryImport(s *streams, opts *glossaryOptions) *cobra.Command {
	return &cobra.Command{
		Use:     "import --format tbx|csv FILE",
		Short:   "Read a TBX-Basic or CSV glossary and print it as YAML",
		Example: `  cnpe-i18n glossary import --format tbx terms.tbx > cnpe-i18n-glossary.yaml`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.global.checkFormat("tbx", "csv"); err != nil {
				return err
			}
			f, err := os.Open(args[0])
			if err != nil {
				return err
			}
			defer f.Close()
			var g *glossary.Glossary
			if opts.global.Format == "tbx" {
				g, err = glossary.ReadTBX(args[0], f)
			} else {
				g, err = glossary.ReadCSV(args[0], f)
			}
			if err != nil {
				return err
			}
			return g.WriteYAML(s.Out)
		},
	}
}
