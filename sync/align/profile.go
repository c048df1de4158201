package align

import (
	"strings"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

// Profile is the untranslated skeleton of a page: unit kinds and
// anchors, as a multiset. Base inference and rename suggestions compare
// pages by it.
type Profile map[string]int

// ProfileOf returns the skeleton of doc.
func ProfileOf(doc *parse.Document) Profile {
	p := Profile{}
	for i := range doc.Units {
		u := &doc.Units[i]
		if u.Kind == parse.FrontMatter {
			continue
		}
		p["k:"+u.Kind.String()]++
		p.AddAnchors(u, Anchors{})
	}
	return p
}

// Anchors says which anchors beyond links, images, numbers and code
// AddAnchors counts.
type Anchors struct {
	// Shortcodes: the names of shortcodes.
	Shortcodes bool
	// Words: Latin-script words, lower case (what a translation into
	// another script keeps: names of products and APIs).
	Words bool
}

// AddAnchors adds what a translation keeps verbatim of a unit to p:
// link and image targets (LinkKey), numbers and code, and what with
// asks for.
func (p Profile) AddAnchors(u *parse.Unit, with Anchors) {
	a := u.AllAnchors()
	for _, l := range a.Links {
		p["l:"+LinkKey(l)]++
	}
	for _, l := range a.Images {
		p["i:"+LinkKey(l)]++
	}
	for _, n := range a.Numbers {
		p["n:"+n]++
	}
	for _, c := range a.Code {
		p["c:"+c]++
	}
	if with.Shortcodes {
		for _, c := range a.Shortcodes {
			p["s:"+c]++
		}
	}
	if with.Words {
		for _, w := range a.Words {
			p["w:"+strings.ToLower(w)]++
		}
	}
}

// Similarity is the Dice coefficient of two skeletons: 1 for the same
// skeleton, 0 for nothing in common.
func Similarity(a, b Profile) float64 {
	common, total := 0, 0
	for k, n := range a {
		common += min(n, b[k])
		total += n
	}
	for _, n := range b {
		total += n
	}
	if total == 0 {
		return 1
	}
	return 2 * float64(common) / float64(total)
}
