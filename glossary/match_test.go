package glossary

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

func findIn(t *testing.T, form, in string) int {
	t.Helper()
	src := []byte(in)
	ix := index{}
	ix.add(newForm(form))
	return len(ix.scan(normalize(src, []parse.Span{{Start: 0, End: len(src)}}), nil))
}

func TestMatchBoundaries(t *testing.T) {
	tests := []struct {
		form, text string
		want       int
	}{
		{"テレメトリ", "テレメトリーを収集する", 0}, // kana guard: long vowel follows
		{"テレメトリ", "テレメトリを収集する", 1},
		{"テレメトリ", "アプリケーションテレメトリデータ", 1}, // compounds are written solid
		{"サーバ", "サーバーを再起動", 0},
		{"サーバ", "サーバを再起動", 1},
		{"レイヤ", "プレイヤーが参加", 0},
		{"可観測性", "アプリの可観測性を高める", 1},       // CJK: substring
		{"플랫폼 팀", "플랫폼 팀은 제품을", 1},        // Hangul: particles attach
		{"idp", "Our IDP, and IDPs.", 1},  // case folded; the plural is a form of its own
		{"idp", "rapidprototype", 0},      // Latin: word boundaries
		{"golden path", "ｇｏｌｄｅｎ　ｐａｔｈ", 1}, // NFKC folds full width
		{"platform", "platform-as-a-product", 1},
		{"cnpe", "`cnpe`", 1},
		{"secret", "Secret1つあたり", 1},         // a number after the word in CJK text
		{"secret", "secret1 and secret2", 0}, // identifiers in English
		{"secret", "the 'secret' value", 0},  // a quoted literal
		{"secret", "the users' secret", 1},
		{"secret", "the 'secrets' value", 0},   // the plural's apostrophe form ends at the quote
		{"secrets'", "set it to 'secrets'", 0}, // that form at the end of the unit
		{"secrets'", "'secrets'", 0},
		{"secret", "set it to 'secret'", 0},
	}
	for _, tt := range tests {
		if got := findIn(t, tt.form, tt.text); got != tt.want {
			t.Errorf("%q in %q: %d matches, want %d", tt.form, tt.text, got, tt.want)
		}
	}
}

func TestEnglishForms(t *testing.T) {
	for term, want := range map[string][]string{
		"golden path":    {"golden path", "golden paths", "golden path's", "golden paths'", "golden-path", "golden-paths"},
		"capability":     {"capabilities"},
		"IDP":            {"IDPs", "IDP's"},
		"self-service":   {"self service", "self-services"},
		"value stream":   {"value streams"},
		"cognitive load": {"cognitive loads", "cognitive load's"},
	} {
		got := englishForms(term)
		for _, w := range want {
			if !slices.Contains(got, w) {
				t.Errorf("forms of %q lack %q: %v", term, w, got)
			}
		}
	}
}

