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

// trie is a trieBuilder's trie laid out for walks: nodes in
// breadth-first order, so that the children of a node are consecutive,
// each with the bytes of its children in itself, and a table for the
// root and for each node of more than denseAt children (the first
// letters of Latin words branch widely). A step of a walk reads one
// node.
type trie struct {
	nodes []trieNode // nodes[0] is the root
	forms []*form    // a run per node
	dense [][256]int32
}

type trieNode struct {
	first  int32 // the index of the first child in nodes
	forms  int32 // the first of the node's run in forms
	dense  int32 // 1 + the index of the node's table in dense; 0: none
	nforms uint16
	nkids  uint8
	labels [denseAt]byte // the children's bytes, without a table
}

// denseAt is the number of children past which a node has a table.
const denseAt = 6

// child is n's child by byte c, or -1.
func (t *trie) child(n int32, c byte) int32 {
	nd := &t.nodes[n]
	if nd.dense > 0 {
		return t.dense[nd.dense-1][c] - 1
	}
	for k, b := range nd.labels[:nd.nkids] {
		if b == c {
			return nd.first + int32(k)
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
		nd := trieNode{first: int32(len(order)), forms: int32(len(t.forms)), nforms: uint16(len(b.forms))}
		t.forms = append(t.forms, b.forms...)
		order = append(order, b.next...)
		if k == 0 || len(b.keys) > denseAt {
			var tab [256]int32
			for i, key := range b.keys {
				tab[key] = nd.first + int32(i) + 1
			}
			t.dense = append(t.dense, tab)
			nd.dense = int32(len(t.dense))
		} else {
			nd.nkids = uint8(copy(nd.labels[:], b.keys))
		}
		t.nodes = append(t.nodes, nd)
	}
	return t
}
