package main

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/cnpe-i18n/cnpe-i18n/cmd/cnpe-i18n/render"
	isync "github.com/cnpe-i18n/cnpe-i18n/sync"
)

// topPages is how many pages the status summary ranks.
const topPages = 10

// stateNames are the --state values: page states and unit states.
func stateNames() []string {
	var names []string
	for s := isync.PageCurrent; s <= isync.PageUntracked; s++ {
		names = append(names, s.String())
	}
	for s := isync.UnitCurrent; s <= isync.UnitUntranslated; s++ {
		if !slices.Contains(names, s.String()) {
			names = append(names, s.String())
		}
	}
	return names
}

// stateFilter is the --state set; empty means every page that needs work,
// with missing pages counted rather than listed.
type stateFilter map[string]bool

func parseStates(values []string) (stateFilter, error) {
	valid := stateNames()
	f := stateFilter{}
	for _, v := range values {
		if !slices.Contains(valid, v) {
			return nil, usageErrorf("unsupported --state %q (want %s)", v, strings.Join(valid, ", "))
		}
		f[v] = true
	}
	return f, nil
}

// page reports whether p is listed: it needs work (or is missing, when
// missing pages are listed) and matches the filter by its state or by
// one of its units' states.
func (f stateFilter) page(p *isync.PageReport, listMissing bool) bool {
	if len(f) == 0 {
		if p.State == isync.PageMissing {
			return listMissing
		}
		return p.State != isync.PageCurrent || len(p.Units) > 0 || len(p.Glossary) > 0
	}
	if f[p.State.String()] {
		return true
	}
	for _, u := range p.Units {
		if f[u.State.String()] {
			return true
		}
	}
	return false
}

// unit reports whether a unit of a listed page is shown with -v.
func (f stateFilter) unit(p *isync.PageReport, u *isync.UnitReport) bool {
	return len(f) == 0 || f[p.State.String()] || f[u.State.String()]
}

// printStatus writes the summary first: the per-language table with
// percentages, the pages with most work, the UI strings, then every page
// listed (missing pages only counted unless asked for).
func printStatus(w io.Writer, r *isync.Report, colour, verbose bool, filter stateFilter) {
	switch {
	case r.History.IncompleteHistory():
		fmt.Fprintf(w, "error: %s\n\n", r.History.Message)
	case r.History.Message != "":
		fmt.Fprintf(w, "note: %s\n\n", r.History.Message)
	}
	io.WriteString(w, languageTable(r))
	listMissing := verbose || filter["missing"]
	var listed []*isync.PageReport
	missing := 0
	for i := range r.Pages {
		p := &r.Pages[i]
		if p.State == isync.PageMissing && !listMissing && (len(filter) == 0 || filter["missing"]) {
			missing++
		}
		if filter.page(p, listMissing) {
			listed = append(listed, p)
		}
	}
	ranked := rankPages(listed)
	if len(ranked) > 0 {
		fmt.Fprintf(w, "\nMost work (%d of %d pages, by words to redo):\n", min(topPages, len(ranked)), len(ranked))
		var rows [][]string
		for i, p := range ranked[:min(topPages, len(ranked))] {
			rows = append(rows, []string{fmt.Sprintf("%3d.", i+1), p.Lang, p.State.String(), pageName(p), fmt.Sprint(p.Words), render.UnitSummary(p)})
		}
		io.WriteString(w, indentLines(render.Table(rows, []bool{true, false, false, false, true, false}), "  "))
	}
	printStrings(w, r, colour)
	if len(listed) > 0 {
		fmt.Fprintln(w, "\nPages:")
		for _, p := range listed {
			printPage(w, *p, colour, verbose, filter)
		}
	}
	if missing > 0 {
		fmt.Fprintf(w, "\n%d missing pages not listed (--state missing or -v lists them)\n", missing)
	}
}

