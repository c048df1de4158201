package main

import (
	"os"

	"github.com/spf13/cobra"

	"github.com/cnpe-i18n/cnpe-i18n/glossary"
)

func newCmdGlossaryExport(s *streams, opts *glossaryOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "export --format tbx|csv|yaml [--glossary FILE]",
		Short: "Write the glossary as TBX-Basic, CSV or YAML",
		Long: `Export writes the glossary as TBX-Basic, CSV (one row per concept; a cell
a spreadsheet would read as a formula is written behind a single quote)
or YAML. Rule entries and entries with when/unless conditions have no CSV
row: keep them in the YAML.`,
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

type importOptions struct {
	columns string
	overlay string
}

func newCmdGlossaryImport(s *streams, opts *glossaryOptions) *cobra.Command {
	var io importOptions
	cmd := &cobra.Command{
		Use:   "import --format tbx|csv|markdown-table [--columns MAP] [--overlay FILE] FILE",
		Short: "Read a TBX-Basic, CSV or Markdown-table glossary and print it as YAML",
		Long: `Import reads a glossary kept elsewhere and prints it in this tool's YAML.

  tbx             TBX-Basic
  csv             one row per concept
  markdown-table  the first GFM pipe table of a Markdown page whose header
                  has the columns asked for: where teams keep glossaries

The header of a CSV or table names the fields (en, en_avoid, note,
status, severity, case, keep, scope, exclude, and per language L: L.use,
L.allow, L.avoid, L.keep, L.first, L.note), or --columns maps fields to
the team's own column names:

  --columns en=English,ko=한글,ko.note=비고

A bare language column (ko) is read as a team writes it: renderings
separated by commas, and a Latin parenthesis is the English written on
first use (컨피그맵(ConfigMap): rendering 컨피그맵, first use
컨피그맵(ConfigMap)); a rendering equal to the English term means keep.
A UTF-8 byte order mark is skipped. Duplicate concepts and a rendering
both approved and forbidden are errors at their line.

--overlay FILE is a YAML glossary laid over the import: its entries set
what a table cannot say (severity, case, when/unless, scopes) on the
concept with the same English term, and its other entries (rules, new
concepts) are added. Import again whenever the table changes.`,
		Example: `  cnpe-i18n glossary import --format tbx terms.tbx > cnpe-i18n-glossary.yaml
  cnpe-i18n glossary import --format markdown-table --columns en=English,ko=한글,ko.note=비고 \
      --overlay ko-overlay.yaml content/ko/docs/contribute/localization_ko.md`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.global.checkFormat("tbx", "csv", "markdown-table"); err != nil {
				return err
			}
			var iopts glossary.ImportOptions
			if io.columns != "" {
				cols, err := glossary.ParseColumns(io.columns)
				if err != nil {
					return usageErrorf("--columns: %v", err)
				}
				iopts.Columns = cols
			}
			name := inDir(opts.Root, args)[0]
			f, err := os.Open(name)
			if err != nil {
				return err
			}
			defer f.Close()
			var g *glossary.Glossary
			switch opts.global.Format {
			case "tbx":
				g, err = glossary.ReadTBX(name, f)
			case "csv":
				g, err = glossary.ReadCSV(name, f, iopts)
			default:
				g, err = glossary.ReadMarkdownTable(name, f, iopts)
			}
			if err != nil {
				return err
			}
			if io.overlay != "" {
				data, err := os.ReadFile(inDir(opts.Root, []string{io.overlay})[0])
				if err != nil {
					return err
				}
				o, err := glossary.Parse(io.overlay, data)
				if err != nil {
					return err
				}
				g.Merge(o)
				if err := g.Validate(); err != nil {
					return err
				}
			}
			return g.WriteYAML(s.Out)
		},
	}
	cmd.Flags().StringVar(&io.columns, "columns", "", "map glossary fields to the table's column `names` (en=English,ko=한글,ko.note=비고)")
	cmd.Flags().StringVar(&io.overlay, "overlay", "", "YAML glossary `file` laid over the import")
	return cmd
}
