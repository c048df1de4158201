package sync

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/parse"
	"github.com/cnpe-i18n/cnpe-i18n/sync/change"
	"github.com/cnpe-i18n/cnpe-i18n/sync/history"
)

// TestVersionsKeepRaw: a blob read for a byte-for-byte probe is read
// from the repository once: probed again, or parsed after, it is served
// from what was read (here, after its object is gone).
func TestVersionsKeepRaw(t *testing.T) {
	dir := cacheSite(t)
	old := "# 베타\n\n베타 글.\n" // content/ko/b.md before its last commit
	id := history.BlobID([]byte(old))
	s, err := Load(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	vs := s.newVersions()
	if data, _, found := vs.raw(id); !found || string(data) != old {
		t.Fatalf("raw(%s) = %q, %v; want the old page", id, data, found)
	}
	if err := os.Remove(filepath.Join(dir, ".git", "objects", id[:2], id[2:])); err != nil {
		t.Fatal(err)
	}
	if data, _, found := vs.raw(id); !found || string(data) != old {
		t.Errorf("raw again = %q, %v; want the bytes read before", data, found)
	}
	if doc := vs.doc(id, "content/ko/b.md"); doc == nil || string(doc.Src) != old {
		t.Errorf("doc after raw: %v; want the page parsed from the bytes read before", doc)
	}
	if vs.missing != 0 {
		t.Errorf("%d blobs missing, want 0", vs.missing)
	}
}

// TestVersionsReadError: a blob git fails to give (here an id that is no
// object id) counts as missing, like an absent one, so that nothing made
// without it is kept in the cache.
func TestVersionsReadError(t *testing.T) {
	s, err := Load(context.Background(), cacheSite(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	vs := s.newVersions()
	if _, _, found := vs.raw("not-an-object-id"); found {
		t.Fatal("raw of a bad id found")
	}
	if vs.missing != 1 || s.missingBlobs.Load() != 1 {
		t.Errorf("missing %d, run %d; want 1, 1", vs.missing, s.missingBlobs.Load())
	}
}

// TestVersionsWordsKey: the words keys a group reuses across versions
// are each unit's own, a front matter field's with its key: two fields
// that say the same are different units, body units that say the same
// are one.
func TestVersionsWordsKey(t *testing.T) {
	older, err := parse.Parse("a.md", []byte("---\ntitle: Same words\ndescription: Same words\n---\n\nSame words.\n\nOther words, older.\n"))
	if err != nil {
		t.Fatal(err)
	}
	newer, err := parse.Parse("a.md", []byte("---\ntitle: Same words\n---\n\n# Same words\n\nOther words, newer.\n\nSame words.\n"))
	if err != nil {
		t.Fatal(err)
	}
	vs := (&Site{}).newVersions()
	for _, doc := range []*parse.Document{older, newer, older} {
		for i := range doc.Units {
			u := &doc.Units[i]
			if got, want := vs.wordsKey(doc, i), wordsKey(u)|1; got != want {
				t.Errorf("wordsKey of %s %q = %x, want %x", u.ID, u.Text, got, want)
			}
		}
	}
	if vs.wordsKey(older, 0) == vs.wordsKey(older, 1) {
		t.Error("title and description that say the same have the same key")
	}
}

// BenchmarkVersionsWordsKey keys the units of three versions of a page,
// which share most of their units, in one group.
func BenchmarkVersionsWordsKey(b *testing.B) {
	var docs []*parse.Document
	para := strings.Repeat("Kubernetes runs containerized workloads on a cluster of nodes (version 1.31). ", 4)
	for v := range 3 {
		var src strings.Builder
		src.WriteString("---\ntitle: Nodes\n---\n\n")
		for p := range 40 {
			fmt.Fprintf(&src, "Paragraph %d: %s\n\n", p+v*(p%7/6), para)
		}
		doc, err := parse.Parse("a.md", []byte(src.String()))
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, doc)
	}
	s := &Site{}
	for b.Loop() {
		vs := s.newVersions()
		for _, doc := range docs {
			for i := range doc.Units {
				vs.wordsKey(doc, i)
			}
		}
	}
}

// TestVersionsWordDiff: a change's word diff is made once per group, of
// its words or of its markup, and is what change makes of the units.
func TestVersionsWordDiff(t *testing.T) {
	before, err := parse.Parse("a.md", []byte("Run the *old* tool twice.\n"))
	if err != nil {
		t.Fatal(err)
	}
	after, err := parse.Parse("a.md", []byte("Run the *new* tool once.\n"))
	if err != nil {
		t.Fatal(err)
	}
	c := &change.Change{Kind: change.Prose, Before: &before.Units[0], After: &after.Units[0]}
	vs := (&Site{}).newVersions()
	words, markup := vs.wordDiff(c, false), vs.wordDiff(c, true)
	if want := change.UnitWordDiff(c.Before, c.After); !reflect.DeepEqual(words, want) {
		t.Errorf("word diff %v, want %v", words, want)
	}
	if want := change.WordDiff(c.Before.Text, c.After.Text); !reflect.DeepEqual(markup, want) {
		t.Errorf("markup diff %v, want %v", markup, want)
	}
	if reflect.DeepEqual(words, markup) {
		t.Errorf("word and markup diffs are the same: %v", words)
	}
	if again := vs.wordDiff(c, false); len(again) == 0 || &again[0] != &words[0] {
		t.Error("the word diff is made again")
	}
}
