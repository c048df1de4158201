package edit

import (
	"fmt"
	"slices"
	"strings"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
	"github.com/cnpe-i18n/cnpe-i18n/sync/align"
	"github.com/cnpe-i18n/cnpe-i18n/sync/change"
)

// Note is something a command could not do for a page, for a person.
type Note struct {
	Path    string
	Line    int
	Message string
}

// CarryMechanical applies the mechanical changes between base and cur to
// tr's aligned units and non-translated front matter, and returns tr's new
// content. What it cannot carry verbatim is in the notes, for a person.
func CarryMechanical(base, cur, tr *parse.Document, name string) ([]byte, []Note) {
	diff := change.DiffSource(base, cur)
	type span struct {
		start, end int
		text       string
	}
	var spans []span
	var notes []Note
	need := func(u *parse.Unit, what string) {
		notes = append(notes, Note{Path: name, Line: u.Line, Message: what + ": needs a person (the translation does not hold the old value verbatim)"})
	}
	// Front matter: values that are not translated, by key.
	for _, c := range diff.Changes {
		if c.Kind != change.Metadata || c.Before == nil || c.After == nil || c.Before.Kind != parse.FrontMatter {
			continue
		}
		t := topField(tr, c.Before.Key)
		if t == nil {
			continue
		}
		// Only where the translation holds the old value byte for byte:
		// a value equal once decoded (an alias, a flow mapping, another
		// quoting) may sit elsewhere than its span says, or nowhere.
		oldRaw := string(base.Src[c.Before.Start:c.Before.End])
		newRaw := string(cur.Src[c.After.Start:c.After.End])
		if t.Text == c.Before.Text && oldRaw != "" && newRaw != "" && string(tr.Src[t.Start:t.End]) == oldRaw {
			spans = append(spans, span{t.Start, t.End, newRaw})
		} else if t.Text != c.After.Text {
			need(t, fmt.Sprintf("front matter %q changed from %q to %q", c.Before.Key, c.Before.Text, c.After.Text))
		}
	}
	// Body: the translated units aligned with each mechanically changed unit.
	for _, p := range align.Align(base, tr, align.Options{}) {
		if len(p.Target) == 0 {
			continue
		}
		for _, bi := range p.Source {
			c := diff.ByBefore[bi]
			if c != nil && c.Kind == change.Removed && !c.Before.Translatable && c.Before.Kind != parse.FrontMatter {
				tu := &tr.Units[p.Target[0]]
				notes = append(notes, Note{Path: name, Line: tu.Line, Message: fmt.Sprintf("the source removed this %s: remove it here (fix does not delete)", c.Before.Kind)})
				continue
			}
			if c == nil || c.Kind != change.Mechanical || c.Before.Kind == parse.FrontMatter {
				continue
			}
			reps, ok := replacements(c)
			tu := &tr.Units[p.Target[0]]
			last := &tr.Units[p.Target[len(p.Target)-1]]
			text := string(tr.Src[tu.Start:last.End])
			if !ok {
				need(tu, "links or code were added or removed in the source")
				continue
			}
			if applied(text, tr.Src, reps) {
				continue
			}
			fixed := text
			var missing []replacement
			for _, r := range reps {
				if out, ok := r.replaceIn(fixed); ok {
					fixed = out
					continue
				}
				// A reference link: the target is in the translation's own
				// definition ([1]: target), not in the unit.
				if defs := referenceDefs(tr.Src, r.old); r.kind == repLink && len(defs) > 0 {
					for _, d := range defs {
						spans = append(spans, span{d, d + len(r.old), r.new})
					}
					continue
				}
				missing = append(missing, r)
			}
			if len(missing) > 0 {
				need(tu, fmt.Sprintf("%s %s", c.Before.Kind, describeReps(missing)))
			}
			if fixed != text {
				spans = append(spans, span{tu.Start, last.End, fixed})
			}
		}
	}
	slices.SortFunc(spans, func(a, b span) int { return b.start - a.start })
	out := tr.Src
	prevStart := len(out) + 1
	for _, sp := range spans {
		if sp.end > prevStart {
			continue // overlapping: keep the first
		}
		out = splice(out, sp.start, sp.end, sp.text)
		prevStart = sp.start
	}
	return out, notes
}

func describeReps(reps []replacement) string {
	var parts []string
	for _, r := range reps {
		parts = append(parts, fmt.Sprintf("%q → %q", short40(r.old), short40(r.new)))
	}
	return strings.Join(parts, ", ")
}

// short40 shortens s to 40 runes (a cut in bytes could split a CJK
// character).
func short40(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:39]) + "…"
	}
	return s
}

// referenceDefs finds link reference definitions ("[label]: target") of
// target in src and returns the offsets of the target in them.
func referenceDefs(src []byte, target string) []int {
	var offs []int
	text := string(src)
	for i := 0; ; {
		j := strings.Index(text[i:], "]: "+target)
		if j < 0 {
			return offs
		}
		at := i + j + 3
		end := at + len(target)
		lineStart := strings.LastIndexByte(text[:at], '\n') + 1
		if strings.HasPrefix(strings.TrimLeft(text[lineStart:at], " "), "[") &&
			(end == len(text) || text[end] == '\n' || text[end] == '\r' || text[end] == ' ') {
			offs = append(offs, at)
		}
		i = end
	}
}
