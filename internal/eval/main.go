// Command eval measures how well cnpe-i18n finds the work translators
// actually do, on a real repository's history:
//
//	go run ./internal/eval replay -repo ../website -max 150 -since 2021-01-01
//	go run ./internal/eval replay -repo ../website -bin /tmp/cnpe-i18n
//	go run ./internal/eval pins -repo ../opentelemetry.io
//
// replay finds catch-up commits (a translation's words changed while its
// English had changed since the translation's previous version), runs
// status at each one's parent and scores the units it flags against the
// units the commit changed, next to a file-level baseline that flags every
// unit. pins compares the bases status infers, pins ignored, with the
// English text that opentelemetry.io's default_lang_commit pins name.
//
// The repository is only read: checkouts happen in a clone that borrows
// its objects, in a scratch directory.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

const usage = `usage:
  eval replay -repo DIR [-langs ko,ja] [-max N] [-since YYYY-MM-DD] [-bin PATH] [-v]
  eval pins -repo DIR [-bin PATH] [-flag KEY] [-content DIR] [-v]
Run "eval replay -h" or "eval pins -h" for every flag.
`

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	ctx := context.Background()
	var err error
	switch args[0] {
	case "replay":
		var o *replayOptions
		if o, err = parseReplay(args[1:], stderr); err == nil {
			err = runReplay(ctx, o, stdout, stderr)
		}
	case "pins":
		var o *pinsOptions
		if o, err = parsePins(args[1:], stderr); err == nil {
			err = runPins(ctx, o, stdout, stderr)
		}
	default:
		fmt.Fprint(stderr, usage)
		return 2
	}
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintf(stderr, "eval %s: %v\n", args[0], err)
		return 2
	}
	return 0
}
