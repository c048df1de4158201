package edit

import (
	"bytes"
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

// FuzzFrontMatterEdits: on any page that parses, setting and deleting a
// field gives a page that still parses, with the field set (or gone) and
// the body untouched.
func FuzzFrontMatterEdits(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: x\n---\nbody\n", "+++\ntitle = \"x\"\n[params]\na = 1\n+++\n", "{\n  \"title\": \"x\"\n}\n",
		"\ufeff---\r\ntitle: x\r\noutdated: true\r\n---\r\n", "# no front matter\n", "---\ndescription: >\n  a\n  b\n---\n",
		"{\"a\": 1, \"outdated\": true, \"b\": 2}\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, err := parse.Parse("p.md", src)
		if err != nil {
			return
		}
		body := src[doc.FrontMatter.End:]
		out, err := SetField(doc, "cnpe_i18n_source", String("abc123"))
		if err != nil {
			return
		}
		after, err := parse.Parse("p.md", out)
		if err != nil {
			t.Fatalf("SetField made the page unparseable: %v\n%q\n%q", err, src, out)
		}
		if u := after.Field("cnpe_i18n_source"); u == nil || u.Text != "abc123" {
			t.Fatalf("field not set:\n%q\n%q", src, out)
		}
		if doc.FrontMatter.Format != parse.NoFrontMatter && !bytes.HasSuffix(out, body) {
			t.Fatalf("body changed:\n%q\n%q", src, out)
		}
		out2, err := DeleteField(after, "cnpe_i18n_source")
		if err != nil {
			return
		}
		again, err := parse.Parse("p.md", out2)
		if err != nil {
			t.Fatalf("DeleteField made the page unparseable: %v\n%q", err, out2)
		}
		if again.Field("cnpe_i18n_source") != nil {
			t.Fatalf("field not deleted:\n%q", out2)
		}
	})
}
