package cache

import (
	"encoding/binary"
	"math"
)

// Record reads the varints and length-prefixed strings that the cache's
// binary entries (a history snapshot, a group of page reports) are made
// of. Every length is checked against the bytes left, so a damaged entry
// makes Bad true and never makes a reader allocate more than its size.
type Record struct {
	b   []byte
	bad bool
}

// NewRecord reads b.
func NewRecord(b []byte) *Record { return &Record{b: b} }

// Bad reports whether a read ran past the end or met a malformed varint.
// Every read after that returns the zero value.
func (r *Record) Bad() bool { return r.bad }

// Rest is the number of bytes not read yet.
func (r *Record) Rest() int { return len(r.b) }

func (r *Record) fail() { r.bad, r.b = true, nil }

// Uvarint reads an unsigned varint.
func (r *Record) Uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return v
}

// Varint reads a signed varint.
func (r *Record) Varint() int64 {
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return v
}

// Int reads an unsigned varint that fits an int on every platform.
func (r *Record) Int() int {
	v := r.Uvarint()
	if v > math.MaxInt32 {
		r.fail()
		return 0
	}
	return int(v)
}

// Count reads a signed varint counting items of at least one byte each,
// so never more than the bytes left.
func (r *Record) Count() int {
	v := r.Varint()
	if v < 0 || v > int64(len(r.b)) {
		r.fail()
		return 0
	}
	return int(v)
}

// Bytes reads the next n bytes; the slice shares the record's memory.
func (r *Record) Bytes(n uint64) []byte {
	if r.bad || n > uint64(len(r.b)) {
		r.fail()
		return nil
	}
	v := r.b[:n:n]
	r.b = r.b[n:]
	return v
}

// String reads a string written as its length (an unsigned varint) and
// its bytes.
func (r *Record) String() string { return string(r.Bytes(r.Uvarint())) }
