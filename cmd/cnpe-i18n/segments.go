package main

import (
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cnpe-i18n/cnpe-i18n/cmd/cnpe-i18n/render"
	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

type segmentsOptions struct {
	global *globalOptions
	Root   string // -C: relative paths are relative to it
	Paths  []string
	Keys   []string // extra translatable front matter keys
}

func newCmdSegments(s *streams, global *globalOptions, runF func(*segmentsOptions) error) *cobra.Command {
	opts := &segmentsOptions{global: global}
	cmd := &cobra.Command{
		Use:   "segments [--format text|json] FILE|DIR...",
		Short: "Split Markdown pages into translation units",
		Long: `Segments parses each page and prints its translation units: front matter
fields, headings, paragraphs, list items, table cells, block quotes, code
blocks, HTML blocks and Hugo shortcodes, with their IDs, lines, byte spans
and fingerprints. Directories are searched for .md and .markdown files.

With --format json one file prints {"file": ..., "units": [...]}; several
print an array of those. The schema is in docs/json.md.

A file that cannot be read or parsed is reported on stderr as
file:line:col: message; the other files are still segmented and the exit
code is 2.`,
		Example: `  cnpe-i18n segments content/en/about.md
  cnpe-i18n segments --format json content/ja/blog/ > units.json`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if err := global.checkFormat("text", "json"); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return runSegments(s, opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Root, "root", "C", ".", "run as if started in `dir`: relative paths are relative to it")
	cmd.Flags().StringSliceVar(&opts.Keys, "translatable-key", nil, "extra front matter `key` to translate (repeatable)")
	return cmd
}

// segmentsFile is the JSON form of one segmented page.
type segmentsFile struct {
	SchemaVersion int          `json:"schema_version"`
	File          string       `json:"file"`
	FrontMatter   string       `json:"front_matter"`
	Units         []parse.Unit `json:"units"`
}

func runSegments(s *streams, opts *segmentsOptions) error {
	files, errs, single := expandPaths(inDir(opts.Root, opts.Paths))
	for _, err := range errs {
		fmt.Fprintln(s.Err, render.EscapeText(err.Error()))
	}
	cfg := parse.Config{TranslatableKeys: opts.Keys}
	var out []segmentsFile
	failed := len(errs)
	for _, path := range files {
		doc, err := readPage(cfg, path)
		if err != nil {
			fmt.Fprintln(s.Err, render.EscapeText(err.Error()))
			failed++
			continue
		}
		units := doc.Units
		if units == nil {
			units = []parse.Unit{}
		}
		out = append(out, segmentsFile{SchemaVersion: 1, File: path, FrontMatter: doc.FrontMatter.Format.String(), Units: units})
	}
	switch opts.global.Format {
	case "json":
		enc := json.NewEncoder(s.Out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		var v any = out
		if single && len(out) == 1 {
			v = out[0]
		} else if out == nil {
			v = []segmentsFile{}
		}
		if err := enc.Encode(v); err != nil {
			return err
		}
	default:
		colour, err := opts.global.colour(s)
		if err != nil {
			return err
		}
		for _, f := range out {
			printSegments(s.Out, f, colour)
		}
	}
	if failed > 0 {
		return &inputErrors{n: failed}
	}
	return nil
}

// lineSpan is "12" for one line, "12-14" for several.
func lineSpan(line, end int) string {
	if end > line {
		return fmt.Sprintf("%d-%d", line, end)
	}
	return fmt.Sprint(line)
}

func printSegments(w io.Writer, f segmentsFile, colour bool) {
	header := fmt.Sprintf("%s (%d units)", render.EscapeText(f.File), len(f.Units))
	if colour {
		header = "\x1b[1m" + header + "\x1b[0m"
	}
	fmt.Fprintln(w, header)
	for _, u := range f.Units {
		lines := lineSpan(u.Line, u.EndLine)
		mark := " "
		if u.Translatable {
			mark = "T"
		}
		fmt.Fprintf(w, "  %-9s %-12s %s %-40s %s\n", lines, u.Kind, mark, u.ID, render.Excerpt(u.Text, 60))
	}
}

// expandPaths turns file and directory arguments into Markdown files.
// An argument that cannot be read is reported as an error in errs and
// skipped. single reports one argument naming one file.
func expandPaths(args []string) (files []string, errs []error, single bool) {
	for _, arg := range args {
		info, err := os.Stat(arg)
		if err != nil {
			errs = append(errs, parse.PathError(arg, err))
			continue
		}
		if !info.IsDir() {
			files = append(files, arg)
			continue
		}
		err = filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, parse.PathError(path, err))
				return nil
			}
			if !d.IsDir() && isMarkdown(path) {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			errs = append(errs, err)
		}
	}
	return files, errs, len(args) == 1 && len(files) == 1 && files[0] == args[0]
}

func isMarkdown(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	return ext == ".md" || ext == ".markdown"
}

// readPage reads and parses one page, refusing files over the size limit
// before reading them.
func readPage(cfg parse.Config, path string) (*parse.Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, parse.PathError(path, err)
	}
	defer f.Close()
	limit := cfg.MaxBytes
	if limit <= 0 {
		limit = parse.DefaultMaxBytes
	}
	src, err := io.ReadAll(io.LimitReader(f, int64(limit)+1))
	if err != nil {
		return nil, parse.PathError(path, err)
	}
	return cfg.Parse(path, src)
}
