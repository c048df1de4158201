package glossary

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

const sample = `terms:
  - en: [golden path, paved road]
    en_avoid: [happy path]
    note: "Recommended, supported way"
    status: approved
    exclude: ["**/v1/**"]
    ja: {use: [ゴールデンパス], allow: [舗装された道], avoid: [黄金の道]}
    ko: {use: [골든 패스], note: "Keep the English in parentheses once"}
  - en: OTel Operator
    keep: true
`

func TestParse(t *testing.T) {
	g, err := Parse("g.yaml", []byte(sample))
	if err != nil {
		t.Fatal(err)
	}
	gp := g.Terms[0]
	if gp.Name() != "golden path" || gp.ENAvoid[0] != "happy path" || gp.Langs["ja"].Avoid[0] != "黄金の道" || !g.Terms[1].Keep {
		t.Errorf("parsed %+v", gp)
	}
	if gp.Applies("content/ja/resources/whitepaper/v1/index.md") || !gp.Applies("content/ja/resources/whitepaper/latest/index.md") {
		t.Error("exclude glob not applied")
	}
	for _, tt := range []struct{ src, want string }{
		{"terms:\n  - en: x\n    nte: y\n", "g.yaml:3:5: unknown key \"nte\""},
		{"terms:\n  - en: x\n    ja: {usee: [y]}\n", "g.yaml:3:10: unknown key \"usee\" in ja"},
		{"terms:\n  - en: x\n    keep: yes please\n", "g.yaml:3:11: want true or false"},
		{"term:\n  - en: x\n", "g.yaml:1:1: unknown key \"term\""},
		{"terms:\n  - note: no english\n", "a term needs en"},
	} {
		_, err := Parse("g.yaml", []byte(tt.src))
		var ge *parse.Error
		if !errors.As(err, &ge) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Parse(%q) = %v, want an error with %q", tt.src, err, tt.want)
		}
	}
}

// TestRoundTrips writes the glossary as TBX, CSV and YAML and reads it
// back: nothing both formats can hold is lost.
func TestRoundTrips(t *testing.T) {
	g, err := Parse("g.yaml", []byte(sample))
	if err != nil {
		t.Fatal(err)
	}
	var tbx, csv, yml bytes.Buffer
	if err := g.WriteTBX(&tbx); err != nil {
		t.Fatal(err)
	}
	if err := g.WriteCSV(&csv); err != nil {
		t.Fatal(err)
	}
	if err := g.WriteYAML(&yml); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(tbx.String(), `<martif type="TBX-Basic"`) || !strings.Contains(tbx.String(), "preferredTerm-admn-sts") {
		t.Errorf("not TBX-Basic:\n%s", tbx.String())
	}
	fromTBX, err := ReadTBX("g.tbx", &tbx)
	if err != nil {
		t.Fatal(err)
	}
	fromCSV, err := ReadCSV("g.csv", &csv, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	fromYAML, err := Parse("g2.yaml", yml.Bytes())
	if err != nil {
		t.Fatalf("%v\n%s", err, yml.String())
	}
	for name, got := range map[string]*Glossary{"tbx": fromTBX, "csv": fromCSV, "yaml": fromYAML} {
		for i := range g.Terms {
			a, b := *g.Terms[i], *got.Terms[i]
			a.Line, b.Line = 0, 0
			if !reflect.DeepEqual(a, b) {
				t.Errorf("%s round trip of term %d:\n got %+v\nwant %+v", name, i, b, a)
			}
		}
	}
}
