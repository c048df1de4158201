package glossary

import (
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

// TestCensusConflicts: a concept is never in conflict with itself (two
// entries of one term in two senses, its own English left in the text);
// two concepts rendered the same way are.
func TestCensusConflicts(t *testing.T) {
	g, err := Parse("g.yaml", []byte(`terms:
  - en: Node
    case: sensitive
    unless: {sentence_start: true}
    ko: {use: [노드]}
  - en: Node
    when: {sentence_start: true}
    ko: {use: [노드]}
  - en: worker
    ko: {use: [노드]}
`))
	if err != nil {
		t.Fatal(err)
	}
	src, _ := parse.Parse("en.md", []byte("Node status. The Node and a worker stay. Node is kept.\n"))
	tr, _ := parse.Parse("ko.md", []byte("노드 상태. 노드와 노드는 남는다. Node 유지.\n"))
	c := g.Matcher("ko").NewCensus()
	c.Add(src, []*parse.Unit{&src.Units[0]}, tr, []*parse.Unit{&tr.Units[0]}, "ko.md")
	c.Finish()
	if len(c.Conflicts) != 1 || c.Conflicts[0].Rendering != "노드" || len(c.Conflicts[0].Terms) != 2 {
		t.Errorf("conflicts %+v, want 노드 for Node and worker only", c.Conflicts)
	}
}
