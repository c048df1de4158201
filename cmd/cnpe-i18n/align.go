package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/cnpe-i18n/cnpe-i18n/cmd/cnpe-i18n/render"
	"github.com/cnpe-i18n/cnpe-i18n/parse"
	"github.com/cnpe-i18n/cnpe-i18n/sync/align"
)

type alignOptions struct {
	global      *globalOptions
	Root        string // -C: relative paths are relative to it
	Source      string
	Translation string
}

func newCmdAlign(s *streams, global *globalOptions, runF func(*alignOptions) error) *cobra.Command {
	opts := &alignOptions{global: global}
	cmd := &cobra.Command{
		Use:   "align SOURCE TRANSLATION",
		Short: "Show which translated units render which source units",
		Long: `Align pairs the units of a source page with the units of its translation,
the way status does before it says which translated units are stale:
front matter fields by key, body units by dynamic programming over the two
sequences (one to one, one to none, two to one and one to two), scored on
unit kinds, shared anchors (URLs, numbers, code, image paths), Latin words
kept in the translation and the length ratio. List items and table rows
that the translation puts in another order pair by the links, code and
names only they share.

JSON: {"schema_version": 1, "pairs": [{"source": [{"id", "kind", "line"}],
"target": [{"id", "kind", "line"}]}]}; a unit without counterpart has an
empty side.`,
		Example: `  cnpe-i18n align content/en/docs/intro.md content/ja/docs/intro.md
  cnpe-i18n align --format json content/en/blog/post.md content/ko/blog/post.md`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			paths := inDir(opts.Root, args)
			opts.Source, opts.Translation = paths[0], paths[1]
			if err := global.checkFormat("text", "json"); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return runAlign(s, opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Root, "root", "C", ".", "run as if started in `dir`: relative paths are relative to it")
	return cmd
}

type alignUnit struct {
	ID   string     `json:"id"`
	Kind parse.Kind `json:"kind"`
	Line int        `json:"line"`
	Text string     `json:"text"`
}

type alignPair struct {
	Source []alignUnit `json:"source"`
	Target []alignUnit `json:"target"`
}

func runAlign(s *streams, opts *alignOptions) error {
	src, err := readPage(parse.Config{}, opts.Source)
	if err != nil {
		return err
	}
	tgt, err := readPage(parse.Config{}, opts.Translation)
	if err != nil {
		return err
	}
	pairs := align.Align(src, tgt, align.Options{})
	out := make([]alignPair, 0, len(pairs))
	for _, p := range pairs {
		ap := alignPair{Source: []alignUnit{}, Target: []alignUnit{}}
		for _, i := range p.Source {
			u := src.Units[i]
			ap.Source = append(ap.Source, alignUnit{ID: u.ID, Kind: u.Kind, Line: u.Line, Text: u.Text})
		}
		for _, i := range p.Target {
			u := tgt.Units[i]
			ap.Target = append(ap.Target, alignUnit{ID: u.ID, Kind: u.Kind, Line: u.Line, Text: u.Text})
		}
		out = append(out, ap)
	}
	if opts.global.Format == "json" {
		enc := json.NewEncoder(s.Out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(struct {
			SchemaVersion int         `json:"schema_version"`
			Source        string      `json:"source"`
			Translation   string      `json:"translation"`
			Pairs         []alignPair `json:"pairs"`
		}{1, opts.Source, opts.Translation, out})
	}
	printAlign(s.Out, out)
	return nil
}

func printAlign(w io.Writer, pairs []alignPair) {
	side := func(us []alignUnit) string {
		if len(us) == 0 {
			return "—"
		}
		str := ""
		for k, u := range us {
			if k > 0 {
				str += " + "
			}
			str += fmt.Sprintf("L%d %s", u.Line, u.Kind)
		}
		return str
	}
	for _, p := range pairs {
		var text string
		if len(p.Target) > 0 {
			text = p.Target[0].Text
		} else if len(p.Source) > 0 {
			text = p.Source[0].Text
		}
		fmt.Fprintf(w, "%-28s ⇄ %-28s %s\n", side(p.Source), side(p.Target), render.Excerpt(text, 50))
	}
}
