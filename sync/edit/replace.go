package edit

import (
	"slices"
	"strings"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
	"github.com/cnpe-i18n/cnpe-i18n/sync/change"
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
func replacements(c *change.Change) ([]replacement, bool) {
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

// Carried reports whether the translated units (indexes into tr.Units)
// already carry a mechanical source change: fix did it, or the translator
// did.
func Carried(c *change.Change, tr *parse.Document, targets []int) bool {
	first, last := &tr.Units[targets[0]], &tr.Units[targets[len(targets)-1]]
	text := string(tr.Src[first.Start:last.End])
	reps, ok := replacements(c)
	if !ok {
		return holdsAnchors(c, text, tr.Src)
	}
	return applied(text, tr.Src, reps)
}

// holdsAnchors reports whether a translated text already has the link
// targets and code of a source unit that gained or lost some (words put
// in code spans, a link added): every one the source has now is there,
// and none it dropped.
func holdsAnchors(c *change.Change, text string, src []byte) bool {
	b, a := c.Before, c.After
	if b == nil || a == nil || b.Kind == parse.Code || b.Kind == parse.Shortcode || b.Kind == parse.FrontMatter {
		return false
	}
	ba, aa := b.AllAnchors(), a.AllAnchors()
	for k, pair := range [][2][]string{{ba.Links, aa.Links}, {ba.Code, aa.Code}} {
		r := replacement{kind: repLink}
		if k == 1 {
			r.kind = repCode
		}
		has := func(v string) bool {
			return r.present(text, v) || r.kind == repLink && len(referenceDefs(src, v)) > 0
		}
		for _, v := range pair[1] {
			if !has(v) {
				return false
			}
		}
		for _, v := range pair[0] {
			if !slices.Contains(pair[1], v) && has(v) {
				return false
			}
		}
	}
	return slices.Equal(ba.Images, aa.Images)
}
