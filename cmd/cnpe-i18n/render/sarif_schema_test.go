package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	isync "github.com/cnpe-i18n/cnpe-i18n/sync"
)

// sarifSchema compiles the official SARIF 2.1.0 schema (testdata/sarif,
// see its README for the source and licence), with formats asserted.
func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "sarif", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	const id = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(id, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(id)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func validateSARIF(s *jsonschema.Schema, log []byte) error {
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(log))
	if err != nil {
		return err
	}
	return s.Validate(v)
}

// uriReference is an RFC 3986 URI reference: unreserved and reserved
// characters and percent-encodings only (no space, no control character,
// no raw non-ASCII).
var uriReference = regexp.MustCompile(`^([A-Za-z0-9\-._~!$&'()*+,;=:@/?#]|%[0-9A-Fa-f]{2})*$`)

// TestSARIFSchema validates --format sarif output against the official
// SARIF 2.1.0 schema: a report with every kind of finding, hostile file
// names (spaces, non-ASCII, a newline, # ? %), an incomplete history, and
// one past the result cap, which says what it left out.
func TestSARIFSchema(t *testing.T) {
	schema := sarifSchema(t)
	hostileNames := []string{"content/ja/a b.md", "content/ja/日本語.md", "content/ja/x\ny.md", "content/ja/a#b?c%d.md",
		"javascript:x/a.md", "content/ja/(1).md", "content/ja/100%.md", "content/ja/[x] {y}.md"}
	paths := &isync.Report{SchemaVersion: 1, Source: "en", Languages: []string{"ja"}}
	for _, n := range hostileNames {
		paths.Pages = append(paths.Pages, stalePage("ja", "content/en/a b#.md", n))
	}
	incomplete := hostileReport()
	incomplete.History = isync.HistoryInfo{Available: true, Shallow: true, Incomplete: 1, Message: "history is incomplete: shallow clone"}
	capped := &isync.Report{SchemaVersion: 1, Source: "en", Languages: []string{"ja"}}
	for i := range MaxSARIFResults + 10 {
		capped.Pages = append(capped.Pages, stalePage("ja", "content/en/a.md", fmt.Sprintf("content/ja/p%d.md", i)))
	}
	for _, tc := range []struct {
		name    string
		report  *isync.Report
		results int
	}{
		{"every finding", sourceCentredReport(), 0},
		{"hostile", hostileReport(), 5},
		{"hostile paths", paths, len(hostileNames)},
		{"incomplete history", incomplete, 5},
		{"capped", capped, MaxSARIFResults},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := SARIF(&b, tc.report, "test"); err != nil {
				t.Fatal(err)
			}
			log := b.Bytes()
			if tc.name == "capped" {
				// Validating 25,000 results takes seconds; the results are
				// alike, and what the cap adds is in the run's invocations
				// and properties.
				log = firstResults(t, log, 100)
			}
			if err := validateSARIF(schema, log); err != nil {
				t.Fatalf("the SARIF log does not validate: %v\n%.3000s", err, b.String())
			}
			for _, m := range regexp.MustCompile(`"uri": "([^"]*)"`).FindAllStringSubmatch(b.String(), -1) {
				if !uriReference.MatchString(m[1]) {
					t.Errorf("artifact URI %q is not an RFC 3986 URI reference", m[1])
				}
			}
			n := strings.Count(b.String(), `"ruleId"`)
			if tc.results > 0 && n != tc.results {
				t.Errorf("%d results, want %d", n, tc.results)
			}
			if tc.name == "capped" && !strings.Contains(b.String(), `"omittedResults": 10`) {
				t.Errorf("the capped log does not say what it left out")
			}
		})
	}
}

// TestSARIFSchemaRejects: the schema check can fail: a log with a raw
// newline in a URI, a result without a message, or a wrong version does
// not validate, and a raw space fails the URI check.
func TestSARIFSchemaRejects(t *testing.T) {
	schema := sarifSchema(t)
	result := func(uri, msg string) string {
		return `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"ruleId": "r", ` + msg +
			`"locations": [{"physicalLocation": {"artifactLocation": {"uri": "` + uri + `"}, "region": {"startLine": 1}}}]}]}]}`
	}
	if err := validateSARIF(schema, []byte(result("a.md", `"message": {"text": "m"}, `))); err != nil {
		t.Fatalf("a good log does not validate: %v", err)
	}
	for name, log := range map[string]string{
		"newline in uri":  result(`a\nb.md`, `"message": {"text": "m"}, `),
		"no message":      result("a.md", ""),
		"wrong version":   strings.Replace(result("a.md", `"message": {"text": "m"}, `), "2.1.0", "2.0.0", 1),
		"bad line number": strings.Replace(result("a.md", `"message": {"text": "m"}, `), `"startLine": 1`, `"startLine": 0`, 1),
	} {
		if validateSARIF(schema, []byte(log)) == nil {
			t.Errorf("%s: the log validates", name)
		}
	}
	if uriReference.MatchString("content/ja/a b.md") {
		t.Error("a raw space passes the URI check")
	}
}

// firstResults is the SARIF log with only the first n results of its run.
func firstResults(t *testing.T, log []byte, n int) []byte {
	t.Helper()
	var v map[string]any
	if err := json.Unmarshal(log, &v); err != nil {
		t.Fatal(err)
	}
	run := v["runs"].([]any)[0].(map[string]any)
	run["results"] = run["results"].([]any)[:n]
	out, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
