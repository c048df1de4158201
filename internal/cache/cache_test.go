package cache

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	gosync "sync"
	"testing"
	"time"
)

func open(t *testing.T, dir, tool string, limit int64) *Store {
	t.Helper()
	s, err := Open(Options{Dir: dir, Tool: tool, Limit: limit})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestRoundTrip(t *testing.T) {
	s := open(t, t.TempDir(), "v1", 0)
	k := KeyOf("a", "b")
	if _, ok := s.Get("group", k); ok {
		t.Fatal("Get on an empty store hit")
	}
	if err := s.Put("group", k, []byte("payload")); err != nil {
		t.Fatal(err)
	}
	got, ok := s.Get("group", k)
	if !ok || string(got) != "payload" {
		t.Fatalf("Get = %q, %v, want payload, true", got, ok)
	}
	if KeyOf("ab", "") == KeyOf("a", "b") {
		t.Error("KeyOf(ab, \"\") == KeyOf(a, b): parts run into each other")
	}
}

// TestDamagedEntries: every damaged entry is a miss, and a Put repairs it.
func TestDamagedEntries(t *testing.T) {
	tests := []struct {
		name   string
		damage func(b []byte) []byte
	}{
		{"truncated payload", func(b []byte) []byte { return b[:len(b)-3] }},
		{"truncated header", func(b []byte) []byte { return b[:10] }},
		{"empty", func([]byte) []byte { return nil }},
		{"flipped payload byte", func(b []byte) []byte { b[len(b)-1] ^= 1; return b }},
		{"bad magic", func(b []byte) []byte { b[0] = 'X'; return b }},
		{"other format version", func(b []byte) []byte { b[8]++; return b }},
		{"huge length", func(b []byte) []byte {
			i := 8 + 4 + 2 + len("v1")
			for j := range 8 {
				b[i+j] = 0xff
			}
			return b
		}},
		{"trailing bytes", func(b []byte) []byte { return append(b, 0) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t, t.TempDir(), "v1", 0)
			k := KeyOf(tt.name)
			if err := s.Put("blob", k, []byte("some payload")); err != nil {
				t.Fatal(err)
			}
			p := s.path("blob", k)
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, tt.damage(b), 0o644); err != nil {
				t.Fatal(err)
			}
			if got, ok := s.Get("blob", k); ok {
				t.Fatalf("Get of a damaged entry = %q, true; want a miss", got)
			}
			if err := s.Put("blob", k, []byte("again")); err != nil {
				t.Fatal(err)
			}
			if got, ok := s.Get("blob", k); !ok || string(got) != "again" {
				t.Fatalf("after Put, Get = %q, %v; want again, true", got, ok)
			}
		})
	}
}

func TestOtherToolVersion(t *testing.T) {
	dir := t.TempDir()
	k := KeyOf("x")
	if err := open(t, dir, "v1 (commit aaaa)", 0).Put("group", k, []byte("old")); err != nil {
		t.Fatal(err)
	}
	s2 := open(t, dir, "v2 (commit bbbb)", 0)
	if got, ok := s2.Get("group", k); ok {
		t.Fatalf("an entry of another tool version was read: %q", got)
	}
}

