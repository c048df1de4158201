package sync

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
	"github.com/cnpe-i18n/cnpe-i18n/sync/change"
)

func TestHolds(t *testing.T) {
	const now = "---\ntitle: Agent\n---\n\nThe agent collects traces.\n\nRestart it.\n"
	tests := []struct {
		name, older string
		unit        int // index of the unit of now
		want        bool
	}{
		{"same file", now, 1, true},
		{"moved, same white space", "---\ntitle: Agent\n---\n\nIntro.\n\nThe agent collects traces.\n\nRestart it.\n", 1, true},
		{"lost a last sentence", "---\ntitle: Agent\n---\n\nThe agent collects traces.\nLocal agents are the default.\n\nRestart it.\n", 1, false},
		{"lost a first sentence", "---\ntitle: Agent\n---\n\nAgents run everywhere.\nThe agent collects traces.\n\nRestart it.\n", 1, false},
		{"lost words on the same line", "---\ntitle: Agent\n---\n\nThe agent collects traces. Often.\n\nRestart it.\n", 1, false},
		{"last unit lost a line", "---\ntitle: Agent\n---\n\nThe agent collects traces.\n\nRestart it.\nThen check.\n", 2, false},
		{"last unit, same end", "---\ntitle: Old\n---\n\nRestart it.\n", 2, true},
		{"second occurrence whole", "---\ntitle: Agent\n---\n\nThe agent collects traces. Often.\n\nThe agent collects traces.\n\nRestart it.\n", 1, true},
		{"absent", "---\ntitle: Agent\n---\n\nSomething else.\n", 1, false},
		{"indented, same line breaks", "---\ntitle: Agent\n---\n\n  The agent collects traces.\n\nRestart it.\n", 1, true},
		{"inside a word", "---\ntitle: Agent\n---\n\nXThe agent collects traces.\n\nRestart it.\n", 1, false},
	}
	doc, err := parse.Parse("now.md", []byte(now))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.unit >= len(doc.Units) {
				t.Fatalf("now has %d units", len(doc.Units))
			}
			if got := holds([]byte(tt.older), doc, &doc.Units[tt.unit]); got != tt.want {
				t.Errorf("holds(unit %d %q) = %v, want %v", tt.unit, doc.Units[tt.unit].Plain, got, tt.want)
			}
		})
	}
}

