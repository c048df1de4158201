package glossary

// trieBuilder is a trie of byte strings with forms at their ends, as
// forms are added; compile makes the trie a scan walks.
type trieBuilder struct {
	nodes []buildNode // nodes[0] is the root
}

type buildNode struct {
	forms []*form // in the order they were added
	keys  []byte  // the bytes of the children
	next  []int32 // the children's indexes in nodes
}

func (tb *trieBuilder) add(key string, f *form) {
	if tb.nodes == nil {
		tb.nodes = []buildNode{{}}
	}
	n := int32(0)
	for i := 0; i < len(key); i++ {
		c := int32(-1)
		for k, b := range tb.nodes[n].keys {
			if b == key[i] {
				c = tb.nodes[n].next[k]
				break
			}
		}
		if c < 0 {
			c = int32(len(tb.nodes))
			tb.nodes = append(tb.nodes, buildNode{})
			tb.nodes[n].keys = append(tb.nodes[n].keys, key[i])
			tb.nodes[n].next = append(tb.nodes[n].next, c)
		}
		n = c
	}
	tb.nodes[n].forms = append(tb.nodes[n].forms, f)
}

// trie is a trieBuilder's trie laid out for walks: nodes of a few
// bytes in breadth-first order, the children of each in one run of
// labels and kids, and a table for the root and for each node of more
// than denseAt children (the first letters of Latin words branch
// widely). A walk touches little memory.
type trie struct {
	nodes  []trieNode // nodes[0] is the root
	labels []byte     // the children's bytes, a run per node
	kids   []int32    // the children's indexes in nodes, by labels
	forms  []*form    // a run per node
	dense  [][256]int32
}

type trieNode struct {
	kids, forms   int32 // the first of the node's runs in labels and kids, and in forms
	nkids, nforms uint16
	dense         int32 // 1 + the index of the node's table in dense; 0: none
}

// denseAt is the number of children past which a node has a table.
const denseAt = 6

// child is n's child by byte c, or -1.
func (t *trie) child(n int32, c byte) int32 {
	nd := &t.nodes[n]
	if nd.dense > 0 {
		return t.dense[nd.dense-1][c] - 1
	}
	for k, b := range t.labels[nd.kids : nd.kids+int32(nd.nkids)] {
		if b == c {
			return t.kids[nd.kids+int32(k)]
		}
	}
	return -1
}

// formsAt are the forms that end at node n, in the order added.
func (t *trie) formsAt(n int32) []*form {
	nd := &t.nodes[n]
	return t.forms[nd.forms : nd.forms+int32(nd.nforms)]
}

// compile lays the trie out for walks (an empty trie has no nodes).
func (tb *trieBuilder) compile() trie {
	var t trie
	if len(tb.nodes) == 0 {
		return t
	}
	// order[k] is the builder's node that is node k, breadth first.
	order := []int32{0}
	t.nodes = make([]trieNode, 0, len(tb.nodes))
	for k := 0; k < len(order); k++ {
		b := &tb.nodes[order[k]]
		nd := trieNode{kids: int32(len(t.labels)), nkids: uint16(len(b.keys)), forms: int32(len(t.forms)), nforms: uint16(len(b.forms))}
		t.forms = append(t.forms, b.forms...)
		for i, key := range b.keys {
			t.labels = append(t.labels, key)
			t.kids = append(t.kids, int32(len(order)))
			order = append(order, b.next[i])
		}
		if k == 0 || len(b.keys) > denseAt {
			var tab [256]int32
			for i, key := range b.keys {
				tab[key] = t.kids[int(nd.kids)+i] + 1
			}
			t.dense = append(t.dense, tab)
			nd.dense = int32(len(t.dense))
		}
		t.nodes = append(t.nodes, nd)
	}
	return t
}
