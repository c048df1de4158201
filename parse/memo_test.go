package parse

import (
	"os"
	"reflect"
	"testing"
)

// TestMemoSameDocument parses pages through one Memo, each page after
// others that share its front matter, and checks every document against
// the same page parsed without a Memo.
func TestMemoSameDocument(t *testing.T) {
	golden, err := os.ReadFile("testdata/golden/crlf-bom.md")
	if err != nil {
		t.Fatal(err)
	}
	const yamlFM = "---\ntitle: Hello  there\nlinkTitle: &t Hi\nalias: *t\ntags: [a, b]\nparams:\n  caption: \"quoted\"\n---\n"
	pages := []struct {
		name string
		keys []string
		src  string
	}{
		{"yaml", nil, yamlFM + "Body one.\n"},
		{"yaml, another body", nil, yamlFM + "# Heading\n\nBody two, longer.\n"},
		// The same front matter with another key translated: a unit
		// kept for the first set of keys would have Translatable wrong.
		{"yaml, other keys", []string{"caption"}, yamlFM + "Body one.\n"},
		{"yaml, keys again", nil, yamlFM + "Body three.\n"},
		// The same fields one byte later: every offset moves.
		{"yaml, BOM", nil, "\ufeff" + yamlFM + "Body one.\n"},
		{"toml", nil, "+++\ntitle = \"Hello\"\n+++\nBody.\n"},
		{"toml, another body", nil, "+++\ntitle = \"Hello\"\n+++\nOther body.\n"},
		{"json", nil, "{\n  \"title\": \"Hello\"\n}\nBody.\n"},
		{"json, another body", nil, "{\n  \"title\": \"Hello\"\n}\n\nOther.\n"},
		{"no front matter", nil, "Just a body.\n"},
		{"golden", nil, string(golden)},
		{"golden again", nil, string(golden) + "\nOne more paragraph.\n"},
	}
	memo := NewMemo(64)
	for _, p := range pages {
		t.Run(p.name, func(t *testing.T) {
			want, err := Config{TranslatableKeys: p.keys}.Parse(p.name, []byte(p.src))
			if err != nil {
				t.Fatal(err)
			}
			got, err := Config{TranslatableKeys: p.keys, Memo: memo}.Parse(p.name, []byte(p.src))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("with a Memo:\n%+v\nwithout:\n%+v", got.Units, want.Units)
			}
			// A caller changing its document changes no other.
			for i := range got.Units {
				got.Units[i].Text = "changed"
				for j := range got.Units[i].Spans {
					got.Units[i].Spans[j] = Span{}
				}
			}
			again, err := Config{TranslatableKeys: p.keys, Memo: memo}.Parse(p.name, []byte(p.src))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(again, want) {
				t.Errorf("after a change to an earlier document:\n%+v\nwant:\n%+v", again.Units, want.Units)
			}
		})
	}
}

// TestMemoKeeps checks that the front matter of a page parsed is kept,
// and for its own bytes and keys only.
func TestMemoKeeps(t *testing.T) {
	src := []byte("---\ntitle: Kept\n---\nBody.\n")
	memo := NewMemo(8)
	doc, err := Config{Memo: memo}.Parse("p.md", src)
	if err != nil {
		t.Fatal(err)
	}
	head := src[:doc.FrontMatter.End]
	if _, ok := memo.get(head, nil); !ok {
		t.Errorf("front matter %q not kept", head)
	}
	if _, ok := memo.get(head, []string{"caption"}); ok {
		t.Error("front matter kept for other keys is found")
	}
	if _, ok := memo.get([]byte("---\ntitle: Kepd\n---\n"), nil); ok {
		t.Error("another front matter is found")
	}
}

// BenchmarkParseMemo parses versions of a page that differ in their body
// only, with and without a Memo.
func BenchmarkParseMemo(b *testing.B) {
	const fm = "---\ntitle: A page about things\ndescription: >\n  What the page says, folded\n  over two lines.\nweight: 20\ncontent_type: concept\ncard:\n  name: concepts\n  weight: 40\n---\n"
	var versions [][]byte
	for _, body := range []string{"One paragraph.\n", "One paragraph, edited.\n", "Two.\n\nParagraphs.\n"} {
		versions = append(versions, []byte(fm+body))
	}
	for _, bc := range []struct {
		name string
		memo *Memo
	}{{"without", nil}, {"with", NewMemo(16)}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			c := Config{Memo: bc.memo}
			for b.Loop() {
				for _, v := range versions {
					if _, err := c.Parse("p.md", v); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
