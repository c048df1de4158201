package main

import (
	"fmt"
	"math"
	"strings"
)

var vocabulary = strings.Fields(`platform cluster service team developer pipeline
container workload deployment capability portal template observability
metric trace log policy security identity network storage runtime release
version upgrade rollout rollback incident operator controller resource node
pod namespace secret config manifest registry image build test delivery
product user experience feedback roadmap documentation interface automation
the a an of to in for with on by from and or but that which this these
is are was be can should must will may provides manages configures runs
deploys scales observes secures stores routes builds tests delivers reduces
improves enables supports requires uses describes explains shows helps`)

// sections are the directories pages live in, with sub-directories so that
// a directory move (the mass rename) takes a realistic share of the site.
var sections = []string{
	"docs/concepts/workloads", "docs/concepts/services", "docs/concepts/storage",
	"docs/tasks/administer", "docs/tasks/configure", "docs/tasks/debug",
	"docs/tutorials", "docs/reference/api", "docs/reference/tools",
	"docs/setup", "blog/_posts",
}

// block is one Markdown block of a generated English page. id stays the
// same while the block is edited, so translations can follow it.
type block struct {
	id   int
	kind string // heading, para, list, code, table, shortcode
	text string
}

type page struct {
	path   string // relative to content/<lang>
	title  string
	blocks []block
	weight float64 // how often it is edited, heavy-tailed
	trans  map[string]*translation
}

func (g *generator) word() string { return vocabulary[g.r.IntN(len(vocabulary))] }

func (g *generator) sentence() string {
	n := 8 + g.r.IntN(14)
	w := make([]string, n)
	for i := range w {
		w[i] = g.word()
	}
	w[0] = strings.ToUpper(w[0][:1]) + w[0][1:]
	switch g.r.IntN(6) {
	case 0:
		w[g.r.IntN(n)] = fmt.Sprintf("[%s](/docs/%s/%s/)", g.word(), g.word(), g.word())
	case 1:
		w[g.r.IntN(n)] = fmt.Sprintf("`kubectl %s`", g.word())
	case 2:
		w[g.r.IntN(n)] = fmt.Sprint(g.r.IntN(1000))
	case 3:
		w[g.r.IntN(n)] = "Kubernetes"
	}
	return strings.Join(w, " ") + "."
}

func (g *generator) paragraph() string {
	n := 2 + g.r.IntN(4)
	s := make([]string, n)
	for i := range s {
		s[i] = g.sentence()
	}
	// One sentence per line, as kubernetes/website's newer pages do.
	return strings.Join(s, "\n")
}

func (g *generator) newBlock(kind string) block {
	g.blockID++
	b := block{id: g.blockID, kind: kind}
	switch kind {
	case "heading":
		b.text = title(g.word() + " " + g.word() + " " + g.word())
	case "code":
		b.text = fmt.Sprintf("kubectl apply -f %s.yaml\nkubectl get %s", g.word(), g.word())
	case "table":
		var rows []string
		for range 3 + g.r.IntN(4) {
			rows = append(rows, fmt.Sprintf("| %s %s | %s | %d |", g.word(), g.word(), g.word(), g.r.IntN(100)))
		}
		b.text = strings.Join(rows, "\n")
	case "shortcode":
		b.text = "{{< note >}}\n" + g.sentence() + "\n{{< /note >}}"
	case "list":
		var items []string
		for range 3 + g.r.IntN(4) {
			items = append(items, "- "+g.sentence())
		}
		b.text = strings.Join(items, "\n")
	default:
		b.text = g.paragraph()
	}
	return b
}

func (g *generator) bodyBlock() block {
	switch g.r.IntN(10) {
	case 0:
		return g.newBlock("code")
	case 1:
		return g.newBlock("table")
	case 2:
		return g.newBlock("shortcode")
	case 3:
		return g.newBlock("list")
	}
	return g.newBlock("para")
}

// pageSize draws a page size in bytes from a log-normal fitted to the
// English pages of kubernetes/website (median 4.7 KB, 99th percentile
// 56 KB, less what edits add later), capped at the largest page there (328 KB).
func (g *generator) pageSize() int {
	return min(328000, int(4000*math.Exp(1.1*g.r.NormFloat64())))
}

// weight draws how often a page is edited: log-normal, so a few pages
// get most edits (kubernetes/website: median 6 versions, largest 252),
// capped so that no page takes more than about 1% of the edits.
func (g *generator) weight() float64 { return min(30, math.Exp(1.2*g.r.NormFloat64())) }

func (g *generator) newPage(i, size int) *page {
	p := &page{
		path:   fmt.Sprintf("%s/%s-%s-%d.md", sections[i%len(sections)], g.word(), g.word(), i),
		title:  title(g.word() + " " + g.word()),
		weight: g.weight(),
		trans:  map[string]*translation{},
	}
	for n := 300; n < size || len(p.blocks) == 0; {
		h := g.newBlock("heading")
		p.blocks = append(p.blocks, h)
		n += len(h.text) + 4
		for range 2 + g.r.IntN(4) {
			b := g.bodyBlock()
			p.blocks = append(p.blocks, b)
			n += len(b.text) + 2
		}
	}
	return p
}

// editEnglish changes an English page the ways real docs change: a
// reworded sentence, a new or removed paragraph, a link fix, a reflow.
func (g *generator) editEnglish(p *page) {
	i := g.r.IntN(len(p.blocks))
	b := &p.blocks[i]
	switch g.r.IntN(5) {
	case 0, 1:
		if b.kind == "para" || b.kind == "list" {
			lines := strings.Split(b.text, "\n")
			j := g.r.IntN(len(lines))
			prefix := ""
			if b.kind == "list" {
				prefix = "- "
			}
			lines[j] = prefix + g.sentence()
			b.text = strings.Join(lines, "\n")
		} else {
			*b = g.newBlock(b.kind)
			b.id = p.blocks[i].id
		}
	case 2:
		nb := g.newBlock("para")
		p.blocks = append(p.blocks[:i+1], append([]block{nb}, p.blocks[i+1:]...)...)
	case 3:
		if b.kind == "para" && len(p.blocks) > 4 {
			p.blocks = append(p.blocks[:i], p.blocks[i+1:]...)
		} else {
			b.text = strings.Replace(b.text, "](/docs/", "](/docs/v2/", 1)
		}
	default:
		if b.kind == "para" {
			b.text = strings.ReplaceAll(b.text, "\n", " ")
		}
	}
}

func renderFrontMatter(b *strings.Builder, title string) {
	fmt.Fprintf(b, "---\ntitle: %q\ndescription: %q\nweight: 10\nreviewers:\n- sig-docs\n---\n", title, "About "+strings.ToLower(title)+".")
}

func renderBlock(b *strings.Builder, kind, text string) {
	b.WriteString("\n")
	switch kind {
	case "heading":
		b.WriteString("## " + text + "\n")
	case "code":
		b.WriteString("```shell\n" + text + "\n```\n")
	case "table":
		b.WriteString("| Name | Kind | Count |\n|------|------|-------|\n" + text + "\n")
	default:
		b.WriteString(text + "\n")
	}
}

// size is about the bytes of the rendered page.
func (p *page) size() int {
	n := 0
	for _, b := range p.blocks {
		n += len(b.text) + 4
	}
	return n
}

func (p *page) render() string {
	var b strings.Builder
	renderFrontMatter(&b, p.title)
	for _, bl := range p.blocks {
		renderBlock(&b, bl.kind, bl.text)
	}
	return b.String()
}

// title capitalizes the first letter of each word (ASCII words only).
func title(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}
