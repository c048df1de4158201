package main

import (
	"fmt"
	"sort"
	"strings"
)

// wantPages is how many English pages there should be by now: a quarter
// at the start, the rest added over the history.
func (g *generator) wantPages() int {
	return g.o.Pages/4 + int(float64(g.o.Pages-g.o.Pages/4)*min(1, g.progress()/.95))
}

// englishChange is a commit on English pages: new pages (until there are
// as many as asked), a deletion, a rename, or edits; some carry an image.
func (g *generator) englishChange() (string, []fileOp) {
	var ops []fileOp
	if g.imgOps < int(float64(g.o.Images)*1.5*g.progress()) {
		ops = append(ops, g.imageOp())
	}
	switch x := g.r.Float64(); {
	case len(g.pages) < g.wantPages():
		for range 1 + g.r.IntN(2) {
			if len(g.pages) < g.wantPages() {
				ops = append(ops, g.addPage()...)
			}
		}
		return "Add pages", ops
	case x < .025 && len(g.pages) > 10:
		return "Remove an outdated page", append(ops, g.deletePage()...)
	case x < .045 && len(g.pages) > 10:
		return "Move a page", append(ops, g.renamePages()...)
	}
	k := g.filesPerCommit()
	seen := map[*page]bool{}
	for range k {
		p := g.pickPage()
		if seen[p] {
			continue
		}
		seen[p] = true
		g.editEnglish(p)
		ops = append(ops, fileOp{path: "content/en/" + p.path, content: p.render()})
	}
	return "Update docs", ops
}

// filesPerCommit: kubernetes/website's non-merge commits change one file
// at the median, two at the 90th percentile, 21 at the 99th.
func (g *generator) filesPerCommit() int {
	switch x := g.r.Float64(); {
	case x < .72:
		return 1
	case x < .86:
		return 2
	case x < .97:
		return 3 + g.r.IntN(5)
	}
	return 8 + g.r.IntN(33)
}

func (g *generator) addPage() []fileOp {
	g.pageID++
	size := g.pageSize()
	if g.pageID == g.o.Pages/3 {
		size = 320000 // the largest page, as a generated reference page there
	}
	p := g.newPage(g.pageID, size)
	g.pages = append(g.pages, p)
	return []fileOp{{path: "content/en/" + p.path, content: p.render()}}
}

func (g *generator) deletePage() []fileOp {
	i := g.r.IntN(len(g.pages))
	p := g.pages[i]
	g.pages = append(g.pages[:i], g.pages[i+1:]...)
	ops := []fileOp{{path: "content/en/" + p.path, del: true}}
	for _, t := range sortedTrans(p) {
		t.page = nil
		if g.r.IntN(2) == 0 {
			ops = append(ops, g.deleteTrans(t))
		}
	}
	return ops
}

// renamePages moves one page, or a few pages of a section, to a new
// name; translations follow in their own commits later, or never (they
// become orphans).
func (g *generator) renamePages() []fileOp {
	var ops []fileOp
	p := g.pages[g.r.IntN(len(g.pages))]
	dir := p.path[:strings.LastIndex(p.path, "/")]
	n := 1
	if g.r.IntN(2) == 0 {
		n = 2 + g.r.IntN(20)
	}
	for _, q := range g.pages {
		if n == 0 {
			break
		}
		if !strings.HasPrefix(q.path, dir+"/") {
			continue
		}
		n--
		g.pageID++
		to := fmt.Sprintf("%s/%s-%s-%d.md", dir, g.word(), g.word(), g.pageID)
		ops = append(ops, fileOp{path: "content/en/" + q.path, del: true}, fileOp{path: "content/en/" + to, content: q.render()})
		for _, t := range sortedTrans(q) {
			if t.path == q.path && g.r.IntN(5) > 0 {
				g.moves[t.lang.code] = append(g.moves[t.lang.code], move{t, to})
			}
		}
		q.path = to
	}
	return ops
}

// massRename moves one section with every translation of it in one
// commit (kubernetes/website: 897 files in one commit).
func (g *generator) massRename() (string, []fileOp) {
	from := sections[g.r.IntN(len(sections))]
	to := from + "-moved"
	var ops []fileOp
	mv := func(lang string, path *string, content string) {
		if strings.HasPrefix(*path, from+"/") {
			ops = append(ops, fileOp{path: "content/" + lang + "/" + *path, del: true})
			*path = to + (*path)[len(from):]
			ops = append(ops, fileOp{path: "content/" + lang + "/" + *path, content: content})
		}
	}
	for _, p := range g.pages {
		mv("en", &p.path, p.render())
	}
	for _, l := range langs {
		for _, t := range g.byLang[l.code] {
			mv(l.code, &t.path, t.renderPage())
		}
	}
	return "Move " + from + " to " + to, ops
}

// imageOp adds an image under static/ or replaces one; the replaced
// version is removed from the object store after the import.
func (g *generator) imageOp() fileOp {
	g.imgOps++
	var path string
	if len(g.images) < g.o.Images && (len(g.images) == 0 || g.r.IntN(3) > 0) {
		path = fmt.Sprintf("static/images/docs/diagram-%d.png", len(g.images)+1)
	} else {
		keys := make([]string, 0, len(g.images))
		for k := range g.images {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		path = keys[g.r.IntN(len(keys))]
		g.removed = append(g.removed, blobID(g.images[path]))
	}
	b := make([]byte, 2000+g.r.IntN(30000))
	for i := range b {
		b[i] = byte(g.r.Uint32())
	}
	copy(b, "\x89PNG\r\n\x1a\n")
	g.images[path] = string(b)
	return fileOp{path: path, content: string(b)}
}
