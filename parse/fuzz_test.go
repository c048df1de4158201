package parse

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
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

// FuzzFrontMatterNesting builds front matter nested depth levels deep,
// each level a block mapping, block sequence, flow sequence or flow
// mapping as shape says, in YAML, TOML or JSON. What must hold: no panic;
// past MaxDepth the page fails as too complex, with a position inside
// the front matter; well within it, it parses; and memory stays bounded
// (checked by the fuzzer's own limits and by TestHostileBoundedMemory).
func FuzzFrontMatterNesting(f *testing.F) {
	f.Add(byte(0), uint16(3), []byte{0, 1, 2, 3})
	f.Add(byte(0), uint16(MaxDepth+1), []byte{2})
	f.Add(byte(1), uint16(MaxDepth+1), []byte{0})
	f.Add(byte(2), uint16(MaxDepth+1), []byte{1})
	f.Add(byte(0), uint16(10_000), []byte{0, 1})
	f.Fuzz(func(t *testing.T, format byte, depth uint16, shape []byte) {
		if len(shape) == 0 {
			shape = []byte{0}
		}
		n := int(depth) % 3000
		src := nestedFrontMatter(int(format)%3, n, shape)
		doc, err := Parse("nested.md", []byte(src))
		var pe *Error
		switch {
		case err != nil && !errors.As(err, &pe):
			t.Fatalf("error %T is not *Error: %v", err, err)
		case n > MaxDepth+1 && !errors.Is(err, ErrTooComplex):
			t.Fatalf("depth %d: got %v, want ErrTooComplex", n, err)
		case n < MaxDepth-1 && err != nil:
			t.Fatalf("depth %d: got %v, want no error\n%.2000s", n, err, src)
		case err != nil && (pe.Line < 1 || pe.Line > strings.Count(src, "\n")+1):
			t.Fatalf("error at line %d of %d", pe.Line, strings.Count(src, "\n")+1)
		case err == nil && doc.Field("title") == nil:
			t.Fatalf("no title field in\n%.2000s", src)
		}
	})
}

// nestedFrontMatter is a page whose front matter has a title and a value
// nested depth levels deep.
func nestedFrontMatter(format, depth int, shape []byte) string {
	var open, close strings.Builder
	indent := ""
	for i := 0; i < depth; i++ {
		s := shape[i%len(shape)] % 4
		switch format {
		case 0: // YAML
			switch s {
			case 0:
				fmt.Fprintf(&open, "\n%s  k%d:", indent, i)
				indent += "  "
			case 1:
				fmt.Fprintf(&open, "\n%s  -", indent)
				indent += "  "
			case 2:
				open.WriteString(" [")
				close.WriteString("]")
			case 3:
				open.WriteString(" {k:")
				close.WriteString("}")
			}
			if s >= 2 {
				// Inside a flow collection only flow collections nest.
				for j := i + 1; j < depth; j++ {
					if shape[j%len(shape)]%2 == 0 {
						open.WriteString(" [")
						close.WriteString("]")
					} else {
						open.WriteString(" {k:")
						close.WriteString("}")
					}
				}
				i = depth
			}
		case 1: // TOML: arrays and inline tables
			if s%2 == 0 {
				open.WriteString("[")
				close.WriteString("]")
			} else {
				open.WriteString("{k=")
				close.WriteString("}")
			}
		case 2: // JSON
			if s%2 == 0 {
				open.WriteString("[")
				close.WriteString("]")
			} else {
				open.WriteString("{\"k\":")
				close.WriteString("}")
			}
		}
	}
	closing := []rune(close.String())
	slices.Reverse(closing)
	switch format {
	case 0:
		return "---\ntitle: T\nv:" + open.String() + " x" + string(closing) + "\n---\nBody.\n"
	case 1:
		return "+++\ntitle = \"T\"\nv = " + open.String() + "1" + string(closing) + "\n+++\nBody.\n"
	}
	return "{\"title\": \"T\", \"v\": " + open.String() + "1" + string(closing) + "}\nBody.\n"
}
