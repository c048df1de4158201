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

func config() string {
	var b strings.Builder
	b.WriteString("baseURL = \"https://example.org/\"\ndefaultContentLanguage = \"en\"\n\n[languages.en]\ncontentDir = \"content/en\"\nweight = 1\n")
	for i, l := range langs {
		fmt.Fprintf(&b, "\n[languages.%s]\ncontentDir = \"content/%s\"\nweight = %d\n", l.code, l.code, i+2)
	}
	return b.String()
}
