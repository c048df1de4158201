package site

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// A site laid out like opentelemetry.io: languages in
// config/_default/hugo.yaml, content mounts in module.yaml with
// sites.matrix.languages (and YAML anchors), source sections mounted into
// other languages as fallbacks.
const matrixHugo = `defaultContentLanguage: en
languages:
  en: {weight: 1}
  fi: {locale: fi-FI}
  pt: {locale: pt-BR}
  zh: {}
  xx: {disabled: true}
`

const matrixModule = `mounts:
  - source: content/en
    target: content
  - source: content/fi
    target: content
    sites: &fi
      matrix: { languages: [fi] }
  - source: content/en/guide
    target: content/guide
    sites: *fi
  - source: pages/pt
    target: content
    sites:
      matrix: { languages: [pt] }
  - source: content/zh
    target: content
    lang: zh
  - source: strings
    target: i18n
`

func TestMounts(t *testing.T) {
	tests := []struct {
		name      string
		files     map[string]string
		langs     string // code=dir,...
		fallbacks string // target:langs of fallback mounts
		i18n      string
		notes     int
	}{
		{
			name: "module.yaml in config/_default with sites.matrix and lang",
			files: map[string]string{
				"config/_default/hugo.yaml":   matrixHugo,
				"config/_default/module.yaml": matrixModule,
			},
			langs:     "en=content/en,fi=content/fi,pt=pages/pt,zh=content/zh",
			fallbacks: "content/guide:fi",
			i18n:      "strings",
		},
		{
			name: "module.mounts in hugo.toml, i18n mounted per language",
			files: map[string]string{"hugo.toml": `contentDir = "content/en"
[languages.en]
weight = 1
[languages.ja]
contentDir = "content/ja"
[[module.mounts]]
source = "i18n/en"
target = "i18n"
[[module.mounts]]
source = "i18n/ja"
target = "i18n"
`},
			langs: "en=content/en,ja=content/ja",
			i18n:  "i18n",
		},
		{
			name: "mounts in hugo.json with disableLanguages",
			files: map[string]string{"hugo.json": `{"disableLanguages": ["de"], "languages": {"en": {}, "de": {}, "ko": {}},
 "module": {"mounts": [{"source": "docs/en", "target": "content", "lang": "en"},
                       {"source": "docs/ko", "target": "content", "lang": "ko"}]}}`},
			langs: "en=docs/en,ko=docs/ko",
			i18n:  "i18n",
		},
		{
			name: "module.mounts in the root file stays; module.yaml rendered from a template is absent",
			files: map[string]string{
				"config/_default/hugo.yaml":            matrixHugo,
				"config/_default/module-template.yaml": matrixModule,
				"content/en/a.md":                      "a",
				"content/fi/a.md":                      "a",
				"content/zh/a.md":                      "a",
			},
			// pt has no content/pt yet: not the shared directory either.
			langs: "en=content/en,fi=content/fi,pt=content/pt,zh=content/zh",
			i18n:  "i18n",
			notes: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeFiles(t, tt.files)
			l, err := DetectLayout(dir, Config{})
			if err != nil {
				t.Fatal(err)
			}
			var got, fb []string
			for _, lang := range l.Languages {
				got = append(got, lang.Code+"="+lang.ContentDir)
			}
			for _, m := range l.Mounts {
				if m.Fallback {
					fb = append(fb, m.Target+":"+strings.Join(m.Langs, "+"))
				}
			}
			if g := strings.Join(got, ","); g != tt.langs {
				t.Errorf("languages %s, want %s", g, tt.langs)
			}
			if g := strings.Join(fb, ","); g != tt.fallbacks {
				t.Errorf("fallback mounts %q, want %q", g, tt.fallbacks)
			}
			if l.I18nDir != tt.i18n {
				t.Errorf("i18n dir %q, want %q", l.I18nDir, tt.i18n)
			}
			if len(l.Notes) != tt.notes {
				t.Errorf("notes %q, want %d", l.Notes, tt.notes)
			}
		})
	}
}

func TestAssumedContentDirNote(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"hugo.yaml":       "languages:\n  en: {}\n  ja: {}\n",
		"content/en/a.md": "a",
		"content/ja/a.md": "a",
	})
	l, err := DetectLayout(dir, Config{})
	if err != nil {
		t.Fatal(err)
	}
	if l.Language("ja").ContentDir != "content/ja" || len(l.Notes) != 1 || !strings.Contains(l.Notes[0], "en, ja") {
		t.Errorf("ja in %s, notes %q; want content/ja and a note naming en, ja", l.Language("ja").ContentDir, l.Notes)
	}
}

func TestTableFile(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"hugo.yaml":       "languages:\n  en: {}\n  pt: {locale: pt-BR}\n  zh: {}\n  es: {}\n  fr: {}\n  de: {}\n",
		"i18n/en.yaml":    "a: b\n",
		"i18n/pt-br.yaml": "a: b\n",
		"i18n/zh-cn.toml": "a = 'b'\n",
		"i18n/es.toml":    "a = 'b'\n",
		"i18n/es.yaml":    "a: b\n",
		"i18n/fr-ca.yaml": "a: b\n",
		"i18n/fr-fr.yaml": "a: b\n",
	})
	l, err := DetectLayout(dir, Config{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, c := range []string{"en", "pt", "zh", "es", "fr", "de"} {
		got[c] = l.TableFile(c)
	}
	want := map[string]string{
		"en": "i18n/en.yaml",
		"pt": "i18n/pt-br.yaml", // the locale
		"zh": "i18n/zh-cn.toml", // the only regional variant
		"es": "i18n/es.toml",    // TOML first, as Hugo
		"fr": "",                // two variants: no guess
		"de": "",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("tables %v, want %v", got, want)
	}
}

func TestTableFileMountedPerLanguage(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"hugo.toml": "[languages.en]\n[languages.ja]\n" +
			"[[module.mounts]]\nsource = \"i18n/en\"\ntarget = \"i18n\"\n" +
			"[[module.mounts]]\nsource = \"i18n/ja\"\ntarget = \"i18n\"\n",
		"i18n/en/en.toml": "a = 'b'\n",
		"i18n/ja/ja.toml": "a = 'c'\n",
	})
	if err := os.MkdirAll(filepath.Join(dir, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	l, err := DetectLayout(dir, Config{})
	if err != nil {
		t.Fatal(err)
	}
	if en, ja := l.TableFile("en"), l.TableFile("ja"); en != "i18n/en/en.toml" || ja != "i18n/ja/ja.toml" {
		t.Errorf("tables %q, %q; want i18n/en/en.toml, i18n/ja/ja.toml", en, ja)
	}
}
