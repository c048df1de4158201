package parse

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// FuzzParse checks what must hold for any input: no panic, and for pages
// that parse, spans inside the file, ordered and not overlapping, lines
// that match the spans, unique IDs, and the same result twice. Crashers
// found by "go test -fuzz" are committed under testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/golden/*.md")
	for _, path := range seeds {
		src, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	for _, s := range []string{
		"", "---", "---\n", "+++\n+++\n", "{", "{}\n# x", "\ufeff", "\ufeff# t\n",
		"{{< a >}}", "{{% a %}}x{{% /a %}}", "{{</* x */>}}", "[a]({{< ref \"b\" >}})",
		"<table><tr><td>a</td></tr></table>", "| a |\n|---|\n| b |", "> - x\n>\n> y",
		"- a\n  - b\n    - c", "```\n{{< x >}}\n```", "[^1]\n\n[^1]: n", "\r\n\r\n#\r\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, err := Config{MaxBytes: 1 << 16}.Parse("fuzz.md", src)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error %T is not *Error: %v", err, err)
			}
			return
		}
		if !bytes.Equal(doc.Src, src) {
			t.Fatal("Src is not the input")
		}
		checkInvariants(t, doc)
		again, err := Config{MaxBytes: 1 << 16}.Parse("fuzz.md", src)
		if err != nil {
			t.Fatalf("second parse failed: %v", err)
		}
		if !reflect.DeepEqual(doc.Units, again.Units) {
			t.Fatal("two parses of the same input differ")
		}
	})
}

// FuzzDataFields: a data file in any of the three formats lists its
// fields or fails with an *Error; every field's line is in the file.
func FuzzDataFields(f *testing.F) {
	for _, s := range []string{
		"title = \"a\"\n[languages.ja]\ntitle = \"b\"\n[[m]]\nx = 1\n",
		"a:\n  b: c\n  d: [1, 2]\n  e: |\n    text\n",
		"{\"a\": {\"b\": \"c\"}, \"d\": [1, {\"e\": 2}]}\n",
		"", "{", "a: b\na: c\n", "[x\n",
	} {
		f.Add(byte(0), []byte(s))
		f.Add(byte(1), []byte(s))
		f.Add(byte(2), []byte(s))
	}
	f.Fuzz(func(t *testing.T, format byte, data []byte) {
		ft := []Format{TOML, YAML, JSON}[int(format)%3]
		fields, err := DataFields("data", ft, data)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error %T is not *Error: %v", err, err)
			}
			return
		}
		lines := bytes.Count(data, []byte("\n")) + 1
		for _, fd := range fields {
			if fd.Line < 1 || fd.Line > lines {
				t.Fatalf("field %q at line %d of %d", fd.Key, fd.Line, lines)
			}
		}
	})
}
