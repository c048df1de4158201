package main

import (
	"hash/fnv"
	"slices"
	"strings"
)

type script int

const (
	latin    script = iota // words reversed: same bytes as English
	han                    // CJK: no spaces, 3 bytes a character
	alphabet               // a non-Latin alphabet letter for letter: 2-3 bytes a letter
)

// language is a translation language, with the share of English pages it
// has translated on kubernetes/website at the time of the snapshot.
type language struct {
	code  string
	share float64
	script
	letters []rune
	// keepEnglish: the translation keeps each English block in an HTML
	// comment above its translation, as zh-cn does (its pages are 1.7x the
	// English size there).
	keepEnglish bool
}

var langs = []*language{
	{code: "zh-cn", share: .80, script: han, keepEnglish: true, letters: []rune("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经")},
	{code: "ja", share: .24, script: han, letters: []rune("あいうえおかきくけこさしすせそたちつてとなにぬねのアイウエオカキクケコ")},
	{code: "ko", share: .23, script: han, letters: []rune("가나다라마바사아자차카타파하거너더러머버서어저처커터퍼허")},
	{code: "pt-br", share: .13}, {code: "fr", share: .115}, {code: "id", share: .11},
	{code: "es", share: .086}, {code: "vi", share: .079},
	{code: "ru", share: .056, script: alphabet, letters: []rune("абвгдежзийклмнопрстуфхцчшщыэюя")},
	{code: "de", share: .053},
	{code: "bn", share: .048, script: alphabet, letters: []rune("অআইঈউঊঋএঐওঔকখগঘঙচছজঝঞটঠডঢণতথদধনপফবভমযরলশষসহ")},
	{code: "hi", share: .045, script: alphabet, letters: []rune("अआइईउऊऋएऐओऔकखगघङचछजझञटठडढणतथदधनपफबभमयरलवशषसह")},
	{code: "pl", share: .036},
	{code: "uk", share: .033, script: alphabet, letters: []rune("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя")},
	{code: "it", share: .026},
}

// unit is one translated block.
type unit struct {
	src  int // the English block's id; 0 for the translator's own addition
	kind string
	orig string // the English text it was translated from
	text string
}

// translation is a translated page. It diverges from its source the ways
// real translations do: it lags (units keep the English they were made
// from), is partial (cut), skips blocks, adds its own notes, reorders list
// items, and is edited in its own commits.
type translation struct {
	lang  *language
	path  string // relative to content/<lang>
	page  *page  // nil once the English page is gone or moved away
	title string
	units []unit
	cut   float64      // the share of the English blocks translated (1: all)
	skip  map[int]bool // English blocks the translator left out
	swap  bool         // list items reordered
	local bool         // links rewritten to /<lang>/docs/
}

func (g *generator) translate(l *language, p *page) *translation {
	t := &translation{lang: l, path: p.path, page: p, cut: 1, skip: map[int]bool{},
		swap: g.r.IntN(5) == 0, local: g.r.IntN(3) == 0}
	if g.r.IntN(8) == 0 {
		t.cut = .4 + .4*g.r.Float64()
	}
	for _, b := range p.blocks {
		if b.kind == "para" && g.r.IntN(30) == 0 {
			t.skip[b.id] = true
		}
	}
	g.catchUp(t, true)
	return t
}

// catchUp brings a translation toward the current English: all changed
// blocks when full, else about half of them (a partial update, so units
// end up with different bases).
func (g *generator) catchUp(t *translation, full bool) {
	p := t.page
	t.title = translateText("heading", p.title, t.lang)
	old := map[int]unit{}
	extras := map[int][]unit{} // translator's additions after a unit
	prev := 0
	for _, u := range t.units {
		if u.src == 0 {
			extras[prev] = append(extras[prev], u)
			continue
		}
		old[u.src] = u
		prev = u.src
	}
	if len(t.units) == 0 && g.r.IntN(4) == 0 && len(p.blocks) > 2 {
		// A translator's note after a block.
		id := p.blocks[g.r.IntN(len(p.blocks))].id
		extras[id] = append(extras[id], unit{kind: "para", text: translateText("para", g.paragraph(), t.lang)})
	}
	t.units = t.units[:0]
	limit := max(1, int(t.cut*float64(len(p.blocks))))
	for i, b := range p.blocks {
		if i >= limit {
			break
		}
		u, had := old[b.id]
		switch {
		case t.skip[b.id]:
			continue
		case !had && !full && g.r.IntN(2) == 0:
			continue // a new English block not translated yet
		case !had || u.orig != b.text && (full || g.r.IntN(2) == 0):
			u = unit{src: b.id, kind: b.kind, orig: b.text, text: t.render(b.kind, b.text)}
		}
		t.units = append(t.units, u)
		t.units = append(t.units, extras[b.id]...)
	}
}

func (t *translation) render(kind, text string) string {
	s := translateText(kind, text, t.lang)
	if t.local {
		s = strings.Replace(s, "](/docs/", "](/"+t.lang.code+"/docs/", 1)
	}
	if t.swap && kind == "list" {
		items := strings.Split(s, "\n")
		if len(items) > 2 {
			items[0], items[1] = items[1], items[0]
		}
		s = strings.Join(items, "\n")
	}
	return s
}

// ownEdit is a translation-only change: a word fixed, a line reflowed.
func (g *generator) ownEdit(t *translation) {
	var idx []int
	for i, u := range t.units {
		if u.kind == "para" || u.kind == "list" {
			idx = append(idx, i)
		}
	}
	if len(idx) == 0 {
		t.title += "!"
		return
	}
	u := &t.units[idx[g.r.IntN(len(idx))]]
	lines := strings.Split(u.text, "\n")
	j := g.r.IntN(len(lines))
	sep := " "
	if t.lang.script == han {
		sep = ""
	}
	lines[j] = strings.TrimRight(lines[j], ".。") + sep + foreign(g.word(), t.lang) + "."
	u.text = strings.Join(lines, "\n")
}

func (t *translation) renderPage() string {
	var b strings.Builder
	renderFrontMatter(&b, t.title)
	for _, u := range t.units {
		if t.lang.keepEnglish && u.src != 0 && u.kind != "code" && u.kind != "table" {
			b.WriteString("\n<!--\n" + u.orig + "\n-->\n")
		}
		renderBlock(&b, u.kind, u.text)
	}
	return b.String()
}

// translateText replaces every word by a word of the target language:
// links, code and numbers stay, as they do.
func translateText(kind, text string, l *language) string {
	if kind == "code" {
		return text
	}
	cjk := l.script == han
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
			b.WriteString(foreign(strings.Trim(f, ".,"), l))
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

func foreign(w string, l *language) string {
	h := fnv.New32a()
	h.Write([]byte(l.code + w))
	v := h.Sum32()
	switch l.script {
	case han:
		n := 2 + int(v%3)
		out := make([]rune, n)
		for i := range out {
			out[i] = l.letters[int(v>>(4*i))%len(l.letters)]
		}
		return string(out)
	case alphabet:
		out := make([]rune, 0, len(w))
		for _, c := range strings.ToLower(w) {
			out = append(out, l.letters[(int(c)+int(v%7))%len(l.letters)])
		}
		return string(out)
	}
	r := []rune(w)
	slices.Reverse(r)
	return string(r) + l.code[:1]
}
