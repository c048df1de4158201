package change

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
	"github.com/cnpe-i18n/cnpe-i18n/parse/parsetest"
)

// edit is one kind of change a source page goes through, with the change
// kind DiffSource must report for the edited unit.
type edit struct {
	name  string
	apply func(r *rand.Rand, paras []string, i int) []string
	want  ChangeKind
}

var edits = []edit{
	{"reflow", func(r *rand.Rand, p []string, i int) []string {
		p[i] = strings.Replace(p[i], " ", "\n", 1+r.IntN(3))
		return p
	}, Whitespace},
	{"link target", func(r *rand.Rand, p []string, i int) []string {
		p[i] = strings.Replace(p[i], "/docs/", "/v2/docs/", 1)
		return p
	}, Mechanical},
	{"code span", func(r *rand.Rand, p []string, i int) []string {
		p[i] = strings.Replace(p[i], "`tool", "`toolctl", 1)
		return p
	}, Mechanical},
	{"quote style", func(r *rand.Rand, p []string, i int) []string {
		p[i] = strings.Replace(p[i], "team's", "team\u2019s", 1)
		return p
	}, Typography},
	{"comma", func(r *rand.Rand, p []string, i int) []string {
		p[i] = strings.Replace(p[i], " with `tool", ", with `tool", 1)
		return p
	}, Typography},
	{"link and quote style", func(r *rand.Rand, p []string, i int) []string {
		p[i] = strings.Replace(strings.Replace(p[i], "team's", "team\u2019s", 1), "/docs/", "/v2/docs/", 1)
		return p
	}, Mechanical},
	{"word made code", func(r *rand.Rand, p []string, i int) []string {
		p[i] = strings.Replace(p[i], "every service", "every `service`", 1)
		return p
	}, Mechanical},
	{"word made code and quoted words made code", func(r *rand.Rand, p []string, i int) []string {
		p[i] = strings.Replace(strings.Replace(p[i], "the team's", "the \"team's\"", 1), "every service", "every `service`", 1)
		p[i] = strings.Replace(p[i], "\"team's\"", "`team's`", 1)
		return p
	}, Mechanical},
	{"word made code and changed", func(r *rand.Rand, p []string, i int) []string {
		p[i] = strings.Replace(p[i], "every service", "every `workload`", 1)
		return p
	}, Prose},
	{"word", func(r *rand.Rand, p []string, i int) []string {
		p[i] = strings.Replace(p[i], "service", "workload", 1)
		return p
	}, Prose},
	{"insert", func(r *rand.Rand, p []string, i int) []string {
		return append(p[:i:i], append([]string{"A brand new paragraph about quotas."}, p[i:]...)...)
	}, Added},
	{"delete", func(r *rand.Rand, p []string, i int) []string {
		return append(p[:i:i], p[i+1:]...)
	}, Removed},
}

// paragraph makes the i-th paragraph of a generated page: distinct words,
// a link, a code span and a possessive, so that every edit applies.
func paragraph(r *rand.Rand, i int) string {
	nouns := []string{"cluster", "pipeline", "portal", "registry", "gateway", "database", "scheduler", "runner"}
	verbs := []string{"scales", "builds", "routes", "stores", "watches", "deploys"}
	return fmt.Sprintf("Paragraph %d: the team's %s %s every service with `tool %d` as the [guide](/docs/p%d/) says.",
		i, nouns[r.IntN(len(nouns))], verbs[r.IntN(len(verbs))], i, i)
}

