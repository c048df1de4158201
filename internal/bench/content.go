package main

import (
	"fmt"
	"hash/fnv"
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

var sections = []string{"docs/concepts", "docs/tasks", "docs/tutorials", "docs/reference", "docs/setup", "blog/2024", "blog/2025"}

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

func (g *generator) newPage(i int) *page {
	p := &page{
		path:  fmt.Sprintf("%s/%s-%s-%d.md", sections[i%len(sections)], g.word(), g.word(), i),
		title: title(g.word() + " " + g.word()),
	}
	for range 4 + g.r.IntN(5) {
		p.blocks = append(p.blocks, block{"heading", title(g.word() + " " + g.word() + " " + g.word())})
		for range 2 + g.r.IntN(4) {
			switch g.r.IntN(10) {
			case 0:
				p.blocks = append(p.blocks, block{"code", fmt.Sprintf("kubectl apply -f %s.yaml\nkubectl get %s", g.word(), g.word())})
			case 1:
				var rows []string
				for range 3 + g.r.IntN(4) {
					rows = append(rows, fmt.Sprintf("| %s %s | %s | %d |", g.word(), g.word(), g.word(), g.r.IntN(100)))
				}
				p.blocks = append(p.blocks, block{"table", strings.Join(rows, "\n")})
			case 2:
				p.blocks = append(p.blocks, block{"shortcode", fmt.Sprintf(`{{< note >}}`+"\n%s\n"+`{{< /note >}}`, g.sentence())})
			case 3:
				var items []string
				for range 3 + g.r.IntN(4) {
					items = append(items, "- "+g.sentence())
				}
				p.blocks = append(p.blocks, block{"list", strings.Join(items, "\n")})
			default:
				p.blocks = append(p.blocks, block{"para", g.paragraph()})
			}
		}
	}
	return p
}

// editEnglish changes an English page the ways real docs change: a
// reworded sentence, a new paragraph, a link fix, a reflow.
func (g *generator) editEnglish(p *page) {
	i := g.r.IntN(len(p.blocks))
	b := &p.blocks[i]
	switch g.r.IntN(4) {
	case 0:
		if b.kind == "para" {
			lines := strings.Split(b.text, "\n")
			lines[g.r.IntN(len(lines))] = g.sentence()
			b.text = strings.Join(lines, "\n")
		}
	case 1:
		p.blocks = append(p.blocks[:i+1], append([]block{{"para", g.paragraph()}}, p.blocks[i+1:]...)...)
	case 2:
		b.text = strings.Replace(b.text, "](/docs/", "](/docs/v2/", 1)
	default:
		if b.kind == "para" {
			b.text = strings.ReplaceAll(b.text, "\n", " ")
		}
	}
}

func render(title string, blocks []block, extra string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %q\ndescription: %q\nweight: 10\nreviewers:\n- sig-docs\n%s---\n", title, "About "+strings.ToLower(title)+".", extra)
	for _, bl := range blocks {
		b.WriteString("\n")
		switch bl.kind {
		case "heading":
			b.WriteString("## " + bl.text + "\n")
		case "code":
			b.WriteString("```shell\n" + bl.text + "\n```\n")
		case "table":
			b.WriteString("| Name | Kind | Count |\n|------|------|-------|\n" + bl.text + "\n")
		default:
			b.WriteString(bl.text + "\n")
		}
	}
	return b.String()
}

// renderTranslation renders the English version a translation was made
// from with every word replaced by a word of the target language (kana,
// hangul and han for CJK): links, code and numbers stay, as they do.
func (g *generator) renderTranslation(t *translation) string {
	blocks := make([]block, len(t.source))
	for i, b := range t.source {
		blocks[i] = block{b.kind, translateText(b.kind, b.text, t.lang, t.cjk)}
		if b.kind == "para" && t.links > 0 {
			blocks[i].text = strings.Replace(blocks[i].text, "](/docs/", "](/"+t.lang+"/docs/", t.links)
		}
	}
	return render(translateText("heading", t.title, t.lang, t.cjk), blocks, "")
}

func translateText(kind, text, lang string, cjk bool) string {
	if kind == "code" {
		return text
	}
	var b strings.Builder
	for _, line := range strings.SplitAfter(text, "\n") {
		fields := strings.Fields(line)
		for i, f := range fields {
			if strings.ContainsAny(f, "[`(|{}") || f == "Kubernetes" || f[0] >= '0' && f[0] <= '9' || f == "-" {
				if i > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(f)
				if cjk {
					b.WriteByte(' ')
				}
				continue
			}
			if i > 0 && !cjk {
				b.WriteByte(' ')
			}
			b.WriteString(foreign(strings.Trim(f, ".,"), lang, cjk))
			if strings.HasSuffix(f, ".") {
				if cjk {
					b.WriteString("。")
				} else {
					b.WriteString(".")
				}
			}
		}
		if strings.HasSuffix(line, "\n") {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

var scripts = map[string][]rune{
	"ja":    []rune("あいうえおかきくけこさしすせそたちつてとなにぬねのアイウエオカキクケコ"),
	"zh-cn": []rune("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经"),
	"ko":    []rune("가나다라마바사아자차카타파하거너더러머버서어저처커터퍼허"),
}

func foreign(w, lang string, cjk bool) string {
	h := fnv.New32a()
	h.Write([]byte(lang + w))
	v := h.Sum32()
	if cjk {
		alphabet := scripts[lang]
		n := 2 + int(v%3)
		out := make([]rune, n)
		for i := range out {
			out[i] = alphabet[int(v>>(4*i))%len(alphabet)]
		}
		return string(out)
	}
	r := []rune(w)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r) + lang[:1]
}

// title capitalizes the first letter of each word (ASCII words only).
func title(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}
