package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"runtime/pprof"
	"runtime/trace"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/cnpe-i18n/cnpe-i18n/cmd/cnpe-i18n/render"

	isync "github.com/cnpe-i18n/cnpe-i18n/sync"
)

// Exit codes: the contract every command keeps.
const (
	exitOK       = 0 // nothing to report
	exitFindings = 1 // findings at or above --fail-on
	exitError    = 2 // usage, configuration or input error
)

// streams are a command's standard streams, injected for tests.
type streams struct {
	In       io.Reader
	Out      io.Writer
	Err      io.Writer
	Terminal bool // Out is a terminal: colour is allowed

	out *render.Guard // Out, which carries workflow commands with --format github
	// finish runs after the command, whatever its outcome (cobra's
	// post-run hooks are skipped when a command fails or finds work).
	finish []func()
}

// globalOptions are the flags every command shares.
type globalOptions struct {
	Format     string
	Color      string
	CPUProfile string
	MemProfile string
	Trace      string
	NoCache    bool
}

// errFindings reports that a command found something at or above its
// --fail-on level; it has printed its report already.
var errFindings = errors.New("findings")

// usageError is a wrong invocation: a flag, an argument or a format.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

func usageErrorf(format string, args ...any) error {
	return &usageError{fmt.Errorf(format, args...)}
}

// inputErrors reports that some inputs could not be read; each has been
// printed as file:line:col: message, and the rest of the work was done.
type inputErrors struct{ n int }

func (e *inputErrors) Error() string {
	if e.n == 1 {
		return "1 file could not be processed"
	}
	return fmt.Sprintf("%d files could not be processed", e.n)
}

// problemsError is the outcome of a run whose report went out but some
// files could not be used (unreadable, unparseable, refused): exit 2,
// after the report.
func problemsError(problems []isync.FileProblem) error {
	if len(problems) == 0 {
		return nil
	}
	return &inputErrors{n: len(problems)}
}

// run is the whole program: it parses args, runs the command and maps
// the outcome to an exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	// Nothing from the repository may reach a terminal as a control
	// sequence or start a line the GitHub runner reads as a workflow
	// command, on either stream.
	out, errOut := render.NewGuard(stdout), render.NewGuard(stderr)
	defer out.Flush()
	defer errOut.Flush()
	s := &streams{In: stdin, Out: out, Err: errOut, out: out}
	if f, ok := stdout.(*os.File); ok {
		s.Terminal = term.IsTerminal(int(f.Fd())) && os.Getenv("NO_COLOR") == ""
	}
	root := newRootCmd(s)
	root.SetArgs(args)
	err := root.Execute()
	for _, f := range s.finish {
		f()
	}
	return exitCodeFor(err, errOut)
}

func exitCodeFor(err error, stderr io.Writer) int {
	var ie *inputErrors
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errFindings):
		return exitFindings
	case errors.As(err, &ie):
		fmt.Fprintf(stderr, "cnpe-i18n: %s\n", render.EscapeText(err.Error()))
		return exitError
	}
	fmt.Fprintf(stderr, "cnpe-i18n: %s\n", render.EscapeText(err.Error()))
	return exitError
}

func newRootCmd(s *streams) *cobra.Command {
	opts := &globalOptions{}
	root := &cobra.Command{
		Use:   "cnpe-i18n",
		Short: "Keep translations of Markdown documentation in step with their source",
		Long: `cnpe-i18n reads a docs repository, splits every page into translation
units (headings, paragraphs, list items, table cells, front matter fields),
works out which translated units are stale because the source changed, and
reports it to translators, to CI through exit codes, and to pull requests.

Exit codes: 0 nothing to report, 1 findings (see --fail-on), 2 usage,
configuration or input error. Errors name the file as file:line:col.`,
		SilenceErrors: true,
		SilenceUsage:  true,
		Version:       readBuildInfo(debug.ReadBuildInfo).String(),
		RunE:          unknownSubcommand,
		Args:          cobra.ArbitraryArgs,
	}
	root.SetVersionTemplate("cnpe-i18n {{.Version}}\n")
	root.SetIn(s.In)
	root.SetOut(s.Out)
	root.SetErr(s.Err)
	addGlobalFlags(root, opts, s)
	root.AddCommand(
		newCmdVersion(s, opts),
		newCmdSegments(s, opts, nil),
		newCmdAlign(s, opts, nil),
		newCmdStatus(s, opts, nil),
		newCmdDiff(s, opts, nil),
		newCmdReport(s, opts, nil),
		newCmdAccept(s, nil),
		newCmdMark(s, nil),
		newCmdStub(s, nil),
		newCmdFix(s, nil),
		newCmdGlossary(s, opts),
		newCmdCache(s, opts),
	)
	applyConventions(root, opts)
	return root
}

