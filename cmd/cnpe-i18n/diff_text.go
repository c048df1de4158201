package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"golang.org/x/term"

	"github.com/cnpe-i18n/cnpe-i18n/cmd/cnpe-i18n/render"
	"github.com/cnpe-i18n/cnpe-i18n/parse"
	isync "github.com/cnpe-i18n/cnpe-i18n/sync"
	"github.com/cnpe-i18n/cnpe-i18n/sync/align"
)

// insertion says, for each new or untranslated unit of a page (by index
// into p.Units), where it goes in the translation: after the translated
// unit that renders the nearest source unit above it. The neighbours come
// from the report's stale units and, for current units, from aligning the
// source as it is now with the translation.
func insertion(root string, p isync.PageReport) map[int]string {
	out := map[int]string{}
	if p.Source == "" || p.Translation == "" {
		return out
	}
	src, err1 := readPage(parse.Config{}, filepath.Join(root, filepath.FromSlash(p.Source)))
	tgt, err2 := readPage(parse.Config{}, filepath.Join(root, filepath.FromSlash(p.Translation)))
	if err1 != nil || err2 != nil {
		return out
	}
	// after maps a source line (a unit's first line now) to the last
	// translated line that renders it.
	after := map[int]int{}
	for _, pair := range align.Align(src, tgt, align.Options{}) {
		if len(pair.Target) == 0 {
			continue
		}
		end := tgt.Units[pair.Target[len(pair.Target)-1]].EndLine
		for _, i := range pair.Source {
			after[src.Units[i].Line] = end
		}
	}
	for _, u := range p.Units {
		if u.Line > 0 && u.SourceLine > 0 && u.State != isync.UnitObsolete {
			after[u.SourceLine] = max(u.Line, u.EndLine)
		}
	}
	for _, u := range p.Units {
		if u.State == isync.UnitNew || u.State == isync.UnitUntranslated {
			delete(after, u.SourceLine) // not translated: no anchor
		}
	}
	for i, u := range p.Units {
		if u.State != isync.UnitNew && u.State != isync.UnitUntranslated {
			continue
		}
		out[i] = insertPoint(src, tgt, after, u.SourceLine, p.Translation)
	}
	return out
}

// insertPoint finds the nearest source unit above line that has a
// translation and names the translated line after which to insert.
func insertPoint(src, tgt *parse.Document, after map[int]int, line int, translation string) string {
	best := 0
	for _, u := range src.Units {
		if u.Line >= line {
			break
		}
		if end, ok := after[u.Line]; ok {
			best = end
		}
	}
	if best == 0 {
		first := 0
		for _, u := range tgt.Units {
			if u.Kind != parse.FrontMatter {
				first = u.Line
				break
			}
		}
		if first == 0 {
			return "at the end of " + translation
		}
		return fmt.Sprintf("before %s:%d", translation, first)
	}
	return fmt.Sprintf("after %s:%d", translation, best)
}

// printDiff writes the translator's view of one page. where gives the
// insertion point of new units (by index into p.Units).
func printDiff(w io.Writer, p isync.PageReport, colour bool, where map[int]string) {
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
	for i, u := range p.Units {
		fmt.Fprintln(w)
		switch u.State {
		case isync.UnitNew, isync.UnitUntranslated:
			fmt.Fprintf(w, "  %s  %s:%d  %s\n", u.State, p.Source, u.SourceLine, render.EscapeText(u.ID))
			if at := where[i]; at != "" {
				fmt.Fprintf(w, "    insert %s\n", render.EscapeText(at))
			}
			fmt.Fprintf(w, "    english new: %s\n", indent(u.SourceAfter, "      "))
			continue
		}
		if u.State == isync.UnitObsolete {
			fmt.Fprintf(w, "  %s  %s:%s  %s\n", u.State, p.Translation, lineSpan(u.Line, u.EndLine), u.ID)
		} else {
			fmt.Fprintf(w, "  %s  %s:%s  %s (source %s:%d)\n", u.State, p.Translation, lineSpan(u.Line, u.EndLine), u.ID, p.Source, u.SourceLine)
		}
		switch {
		case u.State == isync.UnitObsolete:
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
