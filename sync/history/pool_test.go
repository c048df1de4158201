package history

import (
	"context"
	"errors"
	"fmt"
	"strings"
	gosync "sync"
	"testing"
)

// TestBlobConcurrent: many workers reading blobs and trees at once each
// get their own answer, however the processes are shared; a request that
// names a commit rather than a blob fails alone and the next reads work.
func TestBlobConcurrent(t *testing.T) {
	dir := newRepo(t)
	files := map[string]string{}
	for i := range 20 {
		files[fmt.Sprintf("content/en/p%02d.md", i)] = fmt.Sprintf("# Page %d\n\n%s\n", i, strings.Repeat("word ", i*50))
	}
	commitFiles(t, dir, "pages", files)
	head := gitOut(t, dir, "rev-parse", "HEAD")
	h, err := ReadHistory(context.Background(), dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	var wg gosync.WaitGroup
	errs := make(chan error, 8*len(files))
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for name, want := range files {
				id, ok, err := h.BlobAt(head, name)
				if err != nil || !ok {
					errs <- fmt.Errorf("worker %d: BlobAt(%s) = %v, %v", w, name, ok, err)
					continue
				}
				if _, _, err := h.Blob(head); !errors.As(err, new(*NotBlobError)) {
					errs <- fmt.Errorf("worker %d: Blob(commit) error %v, want NotBlobError", w, err)
				}
				got, ok, err := h.Blob(id)
				if err != nil || !ok || string(got) != want {
					errs <- fmt.Errorf("worker %d: Blob(%s) = %q, %v, %v; want %q", w, name, got, ok, err, want)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if err := h.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	// A closed History starts its processes again when asked.
	if _, ok, err := h.Blob(BlobID([]byte(files["content/en/p01.md"]))); !ok || err != nil {
		t.Errorf("Blob after Close = %v, %v", ok, err)
	}
}

// TestPackMemory: every git call gets the pack memory bounds.
func TestPackMemory(t *testing.T) {
	dir := newRepo(t)
	for _, tt := range []struct{ key, want string }{
		{"core.packedGitWindowSize", "16m"},
		{"core.packedGitLimit", "64m"},
		{"core.deltaBaseCacheLimit", "16m"},
	} {
		got, err := gitOutput(context.Background(), dir, "config", tt.key)
		if err != nil || strings.TrimSpace(got) != tt.want {
			t.Errorf("git config %s = %q, %v; want %q", tt.key, got, err, tt.want)
		}
	}
}
