package glossary

import (
	"fmt"
	"slices"
	"testing"
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
