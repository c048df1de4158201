package history

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
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
	defer func(n int) { maxBatch = n }(maxBatch)
	maxBatch = 3 // whatever the processors, more workers than processes
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

// TestPackMemory: every git call gets pack memory bounds, the
// long-running cat-file processes their own: tighter ones for blobs,
// a larger pack window limit for the tree lookups.
func TestPackMemory(t *testing.T) {
	dir := newRepo(t)
	for _, tt := range []struct {
		memory    []string // nil: gitOutput's
		key, want string
	}{
		{nil, "core.packedGitWindowSize", "16m"},
		{nil, "core.packedGitLimit", "96m"},
		{nil, "core.deltaBaseCacheLimit", "16m"},
		{batchMemory, "core.packedGitWindowSize", "2m"},
		{batchMemory, "core.packedGitLimit", "32m"},
		{batchMemory, "core.deltaBaseCacheLimit", "8m"},
		{treeMemory, "core.packedGitWindowSize", "2m"},
		{treeMemory, "core.packedGitLimit", "64m"},
		{treeMemory, "core.deltaBaseCacheLimit", "16m"},
	} {
		var got string
		if tt.memory != nil {
			cmd, in, out, err := startBatch(dir, tt.memory, "config", tt.key)
			if err != nil {
				t.Fatal(err)
			}
			in.Close()
			b, _ := io.ReadAll(out)
			if err := cmd.Wait(); err != nil {
				t.Errorf("batch git config %s: %v", tt.key, err)
			}
			got = string(b)
		} else {
			var err error
			if got, err = gitOutput(context.Background(), dir, "config", tt.key); err != nil {
				t.Errorf("git config %s: %v", tt.key, err)
			}
		}
		if strings.TrimSpace(got) != tt.want {
			t.Errorf("git config %s = %q, want %q", tt.key, got, tt.want)
		}
	}
}

// TestTreeCheckMemory: BlobAt's processes get treeMemory.
func TestTreeCheckMemory(t *testing.T) {
	c, err := startCheck(newRepo(t))
	if err != nil {
		t.Fatal(err)
	}
	defer c.close()
	args := strings.Join(c.cmd.Args, " ")
	if !strings.Contains(args, "-c core.packedGitLimit=64m -c core.deltaBaseCacheLimit=16m cat-file") {
		t.Errorf("tree lookups run %s, want treeMemory's bounds", args)
	}
}

// BenchmarkBlobParallel reads blobs from two goroutines per processor,
// through one process behind a lock (as before the pool) and through up
// to four.
func BenchmarkBlobParallel(b *testing.B) {
	dir := b.TempDir()
	cmd := exec.Command("git", "init", "-q")
	cmd.Dir = dir
	if err := cmd.Run(); err != nil {
		b.Skip("no git")
	}
	var ids []string
	for i := range 200 {
		p := filepath.Join(dir, fmt.Sprintf("p%03d.md", i))
		content := []byte(fmt.Sprintf("# Page %d\n\n%s\n", i, strings.Repeat("some words of a page ", 400)))
		if err := os.WriteFile(p, content, 0o644); err != nil {
			b.Fatal(err)
		}
		ids = append(ids, BlobID(content))
	}
	for _, args := range [][]string{{"add", "-A"}, {"-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "pages"}, {"gc", "-q"}} {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	defer func(n int) { maxBatch = n }(maxBatch)
	for _, n := range []int{1, 4} {
		b.Run(fmt.Sprintf("processes=%d", n), func(b *testing.B) {
			maxBatch = n
			h, err := ReadHistory(context.Background(), dir, nil)
			if err != nil {
				b.Fatal(err)
			}
			defer h.Close()
			b.SetParallelism(2)
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				i := 0
				for pb.Next() {
					if _, ok, err := h.Blob(ids[i%len(ids)]); !ok || err != nil {
						b.Errorf("Blob: %v, %v", ok, err)
					}
					i++
				}
			})
		})
	}
}
