package site

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestDetectLayout(t *testing.T) {
	tests := []struct {
		name   string
		files  map[string]string
		cfg    Config
		source string
		langs  string // code=dir,...
		suffix bool
	}{
		{
			name: "hugo.toml at the root with per-language content",
			files: map[string]string{"hugo.toml": `defaultContentLanguage = "en"
[languages.en]
contentDir = "content/en"
weight = 1
[languages.zh-cn]
contentDir = "content/zh-cn"
weight = 2
[languages.pt-br]
contentDir = "content/pt-br"
weight = 3`},
			source: "en", langs: "en=content/en,zh-cn=content/zh-cn,pt-br=content/pt-br",
		},
		{
			name: "config.toml one level down, global contentDir for the source",
			files: map[string]string{"website/config.toml": `contentDir = "content/en"
defaultContentLanguage = "en"
[languages.en]
title = "Site"
[languages.ja]
contentDir = "content/ja"`},
			source: "en", langs: "en=website/content/en,ja=website/content/ja",
		},
		{
			name: "hugo.yaml",
			files: map[string]string{"hugo.yaml": `defaultContentLanguage: de
languages:
  de: {contentDir: content/de, weight: 1}
  fr: {contentDir: content/fr, weight: 2}
`},
			source: "de", langs: "de=content/de,fr=content/fr",
		},
		{
			name: "config/_default with languages.toml",
			files: map[string]string{
				"config/_default/hugo.toml":      `defaultContentLanguage = "en"`,
				"config/_default/languages.toml": "[en]\ncontentDir = \"content/en\"\n[ko]\ncontentDir = \"content/ko\"\n",
			},
			source: "en", langs: "en=content/en,ko=content/ko",
		},
		{
			name:   "one content directory: translations by file suffix",
			files:  map[string]string{"hugo.json": `{"defaultContentLanguage": "en", "languages": {"en": {"weight": 1}, "es": {"weight": 2}}}`},
			source: "en", langs: "en=content,es=content", suffix: true,
		},
		{
			name:   "cnpe-i18n.yaml overrides",
			files:  map[string]string{"hugo.toml": "[languages.en]\n[languages.ja]\n[languages.ko]\n"},
			cfg:    Config{Languages: []string{"ja"}, Content: map[string]string{"en": "docs/en", "ja": "docs/ja"}},
			source: "en", langs: "en=docs/en,ja=docs/ja",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeFiles(t, tt.files)
			for _, kv := range strings.Split(tt.langs, ",") {
				_, d, _ := strings.Cut(kv, "=")
				if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
					t.Fatal(err)
				}
			}
			l, err := DetectLayout(dir, tt.cfg)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, lang := range l.Languages {
				got = append(got, lang.Code+"="+lang.ContentDir)
			}
			if l.Source != tt.source || strings.Join(got, ",") != tt.langs || l.Suffixed != tt.suffix {
				t.Errorf("got source %s, languages %s, suffixed %v; want %s, %s, %v", l.Source, strings.Join(got, ","), l.Suffixed, tt.source, tt.langs, tt.suffix)
			}
		})
	}
}

func TestDetectLayoutErrors(t *testing.T) {
	if _, err := DetectLayout(t.TempDir(), Config{}); !errors.Is(err, ErrNoSite) {
		t.Errorf("empty directory: %v, want ErrNoSite", err)
	}
	for _, tt := range []struct {
		file, data string
		line       int
	}{
		{"hugo.toml", "title = \"x\"\n[languages.en\n", 2},
		{"hugo.yaml", "title: x\nlanguages:\n  en: [\n", 3},
		{"hugo.json", "{\n  \"title\": \"x\",\n  \"languages\": ,\n}\n", 3},
		{"config/_default/languages.toml", "[en]\nweight = \n", 2},
	} {
		dir := writeFiles(t, map[string]string{tt.file: tt.data})
		_, err := DetectLayout(dir, Config{})
		var pe *parse.Error
		if !errors.As(err, &pe) || pe.Path != tt.file || pe.Line != tt.line {
			t.Errorf("broken %s: %v, want an error at %s:%d", tt.file, err, tt.file, tt.line)
		}
	}
}

func TestSuffixFiles(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"hugo.toml":                   "defaultContentLanguage = \"en\"\n[languages.en]\n[languages.es]\n[languages.pt-br]\n",
		"content/docs/intro.md":       "# Intro\n",
		"content/docs/intro.es.md":    "# Introducción\n",
		"content/docs/intro.pt-br.md": "# Introdução\n",
		"content/docs/v1.2.md":        "# Version 1.2\n",
	})
	l, err := DetectLayout(dir, Config{})
	if err != nil {
		t.Fatal(err)
	}
	files, problems := l.Files(Config{})
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	var got []string
	for _, f := range files {
		got = append(got, f.Lang+":"+f.Rel)
	}
	sort.Strings(got)
	want := "en:docs/intro.md en:docs/v1.2.md es:docs/intro.md pt-br:docs/intro.md"
	if strings.Join(got, " ") != want {
		t.Errorf("files = %v, want %s", got, want)
	}
}

func TestParseConfig(t *testing.T) {
	if _, err := ParseConfig("cnpe-i18n.yaml", []byte("source: en\nlangauges: [ja]\n")); err == nil {
		t.Error("misspelled key accepted")
	} else if ce := new(parse.Error); !errors.As(err, &ce) || ce.Line != 2 || !strings.Contains(err.Error(), "langauges") {
		t.Errorf("error %v, want a *parse.Error at line 2 naming the key", err)
	}
	if _, err := ParseConfig("cnpe-i18n.yaml", []byte("languages: ja\n")); err == nil {
		t.Error("wrong type accepted")
	}
	cfg, err := ParseConfig("cnpe-i18n.yaml", []byte("site: website\nignore: ['**/README.md']\n"))
	if err != nil || cfg.Site != "website" || len(cfg.Ignore) != 1 {
		t.Errorf("got %+v, %v", cfg, err)
	}
}