func TestNearMiss(t *testing.T) {
	g, err := Parse("g.yaml", []byte("terms:\n  - en: cognitive load\n    ja: {use: [認知負荷]}\n  - en: pod\n    ko: {use: [파드]}\n  - en: persistent volume\n    ko: {use: [퍼시스턴트볼륨]}\n  - en: file\n    ko: {use: [파일]}\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		lang, text string
		term       int
		want       string
	}{
		{"ja", "ユーザーの認知的負荷を軽減できます。", 0, "認知的負荷"},
		{"ja", "可観測性を高めます。", 0, ""},
		{"ko", "파일을 연다", 1, ""},                // two runes: no pointer
		{"ko", "퍼시스턴트 볼륨을 만든다", 2, "퍼시스턴트 볼륨"}, // a space is one edit
	} {
		m := g.Matcher(tt.lang)
		src := []byte(tt.text)
		tx := normalize(src, []parse.Span{{Start: 0, End: len(src)}})
		_, _, got := m.nearMiss([]scanned{{tx, m.tr.scan(tx, nil)}}, tt.term)
		if got != tt.want {
			t.Errorf("near miss in %q = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestStarter(t *testing.T) {
	g := Starter()
	if len(g.Terms) < 30 {
		t.Errorf("starter glossary has %d concepts, want 30 or more", len(g.Terms))
	}
	for _, term := range g.Terms {
		if term.Status != "proposed" {
			t.Errorf("%s: status %q, want proposed", term.Name(), term.Status)
		}
		if !term.Keep {
			for _, lang := range []string{"ja", "ko", "zh"} {
				if r := term.Langs[lang]; r == nil || len(r.Use) == 0 {
					t.Errorf("%s has no %s rendering", term.Name(), lang)
				}
			}
		}
	}
}

// TestFoldRuneFastPath checks that the runes foldRune returns unchanged
// without NFKC are the ones NFKC leaves unchanged.
func TestFoldRuneFastPath(t *testing.T) {
	for _, rg := range [][2]rune{{0xAC00, 0xD7A3}, {0x4E00, 0x9FFF}, {0x3041, 0x3096}, {0x30A1, 0x30FC}} {
		for r := rg[0]; r <= rg[1]; r++ {
			if got, want := foldRune(r, true), norm.NFKC.String(string(r)); got != want {
				t.Fatalf("foldRune(%U) = %q, NFKC %q", r, got, want)
			}
		}
	}
}

func TestGlossWords(t *testing.T) {
	tests := []struct{ form, text, want string }{
		{"health check", "먼저 상태 검사(health check)를 한다", "상태 검사"},
		{"cascading", "비종속적, 종속적(cascading) 삭제", "종속적"},
		{"cascading", "cascading 삭제", ""},   // not in parentheses
		{"cascading", "삭제 (cascading)", ""}, // no word right before
	}
	for _, tt := range tests {
		src := []byte(tt.text)
		tx := normalize(src, []parse.Span{{Start: 0, End: len(src)}})
		ix := index{}
		ix.add(newForm(tt.form))
		occ := ix.scan(tx, nil)
		if len(occ) != 1 {
			t.Fatalf("%q in %q: %d matches", tt.form, tt.text, len(occ))
		}
		if _, got := glossWords(tx, occ[0]); got != tt.want {
			t.Errorf("gloss of %q in %q = %q, want %q", tt.form, tt.text, got, tt.want)
		}
	}
}

// normalize is the text of spans of src, as unitText builds a unit's.
func normalize(src []byte, spans []parse.Span) text {
	var b textBuilder
	b.spans(src, spans)
	return b.text()
}

func TestSingular(t *testing.T) {
	tests := []struct {
		en, want string
		ok       bool
	}{
		{"tolerations", "toleration", true},
		{"taints", "taint", true},
		{"Kubernetes", "", false}, // a name
		{"Windows", "", false},
		{"status", "", false},
		{"basis", "", false},
		{"access", "", false},
		{"pods", "pod", true},
		{"ids", "", false}, // too short to tell
		{"toleration", "", false},
		{"policies", "policy", true},
		{"Image Pull Secrets", "Image Pull Secret", true},
		{"Network Policies", "Network Policy", true},
	}
	for _, tt := range tests {
		got, ok := singular(tt.en)
		if got != tt.want || ok != tt.ok {
			t.Errorf("singular(%q) = %q, %v; want %q, %v", tt.en, got, ok, tt.want, tt.ok)
		}
	}
}

// CheckSource finds each deprecated variant where it is, once per
// occurrence, and the same on a second call (the index compiles once).
func TestCheckSource(t *testing.T) {
	g, err := Parse("g.yaml", []byte("terms:\n  - en: golden path\n    en_avoid: [happy path]\n  - en: node\n"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := parse.Parse("en.md", []byte("# The Happy Path\n\nFollow the happy path, then the\nhappy-path steps.\n\nNo node here.\n"))
	if err != nil {
		t.Fatal(err)
	}
	m := g.Matcher("en")
	for range 2 { // the same answer again: nothing stale in the index
		var got []string
		for _, f := range m.CheckSource(doc, "en.md") {
			got = append(got, f.String())
		}
		want := []string{
			`en.md:1:7: source "golden path": found "happy path", expected "golden path"`,
			`en.md:3:12: source "golden path": found "happy path", expected "golden path"`,
			`en.md:4:1: source "golden path": found "happy-path", expected "golden path"`,
		}
		if !slices.Equal(got, want) {
			t.Errorf("CheckSource =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}
