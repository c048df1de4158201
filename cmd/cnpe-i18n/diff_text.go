package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"

	"golang.org/x/term"

	"github.com/cnpe-i18n/cnpe-i18n/cmd/cnpe-i18n/render"
	isync "github.com/cnpe-i18n/cnpe-i18n/sync"
)

// printDiff writes the translator's view of one page.
func printDiff(w io.Writer, p isync.PageReport, colour bool) {
	p.Translation, p.Source = render.EscapeText(p.Translation), render.EscapeText(p.Source)
	fmt.Fprintf(w, "%s %s (%s)\n", render.Paint(colour, render.ANSIBold, p.Translation), "["+p.Lang+"]", p.State)
	base := ""
	if p.Base != nil {
		switch {
		case p.Base.Kind == isync.BaseNone:
			fmt.Fprintf(w, "  base unknown: %s\n", p.Base.Message)
		case p.Base.Current:
			fmt.Fprintf(w, "  translated from the current source (%s)\n", p.Base.Kind)
		default:
			base = short(p.Base.Commit)
			if base == "" {
				base = short(p.Base.Blob)
			}
			fmt.Fprintf(w, "  translated from %s at %s (%s, confidence %.2f)\n", p.Source, base, p.Base.Kind, p.Base.Confidence)
		}
	}
	if base == "" {
		base = "the base version"
	} else {
		base = "base " + base
	}
	if p.State == isync.PageMissing || p.State == isync.PageOrphan || p.State == isync.PageStub {
		fmt.Fprintln(w)
		return
	}
	for _, u := range p.Units {
		fmt.Fprintln(w)
		switch u.State {
		case isync.UnitNew, isync.UnitUntranslated:
			fmt.Fprintf(w, "  %s  %s:%d  %s\n", u.State, p.Source, u.SourceLine, render.EscapeText(u.ID))
			if p.Translation != "" {
				fmt.Fprintf(w, "    insert %s\n", insertPoint(p.Translation, u.Line))
			}
			fmt.Fprintf(w, "    english new: %s\n", indent(u.SourceAfter, "      "))
			continue
		}
		if u.SourceRemoved() {
			fmt.Fprintf(w, "  %s  %s:%s  %s\n", u.State, p.Translation, lineSpan(u.Line, u.EndLine), u.ID)
		} else {
			fmt.Fprintf(w, "  %s  %s:%s  %s (source %s:%d)\n", u.State, p.Translation, lineSpan(u.Line, u.EndLine), u.ID, p.Source, u.SourceLine)
		}
		switch {
		case u.SourceRemoved():
			fmt.Fprintf(w, "    english removed (was %s:%d in %s): %s\n", p.Source, u.SourceLine, base, indent(u.SourceBefore, "      "))
		case u.SourceBefore != u.SourceAfter || len(u.Words) > 0:
			fmt.Fprintf(w, "    english was (%s): %s\n", base, indent(u.SourceBefore, "      "))
			fmt.Fprintf(w, "    english now: %s\n", indent(u.SourceAfter, "      "))
			if len(u.Words) > 0 {
				fmt.Fprintf(w, "    word diff: %s\n", render.WordDiff(u.Words, colour))
			}
		}
		fmt.Fprintf(w, "    translation: %s\n", indent(u.Text, "      "))
	}
	fmt.Fprintln(w)
}

// page writes out through $PAGER (default "less -FRX", as git) when
// stdout is a terminal; otherwise, or when the pager cannot start, it
// writes out directly.
func page(s *streams, out []byte, noPager bool) error {
	f, ok := s.Out.(*os.File)
	if noPager || !ok || !term.IsTerminal(int(f.Fd())) {
		_, err := s.Out.Write(out)
		return err
	}
	pager, set := os.LookupEnv("CNPE_I18N_PAGER")
	if !set {
		pager, set = os.LookupEnv("PAGER")
	}
	if !set {
		pager = "less -FRX"
	}
	if strings.TrimSpace(pager) == "" || pager == "cat" {
		_, err := s.Out.Write(out)
		return err
	}
	cmd := exec.Command("sh", "-c", pager)
	cmd.Stdin = bytes.NewReader(out)
	cmd.Stdout = f
	cmd.Stderr = s.Err
	cmd.Env = os.Environ()
	if _, ok := os.LookupEnv("LESS"); !ok {
		cmd.Env = append(cmd.Env, "LESS=FRX")
	}
	if err := cmd.Run(); err != nil {
		if _, ok := err.(*exec.ExitError); ok {
			return nil // the reader quit the pager
		}
		_, err := s.Out.Write(out)
		return err
	}
	return nil
}

// insertPoint says where a new unit goes in the translation: after line
// (the report's insertion line), or at the top of a file whose units all
// come after it.
func insertPoint(translation string, line int) string {
	if line == 0 {
		return "at the top of " + translation
	}
	return fmt.Sprintf("after %s:%d", translation, line)
}