func TestUnreadableDir(t *testing.T) {
	var s *Store
	if _, ok := s.Get("group", KeyOf("x")); ok {
		t.Error("nil store hit")
	}
	if err := s.Put("group", KeyOf("x"), []byte("y")); err != nil {
		t.Errorf("nil store Put = %v", err)
	}
	dir := t.TempDir()
	st := open(t, dir, "v1", 0)
	// A file where the kind directory should be: Put fails, Get misses.
	if err := os.WriteFile(filepath.Join(dir, "group"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := st.Put("group", KeyOf("x"), []byte("y")); err == nil {
		t.Error("Put into a blocked directory succeeded")
	}
	if _, ok := st.Get("group", KeyOf("x")); ok {
		t.Error("Get hit after a failed Put")
	}
}

// TestConcurrent writes and reads the same keys from two stores on one
// directory (two runs) at once: every read is a whole entry or a miss.
func TestConcurrent(t *testing.T) {
	dir := t.TempDir()
	a, b := open(t, dir, "v1", 0), open(t, dir, "v1", 0)
	payload := func(i, w int) []byte { return bytes.Repeat([]byte{byte(w)}, 1000+i) }
	var wg gosync.WaitGroup
	for w, s := range []*Store{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range 200 {
				i := n % 20
				k := KeyOf(fmt.Sprint(i))
				if got, ok := s.Get("blob", k); ok {
					if len(got) != 1000+i || (got[0] != 0 && got[0] != 1) || !bytes.Equal(got, bytes.Repeat(got[:1], len(got))) {
						t.Errorf("key %d: read a mixed or wrong entry (%d bytes)", i, len(got))
					}
				}
				if err := s.Put("blob", k, payload(i, w)); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	info, err := a.Info()
	if err != nil {
		t.Fatal(err)
	}
	if info.Entries != 20 {
		t.Errorf("Info.Entries = %d, want 20 (no temporary file left)", info.Entries)
	}
}

func TestTrimEvictsLeastRecentlyUsed(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir, "v1", 3*1200)
	old := time.Now().Add(-time.Hour)
	for i := range 5 {
		k := KeyOf(fmt.Sprint(i))
		if err := s.Put("blob", k, make([]byte, 1000)); err != nil {
			t.Fatal(err)
		}
		at := old.Add(time.Duration(i) * time.Minute)
		os.Chtimes(s.path("blob", k), at, at)
	}
	// Using entry 0 makes it the most recent.
	if _, ok := s.Get("blob", KeyOf("0")); !ok {
		t.Fatal("miss")
	}
	if n := s.Trim(); n != 2 {
		t.Errorf("Trim removed %d, want 2", n)
	}
	for i, want := range []bool{true, false, false, true, true} {
		if _, ok := s.Get("blob", KeyOf(fmt.Sprint(i))); ok != want {
			t.Errorf("entry %d kept = %v, want %v", i, ok, want)
		}
	}
	info, _ := s.Info()
	if info.Bytes > 3*1200 {
		t.Errorf("store holds %d bytes after Trim, limit %d", info.Bytes, 3*1200)
	}
}

func TestClear(t *testing.T) {
	s := open(t, t.TempDir(), "v1", 0)
	for i := range 3 {
		s.Put("blob", KeyOf(fmt.Sprint(i)), []byte("x"))
	}
	s.Put("group", KeyOf("g"), []byte("x"))
	info, err := s.Clear(true)
	if err != nil || info.Entries != 4 || info.Kinds["blob"].Entries != 3 {
		t.Fatalf("Clear(dry run) = %+v, %v", info, err)
	}
	if _, ok := s.Get("group", KeyOf("g")); !ok {
		t.Fatal("dry run removed an entry")
	}
	if _, err := s.Clear(false); err != nil {
		t.Fatal(err)
	}
	if info, _ := s.Info(); info.Entries != 0 {
		t.Errorf("after Clear, %d entries", info.Entries)
	}
}

func TestLocation(t *testing.T) {
	root := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", filepath.Join(t.TempDir(), "xdg"))
	got, err := Location(root)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(filepath.Dir(got)) != os.Getenv("XDG_CACHE_HOME") {
		t.Errorf("without .git: %s, want under $XDG_CACHE_HOME/cnpe-i18n", got)
	}
	// A .git that is a symbolic link is not followed.
	target := t.TempDir()
	if err := os.Symlink(target, filepath.Join(root, ".git")); err != nil {
		t.Fatal(err)
	}
	if got2, _ := Location(root); got2 != got {
		t.Errorf("with .git a symlink: %s, want %s", got2, got)
	}
	root2 := t.TempDir()
	os.Mkdir(filepath.Join(root2, ".git"), 0o755)
	if got, _ := Location(root2); got != filepath.Join(root2, ".git", "cnpe-i18n") {
		t.Errorf("with a .git directory: %s", got)
	}
}

func FuzzDecode(f *testing.F) {
	f.Add(append(encodeHeader("v1", []byte("abc")), "abc"...))
	f.Add([]byte("cnpei18n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		payload, ok := decode(bytes.NewReader(b), int64(len(b)), "v1")
		if ok && len(payload) > len(b) {
			t.Fatalf("decoded %d bytes from %d", len(payload), len(b))
		}
	})
}

// TestLinksRefused: a store with a symbolic link where a directory or an
// entry belongs is not used, and never reads through the link.
func TestLinksRefused(t *testing.T) {
	outside := t.TempDir()
	k := KeyOf("x")
	t.Run("store directory", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "store")
		os.Symlink(outside, dir)
		if _, err := Open(Options{Dir: dir, Tool: "v1"}); err == nil {
			t.Error("Open accepted a store directory that is a link")
		}
	})
	t.Run("hash directory", func(t *testing.T) {
		dir := t.TempDir()
		os.MkdirAll(filepath.Join(dir, "group"), 0o755)
		os.Symlink(outside, filepath.Join(dir, "group", k.String()[:2]))
		if _, err := Open(Options{Dir: dir, Tool: "v1"}); err == nil {
			t.Error("Open accepted a hash directory that is a link")
		}
	})
	t.Run("entry", func(t *testing.T) {
		dir := t.TempDir()
		s := open(t, dir, "v1", 0)
		// A valid entry outside, linked in.
		target := filepath.Join(outside, "entry")
		os.WriteFile(target, append(encodeHeader("v1", []byte("forged")), "forged"...), 0o644)
		p := s.path("group", k)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.Symlink(target, p)
		if got, ok := s.Get("group", k); ok {
			t.Errorf("Get read %q through a link", got)
		}
	})
}

// TestStream: an entry written as a stream reads back through Get and
// Stream; a damaged one is a miss for both.
func TestStream(t *testing.T) {
	s := open(t, t.TempDir(), "v1", 0)
	k := KeyOf("s")
	w, err := s.Create("rendered", k)
	if err != nil {
		t.Fatal(err)
	}
	want := bytes.Repeat([]byte("0123456789"), 10000)
	for i := 0; i < len(want); i += 777 {
		w.Write(want[i:min(len(want), i+777)])
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	if got, ok := s.Get("rendered", k); !ok || !bytes.Equal(got, want) {
		t.Fatalf("Get after a streamed write: %d bytes, %v", len(got), ok)
	}
	sec, c, ok := s.Stream("rendered", k)
	if !ok {
		t.Fatal("Stream missed")
	}
	got, _ := io.ReadAll(sec)
	c.Close()
	if !bytes.Equal(got, want) {
		t.Fatalf("Stream read %d bytes, want %d", len(got), len(want))
	}
	p := s.path("rendered", k)
	b, _ := os.ReadFile(p)
	b[len(b)-5] ^= 1
	os.WriteFile(p, b, 0o644)
	if _, _, ok := s.Stream("rendered", k); ok {
		t.Error("Stream of a damaged entry hit")
	}
	w, _ = s.Create("rendered", KeyOf("aborted"))
	w.Write([]byte("x"))
	w.Abort()
	if info, _ := s.Info(); info.Entries != 1 {
		t.Errorf("after Abort, %d entries, want 1", info.Entries)
	}
}

// TestStreamPrefixed: an entry is a hit only when its payload starts
// with the prefix asked for, and a miss (not a panic) for a prefix
// longer than the payload.
func TestStreamPrefixed(t *testing.T) {
	s := open(t, t.TempDir(), "v1", 0)
	k := KeyOf("slot")
	if err := s.Put("rendered", k, []byte("key-1 output")); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		prefix string
		hit    bool
	}{
		{"", true},
		{"key-1", true},
		{"key-1 output", true},
		{"key-2", false},
		{"key-1 output and more", false},
	} {
		sec, c, ok := s.StreamPrefixed("rendered", k, []byte(tt.prefix))
		if ok != tt.hit {
			t.Errorf("StreamPrefixed(%q) hit = %v, want %v", tt.prefix, ok, tt.hit)
		}
		if ok {
			got, _ := io.ReadAll(sec)
			c.Close()
			if string(got) != "key-1 output" {
				t.Errorf("StreamPrefixed(%q) read %q, want the whole payload", tt.prefix, got)
			}
		}
	}
	if hits, misses, _ := s.Stats(); hits != 3 || misses != 2 {
		t.Errorf("%d hits, %d misses; want 3 and 2", hits, misses)
	}
}

// TestHasher: a key made part by part is KeyOf's key of the same parts,
// each part's length written before it (so parts never run into each
// other), long parts included.
func TestHasher(t *testing.T) {
	long := strings.Repeat("0123456789", 1000)
	parts := []string{"", "group", long, "x", long + "y"}
	h := NewHasher()
	for i, p := range parts {
		if i%2 == 0 {
			h.Add(p)
		} else {
			h.AddBytes([]byte(p))
		}
	}
	// The key by its definition: SHA-256 over each part's length (8
	// bytes, little-endian) and bytes.
	var def bytes.Buffer
	for _, p := range parts {
		binary.Write(&def, binary.LittleEndian, uint64(len(p)))
		def.WriteString(p)
	}
	want := Key(sha256.Sum256(def.Bytes()))
	if got := h.Key(); got != want {
		t.Errorf("Hasher key = %s, want %s", got, want)
	}
	if got := KeyOf(parts...); got != want {
		t.Errorf("KeyOf = %s, want %s", got, want)
	}
	if KeyOf("ab", "c") == KeyOf("a", "bc") {
		t.Error("parts run into each other")
	}
}
