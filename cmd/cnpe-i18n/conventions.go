package main

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/cnpe-i18n/cnpe-i18n/internal/levenshtein"
)

// output is what a command can print: the --format values it honours and
// whether its text output is coloured (and so honours --color).
type output struct {
	formats []string
	colour  bool
	// input: --format names the format of the command's input file, not
	// of its output (glossary import).
	input bool
}

// outputs lists every runnable command's formats. A command missing here
// honours only --format text and no colour; TestEveryCommandHasOutputs
// keeps the table complete.
var outputs = map[string]output{
	"cnpe-i18n version":         {formats: []string{"text", "json"}},
	"cnpe-i18n segments":        {formats: []string{"text", "json"}, colour: true},
	"cnpe-i18n align":           {formats: []string{"text", "json"}},
	"cnpe-i18n status":          {formats: []string{"text", "json", "markdown", "github", "sarif"}, colour: true},
	"cnpe-i18n diff":            {formats: []string{"text", "json"}, colour: true},
	"cnpe-i18n report":          {formats: []string{"text"}},
	"cnpe-i18n accept":          {formats: []string{"text"}},
	"cnpe-i18n mark":            {formats: []string{"text"}},
	"cnpe-i18n stub":            {formats: []string{"text"}},
	"cnpe-i18n fix":             {formats: []string{"text"}},
	"cnpe-i18n glossary check":  {formats: []string{"text", "json", "github"}},
	"cnpe-i18n glossary census": {formats: []string{"text", "json"}},
	"cnpe-i18n glossary export": {formats: []string{"tbx", "csv", "yaml"}},
	"cnpe-i18n glossary import": {formats: []string{"tbx", "csv", "markdown-table"}, input: true},
	"cnpe-i18n cache info":      {formats: []string{"text", "json"}},
	"cnpe-i18n cache clear":     {formats: []string{"text", "json"}},
}

// formatHelp is the --format usage line of one command, listing every
// format it supports.
func formatHelp(o output) string {
	list := strings.Join(o.formats, ", ")
	if i := strings.LastIndex(list, ", "); i >= 0 {
		list = list[:i] + " or " + list[i+2:]
	}
	if o.input {
		return "`format` of FILE: " + list
	}
	return "output `format`: " + list
}

// applyConventions gives every command of the tree the conventions users
// expect from gh, hugo or golangci-lint: its own --format help listing its
// formats, --format and --color rejected where they cannot be honoured,
// and "did you mean" for mistyped subcommands.
func applyConventions(root *cobra.Command, opts *globalOptions) {
	var walk func(*cobra.Command)
	walk = func(cmd *cobra.Command) {
		if cmd.HasSubCommands() && cmd.RunE == nil && cmd.Run == nil {
			cmd.Args = cobra.ArbitraryArgs
			cmd.RunE = unknownSubcommand
		}
		if cmd.HasSubCommands() {
			cmd.SuggestionsMinimumDistance = 2
		}
		if o, ok := outputs[cmd.CommandPath()]; ok {
			// Shadows the root's persistent --format for this command's
			// help; both flags write opts.Format.
			cmd.Flags().StringVar(&opts.Format, "format", "text", formatHelp(o))
		}
		for _, c := range cmd.Commands() {
			walk(c)
		}
	}
	walk(root)
}

// checkOutput rejects a --format or --color value cmd cannot honour.
func checkOutput(cmd *cobra.Command, opts *globalOptions) error {
	o, ok := outputs[cmd.CommandPath()]
	if !ok {
		o = output{formats: []string{"text"}}
	}
	if !slices.Contains(o.formats, "text") && !cmd.Flags().Changed("format") {
		return usageErrorf("%s needs --format (%s)", cmd.Name(), strings.Join(o.formats, ", "))
	}
	if !slices.Contains(o.formats, opts.Format) {
		return usageErrorf("unsupported --format %q (want %s)", opts.Format, strings.Join(o.formats, ", "))
	}
	switch opts.Color {
	case "auto", "never":
	case "always":
		if !o.colour {
			return usageErrorf("%s prints no colour: --color always is not supported", cmd.Name())
		}
	default:
		return usageErrorf("unsupported --color %q (want auto, always or never)", opts.Color)
	}
	return nil
}

// unknownSubcommand is the RunE of a command that only groups others:
// without arguments it prints its help, otherwise the first argument is
// a mistyped subcommand.
func unknownSubcommand(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return cmd.Help()
	}
	msg := fmt.Sprintf("unknown command %q for %q", args[0], cmd.CommandPath())
	if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
		msg += fmt.Sprintf(" (did you mean %q?)", s[0])
	}
	return usageErrorf("%s", msg)
}

// flagError turns a flag parse error into a usage error and, for an
// unknown flag, suggests the nearest known one.
func flagError(cmd *cobra.Command, err error) error {
	name, ok := strings.CutPrefix(err.Error(), "unknown flag: --")
	if !ok {
		return &usageError{err}
	}
	if s := suggestFlag(cmd.Flags(), name); s != "" {
		return usageErrorf("%v (did you mean --%s?)", err, s)
	}
	return &usageError{err}
}

// suggestFlag returns the visible flag nearest to name: at most two edits
// away, or name is a prefix of it.
func suggestFlag(flags *pflag.FlagSet, name string) string {
	best, bestDist := "", 3
	flags.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		d := levenshtein.Distance([]byte(name), []byte(f.Name))
		if strings.HasPrefix(f.Name, name) && d > 0 {
			d = min(d, 2)
		}
		if d < bestDist {
			best, bestDist = f.Name, d
		}
	})
	return best
}

// inDir makes relative paths relative to dir, the -C of the commands that
// take file paths rather than a repository (segments, align, glossary
// import), as git -C does.
func inDir(dir string, paths []string) []string {
	if dir == "" || dir == "." {
		return paths
	}
	out := make([]string, len(paths))
	for i, p := range paths {
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		out[i] = p
	}
	return out
}
