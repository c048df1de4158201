package sync

import (
	"context"
	"os"
	"path/filepath"
	"testing"

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
