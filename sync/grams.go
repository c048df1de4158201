package sync

import (
	"encoding/binary"
	"math/bits"
)

// gramLen is the length of the windows a grams filter holds.
const gramLen = 8

// grams is a Bloom filter of the 8-byte windows of some data: a text with
// a window the filter lacks is not in the data. It can say "maybe" of a
// text that is not there, never "no" of one that is, so a search it saves
// has the answer the search would have given.
type grams struct {
	bits  []uint64
	shift uint // 64 minus the log2 of the number of bits
}

// newGrams makes the filter of data's windows, about four bits per byte:
// a fifth of the bits set, so that each window of a text not in the data
// has about one chance in five of passing.
func newGrams(data []byte) *grams {
	lg := max(bits.Len(uint(len(data)*4)), 12)
	g := &grams{bits: make([]uint64, 1<<(lg-6)), shift: uint(64 - lg)}
	for i := 0; i+gramLen <= len(data); i++ {
		h := g.hash(data[i:])
		g.bits[h>>6] |= 1 << (h & 63)
	}
	return g
}

func (g *grams) hash(w []byte) uint64 {
	return (binary.LittleEndian.Uint64(w) * 0x9e3779b97f4a7c15) >> g.shift
}

func (g *grams) has(w []byte) bool {
	h := g.hash(w)
	return g.bits[h>>6]&(1<<(h&63)) != 0
}

// mayHold reports false when sub is surely not in the data: one of its
// windows (every eighth, and the last) is not. A text shorter than a
// window may be anywhere.
func (g *grams) mayHold(sub []byte) bool {
	if len(sub) < gramLen {
		return true
	}
	for i := 0; i+gramLen <= len(sub); i += gramLen {
		if !g.has(sub[i:]) {
			return false
		}
	}
	return g.has(sub[len(sub)-gramLen:])
}
