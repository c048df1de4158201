package sync

import (
	"reflect"
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
)

// TestGroupEntryRoundTrip: a group entry gives back each page's head and
// JSON, and an entry cut short or with bytes after it is refused.
func TestGroupEntryRoundTrip(t *testing.T) {
	reports := []PageReport{
		{Lang: "ko", Source: "content/en/a.md", Translation: "content/ko/a.md", State: PageStale, Words: 12,
			Units: []UnitReport{{ID: "p1", State: UnitStale, Kind: parse.FrontMatter}, {ID: "p2", State: UnitNew, Kind: parse.FrontMatter}}},
		{Lang: "ja", Source: "content/en/a.md", State: PageMissing, Units: []UnitReport{}},
	}
	idx := []int{0, 1}
	frags := make([][]byte, len(reports))
	for i := range reports {
		b, err := pageJSON(&reports[i])
		if err != nil {
			t.Fatal(err)
		}
		frags[i] = b
	}
	data := encodeGroup(reports, idx, frags)
	got, ok := decodeGroup(data)
	if !ok || len(got) != len(reports) {
		t.Fatalf("decodeGroup: %d pages, %v", len(got), ok)
	}
	for i, g := range got {
		r := reports[i]
		want := PageReport{Lang: r.Lang, Source: r.Source, Translation: r.Translation, State: r.State, Words: r.Words,
			frag: frags[i], units: len(r.Units)}
		if !reflect.DeepEqual(g, want) {
			t.Errorf("page %d: got %+v, want %+v", i, g, want)
		}
	}
	for _, bad := range [][]byte{data[:len(data)-1], append(append([]byte{}, data...), 0), data[:3], nil} {
		if _, ok := decodeGroup(bad); ok {
			t.Errorf("decodeGroup(%q) accepted", bad)
		}
	}
}

// FuzzDecodeGroup: whatever an entry holds, decodeGroup does not panic,
// and what it accepts encodes back to an entry that decodes the same.
func FuzzDecodeGroup(f *testing.F) {
	r := []PageReport{{Lang: "ko", Source: "s.md", Translation: "t.md", State: PageCurrent}}
	f.Add(encodeGroup(r, []int{0}, [][]byte{[]byte(`{"lang": "ko"}`)}))
	f.Add([]byte{1, 1, 0, 0, 9})
	f.Fuzz(func(t *testing.T, data []byte) {
		got, ok := decodeGroup(data)
		if !ok {
			return
		}
		idx := make([]int, len(got))
		frags := make([][]byte, len(got))
		for i := range got {
			idx[i], frags[i] = i, got[i].frag
		}
		again, ok := decodeGroup(encodeGroup(got, idx, frags))
		if !ok || !reflect.DeepEqual(again, got) {
			t.Errorf("decoded %+v, encoded and decoded again %+v (%v)", got, again, ok)
		}
	})
}
