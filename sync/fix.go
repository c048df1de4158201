package sync

import (
	"fmt"
	"slices"
	"strings"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

// replacement is one mechanical change to carry into a translation: an
// old string of the source (a link target, code, a shortcode tag, a code
// block, a front matter value) and its new value.
type replacement struct {
	old, new string
	kind     repKind
}

type repKind int

const (
	repWhole repKind = iota // the unit's whole text (code block, shortcode, field)
	repLink                 // a link or image target
	repCode                 // inline code
)

// delimiters are the contexts a value is matched in: a target inside a
// longer URL (/ja/docs/x for /docs/x) is not the same target.
func (r replacement) delimiters() [][2]string {
	switch r.kind {
	case repLink:
		return [][2]string{{"(", ")"}, {"(", " "}, {"\"", "\""}, {"'", "'"}, {"<", ">"}}
	case repCode:
		return [][2]string{{"`", "`"}, {"`` ", " ``"}}
	}
	return [][2]string{{"", ""}}
}

// replaceIn replaces the value in text, in its contexts; found reports
// whether it was there.
func (r replacement) replaceIn(text string) (string, bool) {
	found := false
	for _, d := range r.delimiters() {
		old, cur := d[0]+r.old+d[1], d[0]+r.new+d[1]
		if strings.Contains(text, old) {
			text = strings.ReplaceAll(text, old, cur)
			found = true
		}
	}
	return text, found
}

// present reports whether the value v is in text, in its contexts.
func (r replacement) present(text, v string) bool {
	for _, d := range r.delimiters() {
		if strings.Contains(text, d[0]+v+d[1]) {
			return true
		}
	}
	return false
}

// replacements lists what a mechanical change replaced. ok is false when
// the change cannot be carried verbatim (anchors added or removed).
func replacements(c *Change) ([]replacement, bool) {
	b, a := c.Before, c.After
	if b == nil || a == nil {
		return nil, false
	}
	switch b.Kind {
	case parse.Code, parse.Shortcode, parse.FrontMatter:
		if b.Text == a.Text {
			return nil, true
		}
		return []replacement{{b.Text, a.Text, repWhole}}, true
	}
	ba, aa := b.AllAnchors(), a.AllAnchors()
	var reps []replacement
	for k, pair := range [][2][]string{{ba.Links, aa.Links}, {ba.Images, aa.Images}, {ba.Code, aa.Code}} {
		old, cur := pair[0], pair[1]
		if len(old) != len(cur) {
			return nil, false
		}
		kind := repLink
		if k == 2 {
			kind = repCode
		}
		for i := range old {
			if old[i] != cur[i] && !slices.ContainsFunc(reps, func(r replacement) bool { return r.old == old[i] }) {
				reps = append(reps, replacement{old[i], cur[i], kind})
			}
		}
	}
	return reps, true
}

// applied reports whether a translated text already carries the
// replacements: the new values are there and the old ones are not. With
// no replacement (markup changed, the targets did not) there is nothing
// to carry.
func applied(text string, src []byte, reps []replacement) bool {
	has := func(r replacement, v string) bool {
		return r.present(text, v) || r.kind == repLink && len(referenceDefs(src, v)) > 0
	}
	for _, r := range reps {
		if !has(r, r.new) || has(r, r.old) {
			return false
		}
	}
	return true
}

// PlanFix plans carrying mechanical source changes (link and image
// targets, inline code, code blocks, shortcode arguments, front matter
// values that are not translated) into translations. Prose is never
// touched. A value the translation does not hold verbatim (a localized
// URL, translated code comments) is left and reported in the notes.
func (s *Site) PlanFix(langs, paths []string) ([]FileEdit, []Note) {
	report := s.Status(Options{Langs: langs, Paths: paths})
	var edits []FileEdit
	var notes []Note
	for _, p := range report.Pages {
		if p.Base == nil || p.Base.Current || p.Source == "" || p.Translation == "" || p.State == PageStub {
			continue
		}
		src, err1 := s.loadPath(p.Source)
		tr, err2 := s.loadPath(p.Translation)
		if err1 != nil || err2 != nil {
			continue
		}
		// The base status found, read back by its blob id (no second
		// inference from history).
		if p.Base.Blob == "" {
			continue
		}
		base := s.newVersions().doc(p.Base.Blob, p.Source)
		if base == nil {
			continue
		}
		after, n := s.fixPage(base, src.Doc, tr.Doc, p.Translation)
		notes = append(notes, n...)
		e := FileEdit{Path: p.Translation, Before: tr.Src, After: after, Reason: "fix: carry mechanical source changes"}
		if e.Changed() {
			edits = append(edits, e)
		}
	}
	return edits, notes
}

// fixPage applies the mechanical changes between base and cur to tr's
// aligned units and non-translated front matter.
func (s *Site) fixPage(base, cur, tr *parse.Document, name string) ([]byte, []Note) {
	diff := DiffSource(base, cur)
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
		if c.Kind != Metadata || c.Before == nil || c.After == nil || c.Before.Kind != parse.FrontMatter {
			continue
		}
		t := topField(tr, c.Before.Key)
		if t == nil {
			continue
		}
		oldRaw := string(base.Src[c.Before.Start:c.Before.End])
		if t.Text == c.Before.Text || string(tr.Src[t.Start:t.End]) == oldRaw {
			spans = append(spans, span{t.Start, t.End, string(cur.Src[c.After.Start:c.After.End])})
		} else if t.Text != c.After.Text {
			need(t, fmt.Sprintf("front matter %q changed from %q to %q", c.Before.Key, c.Before.Text, c.After.Text))
		}
	}
	// Body: the translated units aligned with each mechanically changed unit.
	for _, p := range Align(base, tr, AlignOptions{}) {
		if len(p.Target) == 0 {
			continue
		}
		for _, bi := range p.Source {
			c := diff.ByBefore[bi]
			if c == nil || c.Kind != Mechanical || c.Before.Kind == parse.FrontMatter {
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