func TestHoldsTableCell(t *testing.T) {
	const now = "| Flag | Default |\n| --- | --- |\n| `cache` | true |\n"
	doc, err := parse.Parse("now.md", []byte(now))
	if err != nil {
		t.Fatal(err)
	}
	cell := -1
	for i, u := range doc.Units {
		if u.Plain == "true" {
			cell = i
		}
	}
	if cell < 0 {
		t.Fatal("no cell \"true\"")
	}
	tests := []struct {
		name, older string
		want        bool
	}{
		{"realigned table", "| Flag    | Default |\n| ------- | ------- |\n| `cache` | true    |\n", true},
		{"cell grew", "| Flag | Default |\n| --- | --- |\n| `cache` | true for all |\n", false},
		{"cell in a word", "| Flag | Default |\n| --- | --- |\n| `cache` | untrue |\n", false},
	}
	for _, tt := range tests {
		if got := holds([]byte(tt.older), doc, &doc.Units[cell]); got != tt.want {
			t.Errorf("%s: holds = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestFinder checks that the cursor and the filter change where a finder
// looks, never what it answers: asked for units in any order, it answers
// as a fresh search of the whole version does.
func TestFinder(t *testing.T) {
	const now = "Alpha one.\n\nBeta two.\n\nGamma three.\n\nDelta four.\n\nEpsilon five, a longer sentence to hold windows of eight bytes.\n"
	doc, err := parse.Parse("now.md", []byte(now))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Units) != 5 {
		t.Fatalf("now has %d units, want 5", len(doc.Units))
	}
	olders := []string{
		now,
		"Delta four.\n\nAlpha one.\n\nGamma three.\n\nBeta two.\n",
		"Alpha one. More.\n\nGamma three.\n\nEpsilon five, a longer sentence to hold windows of eight bytes.\n",
		"Intro.\n\nBeta two.\n\nBeta two.\n\nDelta four.\n",
	}
	orders := [][]int{{0, 1, 2, 3, 4}, {4, 3, 2, 1, 0}, {0, 0, 0}, {1, 3, 0, 2, 4}, {2, 0, 1, 4, 3, 2}}
	for oi, older := range olders {
		for _, order := range orders {
			f := finder{data: []byte(older)}
			for _, i := range order {
				u := &doc.Units[i]
				got := f.holds(doc, u)
				if want := holds([]byte(older), doc, u); got != want {
					t.Errorf("older %d, order %v: holds(%q) with the cursor at %d = %v, want %v", oi, order, u.Plain, f.from, got, want)
				}
				if f.from < 0 || f.from > len(older) {
					t.Fatalf("cursor %d outside the data", f.from)
				}
			}
		}
	}
}

// TestGramsNeverMiss checks the filter's promise on random texts: every
// piece of the data may be there, whatever its length and place.
func TestGramsNeverMiss(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	data := make([]byte, 5000)
	for i := range data {
		data[i] = "abcdefgh \n"[r.IntN(10)]
	}
	g := newGrams(data)
	rejected := 0
	for range 2000 {
		i := r.IntN(len(data))
		j := i + r.IntN(min(200, len(data)-i)+1)
		if !g.mayHold(data[i:j]) {
			t.Fatalf("the filter rules out data[%d:%d], which is in the data", i, j)
		}
		other := make([]byte, 40)
		for k := range other {
			other[k] = "ijklmnop"[r.IntN(8)]
		}
		if !g.mayHold(other) {
			rejected++
		}
	}
	if rejected < 1900 {
		t.Errorf("the filter ruled out %d of 2000 texts not in the data, want most", rejected)
	}
}

// TestWordsKeyIsFNV pins wordsKey to FNV-1a over the key and the folded
// words, as hash/fnv computes it.
func TestWordsKeyIsFNV(t *testing.T) {
	doc, err := parse.Parse("ja.md", []byte("---\ntitle: \"ノード　の 概要\"\n---\n\n# Ｎｏｄｅｓ\n\nA node runs Pods, version 1.31.\n\n"+strings.Repeat("長い段落。", 80)+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	for i := range doc.Units {
		u := &doc.Units[i]
		h := fnv.New64a()
		if u.Kind == parse.FrontMatter {
			h.Write([]byte(u.Key))
			h.Write([]byte{0})
		}
		h.Write([]byte(change.FoldWords(u.Plain)))
		if got, want := wordsKey(u), h.Sum64(); got != want {
			t.Errorf("wordsKey(%s) = %x, want %x", u.ID, got, want)
		}
	}
}

// BenchmarkFinder asks a finder for every unit of a long page, in order,
// in an older version where a paragraph near the top moved to the end:
// the cursor then passes the units after it.
func BenchmarkFinder(b *testing.B) {
	var now, moved strings.Builder
	for i := range 400 {
		fmt.Fprintf(&now, "문단 %d 은 이 페이지의 한 부분입니다. 쿠버네티스 노드와 파드.\n\n", i)
		if i != 3 {
			fmt.Fprintf(&moved, "문단 %d 은 이 페이지의 한 부분입니다. 쿠버네티스 노드와 파드.\n\n", i)
		}
	}
	now.WriteString("끝.\n")
	moved.WriteString("문단 3 은 이 페이지의 한 부분입니다. 쿠버네티스 노드와 파드.\n\n끝.\n")
	doc, err := parse.Parse("now.md", []byte(now.String()))
	if err != nil {
		b.Fatal(err)
	}
	data := []byte(moved.String())
	b.ReportAllocs()
	for b.Loop() {
		f := finder{data: data}
		for i := range doc.Units {
			if !f.holds(doc, &doc.Units[i]) {
				b.Fatalf("unit %d not found", i)
			}
		}
	}
}
