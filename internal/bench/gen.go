package main

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strings"
)

// genOptions size the synthetic repository. The defaults follow
// kubernetes/website: about 7,500 Markdown files (a third of them English),
// 16 languages, 60 MB of content and thousands of commits.
type genOptions struct {
	Dir     string
	Pages   int
	Commits int
	Seed    uint64
}

// langs are the translation languages with the share of English pages
// each has translated.
var langs = []struct {
	code  string
	share float64
	cjk   bool
}{
	{"ja", .45, true}, {"zh-cn", .40, true}, {"ko", .30, true}, {"fr", .25, false},
	{"es", .20, false}, {"de", .15, false}, {"pt-br", .12, false}, {"ru", .08, false},
	{"id", .08, false}, {"hi", .05, false}, {"it", .05, false}, {"pl", .04, false},
	{"uk", .03, false}, {"vi", .02, false}, {"bn", .01, false},
}

// block is one Markdown block of a generated page.
type block struct {
	kind string // heading, para, list, code, table, shortcode
	text string
}

type page struct {
	path   string // relative to content/<lang>
	title  string
	blocks []block
}

// translation is a translated page and the English version it renders.
type translation struct {
	lang   string
	cjk    bool
	source []block // the English blocks it was made from
	title  string
	links  int // link fixes applied in the translation
}

type generator struct {
	r      *rand.Rand
	w      *bufio.Writer
	pages  []*page
	trans  map[string]*translation // lang/path
	time   int64
	commit int
}

func generate(o genOptions) error {
	if err := os.MkdirAll(o.Dir, 0o755); err != nil {
		return err
	}
	if err := run(o.Dir, "git", "init", "-q", "-b", "main"); err != nil {
		return err
	}
	cmd := exec.Command("git", "fast-import", "--quiet", "--done")
	cmd.Dir = o.Dir
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	g := &generator{r: rand.New(rand.NewPCG(o.Seed, 7)), w: bufio.NewWriterSize(in, 1<<20),
		trans: map[string]*translation{}, time: 1600000000}
	g.history(o)
	fmt.Fprintln(g.w, "done")
	if err := g.w.Flush(); err != nil {
		return err
	}
	in.Close()
	if err := cmd.Wait(); err != nil {
		return fmt.Errorf("git fast-import: %w", err)
	}
	return run(o.Dir, "git", "checkout", "-q", "-f", "main")
}

func run(dir string, name string, args ...string) error {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Stderr = os.Stderr
	return cmd.Run()
}

// history writes the commits: the English pages arrive in batches, then
// English edits, new translations, retranslations and link fixes in
// translations are interleaved.
func (g *generator) history(o genOptions) {
	files := map[string]string{"hugo.toml": g.config()}
	batch := max(1, o.Pages/200)
	for i := 0; i < o.Pages; i++ {
		p := g.newPage(i)
		g.pages = append(g.pages, p)
		files["content/en/"+p.path] = render(p.title, p.blocks, "")
		if len(files) >= batch {
			g.commitFiles("Add English pages", files)
			files = map[string]string{}
		}
	}
	g.commitFiles("Add English pages", files)
	// Translations to make, in random order.
	type todo struct {
		lang int
		page int
	}
	var todos []todo
	for li, l := range langs {
		for pi := range g.pages {
			if g.r.Float64() < l.share {
				todos = append(todos, todo{li, pi})
			}
		}
	}
	g.r.Shuffle(len(todos), func(i, j int) { todos[i], todos[j] = todos[j], todos[i] })
	remaining := max(1, o.Commits-g.commit)
	perCommit := max(1, (len(todos)+remaining/2)/(remaining/2))
	for g.commit < o.Commits || len(todos) > 0 {
		files := map[string]string{}
		switch {
		case len(todos) > 0 && (g.r.IntN(2) == 0 || g.commit >= o.Commits):
			n := min(perCommit, len(todos))
			for _, t := range todos[:n] {
				g.translate(t.lang, g.pages[t.page], files)
			}
			todos = todos[n:]
			g.commitFiles("Translate pages", files)
		case g.r.IntN(3) == 0 && len(g.trans) > 0:
			// Update existing translations to the current English, or fix a link.
			for range 1 + g.r.IntN(4) {
				key := g.someTranslation()
				t := g.trans[key]
				path := strings.TrimPrefix(key, t.lang+"/")
				p := g.pageByPath(path)
				if g.r.IntN(2) == 0 {
					t.source = clone(p.blocks)
				} else {
					t.links++
				}
				files["content/"+t.lang+"/"+path] = g.renderTranslation(t)
			}
			g.commitFiles("Update translations", files)
		default:
			for range 1 + g.r.IntN(5) {
				p := g.pages[g.r.IntN(len(g.pages))]
				g.editEnglish(p)
				files["content/en/"+p.path] = render(p.title, p.blocks, "")
			}
			g.commitFiles("Edit English pages", files)
		}
	}
}

func (g *generator) config() string {
	var b strings.Builder
	b.WriteString("baseURL = \"https://example.org/\"\ndefaultContentLanguage = \"en\"\n\n[languages.en]\ncontentDir = \"content/en\"\nweight = 1\n")
	for i, l := range langs {
		fmt.Fprintf(&b, "\n[languages.%s]\ncontentDir = \"content/%s\"\nweight = %d\n", l.code, l.code, i+2)
	}
	return b.String()
}

func (g *generator) commitFiles(msg string, files map[string]string) {
	if len(files) == 0 {
		return
	}
	g.commit++
	g.time += 3600 + int64(g.r.IntN(86400))
	fmt.Fprintf(g.w, "commit refs/heads/main\ncommitter Bench <bench@example.org> %d +0000\ndata %d\n%s\n", g.time, len(msg), msg)
	for path, content := range files {
		fmt.Fprintf(g.w, "M 100644 inline %s\ndata %d\n%s\n", path, len(content), content)
	}
}

func (g *generator) someTranslation() string {
	// Map iteration order is random enough, but not reproducible: pick by index.
	i := g.r.IntN(len(g.trans))
	for k := range g.trans {
		if i == 0 {
			return k
		}
		i--
	}
	return ""
}

func (g *generator) pageByPath(path string) *page {
	for _, p := range g.pages {
		if p.path == path {
			return p
		}
	}
	return nil
}

func (g *generator) translate(li int, p *page, files map[string]string) {
	l := langs[li]
	t := &translation{lang: l.code, cjk: l.cjk, source: clone(p.blocks), title: p.title}
	g.trans[l.code+"/"+p.path] = t
	files["content/"+l.code+"/"+p.path] = g.renderTranslation(t)
}

func clone(bs []block) []block { return append([]block(nil), bs...) }
