// Package cache is a persistent, content-addressed store of byte entries
// shared by the runs of the tool on one repository:
//
//	st, err := cache.Open(cache.Options{Root: root, Tool: toolVersion})
//	key := cache.KeyOf("group", srcBlob, trBlob)
//	if data, ok := st.Get("group", key); ok { … }
//	st.Put("group", key, data)
//	st.Trim() // at the end of a run: least recently used entries go past the size bound
//
// An entry is one file, written to a temporary file and renamed into
// place, so a reader sees a whole entry or none and concurrent runs need
// no lock. Each file carries a header (magic, format version, tool
// version, payload length, SHA-256 of the payload); a corrupt, truncated
// or foreign entry is a miss, and the next Put overwrites it. Nothing
// here is an error for the run: a store that cannot be written is
// one that never hits.
package cache

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"hash"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"
)

// DefaultLimit is the size bound of a store when Options.Limit is 0.
const DefaultLimit = 512 << 20

// FormatVersion is the layout of an entry file; a store of another
// layout reads as empty.
const FormatVersion = 1

// maxPayload bounds what a header may claim: a crafted length never
// makes a huge allocation.
const maxPayload = 1 << 30

var magic = [8]byte{'c', 'n', 'p', 'e', 'i', '1', '8', 'n'}

// Options locate and bound a store.
type Options struct {
	// Dir is the store's directory; empty means Location(Root).
	Dir string
	// Root is the repository root, used when Dir is empty.
	Root string
	// Tool identifies the binary (version and build): entries written by
	// another tool version are misses.
	Tool string
	// Limit bounds the bytes of the store after Trim; 0 is DefaultLimit.
	Limit int64
}

// Store is an opened cache directory. Its methods are safe for
// concurrent use. A nil *Store is a disabled cache: Get misses, Put does
// nothing.
type Store struct {
	dir   string
	tool  string
	limit int64

	hits, misses, puts atomic.Int64
}

// Key is the content address of an entry: the SHA-256 of its parts,
// each length-prefixed so that parts never run into each other.
type Key [32]byte

// KeyOf hashes parts into a key.
func KeyOf(parts ...string) Key {
	h := NewHasher()
	for _, p := range parts {
		h.Add(p)
	}
	return h.Key()
}

// Hasher makes a key part by part, without holding the parts: the key
// of the parts KeyOf is given in the same order.
type Hasher struct {
	h   hash.Hash
	buf []byte // the length of the next part, and strings on their way in
}

// NewHasher starts a key.
func NewHasher() *Hasher {
	return &Hasher{h: sha256.New(), buf: make([]byte, 0, 4<<10)}
}

// Add adds a part.
func (h *Hasher) Add(p string) {
	b := binary.LittleEndian.AppendUint64(h.buf[:0], uint64(len(p)))
	for {
		k := min(len(p), cap(b)-len(b))
		b = append(b, p[:k]...)
		h.h.Write(b)
		if p = p[k:]; p == "" {
			return
		}
		b = b[:0]
	}
}

// AddBytes adds a part.
func (h *Hasher) AddBytes(p []byte) {
	h.h.Write(binary.LittleEndian.AppendUint64(h.buf[:0], uint64(len(p))))
	h.h.Write(p)
}

// Key is the key of the parts added.
func (h *Hasher) Key() Key {
	var k Key
	h.h.Sum(k[:0])
	return k
}

func (k Key) String() string { return hex.EncodeToString(k[:]) }

// Open opens the store in its directory, which Put creates when it
// first writes.
func Open(o Options) (*Store, error) {
	dir := o.Dir
	if dir == "" {
		var err error
		if dir, err = Location(o.Root); err != nil {
			return nil, err
		}
	}
	if err := checkTree(dir); err != nil {
		return nil, err
	}
	limit := o.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	return &Store{dir: dir, tool: o.Tool, limit: limit}, nil
}

// ErrLink reports a store directory that is, or holds, a symbolic link
// where a directory belongs: the store is not used, so that it cannot
// read or write outside itself.
var ErrLink = errors.New("cache: symbolic link in the cache directory")

// checkTree refuses a store whose directory, kind directories or hash
// directories are not plain directories (entry files are checked when
// read; a rename replaces a link rather than following it).
func checkTree(dir string) error {
	fi, err := os.Lstat(dir)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return ErrLink
	}
	kinds, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, k := range kinds {
		if !k.IsDir() {
			return ErrLink
		}
		subs, err := os.ReadDir(filepath.Join(dir, k.Name()))
		if err != nil {
			return err
		}
		for _, d := range subs {
			if !d.IsDir() {
				return ErrLink
			}
		}
	}
	return nil
}

// Dir is the store's directory.
func (s *Store) Dir() string { return s.dir }

// Location is where the store of the repository at root lives:
// <git dir>/cnpe-i18n when root/.git is a real directory (not a link,
// not a gitfile), else <user cache dir>/cnpe-i18n/<hash of root>.
func Location(root string) (string, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return "", err
	}
	if fi, err := os.Lstat(filepath.Join(abs, ".git")); err == nil && fi.IsDir() {
		return filepath.Join(abs, ".git", "cnpe-i18n"), nil
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(base, "cnpe-i18n", hex.EncodeToString(sum[:12])), nil
}