// TestDiffClassification applies one random edit to one random paragraph
// of a random page, many times, and checks that DiffSource reports that
// paragraph with the edit's change kind and every other one unchanged.
func TestDiffClassification(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for iter := range 300 {
		n := 3 + r.IntN(8)
		paras := make([]string, n)
		for i := range paras {
			paras[i] = paragraph(r, i)
		}
		e := edits[r.IntN(len(edits))]
		i := r.IntN(n)
		orig := strings.Join(paras, "\n\n")
		edited := strings.Join(e.apply(r, append([]string(nil), paras...), i), "\n\n")
		before, after := parsetest.MustParse(t, "before.md", orig), parsetest.MustParse(t, "after.md", edited)
		d := DiffSource(before, after)
		counts := map[ChangeKind]int{}
		for _, c := range d.Changes {
			counts[c.Kind]++
		}
		if counts[e.want] != 1 || len(d.Changes)-counts[Unchanged] != 1 {
			t.Fatalf("iteration %d, %s on paragraph %d of %d: changes %v, want one %s and the rest unchanged", iter, e.name, i, n, counts, e.want)
		}
		for _, c := range d.Changes {
			if c.Kind == Prose && len(c.Words) == 0 {
				t.Fatalf("iteration %d: prose change without a word diff", iter)
			}
		}
	}
}

func TestDiffMovedAndRewritten(t *testing.T) {
	before := parsetest.MustParse(t, "a.md", "## A\n\nAlpha one.\n\nBeta two.\n\nGamma three.\n\n- first item\n- second item\n")
	after := parsetest.MustParse(t, "b.md", "## A\n\nBeta two.\n\nGamma three.\n\nAlpha one.\n\n- a rewritten item entirely\n- second item\n")
	kinds := map[string]ChangeKind{}
	for _, c := range DiffSource(before, after).Changes {
		u := c.After
		if u == nil {
			u = c.Before
		}
		kinds[u.Text] = c.Kind
	}
	for text, want := range map[string]ChangeKind{"Alpha one.": Moved, "Beta two.": Unchanged, "a rewritten item entirely": Prose} {
		if kinds[text] != want {
			t.Errorf("%q: %s, want %s", text, kinds[text], want)
		}
	}
}

func TestWordDiff(t *testing.T) {
	tests := []struct{ a, b, want string }{
		{"the quick brown fox", "the quick red fox", "the quick [-brown-]{+red+} fox"},
		{"設定ファイルを編集します", "設定ファイルを確認します", "設定ファイルを[-編集-]{+確認+}します"},
		{"same text", "same text", "same text"},
	}
	for _, tt := range tests {
		var b strings.Builder
		for _, e := range WordDiff(tt.a, tt.b) {
			switch e.Op {
			case Delete:
				b.WriteString("[-" + e.Text + "-]")
			case Insert:
				b.WriteString("{+" + e.Text + "+}")
			default:
				b.WriteString(e.Text)
			}
		}
		if b.String() != tt.want {
			t.Errorf("WordDiff(%q, %q) = %s, want %s", tt.a, tt.b, b.String(), tt.want)
		}
	}
}

