package glossary

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

// A compiled trie finds each key's forms, in the order they were added,
// through list nodes and table nodes alike, and nothing else.
func TestTrieCompile(t *testing.T) {
	keys := []string{"pod", "pods", "pod", "port", "파드", "파일", "p"}
	for c := byte('a'); c <= 'j'; c++ { // "x" has more than denseAt children
		keys = append(keys, "x"+string(c))
	}
	var tb trieBuilder
	var forms []*form
	for i, k := range keys {
		f := &form{text: fmt.Sprint(i)}
		forms = append(forms, f)
		tb.add(k, f)
	}
	tr := tb.compile()
	find := func(key string) []*form {
		n := int32(0)
		for i := 0; i < len(key); i++ {
			if n = tr.child(n, key[i]); n < 0 {
				return nil
			}
		}
		return tr.formsAt(n)
	}
	for _, key := range []string{"pod", "pods", "port", "파드", "파일", "p", "xa", "xj", "po", "x", "pox", "파"} {
		var want []*form
		for i, k := range keys {
			if k == key {
				want = append(want, forms[i])
			}
		}
		if got := find(key); !slices.Equal(got, want) {
			t.Errorf("forms of %q = %v, want %v", key, got, want)
		}
	}
	if (&trieBuilder{}).compile().nodes != nil {
		t.Error("an empty trie has nodes")
	}
}

// A Matcher is shared by the goroutines that check pages: the first
// scans compile its tries at once (run with -race).
func TestMatcherConcurrent(t *testing.T) {
	g, err := Parse("g.yaml", []byte("terms:\n  - en: pod\n    ko: {use: [파드]}\n  - en: node\n    ko: {use: [노드], avoid: [노우드]}\n"))
	if err != nil {
		t.Fatal(err)
	}
	src, err := parse.Parse("en.md", []byte("A pod runs on a node.\n"))
	if err != nil {
		t.Fatal(err)
	}
	tr, err := parse.Parse("ko.md", []byte("파드는 노우드에서 실행된다.\n"))
	if err != nil {
		t.Fatal(err)
	}
	page := Page{Path: "ko.md", Doc: tr, Source: src, Pairs: []UnitPair{{Source: []*parse.Unit{&src.Units[0]}, Target: []*parse.Unit{&tr.Units[0]}}}}
	want := fmt.Sprint(g.Matcher("ko").Check(page))
	if !strings.Contains(want, "forbidden") {
		t.Fatalf("findings %s: want a forbidden one", want)
	}
	m := g.Matcher("ko")
	var wg sync.WaitGroup
	got := make([]string, 4)
	for k := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[k] = fmt.Sprint(m.Check(page))
		}()
	}
	wg.Wait()
	for k, s := range got {
		if s != want {
			t.Errorf("goroutine %d: %s, want %s", k, s, want)
		}
	}
}
