package align

import (
	"bufio"
	"crypto/sha256"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/internal/cputime"
	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

// A replay is the alignments of a real run, to time and check changes of
// this package on what the tool aligns: a directory of pages N.md (and
// their paths N.path) and seq.txt, one alignment a line: the cache it
// used (-1 for none), the source and target page numbers and the ratio.
// CNPE_ALIGN_REPLAY names the directory; the tests skip without it.

type replayCall struct {
	cache    int
	src, tgt *parse.Document
	ratio    float64
}

func loadReplay(tb testing.TB) []replayCall {
	dir := os.Getenv("CNPE_ALIGN_REPLAY")
	if dir == "" {
		tb.Skip("CNPE_ALIGN_REPLAY is not set")
	}
	f, err := os.Open(filepath.Join(dir, "seq.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	docs := map[int]*parse.Document{}
	doc := func(n int) *parse.Document {
		if d, ok := docs[n]; ok {
			return d
		}
		src, err := os.ReadFile(filepath.Join(dir, fmt.Sprintf("%d.md", n)))
		if err != nil {
			tb.Fatal(err)
		}
		path, err := os.ReadFile(filepath.Join(dir, fmt.Sprintf("%d.path", n)))
		if err != nil {
			tb.Fatal(err)
		}
		d, err := parse.Parse(string(path), src)
		if err != nil {
			tb.Fatalf("%s: %v", path, err)
		}
		docs[n] = d
		return d
	}
	var calls []replayCall
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) != 4 {
			tb.Fatalf("seq.txt: bad line %q", sc.Text())
		}
		c, err1 := strconv.Atoi(fs[0])
		s, err2 := strconv.Atoi(fs[1])
		t, err3 := strconv.Atoi(fs[2])
		r, err4 := strconv.ParseFloat(fs[3], 64)
		if err1 != nil || err2 != nil || err3 != nil || err4 != nil {
			tb.Fatalf("seq.txt: bad line %q", sc.Text())
		}
		calls = append(calls, replayCall{c, doc(s), doc(t), r})
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return calls
}

// replay makes the alignments of calls, each cache new, and calls fn with
// each one's pairs.
func replay(calls []replayCall, fn func(k int, pairs []Pair)) {
	caches := map[int]*Cache{}
	for k, c := range calls {
		opts := Options{Ratio: c.ratio}
		if c.cache >= 0 {
			if caches[c.cache] == nil {
				caches[c.cache] = new(Cache)
			}
			opts.Cache = caches[c.cache]
		}
		pairs := Align(c.src, c.tgt, opts)
		if fn != nil {
			fn(k, pairs)
		}
	}
}

var update = flag.Bool("update", false, "record the replay's digest.txt (TestReplayDigest)")

// TestReplayDigest checks a digest of the pairs of a replay against the
// one recorded in its digest.txt (-update records it, before a change
// that must not change what is aligned).
func TestReplayDigest(t *testing.T) {
	calls := loadReplay(t)
	h := sha256.New()
	replay(calls, func(k int, pairs []Pair) {
		fmt.Fprintln(h, k, pairs)
	})
	got := fmt.Sprintf("%x", h.Sum(nil)[:12])
	file := filepath.Join(os.Getenv("CNPE_ALIGN_REPLAY"), "digest.txt")
	if *update {
		if err := os.WriteFile(file, []byte(got+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v: record the digest with -update first", err)
	}
	if w := strings.TrimSpace(string(want)); got != w {
		t.Errorf("%d alignments, digest %s, want %s: the pairs changed", len(calls), got, w)
	}
}

// BenchmarkReplay reports the process's CPU time per replay too
// (cpu-ns/op, the garbage collector's included): on a shared machine it
// varies less than the wall time.
func BenchmarkReplay(b *testing.B) {
	calls := loadReplay(b)
	b.ReportAllocs()
	runtime.GC()
	b.ResetTimer()
	before := cputime.Process()
	for b.Loop() {
		replay(calls, nil)
	}
	b.ReportMetric(float64(cputime.Process()-before)/float64(b.N), "cpu-ns/op")
}
