package translations

import (
	"errors"
	"strings"
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

func TestParseTableLines(t *testing.T) {
	tests := []struct {
		name, path, data string
		want             map[string]int // key → line
	}{
		{"toml tables", "ja.toml", "# header\n[greeting]\nother = \"こんにちは\"\n\n[items]\none = \"{{.Count}} 個\"\nother = \"{{.Count}} 個\"\n", map[string]int{"greeting": 2, "items": 5}},
		{"toml flat", "ja.toml", "greeting = \"こんにちは\"\nfarewell = \"さようなら\"\n", map[string]int{"greeting": 1, "farewell": 2}},
		{"yaml", "ja.yaml", "greeting:\n  other: こんにちは\nfarewell: さようなら\n", map[string]int{"greeting": 1, "farewell": 3}},
		{"json", "ja.json", "{\n  \"greeting\": {\"other\": \"こんにちは\"},\n  \"farewell\": \"さようなら\"\n}\n", map[string]int{"greeting": 2, "farewell": 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab, err := ParseTable(tt.path, []byte(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			if len(tab.Messages) != len(tt.want) {
				t.Fatalf("got %d messages, want %d", len(tab.Messages), len(tt.want))
			}
			for key, line := range tt.want {
				m := tab.Message(key)
				if m == nil || m.Line != line {
					t.Errorf("%s: %+v, want line %d", key, m, line)
				}
			}
		})
	}
	tab, _ := ParseTable("ja.toml", []byte("[items]\none = \"1 個\"\nother = \"{{.Count}} 個\"\n"))
	if m := tab.Message("items"); m.Forms["one"] != "1 個" || m.Other() != "{{.Count}} 個" {
		t.Errorf("plural forms: %+v", m.Forms)
	}
}

func TestParseTableErrors(t *testing.T) {
	tests := []struct {
		name, path, data string
		line             int
	}{
		{"duplicate toml table", "ja.toml", "[a]\nother = \"x\"\n\n[a]\nother = \"y\"\n", 4},
		{"bad toml", "ja.toml", "[a]\nother = \"unterminated\n", 2},
		{"duplicate yaml key", "ja.yaml", "a: x\nb: y\na: z\n", 3},
		{"duplicate json key", "ja.json", "{\n  \"a\": \"x\",\n  \"a\": \"y\"\n}\n", 3},
		{"bad json", "ja.json", "{\n  \"a\": \"x\",\n  \"b\":\n}\n", 4},
		{"bad yaml", "ja.yaml", "a: x\nb: [y\n", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseTable(tt.path, []byte(tt.data))
			var te *parse.Error
			if !errors.As(err, &te) || te.Line != tt.line || te.Path != tt.path {
				t.Errorf("error %v, want %s at line %d", err, tt.path, tt.line)
			}
		})
	}
}

func TestCompare(t *testing.T) {
	src, _ := ParseTable("en.toml", []byte(`[title]
other = "Handbook"
[read_more]
other = "Read more"
[tags]
other = "Tags"
[intro]
other = "Browse by tag."
[toc]
other = "Contents"
[hashed]
other = "New text"
`))
	hashed := Hash(&Message{Forms: map[string]string{"other": "Old text"}})
	ja, _ := ParseTable("ja.toml", []byte(`[title]
other = "ハンドブック"
[tags]
other = "Tags"
[intro]
other = "Filter the terms by tag."
[toc]
other = "目次"
[hashed]
hash = "`+hashed+`"
other = "古いテキスト"
[gone]
other = "削除済み"
`))
	past := map[string]Past{
		"toc":   {Known: true, SourceWhenTranslated: "Table of contents"},
		"title": {Known: true, SourceWhenTranslated: "Handbook"},
	}
	got := map[string]string{}
	for _, e := range Compare("ja", src, ja, past) {
		got[e.Key] = e.State.String()
		if e.Line == 0 {
			t.Errorf("%s has no line", e.Key)
		}
	}
	want := map[string]string{"title": "current", "read_more": "missing", "tags": "untranslated", "intro": "untranslated",
		"toc": "stale", "hashed": "stale", "gone": "extra"}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: %s, want %s", k, got[k], w)
		}
	}
}

func TestSetHashes(t *testing.T) {
	tests := []struct {
		name, path, data, want string
		skipped                int
	}{
		{"toml insert and replace", "ja.toml", "# c\n[a]\nother = \"x\"\n\n[b]\nhash = \"sha1-old\"\nother = \"y\"\n",
			"# c\n[a]\nhash = \"sha1-A\"\nother = \"x\"\n\n[b]\nhash = \"sha1-B\"\nother = \"y\"\n", 0},
		{"toml flat key skipped", "ja.toml", "a = \"x\"\n", "a = \"x\"\n", 1},
		{"toml CRLF", "ja.toml", "[a]\r\nother = \"x\"\r\n", "[a]\r\nhash = \"sha1-A\"\r\nother = \"x\"\r\n", 0},
		{"yaml", "ja.yaml", "a:\n  other: x\nb:\n  hash: sha1-old\n  other: y\n", "a:\n  hash: sha1-A\n  other: x\nb:\n  hash: sha1-B\n  other: y\n", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab, err := ParseTable(tt.path, []byte(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			out, skipped, err := SetHashes(tab, []byte(tt.data), map[string]string{"a": "sha1-A", "b": "sha1-B"})
			if err != nil {
				t.Fatal(err)
			}
			if string(out) != tt.want || len(skipped) != tt.skipped {
				t.Errorf("got %q (skipped %v), want %q", out, skipped, tt.want)
			}
			if _, err := ParseTable(tt.path, out); err != nil && !strings.Contains(tt.name, "flat") {
				t.Errorf("result does not parse: %v", err)
			}
		})
	}
}
