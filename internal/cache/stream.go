package cache

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"hash"
	"io"
	"os"
	"path/filepath"
	"time"
)

// Pending is an entry being written as a stream (an output too large to
// hold in memory twice): Write the payload, then Commit puts the entry
// in place, or Abort drops it.
type Pending struct {
	s    *Store
	f    *os.File
	p    string
	sum  hash.Hash
	n    int64
	head int
	err  error
}

// Create starts writing the entry of kind and key.
func (s *Store) Create(kind string, k Key) (*Pending, error) {
	if s == nil || !validKind(kind) {
		return nil, errors.New("cache: no store, or a bad kind")
	}
	p := s.path(kind, k)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return nil, err
	}
	f, err := os.CreateTemp(filepath.Dir(p), ".tmp-*")
	if err != nil {
		return nil, err
	}
	// The header is written last, when the length and sum are known; its
	// size is the same.
	head := headerSize(s.tool)
	if _, err := f.Write(make([]byte, head)); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
	return &Pending{s: s, f: f, p: p, sum: sha256.New(), head: head}, nil
}

func (w *Pending) Write(b []byte) (int, error) {
	if w.err != nil {
		return 0, w.err
	}
	if w.n+int64(len(b)) > maxPayload {
		w.err = errors.New("cache: entry too large")
		return 0, w.err
	}
	n, err := w.f.Write(b)
	w.sum.Write(b[:n])
	w.n += int64(n)
	w.err = err
	return n, err
}

// Commit writes the header and puts the entry in place.
func (w *Pending) Commit() error {
	err := w.err
	if err == nil {
		head := appendHeader(make([]byte, 0, w.head), w.s.tool, uint64(w.n), w.sum.Sum(nil))
		_, err = w.f.WriteAt(head, 0)
	}
	if cerr := w.f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(w.f.Name(), w.p)
	}
	if err != nil {
		os.Remove(w.f.Name())
		return err
	}
	w.s.puts.Add(1)
	return nil
}

// Abort drops the entry.
func (w *Pending) Abort() {
	w.f.Close()
	os.Remove(w.f.Name())
}

// Stream opens the payload of the entry of kind and key for reading,
// after checking it whole (its sum is read in a first pass, so that a
// damaged entry is a miss before a byte of it is used). Close the closer.
func (s *Store) Stream(kind string, k Key) (*io.SectionReader, io.Closer, bool) {
	return s.StreamPrefixed(kind, k, nil)
}

// StreamPrefixed is Stream for an entry whose payload starts with
// prefix: another is a miss, found before the payload is read whole (an
// entry that is replaced when what it was made from changes, and that
// records that in its first bytes).
func (s *Store) StreamPrefixed(kind string, k Key, prefix []byte) (*io.SectionReader, io.Closer, bool) {
	if s == nil || !validKind(kind) {
		return nil, nil, false
	}
	p := s.path(kind, k)
	if fi, err := os.Lstat(p); err != nil || !fi.Mode().IsRegular() {
		s.misses.Add(1)
		return nil, nil, false
	}
	f, err := os.Open(p)
	if err != nil {
		s.misses.Add(1)
		return nil, nil, false
	}
	sec, ok := s.check(f, prefix)
	if !ok {
		f.Close()
		s.misses.Add(1)
		return nil, nil, false
	}
	s.hits.Add(1)
	now := time.Now()
	if fi, err := f.Stat(); err == nil && now.Sub(fi.ModTime()) > time.Minute {
		os.Chtimes(p, now, now)
	}
	return sec, f, true
}

// check reads f's header, checks that the payload starts with prefix,
// and sums the payload; it returns the payload.
func (s *Store) check(f *os.File, prefix []byte) (*io.SectionReader, bool) {
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		return nil, false
	}
	n, want, ok := readHeader(f, fi.Size(), s.tool)
	if !ok || uint64(len(prefix)) > n {
		return nil, false
	}
	head := int64(headerSize(s.tool))
	start := make([]byte, len(prefix))
	if _, err := f.ReadAt(start, head); err != nil || !bytes.Equal(start, prefix) {
		return nil, false
	}
	sum := sha256.New()
	if _, err := io.Copy(sum, io.NewSectionReader(f, head, int64(n))); err != nil {
		return nil, false
	}
	if !bytes.Equal(sum.Sum(nil), want) {
		return nil, false
	}
	return io.NewSectionReader(f, head, int64(n)), true
}
