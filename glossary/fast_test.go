package glossary

import (
	"maps"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

// slowRunes is textBuilder.runes as it was, every rune through foldRune:
// the fast paths must build the same text.
func slowRunes(src []byte) text {
	var b textBuilder
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			i++
			continue
		}
		b.add(foldRune(r, true), foldRune(r, false), i)
		i += size
	}
	return b.text()
}

// offsets lists the file offset of every byte of a text's norm.
func offsets(t text) []int {
	out := make([]int, len(t.norm))
	for k := range out {
		out[k] = t.offset(k)
	}
	return out
}

func TestRunesFastPaths(t *testing.T) {
	tests := []string{
		"Plain ASCII, UPPER and lower: Pod\tNode.",
		"한글 노드와 파드", "日本語のテレメトリー", "ひらがな", "노드’s 파드…파드、ﾃﾚﾒﾄﾘ", "끝",
		"ＡＰＩ full width, ｶﾀｶﾅ half width",
		"it\u2019s a non\u00a0breaking\u2011hyphen",
		"Ünïcödé Latin É", "emoji 🙂 and \xff invalid \xe2\x82 bytes",
	}
	for _, in := range tests {
		src := []byte(in)
		var b textBuilder
		b.runes(src, 0, len(src))
		got, want := b.text(), slowRunes(src)
		if got.norm != want.norm || got.cased != want.cased || !slices.Equal(offsets(got), offsets(want)) {
			t.Errorf("runes(%q) = %q %q %v, want %q %q %v", in, got.norm, got.cased, offsets(got), want.norm, want.cased, offsets(want))
		}
	}
}

// The index looks forms up by first rune: an array for ASCII, a bitset
// then a map for the Basic Multilingual Plane, the map past it.
func TestIndexFirstRunes(t *testing.T) {
	tests := []struct {
		form, text string
		want       int
	}{
		{"pod", "a Pod and a pod", 2},
		{"파드", "파드와 노드의 파드", 2},
		{"노드", "파드와 파드", 0},                 // a first rune the index has no bit for
		{"🙂 ok", "say 🙂 ok twice: 🙂 ok", 2}, // past the BMP
		{"テレメトリ", "テレメトリを", 1},
	}
	for _, tt := range tests {
		if got := findIn(t, tt.form, tt.text); got != tt.want {
			t.Errorf("find %q in %q = %d, want %d", tt.form, tt.text, got, tt.want)
		}
	}
}

func TestSharesWord(t *testing.T) {
	units := func(s string) []*parse.Unit { return []*parse.Unit{{Text: s}} }
	tests := []struct {
		src   string
		words []string
		want  bool
	}{
		{"Run kubectl apply on the API", []string{"KUBECTL", "TTL"}, true},
		{"Run kubectl apply", []string{"kube", "ctl"}, false}, // whole words only
		{"", []string{"API"}, false},
		{"set pod-name, then ÉTAT", []string{"état"}, true}, // hyphens split words; Latin letters fold
		{"set pod-name", []string{"pod-name", "podname"}, false},
	}
	for _, tt := range tests {
		if got := sharesWord(units(tt.src), tt.words); got != tt.want {
			t.Errorf("sharesWord(%q, %v) = %v, want %v", tt.src, tt.words, got, tt.want)
		}
	}
}

// otherWords of a concept are the words of the other concepts'
// renderings, its own words too when another concept shares them.
func TestOtherWords(t *testing.T) {
	g, err := Parse("g.yaml", []byte(`terms:
  - en: Pod
    ko: {use: [파드]}
  - en: Pod template
    ko: {use: [파드 템플릿]}
  - en: Node
    ko: {use: [노드], allow: [노드 서버]}
  - en: Job
    ja: {use: [ジョブ]}
`))
	if err != nil {
		t.Fatal(err)
	}
	words := renderingWords(g, "ko")
	tests := []struct {
		term string
		want []string
	}{
		{"Pod", []string{"노드", "서버", "템플", "템플릿", "파드"}}, // Hangul prefixes are words too
		{"Pod template", []string{"노드", "서버", "파드"}},
		{"Node", []string{"템플", "템플릿", "파드"}},
	}
	for _, tt := range tests {
		got := slices.Sorted(maps.Keys(otherWords(words, termKey{"ko", tt.term})))
		if !slices.Equal(got, tt.want) {
			t.Errorf("otherWords(%s) = %q, want %q", tt.term, got, tt.want)
		}
	}
}

