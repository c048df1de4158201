package sync

import (
	"bytes"
	"hash/fnv"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
	"github.com/cnpe-i18n/cnpe-i18n/sync/change"
)

// TestFinder checks that the cursor and the filter change where a finder
// looks, never what it answers: asked in any order, it answers as
// bytes.Contains does.
func TestFinder(t *testing.T) {
	data := []byte("alpha beta gamma alpha delta, and a longer sentence to hold windows of eight bytes")
	tests := []struct {
		name string
		subs []string
	}{
		{"in order", []string{"alpha", "beta", "gamma", "delta"}},
		{"backwards", []string{"delta", "gamma", "beta", "alpha"}},
		{"repeated", []string{"alpha", "alpha", "alpha"}},
		{"absent", []string{"beta", "omega", "gamma"}},
		{"straddling the cursor", []string{"gamma", "ma alpha", "a beta g"}},
		{"whole and past", []string{string(data), "a", string(data) + "!"}},
		{"after misses, found and not", []string{"omega", "epsilon", "a longer sentence", "hold windows of eight", "eight bytes.", "windows of nine", "alpha beta"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := finder{data: data}
			for _, sub := range tt.subs {
				got := f.contains([]byte(sub))
				if want := bytes.Contains(data, []byte(sub)); got != want {
					t.Errorf("contains(%q) with the cursor at %d = %v, want %v", sub, f.from, got, want)
				}
				if f.from < 0 || f.from > len(data) {
					t.Fatalf("cursor %d outside the data", f.from)
				}
			}
		})
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
