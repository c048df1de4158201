package glossary

import (
	"bytes"
	"encoding/csv"
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

// TestReadMarkdownTable reads a team's own table (its own header, a BOM,
// other tables before it) with a column mapping, and turns its cell
// conventions into renderings, first-use forms and keep.
func TestReadMarkdownTable(t *testing.T) {
	page := "\ufeff# 용어\n\n원문 | 번역\n--- | ---\n가 | 나\n\n" +
		"English | 한글 | 비고\n--- | --- | ---\nhook | 훅(hook) |\nConfigMap | 컨피그맵(ConfigMap) | API 오브젝트\n" +
		"Image Pull Secrets | 이미지 풀(Pull) 시크릿 |\negress | 이그레스, 송신(egress) |\nkube-proxy | kube-proxy |\nSession Affinity | 세션 어피니티(Affinity) |\n\n끝\n"
	cols, err := ParseColumns("en=English,ko=한글,ko.note=비고")
	if err != nil {
		t.Fatal(err)
	}
	g, err := ReadMarkdownTable("l.md", strings.NewReader(page), ImportOptions{Columns: cols})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Rendering{
		"hook":               {Use: []string{"훅"}, First: "{use}({en})"},
		"ConfigMap":          {Use: []string{"컨피그맵"}, First: "{use}({en})", Note: "API 오브젝트"},
		"Image Pull Secrets": {Use: []string{"이미지 풀 시크릿"}, First: "이미지 풀(Pull) 시크릿"},
		"egress":             {Use: []string{"이그레스", "송신"}, First: "{use}({en})"},
		"kube-proxy":         {Keep: true},
		"Session Affinity":   {Use: []string{"세션 어피니티"}, First: "{use}(Affinity)"},
	}
	if len(g.Terms) != len(want) {
		t.Fatalf("%d concepts, want %d", len(g.Terms), len(want))
	}
	for _, term := range g.Terms {
		if got := *term.Langs["ko"]; !reflect.DeepEqual(got, want[term.Name()]) {
			t.Errorf("%s: %+v, want %+v", term.Name(), got, want[term.Name()])
		}
	}
	if g.Terms[0].Line != 9 {
		t.Errorf("first concept at line %d, want 9", g.Terms[0].Line)
	}
}

// TestImportErrors: duplicate concepts and a rendering both approved and
// forbidden are errors at their lines, all of them; a header that does
// not fit says which column is missing.
func TestImportErrors(t *testing.T) {
	for _, tt := range []struct {
		name, csv string
		cols      map[string]string
		want      []string
	}{
		{"duplicate", "en,ko.use\nnode,노드\nNode,노드\npod,파드\npod,팟\n", nil,
			[]string{`g.csv:3:1: duplicate concept "Node" (first at line 2)`, `g.csv:5:1: duplicate concept "pod" (first at line 4)`}},
		{"conflict", "en,ko.use,ko.avoid\nsecret,시크릿,\nconfidential,기밀,시크릿\n", nil,
			[]string{`g.csv:3:1: ko: "시크릿" is forbidden for "confidential" here and approved for "secret" at line 2`}},
		{"unknown column", "en,한글\nx,y\n", nil, []string{`g.csv:1:1: column 2: unknown field "한글"`}},
		{"mapped column absent", "English,한글\nx,y\n", map[string]string{"en": "English", "ja": "日本語"}, []string{`no column "日本語" for ja`}},
		{"bom", "\ufeffen,ko.use\nx,y\nx,z\n", nil, []string{`g.csv:3:1: duplicate concept "x" (first at line 2)`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadCSV("g.csv", strings.NewReader(tt.csv), ImportOptions{Columns: tt.cols})
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

// TestWriteCSVFormulaInjection: a cell a spreadsheet would evaluate
// (=, +, -, @, tab, carriage return first) is written behind a single
// quote, and ReadCSV gives the value back.
func TestWriteCSVFormulaInjection(t *testing.T) {
	g, err := Parse("g.yaml", []byte("terms:\n  - en: \"=HYPERLINK(\\\"http://x\\\")\"\n    note: \"+1\"\n    status: \"\\t=1\"\n    ko: {use: [\"-되다\"], avoid: [\"@SUM(A1)\"], note: \"\\r=1\"}\n"))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := g.WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(b.Bytes())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, cell := range rows[1] {
		if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
			t.Errorf("cell %q would be evaluated", cell)
		}
	}
	back, err := ReadCSV("g.csv", &b, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	a, c := *g.Terms[0], *back.Terms[0]
	a.Line, c.Line = 0, 0
	// Leading white space is trimmed on reading, so the tab and carriage
	// return cells only need to be inert.
	a.Status, c.Status = "", ""
	a.Langs["ko"].Note, c.Langs["ko"].Note = "", ""
	if !reflect.DeepEqual(a.EN, c.EN) || a.Note != c.Note || !reflect.DeepEqual(a.Langs["ko"], c.Langs["ko"]) {
		t.Errorf("round trip: got %+v %+v, want %+v %+v", c, c.Langs["ko"], a, a.Langs["ko"])
	}
}
