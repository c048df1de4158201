package main

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestCompareUnits(t *testing.T) {
	base := &baseView{Blob: "b1"}
	page := func(units ...unitView) *pageView { return &pageView{Base: base, Units: units} }
	stale := func(id, before string) unitView { return unitView{ID: id, State: "stale", SourceBefore: before} }
	tests := []struct {
		name                 string
		got, ref             *pageView
		unitWords, sameStale bool
	}{
		{"both current", page(), page(), true, true},
		{"same stale unit, same base words", page(stale("p1", "Feed the cat.")), page(stale("p1", "Feed the cat.")), true, true},
		{"same words, other spacing and punctuation", page(stale("p1", "Feed  the cat!")), page(stale("p1", "feed the cat.")), true, true},
		{"stale in both, older base words", page(stale("p1", "Feed the dog.")), page(stale("p1", "Feed the cat.")), false, true},
		{"stale only with pins ignored", page(stale("p1", "Feed the dog.")), page(), false, false},
		{"stale only with pins honoured", page(), page(stale("p1", "Feed the dog.")), false, false},
		{"mechanical is the current words", page(unitView{ID: "p1", State: "mechanical"}), page(), true, true},
		{"obsolete in both, other source text reported", page(unitView{ID: "p1", State: "obsolete", SourceBefore: "Old."}), page(unitView{ID: "p1", State: "obsolete", SourceBefore: "Older."}), true, true},
		{"obsolete against stale", page(unitView{ID: "p1", State: "obsolete", SourceBefore: "Old."}), page(stale("p1", "Old.")), false, false},
		{"new source units are not translated units", page(unitView{ID: "s9", State: "new"}), page(), true, true},
		{"no base with pins honoured", page(), &pageView{Base: &baseView{}}, false, false},
		{"page absent", page(), nil, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, s := compareUnits(tt.got, tt.ref)
			if w != tt.unitWords || s != tt.sameStale {
				t.Errorf("compareUnits = %v, %v; want %v, %v", w, s, tt.unitWords, tt.sameStale)
			}
		})
	}
}

// TestFindPinnedRenamed: a pin older than a rename of the English page
// resolves under the name the page had then (a git rename, then a move
// into a bundle), and a pin from before the page existed does not.
func TestFindPinnedRenamed(t *testing.T) {
	r := newRepo(t)
	page := "---\ntitle: Harbour\n---\n\nBoats moor at the east quay.\n"
	first := r.commit("add", "hugo.toml", hugoConfig, "content/en/quay.md", page, "content/en/other.md", "---\ntitle: Other\n---\n\nGulls.\n")
	r.git("mv", "content/en/quay.md", "content/en/harbour.md")
	r.git("commit", "-q", "-m", "rename")
	r.git("mv", "content/en/harbour.md", "content/en/harbour-bundle.md")
	r.git("commit", "-q", "-m", "rename again")
	os.MkdirAll(filepath.Join(r.dir, "content/en/harbour-bundle"), 0o755)
	r.git("mv", "content/en/harbour-bundle.md", "content/en/harbour-bundle/index.md")
	r.git("commit", "-q", "-m", "bundle")
	pin := func(c string) string {
		return "---\ntitle: Puerto\ndefault_lang_commit: " + c + "\n---\n\nLos barcos amarran en el muelle este.\n"
	}
	r.commit("es", "content/es/harbour-bundle/index.md", pin(first), "content/es/other.md", pin("0000000000000000000000000000000000000001"))
	bl, err := openBlobs(context.Background(), r.dir)
	if err != nil {
		t.Fatal(err)
	}
	defer bl.close()
	got, err := findPinned(context.Background(), r.dir, contentLayout{Dir: "content", Source: "en"}, "default_lang_commit", bl)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("found %d pinned pages, want 2: %+v", len(got), got)
	}
	if p := got[0]; p.PinPath != "content/en/quay.md" || p.PinBlob == "" {
		t.Errorf("%s: pinned source %q %q, want content/en/quay.md and its blob", p.Translation, p.PinPath, p.PinBlob)
	}
	if p := got[1]; p.PinPath != "" || p.PinBlob != "" {
		t.Errorf("%s: pin resolved to %q %q, want nothing", p.Translation, p.PinPath, p.PinBlob)
	}
}

// TestRenamesOfNonASCII: a rename of a page whose name git would quote
// is read under its own name.
func TestRenamesOfNonASCII(t *testing.T) {
	r := newRepo(t)
	r.commit("add", "hugo.toml", hugoConfig, "content/en/quai-été.md", "---\ntitle: Quai\n---\n\nBoats moor here.\n")
	r.git("mv", "content/en/quai-été.md", "content/en/môle.md")
	r.git("commit", "-q", "-m", "rename")
	got, err := renamesOf(context.Background(), r.dir, "content/en")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"content/en/quai-été.md"}; !slices.Equal(got["content/en/môle.md"], want) {
		t.Errorf("renames = %q, want content/en/môle.md from %q", got, want)
	}
}

func TestBundleTwin(t *testing.T) {
	for in, want := range map[string]string{
		"content/en/a.md":       "content/en/a/index.md",
		"content/en/a/index.md": "content/en/a.md",
		"content/en/_index.md":  "",
		"index.md":              "",
	} {
		if got := bundleTwin(in); got != want {
			t.Errorf("bundleTwin(%q) = %q, want %q", in, got, want)
		}
	}
}
