package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/cnpe-i18n/cnpe-i18n/internal/cache"
)

// TestMain keeps the tests' caches of repositories without a .git
// directory out of the user's cache directory.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "cnpe-i18n-cache-test")
	if err == nil {
		os.Setenv("XDG_CACHE_HOME", dir)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func cacheInfo(t *testing.T, dir string) cache.Info {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := run([]string{"cache", "info", "-C", dir, "--format", "json"}, nil, &stdout, &stderr); code != exitOK {
		t.Fatalf("cache info: exit %d: %s", code, stderr.String())
	}
	var in cache.Info
	if err := json.Unmarshal(stdout.Bytes(), &in); err != nil {
		t.Fatal(err)
	}
	return in
}

// TestCacheCommand: status fills the cache in .git, --no-cache leaves it
// alone and gives the same JSON, cache clear empties it.
func TestCacheCommand(t *testing.T) {
	dir := demoRepo(t)
	status := func(extra ...string) []byte {
		t.Helper()
		var stdout, stderr bytes.Buffer
		args := append([]string{"status", "-C", dir, "--format", "json", "--fail-on", "none"}, extra...)
		if code := run(args, nil, &stdout, &stderr); code != exitOK {
			t.Fatalf("status %v: exit %d: %s", extra, code, stderr.String())
		}
		return stdout.Bytes()
	}
	noCache := status("--no-cache")
	if _, err := os.Stat(filepath.Join(dir, ".git", "cnpe-i18n")); !os.IsNotExist(err) {
		t.Fatalf("--no-cache made the cache directory (%v)", err)
	}
	if got := status(); !bytes.Equal(got, noCache) {
		t.Errorf("cold run's JSON differs from --no-cache:\n%s\nwant\n%s", got, noCache)
	}
	if got := status(); !bytes.Equal(got, noCache) {
		t.Errorf("warm run's JSON differs from --no-cache:\n%s\nwant\n%s", got, noCache)
	}
	in := cacheInfo(t, dir)
	if in.Dir != filepath.Join(dir, ".git", "cnpe-i18n") || in.Kinds["group"].Entries == 0 || in.Kinds["history"].Entries != 1 {
		t.Fatalf("cache info after two runs = %+v; want group and history entries in .git/cnpe-i18n", in)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"cache", "clear", "-C", dir, "--dry-run"}, nil, &stdout, &stderr); code != exitOK {
		t.Fatalf("cache clear --dry-run: exit %d: %s", code, stderr.String())
	}
	if got := cacheInfo(t, dir); got.Entries != in.Entries {
		t.Errorf("--dry-run removed entries: %d left of %d", got.Entries, in.Entries)
	}
	if code := run([]string{"cache", "clear", "-C", dir}, nil, &stdout, &stderr); code != exitOK {
		t.Fatalf("cache clear: exit %d: %s", code, stderr.String())
	}
	if got := cacheInfo(t, dir); got.Entries != 0 {
		t.Errorf("after cache clear, %d entries", got.Entries)
	}
}