func TestSameWords(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"the team's tool", "the team’s tool", true},
		{"knowledge and support", "knowledge, and support", true},
		{"ArtifactHub, Harbor", "Artifact Hub, Harbor", true},
		{"Kubernetes를 사용", "Kubernetes 를 사용", true},
		{"設定（任意）", "設定(任意)", true},
		{"Platform Teams", "platform teams", true},
		{"knowledge and support", "knowledge and help", false},
		{"version 1.1", "version 11", false},
		{"version 1.1.", "version 1.1", true},
		{"version 1", "version 2", false},
	} {
		if got := SameWords(tt.a, tt.b); got != tt.want {
			t.Errorf("SameWords(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestDiffKinds: the same changes as DiffSource, without word diffs.
func TestDiffKinds(t *testing.T) {
	before := parsetest.MustParse(t, "a.md", "One paragraph about builds.\n\nAnother about [docs](/a).\n")
	after := parsetest.MustParse(t, "b.md", "One paragraph about all builds.\n\nAnother about [docs](/b).\n")
	full, kinds := DiffSource(before, after), DiffKinds(before, after)
	if len(full.Changes) != len(kinds.Changes) {
		t.Fatalf("%d changes, want %d", len(kinds.Changes), len(full.Changes))
	}
	for i, c := range kinds.Changes {
		if c.Kind != full.Changes[i].Kind || c.Words != nil {
			t.Errorf("change %d: %s with %d words, want %s without", i, c.Kind, len(c.Words), full.Changes[i].Kind)
		}
	}
	if full.Changes[0].Kind != Prose || full.Changes[0].Words == nil {
		t.Errorf("DiffSource: first change %s without words", full.Changes[0].Kind)
	}
}

// foldWordsRunes is FoldWords as first written, over a rune slice: the
// reference the streaming FoldWords must agree with.
func foldWordsRunes(s string) string {
	rs := []rune(norm.NFKC.String(s))
	var b strings.Builder
	for i, r := range rs {
		if unicode.IsSpace(r) {
			continue
		}
		if unicode.IsPunct(r) && !(i > 0 && i+1 < len(rs) && unicode.IsDigit(rs[i-1]) && unicode.IsDigit(rs[i+1])) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

func TestFoldWordsAgrees(t *testing.T) {
	for _, s := range []string{
		"", "Hello, World!", "version 1.1 and 1,000 items.", "1.", ".1", "a.1", "1.a",
		"ＡＢＣ１．２", "“Quoted” text—dash", "Kubernetes 클러스터를 1.2 버전으로", "日本語の文章、句読点。",
		"１．２", "x\u00a0y", "Ǆ title", "tab\tand\nnewline", "ﬁle ligature", "-1.5e3",
	} {
		if got, want := FoldWords(s), foldWordsRunes(s); got != want {
			t.Errorf("FoldWords(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestFoldWordsEveryRune checks FoldWords against the reference for every
// rune alone and between digits (where a punctuation mark is kept) and
// letters: the table and block fast paths must not change an answer.
func TestFoldWordsEveryRune(t *testing.T) {
	bad := 0
	// Every assigned letter, digit, space and punctuation mark is below
	// 0x32000 (the planes past it hold tags and private use).
	for r := rune(0); r < 0x32000 && bad < 10; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		for _, s := range []string{string(r), "1" + string(r) + "2", "A" + string(r) + "b ", string(r) + string(r) + "가"} {
			if got, want := FoldWords(s), foldWordsRunes(s); got != want {
				t.Errorf("FoldWords(%q) = %q, want %q", s, got, want)
				bad++
			}
		}
	}
}

func BenchmarkFoldWords(b *testing.B) {
	texts := []string{
		"Kubernetes is a portable, extensible, open source platform for managing containerized workloads and services (version 1.31).",
		"쿠버네티스는 컨테이너화된 워크로드와 서비스를 관리하기 위한 이식성이 있고, 확장가능한 오픈소스 플랫폼이다.",
		"Kubernetes 是一个可移植、可扩展的开源平台，用于管理容器化的工作负载和服务。",
	}
	var buf []byte
	for b.Loop() {
		for _, s := range texts {
			buf = AppendFoldWords(buf[:0], s)
		}
	}
}

func FuzzFoldWords(f *testing.F) {
	for _, s := range []string{"Hello, World! 1.1", "Kubernetes 클러스터를 1.2 버전으로", "日本語の文章、句読点。ｶﾀｶﾅ", "１．２ ﬁle"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := FoldWords(s), foldWordsRunes(s); got != want {
			t.Errorf("FoldWords(%q) = %q, want %q", s, got, want)
		}
	})
}

func TestWordSimilarity(t *testing.T) {
	tests := []struct {
		a, b string
		want float64
	}{
		{"", "", 1},
		{"The cat sat", "the cat sat", 1},
		{"a b c d", "a b x y", 0.5},
		{"a a a b", "a b", 1},
		{"one two", "", 0},
		{"猫が座った", "猫が立った", 0.8},
	}
	for _, tt := range tests {
		if got := dice(wordSet(tt.a), wordSet(tt.b)); got != tt.want {
			t.Errorf("dice of the word sets of %q and %q = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// BenchmarkDiffKinds diffs two versions of a page whose paragraphs were
// all edited: every replaced block is paired on its word sets.
func BenchmarkDiffKinds(b *testing.B) {
	page := func(edit string) *parse.Document {
		var src strings.Builder
		src.WriteString("---\ntitle: Nodes\n---\n\n")
		for p := range 60 {
			fmt.Fprintf(&src, "Paragraph %d says how a node runs Pods, and %s what the kubelet does with them on each of its %d ticks.\n\n", p, edit, p*7)
		}
		doc, err := parse.Parse("a.md", []byte(src.String()))
		if err != nil {
			b.Fatal(err)
		}
		return doc
	}
	before, after := page("then"), page("later on")
	for b.Loop() {
		DiffKinds(before, after)
	}
}

// BenchmarkWordSet makes and compares the word sets of two paragraphs,
// as pairBlock does for each candidate pair.
func BenchmarkWordSet(b *testing.B) {
	x := "A node runs Pods: the kubelet starts their containers, reports their status and restarts them when they fail (version 1.31)."
	y := "A node runs Pods. The kubelet starts the containers of each Pod, reports its status, and restarts them when they fail."
	for b.Loop() {
		dice(wordSet(x), wordSet(y))
	}
}

// TestSameFull: sameFull answers what comparing the full fingerprints
// answers, for every pair of units of a few versions of a page (front
// matter written differently, reference links whose targets moved).
func TestSameFull(t *testing.T) {
	srcs := []string{
		"---\ntitle: \"Nodes\"\n---\n\nA [node][n] runs Pods.\n\n```go\nx := 1\n```\n\n- A [node][n] runs Pods.\n\n[n]: /docs/nodes/\n",
		"---\ntitle: Nodes\n---\n\nA [node][n] runs Pods.\n\n```sh\nx := 1\n```\n\n- A [node][n] runs Pods.\n\n[n]: /docs/concepts/nodes/\n",
		"---\ntitle: Nodes\n---\n\nA [node](/docs/nodes/) runs Pods.\n\n    x := 1\n\nA [node][n] runs Pods.\n\n[n]: /docs/nodes/\n",
	}
	var units []*parse.Unit
	for _, src := range srcs {
		doc := parsetest.MustParse(t, "a.md", src)
		for i := range doc.Units {
			units = append(units, &doc.Units[i])
		}
	}
	fast := 0
	for _, b := range units {
		for _, a := range units {
			want := b.FullFingerprint() == a.FullFingerprint()
			if got := sameFull(b, a); got != want {
				t.Errorf("sameFull(%s %q, %s %q) = %v, want %v", b.Kind, b.Text, a.Kind, a.Text, got, want)
			}
			if b.Kind != parse.FrontMatter && b.Text == a.Text && b.Kind == a.Kind {
				fast++
			}
		}
	}
	if fast == 0 {
		t.Error("no pair takes the fast path")
	}
}

// TestFootnoteReferenceIsMarkup: a footnote reference is a link when the
// page defines the note and text when it does not; the unit that holds
// it keeps its words either way.
func TestFootnoteReferenceIsMarkup(t *testing.T) {
	tests := []struct {
		name, before, after string
		want                ChangeKind
	}{
		{"definition fixed", "- disk[^1]\n\n[^1] the note\n", "- disk[^1]\n\n[^1]: the note\n", Mechanical},
		{"definition broken", "- disk[^1]\n\n[^1]: the note\n", "- disk[^1]\n\n[^1] the note\n", Mechanical},
		{"label renamed", "- disk[^1]\n\n[^1] the note\n", "- disk[^fs]\n\n[^fs]: the note\n", Mechanical},
		{"word changed too", "- disk[^1]\n\n[^1] the note\n", "- volume[^1]\n\n[^1]: the note\n", Prose},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, after := parsetest.MustParse(t, "before.md", tt.before), parsetest.MustParse(t, "after.md", tt.after)
			d := DiffSource(before, after)
			c := d.ByAfter[0]
			if c == nil {
				t.Fatalf("no change for the list item; changes: %v", d.Changes)
			}
			if c.Kind != tt.want {
				t.Errorf("list item %q -> %q: kind %v, want %v", c.Before.Text, c.After.Text, c.Kind, tt.want)
			}
		})
	}
}