// languageTable is the per-language summary: how much is translated and
// current (in percent of the source pages), then the page and unit counts.
func languageTable(r *isync.Report) string {
	rows := [][]string{{"lang", "translated%", "current%", "pages", "current", "stale", "stub", "missing", "orphan", "untracked", "units", "mechanical", "words"}}
	for _, lang := range r.Languages {
		var n [6]int
		sources, units, mech, words := 0, 0, 0, 0
		for _, p := range r.Pages {
			if p.Lang != lang {
				continue
			}
			n[p.State]++
			if p.Source != "" {
				sources++
			}
			units += p.Count(isync.UnitStale) + p.Count(isync.UnitNew) + p.Count(isync.UnitObsolete) + p.Count(isync.UnitUntranslated)
			mech += p.Count(isync.UnitMechanical)
			words += p.Words
		}
		row := []string{lang, percent(sources-n[isync.PageMissing], sources), percent(n[isync.PageCurrent], sources), fmt.Sprint(sources)}
		for _, v := range []int{n[isync.PageCurrent], n[isync.PageStale], n[isync.PageStub], n[isync.PageMissing], n[isync.PageOrphan], n[isync.PageUntracked], units, mech, words} {
			row = append(row, fmt.Sprint(v))
		}
		rows = append(rows, row)
	}
	right := make([]bool, len(rows[0]))
	for i := 1; i < len(right); i++ {
		right[i] = true
	}
	return render.Table(rows, right)
}

func percent(n, of int) string {
	if of == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(n)/float64(of))
}

// rankPages orders the pages other than missing ones by work: words to
// redo, then units, then glossary findings.
func rankPages(pages []*isync.PageReport) []*isync.PageReport {
	var ranked []*isync.PageReport
	for _, p := range pages {
		if p.State != isync.PageMissing {
			ranked = append(ranked, p)
		}
	}
	slices.SortStableFunc(ranked, func(a, b *isync.PageReport) int {
		return cmp.Or(cmp.Compare(b.Words, a.Words), cmp.Compare(len(b.Units), len(a.Units)), cmp.Compare(len(b.Glossary), len(a.Glossary)))
	})
	return ranked
}

// pageName is the page's translation path, or its source path, escaped
// for a terminal.
func pageName(p *isync.PageReport) string {
	if p.Translation != "" {
		return render.EscapeText(p.Translation)
	}
	return render.EscapeText(p.Source)
}

func indentLines(s, prefix string) string {
	lines := strings.SplitAfter(s, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = prefix + l
		}
	}
	return strings.Join(lines, "")
}

func printPage(w io.Writer, p isync.PageReport, colour, verbose bool, filter stateFilter) {
	state := render.PadRight(p.State.String(), 9)
	if p.State == isync.PageStale {
		state = render.Paint(colour, render.ANSIRed, state)
	}
	line := render.PadRight(p.Lang, 3) + " " + state + " " + render.Paint(colour, render.ANSIBold, pageName(&p))
	switch p.State {
	case isync.PageStale, isync.PageCurrent:
		var groups []string
		if s := render.UnitSummary(&p); s != "" {
			groups = append(groups, s)
		}
		if p.Words > 0 {
			groups = append(groups, fmt.Sprintf("%d words", p.Words))
		}
		if len(groups) > 0 {
			line += "  (" + strings.Join(groups, "; ") + ")"
		}
	case isync.PageOrphan:
		if p.RenamedTo != "" {
			line += "  (source renamed to " + render.EscapeText(p.RenamedTo) + "?)"
		}
	case isync.PageUntracked:
		if p.Base != nil && p.Base.Message != "" {
			line += "  (" + p.Base.Message + ")"
		}
	}
	if p.Base != nil && p.Base.Kind == isync.BaseInferred && p.State == isync.PageStale {
		line += render.Paint(colour, render.ANSIDim, fmt.Sprintf("  base %s inferred, confidence %.2f", short(p.Base.Commit), p.Base.Confidence))
	}
	fmt.Fprintln(w, line)
	if !verbose {
		return
	}
	for _, f := range p.Glossary {
		fmt.Fprintf(w, "    %s %s:%d:%d  %s: found %q, expected %q\n", render.PadRight("term "+string(f.Rule), 12), f.File, f.Line, f.Column, f.Term, f.Found, f.Expected)
	}
	for _, u := range p.Units {
		if !filter.unit(&p, &u) {
			continue
		}
		loc := fmt.Sprintf("%s:%d", render.EscapeText(p.Translation), u.Line)
		if u.State == isync.UnitNew || u.State == isync.UnitUntranslated {
			loc = fmt.Sprintf("%s:%d", render.EscapeText(p.Source), u.SourceLine)
		}
		fmt.Fprintf(w, "    %s %s  %s\n", render.PadRight(u.State.String(), 12), loc, u.ID)
		if len(u.Words) > 0 {
			fmt.Fprintf(w, "        %s\n", render.WordDiff(u.Words, colour))
		} else if u.State == isync.UnitNew || u.State == isync.UnitUntranslated {
			fmt.Fprintf(w, "        + %s\n", render.Excerpt(u.SourceAfter, 100))
		}
	}
}
