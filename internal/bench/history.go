package main

import (
	"fmt"
	"sort"
	"strings"
)

// The shape of kubernetes/website's history (Markdown-only, measured with
// git log, see stats.go): a third of main's first-parent commits are
// direct, the rest merge a pull request of 1.6 commits on average (80%
// one commit, a tail up to 36); 6% of the commits touch only string
// tables or config; of the content commits, 45% change only English pages,
// 54% only one translation language, 0.6% both.
const (
	directShare  = .32
	stringsShare = .06
	englishShare = .455
	mixedShare   = .006
)

// history writes the whole history to the fast-import stream.
func (g *generator) history() {
	var ops []fileOp
	ops = append(ops, fileOp{path: "hugo.toml", content: config()})
	for _, l := range append([]*language{{code: "en"}}, langs...) {
		ops = append(ops, g.editStrings(l.code, 40)...)
	}
	for len(g.pages) < g.o.Pages/4 {
		ops = append(ops, g.addPage()...)
	}
	g.main = g.emit("refs/heads/main", 0, 0, "Initial import", ops)
	g.mainFP = append(g.mainFP, g.main)
	for g.commits < g.o.Commits {
		if g.r.Float64() < directShare {
			msg, ops := g.change()
			g.main = g.emit("refs/heads/main", g.main, 0, msg, ops)
			g.mainFP = append(g.mainFP, g.main)
			continue
		}
		g.pullRequest()
	}
}

// pullRequest writes a branch off a recent main commit and merges it with
// --no-ff; one in six merges main in first (kubernetes/website has 3,000
// merges besides the 16,600 on the first-parent line).
func (g *generator) pullRequest() {
	g.prs++
	base := g.mainFP[max(0, len(g.mainFP)-1-g.r.IntN(4))]
	tip := base
	var all []fileOp
	n := g.prLength()
	for i := range n {
		msg, ops := g.change()
		tip = g.emit("refs/heads/pr", tip, 0, msg, ops)
		all = append(all, ops...)
		if i == 0 && g.r.IntN(6) == 0 {
			tip = g.emit("refs/heads/pr", g.main, tip, "Merge branch 'main' into pr-"+fmt.Sprint(g.prs), all)
		}
	}
	msg := fmt.Sprintf("Merge pull request #%d from %s/pr-%d\n\n%s", g.prs, g.word(), g.prs, title(g.word()+" "+g.word()))
	g.main = g.emit("refs/heads/main", g.main, tip, msg, all)
	g.mainFP = append(g.mainFP, g.main)
}

func (g *generator) prLength() int {
	switch x := g.r.Float64(); {
	case x < .80:
		return 1
	case x < .91:
		return 2
	case x < .96:
		return 3 + g.r.IntN(2)
	case x < .99:
		return 5 + g.r.IntN(6)
	}
	return 11 + g.r.IntN(26)
}

func (g *generator) progress() float64 { return float64(g.commits) / float64(g.o.Commits) }

// change makes the file changes of one non-merge commit.
func (g *generator) change() (string, []fileOp) {
	if g.massed < 2 && g.progress() > .4+.35*float64(g.massed) {
		g.massed++
		return g.massRename()
	}
	x := g.r.Float64()
	switch {
	case x < stringsShare:
		l := langs[g.r.IntN(len(langs))].code
		if g.r.IntN(3) == 0 {
			l = "en"
		}
		return "Update " + l + " strings", g.editStrings(l, 1)
	case x < stringsShare+(1-stringsShare)*englishShare:
		return g.englishChange()
	case x < stringsShare+(1-stringsShare)*(englishShare+mixedShare):
		p := g.pickPage()
		g.editEnglish(p)
		ops := []fileOp{{path: "content/en/" + p.path, content: p.render()}}
		for _, t := range p.trans {
			if t.path == p.path {
				g.catchUp(t, true)
				ops = append(ops, g.writeTrans(t))
			}
		}
		return "Update " + p.path + " and its translations", ops
	}
	return g.translationChange()
}

// wantPages is how many English pages there should be by now: a quarter
// at the start, the rest added over the history.
func (g *generator) wantPages() int {
	return g.o.Pages/4 + int(float64(g.o.Pages-g.o.Pages/4)*min(1, g.progress()/.95))
}

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

func (g *generator) pickPage() *page {
	total := 0.0
	for _, p := range g.pages {
		total += p.weight
	}
	x := g.r.Float64() * total
	for _, p := range g.pages {
		if x -= p.weight; x < 0 {
			return p
		}
	}
	return g.pages[len(g.pages)-1]
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

func (g *generator) editStrings(lang string, n int) []fileOp {
	m := g.strs[lang]
	if m == nil {
		m = map[string]string{}
		g.strs[lang] = m
	}
	for range n {
		m[g.word()+"_"+g.word()] = g.sentence()
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "[%s]\nother = %q\n\n", k, m[k])
	}
	return []fileOp{{path: "i18n/" + lang + "/" + lang + ".toml", content: b.String()}}
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

func config() string {
	var b strings.Builder
	b.WriteString("baseURL = \"https://example.org/\"\ndefaultContentLanguage = \"en\"\n\n[languages.en]\ncontentDir = \"content/en\"\nweight = 1\n")
	for i, l := range langs {
		fmt.Fprintf(&b, "\n[languages.%s]\ncontentDir = \"content/%s\"\nweight = %d\n", l.code, l.code, i+2)
	}
	return b.String()
}