// addGlobalFlags registers the flags every command shares on root.
func addGlobalFlags(root *cobra.Command, opts *globalOptions, s *streams) {
	root.PersistentFlags().StringVar(&opts.Format, "format", "text", "output `format`; each command lists the ones it supports")
	root.PersistentFlags().StringVar(&opts.Color, "color", "auto", "colour output: auto, always or never")
	root.PersistentFlags().StringVar(&opts.CPUProfile, "cpuprofile", "", "write a CPU profile to `file`")
	root.PersistentFlags().StringVar(&opts.MemProfile, "memprofile", "", "write a heap profile to `file` on exit")
	root.PersistentFlags().BoolVar(&opts.NoCache, "no-cache", false, "neither read nor write the cache (see cnpe-i18n cache)")
	root.PersistentFlags().MarkHidden("cpuprofile")
	root.PersistentFlags().MarkHidden("memprofile")
	root.PersistentFlags().StringVar(&opts.Trace, "trace", "", "write an execution trace to `file`")
	root.PersistentFlags().MarkHidden("trace")
	root.SetFlagErrorFunc(flagError)
	root.PersistentPreRunE = func(cmd *cobra.Command, _ []string) error {
		if err := checkOutput(cmd, opts); err != nil {
			return err
		}
		if s.out != nil {
			s.out.Commands = opts.Format == "github"
		}
		stop, err := startProfiles(opts)
		if err != nil {
			return err
		}
		s.finish = append(s.finish, stop)
		return nil
	}
}

// startProfiles starts the CPU profile and the execution trace; the
// returned func stops them and writes the heap profile. When one cannot
// start, what was started is stopped.
func startProfiles(opts *globalOptions) (func(), error) {
	var stops []func()
	stopAll := func() {
		for _, stop := range slices.Backward(stops) {
			stop()
		}
	}
	for _, p := range []struct {
		path  string
		start func(io.Writer) error
		stop  func()
	}{
		{opts.CPUProfile, pprof.StartCPUProfile, pprof.StopCPUProfile},
		{opts.Trace, trace.Start, trace.Stop},
	} {
		if p.path == "" {
			continue
		}
		f, err := os.Create(p.path)
		if err != nil {
			stopAll()
			return nil, err
		}
		if err := p.start(f); err != nil {
			f.Close()
			stopAll()
			return nil, err
		}
		stops = append(stops, func() { p.stop(); f.Close() })
	}
	return func() {
		stopAll()
		if opts.MemProfile != "" {
			if f, err := os.Create(opts.MemProfile); err == nil {
				pprof.WriteHeapProfile(f)
				f.Close()
			}
		}
	}, nil
}

// checkFormat returns a usage error unless the --format value is one of allowed.
func (o *globalOptions) checkFormat(allowed ...string) error {
	if slices.Contains(allowed, o.Format) {
		return nil
	}
	return usageErrorf("unsupported --format %q (want %s)", o.Format, strings.Join(allowed, ", "))
}

// colour reports whether output to s may use ANSI colour.
func (o *globalOptions) colour(s *streams) (bool, error) {
	switch o.Color {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto":
		return s.Terminal, nil
	}
	return false, usageErrorf("unsupported --color %q (want auto, always or never)", o.Color)
}
