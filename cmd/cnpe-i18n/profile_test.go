package main

import (
	"os"
	"path/filepath"
	"testing"
)

// The hidden profiling flags write their files whatever the command's
// outcome: a status that finds work (exit 1) is the run worth profiling.
func TestProfilesWrittenOnFindings(t *testing.T) {
	dir := hostileRepo(t, nil)
	prof := t.TempDir()
	cpu, mem := filepath.Join(prof, "cpu.prof"), filepath.Join(prof, "mem.prof")
	code, _, stderr := runIn(dir, "status", "--cpuprofile", cpu, "--memprofile", mem)
	if code != exitFindings {
		t.Fatalf("status exit %d, want %d (a stale page); stderr:\n%s", code, exitFindings, stderr)
	}
	for _, p := range []string{cpu, mem} {
		fi, err := os.Stat(p)
		if err != nil || fi.Size() == 0 {
			t.Errorf("%s: not written (%v)", filepath.Base(p), err)
		}
	}
}
