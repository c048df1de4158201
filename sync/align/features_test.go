package align

import (
	"slices"
	"strings"
	"testing"
)

var wordCases = []string{
	"",
	"a",
	"Run kubectl apply -f pod.yaml",
	"don't split_names v1.2 x y zz",
	"  The   Pod's IP\\tis 10.0.0.1, see RFC-1918.",
	"smart “quotes” — and dashes… stay out",
	"café résumé naïve",            // words go on through Latin letters
	"İstanbul and \u212Aelvin",     // runes whose lower case is ASCII
	"日本語のPodとService",              // CJK around Latin words
	"Ünïcode first, then ascii",    // a word that starts with a non-ASCII letter
	"bad \xff\xfe bytes and words", // invalid UTF-8
	"tab\u00a0nbsp\u2003emspace",   // non-ASCII spaces
}

func TestWordHashes(t *testing.T) {
	for _, c := range wordCases {
		got, want := sortedSet(wordHashes(c)), sortedSet(tokenHashes(c))
		if !slices.Equal(got, want) {
			t.Errorf("wordHashes(%q) = %x, want %x", c, got, want)
		}
	}
}

func TestLowerHash(t *testing.T) {
	for _, c := range append(wordCases, "Kubernetes", "IPv6", "ÉCOLE") {
		if got, want := lowerHash(c), strHash(strings.ToLower(c)); got != want {
			t.Errorf("lowerHash(%q) = %x, want %x", c, got, want)
		}
	}
	for _, c := range []string{"", "1,000", "1,000,000.5", "42"} {
		if got, want := numberHash(c), strHash("n:"+strings.ReplaceAll(c, ",", "")); got != want {
			t.Errorf("numberHash(%q) = %x, want %x", c, got, want)
		}
	}
	if got, want := strHash2("l:", "/docs/"), strHash("l:/docs/"); got != want {
		t.Errorf("strHash2 = %x, want %x", got, want)
	}
}

func FuzzWordHashes(f *testing.F) {
	for _, c := range wordCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := sortedSet(wordHashes(s)), sortedSet(tokenHashes(s)); !slices.Equal(got, want) {
			t.Errorf("wordHashes(%q) = %x, want %x", s, got, want)
		}
		if got, want := lowerHash(s), strHash(strings.ToLower(s)); got != want {
			t.Errorf("lowerHash(%q) = %x, want %x", s, got, want)
		}
	})
}

// TestMerge checks merge against two units' features merged by hand:
// anchors with every repeat, words and names each once, sorted; lengths
// added.
func TestMerge(t *testing.T) {
	a := features{anchors: []uint64{1, 3, 3, 7}, words: []uint64{2, 4, 9}, names: []uint64{4}, length: 3, prose: true}
	b := features{anchors: []uint64{3, 5}, words: []uint64{1, 4, 10}, length: 4, prose: true}
	m := merge(a, b)
	if want := []uint64{1, 3, 3, 3, 5, 7}; !slices.Equal(m.anchors, want) {
		t.Errorf("anchors %v, want %v", m.anchors, want)
	}
	if want := []uint64{1, 2, 4, 9, 10}; !slices.Equal(m.words, want) {
		t.Errorf("words %v, want %v", m.words, want)
	}
	if want := []uint64{4}; !slices.Equal(m.names, want) {
		t.Errorf("names %v, want %v", m.names, want)
	}
	if m.length != 7 {
		t.Errorf("length %v, want 7", m.length)
	}
	// Appending to one list must not write over the next.
	m.anchors = append(m.anchors, 99)
	if m.words[0] != 1 {
		t.Errorf("anchors share their array with words: %v", m.words)
	}
	if e := merge(features{}, features{}); e.anchors != nil || e.words != nil || e.names != nil {
		t.Errorf("empty merge = %+v", e)
	}
}