// validKind keeps a kind a plain directory name.
func validKind(kind string) bool {
	return kind != "" && !strings.ContainsAny(kind, `/\.`) && len(kind) < 64
}

func (s *Store) path(kind string, k Key) string {
	h := k.String()
	return filepath.Join(s.dir, kind, h[:2], h)
}

// Get returns the payload stored under kind and key, and marks it used
// (its modification time is the last use, for Trim).
func (s *Store) Get(kind string, k Key) ([]byte, bool) {
	if s == nil || !validKind(kind) {
		return nil, false
	}
	p := s.path(kind, k)
	data, ok := s.read(p)
	if !ok {
		s.misses.Add(1)
		return nil, false
	}
	s.hits.Add(1)
	now := time.Now()
	if fi, err := os.Stat(p); err == nil && now.Sub(fi.ModTime()) > time.Minute {
		os.Chtimes(p, now, now) // best effort: a failed touch only ages the entry
	}
	return data, true
}

// read reads and checks one entry file.
func (s *Store) read(p string) ([]byte, bool) {
	if fi, err := os.Lstat(p); err != nil || !fi.Mode().IsRegular() {
		return nil, false // none, or a link
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		return nil, false
	}
	payload, ok := decode(f, fi.Size(), s.tool)
	return payload, ok
}

// A header is magic, format version (uint32), tool length (uint16),
// tool, payload length (uint64), SHA-256 of the payload.

// headerSize is the size of the header of an entry written by tool.
func headerSize(tool string) int { return len(magic) + 4 + 2 + len(tool) + 8 + sha256.Size }

// appendHeader appends the header of a payload of n bytes whose SHA-256
// is sum.
func appendHeader(b []byte, tool string, n uint64, sum []byte) []byte {
	b = append(b, magic[:]...)
	b = binary.LittleEndian.AppendUint32(b, FormatVersion)
	b = binary.LittleEndian.AppendUint16(b, uint16(len(tool)))
	b = append(b, tool...)
	b = binary.LittleEndian.AppendUint64(b, n)
	return append(b, sum...)
}

// encodeHeader is the header of payload.
func encodeHeader(tool string, payload []byte) []byte {
	sum := sha256.Sum256(payload)
	return appendHeader(make([]byte, 0, headerSize(tool)), tool, uint64(len(payload)), sum[:])
}

// readHeader reads the header of an entry of size bytes (header and
// payload) from r: ok is false but for this format and tool and a
// payload length that matches size; sum is the payload's SHA-256 as
// recorded.
func readHeader(r io.Reader, size int64, tool string) (n uint64, sum []byte, ok bool) {
	if len(tool) > 0xffff {
		return 0, nil, false
	}
	head := make([]byte, headerSize(tool))
	if size < int64(len(head)) {
		return 0, nil, false
	}
	if _, err := io.ReadFull(r, head); err != nil {
		return 0, nil, false
	}
	fixed := len(magic) + 4 + 2
	if !bytes.Equal(head[:len(magic)], magic[:]) ||
		binary.LittleEndian.Uint32(head[len(magic):]) != FormatVersion ||
		int(binary.LittleEndian.Uint16(head[len(magic)+4:])) != len(tool) ||
		string(head[fixed:fixed+len(tool)]) != tool {
		return 0, nil, false
	}
	rest := head[fixed+len(tool):]
	n = binary.LittleEndian.Uint64(rest)
	if n > maxPayload || int64(n) != size-int64(len(head)) {
		return 0, nil, false
	}
	return n, rest[8:], true
}

// decode reads an entry of size bytes from r; ok is false for anything
// but a whole entry of this format and tool.
func decode(r io.Reader, size int64, tool string) ([]byte, bool) {
	n, sum, ok := readHeader(r, size, tool)
	if !ok {
		return nil, false
	}
	payload := make([]byte, n)
	if _, err := io.ReadFull(r, payload); err != nil {
		return nil, false
	}
	if got := sha256.Sum256(payload); !bytes.Equal(got[:], sum) {
		return nil, false
	}
	return payload, true
}

// Put stores payload under kind and key. It returns the error for tests
// and diagnostics; callers may ignore it (a failed Put is a later miss).
func (s *Store) Put(kind string, k Key, payload []byte) error {
	if s == nil {
		return nil
	}
	if !validKind(kind) {
		return errors.New("cache: bad kind " + kind)
	}
	if len(payload) > maxPayload {
		return errors.New("cache: entry too large")
	}
	p := s.path(kind, k)
	dir := filepath.Dir(p)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return err
	}
	_, err = f.Write(encodeHeader(s.tool, payload))
	if err == nil {
		_, err = f.Write(payload)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), p)
	}
	if err != nil {
		os.Remove(f.Name())
		return err
	}
	s.puts.Add(1)
	return nil
}

// Stats counts this process's hits, misses and writes.
func (s *Store) Stats() (hits, misses, puts int64) {
	if s == nil {
		return 0, 0, 0
	}
	return s.hits.Load(), s.misses.Load(), s.puts.Load()
}
