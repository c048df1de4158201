package main

import (
	"sort"
)

// translationChange is a commit in one translation language: it follows
// an English rename, translates new pages, removes an orphan, or updates
// translations (a full or partial catch-up with the English, or an edit
// of the translation's own).
func (g *generator) translationChange() (string, []fileOp) {
	l := g.pickLang()
	var ops []fileOp
	live := g.byLang[l.code]
	want := int(1.05 * l.share * float64(len(g.pages)) * min(1, .3+g.progress()))
	switch x := g.r.Float64(); {
	case len(g.moves[l.code]) > 0 && x < .3:
		// Follow one pending English rename.
		m := g.moves[l.code][0]
		g.moves[l.code] = g.moves[l.code][1:]
		if m.t.page == nil || g.isDeleted(m.t) {
			return g.translationChange()
		}
		ops = append(ops, fileOp{path: "content/" + l.code + "/" + m.t.path, del: true})
		m.t.path = m.to
		ops = append(ops, g.writeTrans(m.t))
		return "[" + l.code + "] Follow a page move", ops
	case len(live) < want:
		for range 1 + g.r.IntN(2) {
			if p := g.untranslated(l); p != nil {
				t := g.translate(l, p)
				p.trans[l.code] = t
				g.byLang[l.code] = append(g.byLang[l.code], t)
				ops = append(ops, g.writeTrans(t))
			}
		}
		if len(ops) > 0 {
			return "[" + l.code + "] Translate pages", ops
		}
	case x < .36:
		for _, t := range live {
			if t.page == nil {
				return "[" + l.code + "] Remove an orphaned page", []fileOp{g.deleteTrans(t)}
			}
		}
	}
	if len(live) == 0 {
		return g.englishChange()
	}
	// Translation commits touch a few more files than English ones
	// (kubernetes/website: 6.1 versions per translation, 25,800
	// modifications in 15,500 commits).
	k := g.filesPerCommit() + g.r.IntN(2)
	for range k {
		t := g.pickTrans(live)
		switch y := g.r.Float64(); {
		case t.page != nil && t.path == t.page.path && y < .55:
			g.catchUp(t, true)
		case t.page != nil && t.path == t.page.path && y < .75:
			g.catchUp(t, false)
		default:
			g.ownEdit(t)
		}
		ops = append(ops, g.writeTrans(t))
	}
	return "[" + l.code + "] Update translations", ops
}

func (g *generator) writeTrans(t *translation) fileOp {
	return fileOp{path: "content/" + t.lang.code + "/" + t.path, content: t.renderPage()}
}

func (g *generator) deleteTrans(t *translation) fileOp {
	live := g.byLang[t.lang.code]
	for i, u := range live {
		if u == t {
			g.byLang[t.lang.code] = append(live[:i], live[i+1:]...)
			break
		}
	}
	if t.page != nil && t.page.trans[t.lang.code] == t {
		delete(t.page.trans, t.lang.code)
	}
	return fileOp{path: "content/" + t.lang.code + "/" + t.path, del: true}
}

func (g *generator) isDeleted(t *translation) bool {
	for _, u := range g.byLang[t.lang.code] {
		if u == t {
			return false
		}
	}
	return true
}

// untranslated picks a page the language lacks, the smallest of three
// candidates: translators start with short pages (kubernetes/website's
// median translation is 3.0 KB against 4.7 KB in English).
func (g *generator) untranslated(l *language) *page {
	var best *page
	seen := 0
	for range 30 {
		p := g.pages[g.r.IntN(len(g.pages))]
		if p.trans[l.code] != nil || l.keepEnglish && p.size() > 130000 {
			continue // zh-cn's largest page there is 277 KB
		}
		if best == nil || len(p.blocks) < len(best.blocks) {
			best = p
		}
		if seen++; seen == 3 {
			break
		}
	}
	return best
}

func (g *generator) pickLang() *language {
	total := 0.0
	for _, l := range langs {
		total += l.share
	}
	x := g.r.Float64() * total
	for _, l := range langs {
		if x -= l.share; x < 0 {
			return l
		}
	}
	return langs[0]
}

// pickTrans picks a translation by its page's weight (orphans: little).
func (g *generator) pickTrans(ts []*translation) *translation {
	w := func(t *translation) float64 {
		if t.page == nil {
			return .1
		}
		return t.page.weight
	}
	total := 0.0
	for _, t := range ts {
		total += w(t)
	}
	x := g.r.Float64() * total
	for _, t := range ts {
		if x -= w(t); x < 0 {
			return t
		}
	}
	return ts[len(ts)-1]
}

func sortedTrans(p *page) []*translation {
	out := make([]*translation, 0, len(p.trans))
	for _, t := range p.trans {
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].lang.code < out[j].lang.code })
	return out
}
