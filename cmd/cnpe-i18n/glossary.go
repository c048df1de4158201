package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/cnpe-i18n/cnpe-i18n/cmd/cnpe-i18n/render"
	"github.com/cnpe-i18n/cnpe-i18n/glossary"
	"github.com/cnpe-i18n/cnpe-i18n/internal/cache"
	isync "github.com/cnpe-i18n/cnpe-i18n/sync"
	"github.com/cnpe-i18n/cnpe-i18n/sync/site"
)

// defaultGlossary is the glossary file looked for at the repository root.
const defaultGlossary = "cnpe-i18n-glossary.yaml"

type glossaryOptions struct {
	global    *globalOptions
	Root      string
	Glossary  string
	Langs     []string
	Paths     []string
	NoHistory bool
	// cache is the store site opened (nil without one); the command trims
	// it when done, as status does.
	cache *cache.Store
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
    - en: Deployment
      case: sensitive              # the API kind, not "deployment"
      unless: {sentence_start: true}
      severity: error              # error, warning (default) or info (never fails)
      ko: {use: [디플로이먼트], first: "{use}({en})"}   # 디플로이먼트(Deployment) once
    - name: no long-vowel mark for -ty
      rule: {lang: ja, words: katakana, endings: {ティー: ティ}, min_morae: 3}

It is --glossary FILE, else glossary: in cnpe-i18n.yaml, else
cnpe-i18n-glossary.yaml at the root, else the starter glossary shipped with
the tool (this community's terms, proposals to confirm). Terms are matched
on normalized text (full-width folded, Latin case folded) with word
boundaries at Latin edges, substrings at CJK edges, and a kana guard
(テレメトリ does not match in テレメトリー); English plurals, possessives and
hyphen/space variants match too; code, URLs and shortcodes never do. A
longer term wins its span (pull request over request); identifiers, paths
and names in prose are not terms. The format, conditions and checks are in
docs/glossary.md.`,
	}
	cmd.PersistentFlags().StringVarP(&opts.Root, "root", "C", ".", "repository root")
	cmd.PersistentFlags().StringVar(&opts.Glossary, "glossary", "", "glossary `file` (YAML)")
	cmd.PersistentFlags().StringSliceVar(&opts.Langs, "lang", nil, "translation `languages` (comma-separated)")
	cmd.PersistentFlags().BoolVar(&opts.NoHistory, "no-history", false, "do not read git history: align translations with their pinned base or the current source")
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
	o.cache = openCache(root, o.global.NoCache)
	site, err := isync.Load(context.Background(), root, isync.Options{Config: cfg, Paths: paths, Langs: o.Langs, LazyHistory: true, TranslationHistory: true, NoHistory: o.NoHistory,
		Cache: o.cache})
	if err != nil {
		return nil, nil, nil, err
	}
	return site, g, paths, nil
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
			defer opts.cache.Trim()
			defer site.Close()
			c := g.Matcher(opts.Langs[0]).NewCensus()
			var mu sync.Mutex
			site.ForEachAligned(isync.Options{Langs: opts.Langs, Paths: paths}, func(a isync.AlignedPage) {
				mu.Lock()
				defer mu.Unlock()
				isync.CensusAdd(c, a)
			})
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
