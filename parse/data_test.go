package parse

import (
	"errors"
	"strings"
	"testing"
)

func TestDataFields(t *testing.T) {
	tests := []struct {
		name, file, data string
		want             []Field
	}{
		{"toml", "hugo.toml", "title = \"Site\"\n[languages.ja]\ntitle = \"サイト\"\nweight = 2\n[[menu.main]]\nname = \"Blog\"\n",
			[]Field{{"title", "Site", true, 1}, {"languages.ja.title", "サイト", true, 3}, {"languages.ja.weight", "2", true, 4}, {"menu.main.0.name", "Blog", true, 6}}},
		{"yaml", "hugo.yml", "languages:\n  ja:\n    title: サイト\n    params:\n      description: >\n        説明\n",
			[]Field{{"languages.ja.title", "サイト", true, 3}, {"languages.ja.params.description", "説明\n", true, 5}}},
		{"json", "hugo.json", "{\n  \"languages\": {\"ja\": {\"title\": \"サイト\"}},\n  \"tags\": [\"a\", \"b\"]\n}\n",
			[]Field{{"languages.ja.title", "サイト", true, 2}, {"tags", `["a", "b"]`, false, 3}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := DataFields(tt.file, DataFormat(tt.file), []byte(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %+v\nwant %+v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("field %d: %+v, want %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestDataFieldsErrors(t *testing.T) {
	tests := []struct {
		file, data string
		line       int
	}{
		{"hugo.toml", "title = \"a\"\n[x\n", 2},
		{"hugo.yaml", "a: b\na: c\n", 2},
		{"hugo.json", "{\n  \"a\": ,\n}\n", 2},
		{"hugo.json", "{\n  \"a\": \"b\",\n  \"c\": 1\n", 3},
		{"hugo.ini", "a = b\n", 0},
	}
	for _, tt := range tests {
		_, err := DataFields(tt.file, DataFormat(tt.file), []byte(tt.data))
		var pe *Error
		if !errors.As(err, &pe) || pe.Line != tt.line || pe.Path != tt.file {
			t.Errorf("%s: error %v, want %s at line %d", tt.file, err, tt.file, tt.line)
			continue
		}
		if strings.Contains(err.Error(), "front matter") {
			t.Errorf("%s: %v speaks of front matter", tt.file, err)
		}
	}
}
