package main

import (
	"fmt"
	"io"
	"sort"
	"text/tabwriter"
)

// tally sums the replayed pages of one language, or of all.
type tally struct {
	pages     int
	flagged   int // pages the tool said need work (stale, stub)
	untracked int // pages with no base
	absent    int // pages the report did not have
	commits   map[string]bool
	checked   int // bases with a commit and a translating commit
	nonAnc    int // of which the base is not an ancestor
	unitBases int // units with a base and a translating commit of their own
	offTree   int // of which the base is not the source in that commit's tree
	units     score
}

func (t *tally) add(r replayed) {
	if t.commits == nil {
		t.commits = map[string]bool{}
	}
	t.commits[r.cand.Commit] = true
	t.pages++
	switch {
	case r.page == nil:
		t.absent++
	case r.page.State == "untracked":
		t.untracked++
	case r.page.State != "current":
		t.flagged++
	}
	if r.checked {
		t.checked++
		if !r.ancest {
			t.nonAnc++
		}
	}
	t.unitBases += r.unitBases
	t.offTree += r.offTree
	t.units.add(r.score)
}

// writeReplay prints the scores per language and overall.
func writeReplay(w io.Writer, results []replayed, verbose bool) {
	byLang := map[string]*tally{}
	var all tally
	for _, r := range results {
		t := byLang[r.cand.Lang]
		if t == nil {
			t = &tally{}
			byLang[r.cand.Lang] = t
		}
		t.add(r)
		all.add(r)
	}
	langs := make([]string, 0, len(byLang))
	for l := range byLang {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	if verbose {
		tw := tabwriter.NewWriter(w, 0, 0, 1, ' ', 0)
		fmt.Fprintln(tw, "commit\tlang\tpage\tstate\tunits\tchanged\tflagged\thit\ten\ten-hit\tbase-ancestor")
		for _, r := range results {
			state, anc := "absent", "-"
			if r.page != nil {
				state = r.page.State
			}
			if r.checked {
				anc = fmt.Sprint(r.ancest)
			}
			s := r.score
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%s\n", short(r.cand.Commit), r.cand.Lang,
				r.cand.Translation, state, s.Units, s.Changed, s.Flagged, s.Hit, s.English, s.EnHit, anc)
		}
		tw.Flush()
		fmt.Fprintln(w)
		writeMissed(w, results)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "lang\tpages\tcommits\tpage-recall\tuntracked\tunits\tchanged\tflagged\tprecision\trecall\ten-recall\tbaseline-prec\tprec/baseline\tnew\tinserted\tnon-ancestor-bases\tunit-bases-off-tree\t")
	row := func(name string, t *tally) {
		s := t.units
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%d\t%d\t%d\t%d\t%s\t%s\t%s\t%s\t%s\t%d\t%d\t%d/%d\t%d/%d\t\n", name, t.pages, len(t.commits),
			pct(ratio(t.flagged, t.pages)), t.untracked, s.Units, s.Changed, s.Flagged,
			num(s.precision()), num(s.recall()), num(s.englishRecall()), num(s.baselinePrecision()),
			times(s.precision(), s.baselinePrecision()), s.New, s.Inserted, t.nonAnc, t.checked, t.offTree, t.unitBases)
	}
	for _, l := range langs {
		row(l, byLang[l])
	}
	row("all", &all)
	tw.Flush()
}

func pct(x float64) string {
	if x < 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f%%", 100*x)
}

func num(x float64) string {
	if x < 0 {
		return "-"
	}
	return fmt.Sprintf("%.3f", x)
}

func times(a, b float64) string {
	if a < 0 || b <= 0 {
		return "-"
	}
	return fmt.Sprintf("%.2fx", a/b)
}

// writeMissed lists the English-driven units the tool did not flag, with
// what it said of them: the state, and the commit its base came from.
func writeMissed(w io.Writer, results []replayed) {
	tw := tabwriter.NewWriter(w, 0, 0, 1, ' ', 0)
	fmt.Fprintln(tw, "missed\tcommit\tpage\tstate\ttranslated-in")
	for _, r := range results {
		for _, id := range r.score.Missed {
			state, in := "absent", "-"
			if u, ok := r.page.unit(id); ok {
				state = u.State
				if u.Base != nil && u.Base.TranslatedIn != "" {
					in = short(u.Base.TranslatedIn)
				}
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", id, short(r.cand.Commit), r.cand.Translation, state, in)
		}
	}
	tw.Flush()
	fmt.Fprintln(w)
}
