// Package corpustest finds the real cnpe-community corpus kept beside the
// repository (../shared/corpus) for tests that check the tool on it.
//
//	dir := corpustest.Snapshot(t) // the site as files, read only
//	repo := corpustest.Clone(t)   // a fresh clone of its history
//
// Both skip the test when the corpus is not there. CNPE_CORPUS and
// CNPE_BUNDLE point elsewhere.
package corpustest

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Snapshot is the directory of the site snapshot.
func Snapshot(t testing.TB) string {
	t.Helper()
	return find(t, "CNPE_CORPUS", "cnpe-community")
}

// Clone clones the history bundle's main branch into a temporary
// directory of the test's own, which the test may write to.
func Clone(t testing.TB) string {
	t.Helper()
	bundle := find(t, "CNPE_BUNDLE", "cnpe-community-history.bundle")
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := filepath.Join(t.TempDir(), "cnpe")
	if out, err := exec.Command("git", "clone", "-q", "-b", "main", bundle, dir).CombinedOutput(); err != nil {
		t.Fatalf("git clone %s: %v\n%s", bundle, err, out)
	}
	return dir
}

// find is the absolute path of name in ../shared/corpus beside the module
// root, or the value of env; it skips the test when there is nothing there.
func find(t testing.TB, env, name string) string {
	t.Helper()
	p := os.Getenv(env)
	if p == "" {
		p = filepath.Join(moduleRoot(t), "..", "shared", "corpus", name)
	}
	abs, err := filepath.Abs(p)
	if err == nil {
		_, err = os.Stat(abs)
	}
	if err != nil {
		t.Skipf("corpus not found at %s (set %s)", p, env)
	}
	return abs
}

// moduleRoot is the nearest directory above the working directory (a
// test's package directory) with a go.mod.
func moduleRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the working directory")
		}
		dir = parent
	}
}
