package align

import "github.com/cnpe-i18n/cnpe-i18n/parse"

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
		a := u.AllAnchors()
		for _, l := range a.Links {
			p["l:"+normalizeLink(l)]++
		}
		for _, l := range a.Images {
			p["i:"+normalizeLink(l)]++
		}
		for _, n := range a.Numbers {
			p["n:"+n]++
		}
		for _, c := range a.Code {
			p["c:"+c]++
		}
	}
	return p
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
