package edit

import (
	"strings"
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
	"github.com/cnpe-i18n/cnpe-i18n/parse/parsetest"
)

func TestFrontMatterEdits(t *testing.T) {
	const pin = "3f2a9c0e5b7d1f4a6c8e0b2d4f6a8c0e2b4d6f8a"
	tests := []struct {
		name string
		src  string
		edit func(*parse.Document) ([]byte, error)
		want string
	}{
		{
			name: "YAML: add a key, keep comments and order",
			src:  "---\n# translated by Aiko\ntitle: \"ガイド\"\nweight: 2\n---\n\n本文。\n",
			edit: func(d *parse.Document) ([]byte, error) { return SetField(d, "cnpe_i18n_source", String(pin)) },
			want: "---\n# translated by Aiko\ntitle: \"ガイド\"\nweight: 2\ncnpe_i18n_source: " + pin + "\n---\n\n本文。\n",
		},
		{
			name: "YAML: replace a value in place",
			src:  "---\ntitle: x\ncnpe_i18n_source: 0000 # old\nweight: 2\n---\n",
			edit: func(d *parse.Document) ([]byte, error) { return SetField(d, "cnpe_i18n_source", String(pin)) },
			want: "---\ntitle: x\ncnpe_i18n_source: " + pin + " # old\nweight: 2\n---\n",
		},
		{
			name: "YAML: remove outdated, CRLF and BOM kept",
			src:  "\ufeff---\r\ntitle: x\r\noutdated: true\r\nweight: 2\r\n---\r\nBody\r\n",
			edit: func(d *parse.Document) ([]byte, error) { return DeleteField(d, "outdated") },
			want: "\ufeff---\r\ntitle: x\r\nweight: 2\r\n---\r\nBody\r\n",
		},
		{
			name: "YAML: add with CRLF",
			src:  "---\r\ntitle: x\r\n---\r\n",
			edit: func(d *parse.Document) ([]byte, error) { return SetField(d, "outdated", Bool(true)) },
			want: "---\r\ntitle: x\r\noutdated: true\r\n---\r\n",
		},
		{
			name: "YAML: remove a block scalar",
			src:  "---\ntitle: x\ndescription: >\n  long\n  text\nweight: 1\n---\n",
			edit: func(d *parse.Document) ([]byte, error) { return DeleteField(d, "description") },
			want: "---\ntitle: x\nweight: 1\n---\n",
		},
		{
			name: "YAML: a string that needs quotes",
			src:  "---\ntitle: x\n---\n",
			edit: func(d *parse.Document) ([]byte, error) { return SetField(d, "title", String("Ops: on call")) },
			want: "---\ntitle: \"Ops: on call\"\n---\n",
		},
		{
			name: "TOML: add before the first table",
			src:  "+++\ntitle = \"Guide\"\n[params]\nsubtitle = \"x\"\n+++\nBody\n",
			edit: func(d *parse.Document) ([]byte, error) { return SetField(d, "cnpe_i18n_source", String(pin)) },
			want: "+++\ntitle = \"Guide\"\ncnpe_i18n_source = \"" + pin + "\"\n[params]\nsubtitle = \"x\"\n+++\nBody\n",
		},
		{
			name: "TOML: remove a key",
			src:  "+++\ntitle = 'Guide'\noutdated = true\n+++\n",
			edit: func(d *parse.Document) ([]byte, error) { return DeleteField(d, "outdated") },
			want: "+++\ntitle = 'Guide'\n+++\n",
		},
		{
			name: "JSON: add as first member",
			src:  "{\n  \"title\": \"Guide\",\n  \"weight\": 3\n}\nBody\n",
			edit: func(d *parse.Document) ([]byte, error) { return SetField(d, "cnpe_i18n_source", String(pin)) },
			want: "{\n  \"cnpe_i18n_source\": \"" + pin + "\",\n  \"title\": \"Guide\",\n  \"weight\": 3\n}\nBody\n",
		},
		{
			name: "JSON: remove the last member",
			src:  "{\n  \"title\": \"Guide\",\n  \"outdated\": true\n}\n",
			edit: func(d *parse.Document) ([]byte, error) { return DeleteField(d, "outdated") },
			want: "{\n  \"title\": \"Guide\"\n}\n",
		},
		{
			name: "JSON: remove a middle member on one line",
			src:  "{\"title\": \"Guide\", \"outdated\": true, \"weight\": 3}\n",
			edit: func(d *parse.Document) ([]byte, error) { return DeleteField(d, "outdated") },
			want: "{\"title\": \"Guide\", \"weight\": 3}\n",
		},
		{
			name: "no front matter: a YAML block is added",
			src:  "# Title\n\nText.\n",
			edit: func(d *parse.Document) ([]byte, error) { return SetField(d, "outdated", Bool(true)) },
			want: "---\noutdated: true\n---\n\n# Title\n\nText.\n",
		},
		{
			name: "setting the same value changes nothing",
			src:  "---\noutdated: true\n---\n",
			edit: func(d *parse.Document) ([]byte, error) { return SetField(d, "outdated", Bool(true)) },
			want: "---\noutdated: true\n---\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parsetest.MustParse(t, "page.md", tt.src)
			got, err := tt.edit(doc)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
			// The result parses, in the same syntax.
			after, err := parse.Parse("page.md", got)
			if err != nil {
				t.Fatalf("edited page does not parse: %v", err)
			}
			if doc.FrontMatter.Format != parse.NoFrontMatter && after.FrontMatter.Format != doc.FrontMatter.Format {
				t.Errorf("front matter became %s", after.FrontMatter.Format)
			}
			if strings.Contains(tt.name, "CRLF") && strings.Count(string(got), "\n") != strings.Count(string(got), "\r\n") {
				t.Error("mixed line endings")
			}
		})
	}
}
