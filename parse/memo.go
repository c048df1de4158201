package parse

import (
	"hash/maphash"
	"slices"
	gosync "sync"
)

// Memo keeps the front matter units of recently parsed pages, by the
// bytes of the page up to the end of its front matter. The versions of a
// page in its history mostly share their front matter byte for byte, and
// a tool that parses many of them (sync reads up to a dozen versions of
// each page) then decodes the YAML once. A page's units are the same
// with and without a Memo. It is safe for concurrent use; its zero value
// is not ready: use NewMemo.
type Memo struct {
	seed  maphash.Seed
	mu    gosync.Mutex
	slots []*memoEntry // by hash: an entry is replaced by a newer one in its slot
}

type memoEntry struct {
	head  string   // the page up to the end of its front matter
	keys  []string // Config.TranslatableKeys it was made with
	units []Unit
}

// NewMemo returns a Memo of at most n pages' front matter.
func NewMemo(n int) *Memo {
	return &Memo{seed: maphash.MakeSeed(), slots: make([]*memoEntry, max(n, 1))}
}

func (m *Memo) slot(head []byte) int {
	return int(maphash.Bytes(m.seed, head) % uint64(len(m.slots)))
}

// get returns a copy of the units kept for head, or false.
func (m *Memo) get(head []byte, keys []string) ([]Unit, bool) {
	i := m.slot(head)
	m.mu.Lock()
	e := m.slots[i]
	m.mu.Unlock()
	if e == nil || e.head != string(head) || !slices.Equal(e.keys, keys) {
		return nil, false
	}
	return cloneUnits(e.units), true
}

// put keeps a copy of units as head's.
func (m *Memo) put(head []byte, keys []string, units []Unit) {
	e := &memoEntry{head: string(head), keys: slices.Clone(keys), units: cloneUnits(units)}
	i := m.slot(head)
	m.mu.Lock()
	m.slots[i] = e
	m.mu.Unlock()
}

// cloneUnits copies front matter units and their spans, so that no two
// documents share what a caller may change.
func cloneUnits(units []Unit) []Unit {
	out := slices.Clone(units)
	for i := range out {
		out[i].Spans = slices.Clone(out[i].Spans)
	}
	return out
}