// upperCase and hasLower answer what strings.ToUpper and ToLower would,
// with no string built.
func TestCaseHelpers(t *testing.T) {
	for _, s := range []string{"PATCH", "Patch", "patch", "TYPE2", "K8S", "123", "", "ÉTAT", "État", "ǅ", "İSTANBUL", "파드", "API서버"} {
		wantUpper := strings.ToUpper(s) == s && strings.ToLower(s) != s
		if got := upperCase(s); got != wantUpper {
			t.Errorf("upperCase(%q) = %v, want %v", s, got, wantUpper)
		}
		if got, want := hasLower(s), strings.ToUpper(s) != s; got != want {
			t.Errorf("hasLower(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestVisible(t *testing.T) {
	tests := []struct {
		plain, text string
		want        int
	}{
		{"a b\nc", "", 3},
		{"", "파드 와\n노드", 5}, // Text when there is no Plain
		{"  \n", "ignored", 0},
		{"bad \xff byte", "", 8}, // an invalid byte counts as a rune
	}
	for _, tt := range tests {
		if got := visible([]*parse.Unit{{Plain: tt.plain, Text: tt.text}}); got != tt.want {
			t.Errorf("visible(%q, %q) = %d, want %d", tt.plain, tt.text, got, tt.want)
		}
	}
}

// isWordChar's table answers as the Latin script's ranges do.
func TestIsWordChar(t *testing.T) {
	for r := rune(-2); r < 1<<16+0x800; r++ {
		want := r >= 0 && r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') ||
			r >= 0xC0 && unicode.Is(unicode.Latin, r)
		if got := isWordChar(r); got != want {
			t.Fatalf("isWordChar(%U) = %v, want %v", r, got, want)
		}
	}
}

func TestIsKatakana(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := isKatakana(r), unicode.Is(unicode.Katakana, r); got != want {
			t.Fatalf("isKatakana(%U) = %v, want %v", r, got, want)
		}
	}
}

// foldRune's table for CJK punctuation and full-width forms answers as
// NFKC does.
func TestFoldRuneTable(t *testing.T) {
	for r := rune(0x80); r < 1<<16; r++ {
		if r >= 0xD800 && r < 0xE000 || r == 0x2018 || r == 0x2019 || r == 0xA0 || r == 0x2010 || r == 0x2011 {
			continue // surrogates; the runes foldRune maps itself
		}
		for _, lower := range []bool{false, true} {
			want := norm.NFKC.String(string(r))
			if lower && unicode.Is(unicode.Latin, r) {
				want = strings.ToLower(want)
			}
			if got := foldRune(r, lower); got != want {
				t.Fatalf("foldRune(%U, %v) = %q, want %q", r, lower, got, want)
			}
		}
	}
}

// A unit's text maps each byte to the file offset of its rune, across
// spans, gaps, code and tooltips.
func TestUnitTextOffsets(t *testing.T) {
	src := []byte("- Run `kubectl` on 노드와 ＡＰＩ {{< glossary_tooltip text=\"파드\" term_id=\"pod\" >}}\tnow’s\n")
	doc, err := parse.Parse("p.md", src)
	if err != nil {
		t.Fatal(err)
	}
	tx := unitText(src, &doc.Units[0])
	for k := range tx.norm {
		at := tx.offset(k)
		r, _ := utf8.DecodeRuneInString(tx.cased[k:])
		if !utf8.RuneStart(tx.cased[k]) {
			continue
		}
		switch c := tx.cased[k : k+utf8.RuneLen(r)]; {
		case c == string(codeMark), c == " ":
			// a gap
		case !strings.HasPrefix(string(src[at:]), c) && norm.NFKC.String(string([]rune(string(src[at:]))[0])) != c && c != "'":
			t.Errorf("byte %d (%q) at offset %d, which has %q", k, c, at, src[at:min(at+6, len(src))])
		}
	}
	if want := "run \uFFFC on 노드와 api 파드 now's"; tx.norm != want {
		t.Errorf("norm = %q, want %q", tx.norm, want)
	}
	for _, tt := range []struct{ norm, src string }{
		{"run", "Run"}, {"드", "드"}, {"와", "와"}, {"p", "Ｐ"}, {"드 n", "드\""}, {"now", "now"}, {"'s", "’"}, {"\uFFFC", "`kubectl`"},
	} {
		at := strings.Index(tx.norm, tt.norm)
		want := strings.Index(string(src), tt.src)
		for k := range len(string([]rune(tt.norm)[0])) {
			if got := tx.offset(at + k); got != want {
				t.Errorf("offset of byte %d of %q = %d, want %d", k, tt.norm, got, want)
			}
		}
	}
}
